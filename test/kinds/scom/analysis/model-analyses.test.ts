import { describe, expect, it } from 'vitest';
import { analyseTopology } from '../../../../src/kinds/scom/analysis/index.js';
import { groupCapacity, poolCapacity } from '../../../../src/kinds/scom/analysis/capacity.js';
import { effectivePoolManager, leaseDuration, poolLease } from '../../../../src/kinds/scom/analysis/lease.js';
import { topologyOf } from '../../../helpers.js';

describe('data-centre loss', () => {
  const topology = topologyOf({
    dataCenters: [{ name: 'east' }, { name: 'west' }],
    databases: { operational: { server: 'sql01', dataCenter: 'east' } },
    managementServers: [
      { name: 'ms1', dataCenter: 'east' },
      { name: 'ms2', dataCenter: 'west' },
      { name: 'ms3', dataCenter: 'west' },
      { name: 'ms4', dataCenter: 'west' },
    ],
  });
  const ams = analyseTopology(topology).pools[0]!;

  it("lists the pool's data centres in file order", () => {
    expect(ams.dataCenters.map((d) => d.name)).toEqual(['east', 'west']);
  });

  it("cuts every pool off when the database's data centre goes, and checks quorum for the others", () => {
    // V = 4 + 1 = 5, 3 needed. Losing east: the pool keeps quorum on its three west members but
    // reaches no database (cut off, not stopped). Losing west leaves ms1 + the database: 2 votes.
    expect(ams.dataCenterLoss).toEqual([
      {
        dataCenter: 'east',
        survives: false,
        outcome: 'cut-off',
        cause: 'database',
        votesLeft: 3,
        votesNeeded: 3,
        membersLeft: 3,
        stopsManagementGroup: true,
        databaseLost: true,
      },
      {
        dataCenter: 'west',
        survives: false,
        outcome: 'stops',
        cause: 'votes',
        votesLeft: 2,
        votesNeeded: 3,
        membersLeft: 1,
        stopsManagementGroup: false,
        databaseLost: false,
      },
    ]);
  });

  it('lists the data centre of the server a member reports through though an observer of the pool is the gateway between them', () => {
    // gw2 reports through gw1 to ms1; gw1 is also the pool's observer. Losing dc1 (ms1) cuts the
    // pool off, as simulate --down dc1 says: the row must be there (FORMAT.md, "Data-centre loss").
    const t = topologyOf({
      dataCenters: [{ name: 'dc1' }, { name: 'dc2' }],
      databases: { operational: { server: 'sql', dataCenter: 'dc2' } },
      managementServers: [{ name: 'ms1', dataCenter: 'dc1' }],
      gateways: [
        { name: 'gw1', dataCenter: 'dc2', reportsTo: ['ms1'] },
        { name: 'gw2', dataCenter: 'dc2', reportsTo: ['gw1'] },
      ],
      pools: [{ name: 'Gateway Pool', members: ['gw2'], observers: ['gw1'] }],
    });
    const pool = analyseTopology(t).pools.find((p) => p.pool.name === 'Gateway Pool')!;
    expect(pool.dataCenterLoss.map((l) => [l.dataCenter, l.outcome, l.cause])).toEqual([
      ['dc1', 'cut-off', 'not-connected'],
      ['dc2', 'stops', 'votes'],
    ]);
  });

  it('puts servers without a data centre in the implicit "default", last', () => {
    const t = topologyOf({ dataCenters: [{ name: 'dc1' }], managementServers: [{ name: 'a' }, { name: 'b', dataCenter: 'dc1' }] });
    expect(t.dataCenters.map((d) => d.name)).toEqual(['dc1', 'default']);
    expect(analyseTopology(t).pools[0]!.dataCenters.map((d) => d.name)).toEqual(['dc1', 'default']);
  });
});

describe('lease timing', () => {
  it('is 180 s by default and 840 s for the 600/120 tuning', () => {
    expect(leaseDuration(effectivePoolManager({}))).toBe(180);
    expect(leaseDuration(effectivePoolManager({ leaseRequestPeriodSeconds: 600, networkLatencySeconds: 120 }))).toBe(840);
  });

  it("lets a server's own value replace the group's, one setting at a time", () => {
    const t = topologyOf({
      poolManager: { leaseRequestPeriodSeconds: 300 },
      managementServers: [{ name: 'a' }, { name: 'b', poolManager: { networkLatencySeconds: 60 } }],
    });
    const lease = poolLease(t.poolManager, t.managementServers);
    expect(lease.leaseDurationSeconds).toBe(300 + 120);
    expect(lease.distinctSettings).toHaveLength(2);
  });

  it('lists the distinct settings in the order the servers first show them', () => {
    const t = topologyOf({
      managementServers: [
        { name: 'own', poolManager: { networkLatencySeconds: 60 } },
        { name: 'group1' },
        { name: 'same', poolManager: { networkLatencySeconds: 30 } },
        { name: 'group2' },
      ],
    });
    const settings = (servers: typeof t.managementServers) =>
      poolLease(t.poolManager, servers).distinctSettings.map((s) => `${s.leaseRequestPeriodSeconds}/${s.networkLatencySeconds}`);
    // `same` sets the group's own values (the defaults: 120 s, 30 s): one setting with group1's.
    expect(settings(t.managementServers)).toEqual(['120/60', '120/30']);
    expect(settings([...t.managementServers].reverse())).toEqual(['120/30', '120/60']);
    const [own, group1] = t.managementServers;
    expect(settings([group1!, own!])).toEqual(['120/30', '120/60']);
  });
});

