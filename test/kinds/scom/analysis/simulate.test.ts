import { describe, expect, it } from 'vitest';
import { resolveNames } from '../../../../src/kinds/scom/analysis/scenario.js';
import { simulateDown, simulatePartition } from '../../../../src/kinds/scom/analysis/simulate.js';
import { topologyOf } from '../../../helpers.js';

const twoSites = () => topologyOf({
  dataCenters: [{ name: 'east' }, { name: 'west' }],
  databases: { operational: { server: 'sql01', dataCenter: 'east' } },
  managementServers: [{ name: 'ms1', dataCenter: 'east' }, { name: 'ms2', dataCenter: 'east' }, { name: 'ms3', dataCenter: 'west' }, { name: 'ms4', dataCenter: 'west' }],
  gateways: [{ name: 'gw1', dataCenter: 'west', managementServers: ['ms3', 'ms1'] }, { name: 'gw2', dataCenter: 'west', managementServers: ['ms4'] }],
});

describe('simulate --down', () => {
  it('keeps a pool with more than half of its votes and a member, and names the events', () => {
    const t = twoSites();
    const r = resolveNames(t, ['WEST']);
    expect([...r.servers].map((s) => s.name).sort()).toEqual(['gw1', 'gw2', 'ms3', 'ms4']);
    const o = simulateDown(t, 'west down', r.servers, r.database);
    const ams = o.pools[0]!;
    // V = 4 + 1 = 5, 3 needed: ms1, ms2 and the database.
    expect(ams).toMatchObject({ votesAvailable: 3, votesNeeded: 3, runs: true, survivors: ['ms1', 'ms2'], stopped: [], instanceShare: { before: '1/4', after: '1/2' } });
    expect(ams.events.map((e) => [e.member, e.event.id])).toEqual([['ms1', 15003], ['ms2', 15003]]);
    expect(o.managementGroupWorks).toBe(true);
  });

  it('stops every pool when the database goes, and when exactly half the votes are left', () => {
    const t = twoSites();
    const east = resolveNames(t, ['east']);
    expect(east.database).toBe(true);
    const o = simulateDown(t, 'east down', east.servers, east.database);
    expect(o.managementGroupWorks).toBe(false);
    expect(o.pools.every((p) => !p.runs && p.reason!.includes('operational database'))).toBe(true);
    const two = resolveNames(t, ['ms1', 'ms3']);
    const half = simulateDown(t, 'two down', two.servers, two.database).pools[0]!;
    expect(half).toMatchObject({ votesAvailable: 3, votesNeeded: 3, runs: true });
    const three = resolveNames(t, ['ms1', 'ms2', 'ms3']);
    const lost = simulateDown(t, 'three down', three.servers, three.database).pools[0]!;
    expect(lost).toMatchObject({ votesAvailable: 2, runs: false, survivors: [], stopped: ['ms4'] });
    expect(lost.events.map((e) => e.event.id)).toEqual([15004, 15002]);
  });

  it('fails gateways over to the next management server in their list, or cuts them off', () => {
    const t = twoSites();
    const r = resolveNames(t, ['ms3', 'ms4']);
    expect(simulateDown(t, 'x', r.servers, r.database).gateways).toEqual([
      { gateway: 'gw1', down: false, reportsTo: 'ms1', primary: 'ms3', failedOver: true },
      { gateway: 'gw2', down: false, reportsTo: null, primary: 'ms4', failedOver: false },
    ]);
  });

  it('takes the database down with the management server that hosts it', () => {
    const t = topologyOf({ databases: { operational: { server: 'ms1', colocatedWith: 'ms1' } }, managementServers: [{ name: 'ms1' }, { name: 'ms2' }] });
    expect(resolveNames(t, ['ms1']).database).toBe(true);
    expect(resolveNames(t, ['nope']).unknown).toEqual(['nope']);
  });
});

describe('simulate --partition', () => {
  it('never runs a pool on two sides, and stops members on the losing side', () => {
    const t = twoSites();
    const east = resolveNames(t, ['east']);
    const west = resolveNames(t, ['west']);
    const o = simulatePartition(t, 'split', [{ label: 'east', ...east }, { label: 'west', ...west }]);
    for (const p of o.pools) expect(p.sides!.filter((s) => s.runs).length).toBeLessThanOrEqual(1);
    const ams = o.pools[0]!;
    expect(ams.sides).toEqual([
      { side: 'east', votes: 3, members: ['ms1', 'ms2'], keepsQuorum: true, runs: true },
      { side: 'west', votes: 2, members: ['ms3', 'ms4'], keepsQuorum: false, runs: false },
    ]);
    expect(ams.stopped).toEqual(['ms3', 'ms4']);
    expect(o.gateways.map((g) => g.reportsTo)).toEqual(['ms3', 'ms4']);
  });

  it('holds for every way of splitting a small group in two', () => {
    const t = twoSites();
    const servers = [...t.managementServers, ...t.gateways];
    for (let mask = 0; mask < 1 << (servers.length + 1); mask++) {
      const side = (bit: number) => ((mask >> bit) & 1) === 1;
      const a = { label: 'a', servers: new Set(servers.filter((_, i) => side(i))), database: side(servers.length) };
      const b = { label: 'b', servers: new Set(servers.filter((_, i) => !side(i))), database: !side(servers.length) };
      const o = simulatePartition(t, 'p', [a, b]);
      for (const p of o.pools) {
        expect(p.sides!.filter((s) => s.runs).length).toBeLessThanOrEqual(1);
        expect(p.survivors.length + p.stopped.length).toBe(p.sides!.reduce((n, s) => n + s.members.length, 0));
      }
    }
  });
});
