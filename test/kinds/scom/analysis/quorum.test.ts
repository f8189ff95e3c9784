import { describe, expect, it } from 'vitest';
import { poolQuorum, quorum, votesNeeded } from '../../../../src/kinds/scom/analysis/quorum.js';
import { compileFailureModel, evaluate, noFailure } from '../../../../src/kinds/scom/analysis/failure/index.js';
import { names, topologyOf } from '../../../helpers.js';

const popcount = (n: number) => {
  let c = 0;
  for (let x = n; x; x &= x - 1) c++;
  return c;
};

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

  // Management servers only, unless said otherwise.
  const ms = (members: number, observers: number) => ({ members, observers, managementServerMembers: members, managementServerObservers: observers });

  it('counts observer-only members as voters but not as members to run workflows', () => {
    // 1 member + 2 observers: V = 3, quorum survives one loss, but the one member cannot fail.
    expect(quorum(ms(1, 2), false)).toEqual({ votingMembers: 3, votesNeeded: 2, tolerableFailures: 0 });
    // 2 members + 1 observer + default observer: V = 4, ceil(4/2) - 1 = 1.
    expect(quorum(ms(2, 1), true)).toEqual({ votingMembers: 4, votesNeeded: 3, tolerableFailures: 1 });
  });

  it('never goes below zero, even with no members', () => {
    expect(quorum(ms(0, 0), false).tolerableFailures).toBe(0);
    expect(quorum(ms(0, 3), true).tolerableFailures).toBe(0);
  });

  it('loses the management servers of a mixed pool first, and the default observer with them (FORMAT.md)', () => {
    // [ms01, gw01, gw02] with the default observer: V = 4, 3 needed; losing ms01 leaves 2 votes.
    expect(quorum({ members: 3, observers: 0, managementServerMembers: 1, managementServerObservers: 0 }, true)).toEqual({
      votingMembers: 4,
      votesNeeded: 3,
      tolerableFailures: 0,
    });
    // Without it: V = 3, 2 needed, one failure tolerated.
    expect(quorum({ members: 3, observers: 0, managementServerMembers: 1, managementServerObservers: 0 }, false)).toEqual({
      votingMembers: 3,
      votesNeeded: 2,
      tolerableFailures: 1,
    });
    // A management server observer keeps the default observer's vote countable.
    expect(quorum({ members: 3, observers: 1, managementServerMembers: 1, managementServerObservers: 1 }, true).tolerableFailures).toBe(2);
  });

  it('holds its invariants for every small pool', () => {
    for (let m = 0; m <= 12; m++) {
      for (let o = 0; o <= 4; o++) {
        for (const d of [true, false]) {
          const q = quorum(ms(m, o), d);
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

  it('agrees with the failure model: every set of k members down, for pools that mix management servers and gateways', () => {
    for (let msCount = 0; msCount <= 3; msCount++) {
      for (let gwCount = 0; gwCount <= 3; gwCount++) {
        for (const observer of [false, true]) {
          for (const defaultObserver of [true, false]) {
            if (msCount + gwCount === 0) continue;
            const msNames = names('ms', msCount);
            const gwNames = names('gw', gwCount);
            const topology = topologyOf({
              managementServers: [{ name: 'parent' }, { name: 'watcher' }, ...msNames.map((name) => ({ name }))],
              gateways: gwNames.map((name) => ({ name, reportsTo: ['parent'] })),
              pools: [{ name: 'p', members: [...msNames, ...gwNames], observers: observer ? ['watcher'] : [], defaultObserver }],
            });
            const q = poolQuorum(topology.pools[0]!).configured;
            const model = compileFailureModel(topology);
            const members = [...model.pools[0]!.members];
            // The largest k for which every k members down leaves the pool running.
            let tolerable = -1;
            for (let k = 0; k < members.length; k++) {
              let all = true;
              for (let mask = 0; mask < 1 << members.length; mask++) {
                if (popcount(mask) !== k) continue;
                const f = noFailure(model);
                members.forEach((h, i) => {
                  if (mask & (1 << i)) f.downHosts[h] = 1;
                });
                if (!evaluate(model, f).pools[0]!.runs) all = false;
              }
              if (!all) break;
              tolerable = k;
            }
            expect(q.tolerableFailures, `${msCount} ms, ${gwCount} gw, observer ${observer}, default observer ${defaultObserver}`).toBe(Math.max(0, tolerable));
          }
        }
      }
    }
  });

  it('lets the default observer vote in a mixed pool (through its management servers) but not in a gateway-only pool', () => {
    const topology = topologyOf({
      managementServers: [{ name: 'ms1' }],
      gateways: [
        { name: 'gw1', managementServers: ['ms1'] },
        { name: 'gw2', managementServers: ['ms1'] },
      ],
      pools: [
        { name: 'mixed', members: ['ms1', 'gw1'] },
        { name: 'gateways', members: ['gw1', 'gw2'] },
      ],
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