describe('capacity', () => {
  it("spreads a pool's UNIX/Linux computers evenly, and again after its tolerable failures", () => {
    const t = topologyOf({
      managementServers: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
      pools: [{ name: 'unix', members: ['a', 'b', 'c'], purpose: 'unix-linux', workload: { unixLinuxAgents: 2400 } }],
    });
    const [c] = poolCapacity(t, t.pools[0]!, 1);
    expect(c).toMatchObject({
      item: 'unixLinuxAgents',
      perMember: 800,
      limit: 1000,
      fits: true,
      membersAfterFailover: 2,
      perMemberAfterFailover: 1200,
      fitsAfterFailover: false,
      headroom: -400,
    });
  });

  it('gives no network-device headroom for a pool of one or two management servers: the 1,000 figure is stated from three (SR, network-pool-too-small)', () => {
    const design = (members: string[]) =>
      topologyOf({
        managementServers: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
        pools: [{ name: 'net', members, purpose: 'network', workload: { networkDevices: 400 } }],
      });
    for (const members of [['a'], ['a', 'b']]) {
      const t = design(members);
      expect(poolCapacity(t, t.pools[0]!, 0)[0], members.join()).toMatchObject({ item: 'networkDevices', limit: 1000, headroom: null, minimumMembers: 3 });
    }
    // Over the figure is over at any size: by how much, still.
    const over = topologyOf({
      managementServers: [{ name: 'a' }, { name: 'b' }],
      pools: [{ name: 'net', members: ['a', 'b'], purpose: 'network', workload: { networkDevices: 1500 } }],
    });
    expect(poolCapacity(over, over.pools[0]!, 0)[0]).toMatchObject({ fits: false, headroom: -500, minimumMembers: 3 });
    const t = design(['a', 'b', 'c']);
    const [c] = poolCapacity(t, t.pools[0]!, 1);
    expect(c).toMatchObject({ item: 'networkDevices', limit: 1000, headroom: 600 });
    expect(c).not.toHaveProperty('minimumMembers');
  });

  it('uses the 2012 R2 UNIX/Linux figure (500) for that version', () => {
    const t = topologyOf({
      scomVersion: '2012R2',
      managementServers: [{ name: 'a' }, { name: 'b' }],
      pools: [{ name: 'unix', members: ['a', 'b'], workload: { unixLinuxAgents: 1200 } }],
    });
    expect(poolCapacity(t, t.pools[0]!, 1)[0]).toMatchObject({ limit: 500, fits: false });
  });

  it('checks Windows agents per server, for the group, and after the busiest management server fails', () => {
    const t = topologyOf({
      managementServers: [
        { name: 'a', agents: 2900 },
        { name: 'b', agents: 2900 },
      ],
      gateways: [{ name: 'g', agents: 2100, managementServers: ['a', 'b'] }],
    });
    const g = groupCapacity(t);
    expect(g.serversOverAgentLimit.map((s) => s.server.name)).toEqual(['g']);
    expect(g.totals[0]).toEqual({ item: 'computers', total: 7900, limit: 6000, fits: false });
    expect(g.agentFailover).toEqual({ managementServers: 2, agents: 5800, limit: 3000, fits: false, addManagementServers: 1 });
    expect(groupCapacity(t, { computersPerManagementGroup: 15000 }).totals[0]!.fits).toBe(true);
  });

  it('holds network devices to 1,000 per pool whatever its size', () => {
    const t = topologyOf({
      managementServers: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
      pools: [{ name: 'net', members: ['a', 'b', 'c'], purpose: 'network', workload: { networkDevices: 1001 } }],
    });
    expect(poolCapacity(t, t.pools[0]!, 1)[0]).toMatchObject({ limitKind: 'per-pool', limit: 1000, fits: false });
  });
});

describe('pools with the same voters', () => {
  it('share one analysis of their voters, and keep their own capacity', () => {
    const topology = topologyOf({
      managementServers: [{ name: 'ms1', agents: 100 }, { name: 'ms2' }, { name: 'ms3' }],
      pools: [
        { name: 'Unix', members: ['ms1', 'ms2', 'ms3'], workload: { unixLinuxAgents: 900 } },
        { name: 'Two', members: ['ms1', 'ms2'] },
        { name: 'Two, no default observer', members: ['ms1', 'ms2'], defaultObserver: false },
      ],
    });
    const pools = new Map(analyseTopology(topology).pools.map((a) => [a.pool.name, a]));
    // The three default pools have all three servers, as does Unix: one quorum, one lease, ...
    const all = ['All Management Servers Resource Pool', 'Notifications Resource Pool', 'AD Assignment Resource Pool', 'Unix'].map((n) => pools.get(n)!);
    for (const a of all) {
      expect(a.quorum).toBe(all[0]!.quorum);
      expect(a.lease).toBe(all[0]!.lease);
      expect(a.dataCenterLoss).toEqual(all[0]!.dataCenterLoss);
    }
    // ... but each its own capacity, which depends on its workload.
    expect(pools.get('Unix')!.capacity).not.toEqual(all[0]!.capacity);
    // Other voters, or another default observer setting: analysed apart.
    expect(pools.get('Two')!.quorum).not.toBe(all[0]!.quorum);
    expect(pools.get('Two, no default observer')!.quorum).not.toBe(pools.get('Two')!.quorum);
    expect(pools.get('Two, no default observer')!.quorum.configured.votingMembers).toBe(2);
    expect(pools.get('Two')!.quorum.configured.votingMembers).toBe(3);
  });
});
