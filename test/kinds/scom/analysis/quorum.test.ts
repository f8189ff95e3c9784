import { describe, expect, it } from 'vitest';
import { poolQuorum, quorum, votesNeeded } from '../../../../src/kinds/scom/analysis/quorum.js';
import { names, topologyOf } from '../../../helpers.js';

/** FORMAT.md's seed table: members, then V / tolerable with and without the default observer. */
const SEED_TABLE = [
  { members: '1 management server', ms: 1, gw: 0, with: [2, 0], without: [1, 0] },
  { members: '2 management servers', ms: 2, gw: 0, with: [3, 1], without: [2, 0] },
  { members: '3 management servers', ms: 3, gw: 0, with: [4, 1], without: [3, 1] },
  { members: '4 management servers', ms: 4, gw: 0, with: [5, 2], without: [4, 1] },
  { members: '5 management servers', ms: 5, gw: 0, with: [6, 2], without: [5, 2] },
  { members: '1 gateway', ms: 0, gw: 1, with: [1, 0], without: [1, 0] },
  { members: '2 gateways', ms: 0, gw: 2, with: [2, 0], without: [2, 0] },
  { members: '3 gateways', ms: 0, gw: 3, with: [3, 1], without: [3, 1] },
] as const;

describe('quorum model: FORMAT.md seed table', () => {
  it.each(SEED_TABLE)('$members', ({ ms, gw, with: withDo, without }) => {
    const msNames = names('ms', ms);
    const gwNames = names('gw', gw);
    const topology = topologyOf({
      managementServers: [{ name: 'other' }, ...msNames.map((name) => ({ name }))],
      gateways: gwNames.map((name) => ({ name, managementServers: ['other'] })),
      pools: [{ name: 'p', members: [...msNames, ...gwNames] }],
    });
    const q = poolQuorum(topology.pools[0]!);
    expect([q.withDefaultObserver.votingMembers, q.withDefaultObserver.tolerableFailures]).toEqual(withDo);
    expect([q.withoutDefaultObserver.votingMembers, q.withoutDefaultObserver.tolerableFailures]).toEqual(without);
    // A console-created pool has the default observer enabled: as configured = "with".
    expect(q.configured.tolerableFailures).toBe(withDo[1]);
    expect(q.configured.highlyAvailable).toBe(withDo[1] >= 1);
  });
});

describe('quorum', () => {
  it('needs more than half: exactly half is not enough', () => {
    expect([1, 2, 3, 4, 5, 6].map(votesNeeded)).toEqual([1, 2, 2, 3, 3, 4]);
  });

  it('counts observer-only members as voters but not as members to run workflows', () => {
    // 1 member + 2 observers: V = 3, quorum survives one loss, but the one member cannot fail.
    expect(quorum(1, 2, false)).toEqual({ votingMembers: 3, votesNeeded: 2, tolerableFailures: 0 });
    // 2 members + 1 observer + default observer: V = 4, ceil(4/2) - 1 = 1.
    expect(quorum(2, 1, true)).toEqual({ votingMembers: 4, votesNeeded: 3, tolerableFailures: 1 });
  });

  it('never goes below zero, even with no members', () => {
    expect(quorum(0, 0, false).tolerableFailures).toBe(0);
    expect(quorum(0, 3, true).tolerableFailures).toBe(0);
  });

  it('holds its invariants for every small pool', () => {
    for (let m = 0; m <= 12; m++) {
      for (let o = 0; o <= 4; o++) {
        for (const d of [true, false]) {
          const q = quorum(m, o, d);
          expect(q.votesNeeded * 2).toBeGreaterThan(q.votingMembers);
          expect(q.tolerableFailures).toBeGreaterThanOrEqual(0);
          expect(q.tolerableFailures).toBeLessThanOrEqual(Math.max(0, m - 1));
          // Losing the tolerable failures keeps quorum; losing one more member does not both keep quorum and a member.
          if (m > 0) expect(q.votingMembers - q.tolerableFailures).toBeGreaterThanOrEqual(q.votesNeeded);
          const more = q.tolerableFailures + 1;
          if (more <= m) expect(q.votingMembers - more < q.votesNeeded || m - more < 1).toBe(true);
        }
      }
    }
  });

  it('lets the default observer vote in a mixed pool (spec choice) but not in a gateway-only pool', () => {
    const topology = topologyOf({
      managementServers: [{ name: 'ms1' }],
      gateways: [{ name: 'gw1', managementServers: ['ms1'] }, { name: 'gw2', managementServers: ['ms1'] }],
      pools: [{ name: 'mixed', members: ['ms1', 'gw1'] }, { name: 'gateways', members: ['gw1', 'gw2'] }],
    });
    expect(poolQuorum(topology.pools[0]!).defaultObserver).toEqual({ enabled: true, participates: true });
    expect(poolQuorum(topology.pools[1]!).defaultObserver).toEqual({ enabled: true, participates: false });
  });

  it('disables the default observer for pools created with PowerShell', () => {
    const topology = topologyOf({
      managementServers: [{ name: 'ms1' }, { name: 'ms2' }],
      pools: [{ name: 'ps', members: ['ms1', 'ms2'], createdWith: 'powershell' }],
    });
    const q = poolQuorum(topology.pools[0]!);
    expect(q.defaultObserver).toEqual({ enabled: false, participates: false });
    expect(q.configured.tolerableFailures).toBe(0);
    expect(q.withDefaultObserver.tolerableFailures).toBe(1);
  });
});
