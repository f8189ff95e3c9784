import { describe, expect, it } from 'vitest';
import { normalise } from '../../../../src/kinds/scom/model/normalise.js';
import type { ScomDocument } from '../../../../src/kinds/scom/model/document.js';

const doc = (d: Partial<ScomDocument>): ScomDocument => ({ version: 1, name: 'T', managementServers: [{ name: 'ms01' }, { name: 'ms02' }], ...d });

describe('normalise', () => {
  it('implies the three default pools with every management server, and no gateway', () => {
    const { topology, issues } = normalise(doc({ gateways: [{ name: 'gw01', managementServers: ['ms01', 'ms02'] }] }), new Map());
    expect(issues).toEqual([]);
    expect(topology.pools.map((p) => [p.name, p.implied, p.membership, p.members.map((m) => m.server.name), p.defaultObserverEnabled, p.path])).toEqual([
      ['All Management Servers Resource Pool', true, 'automatic', ['ms01', 'ms02'], true, '/managementServers'],
      ['Notifications Resource Pool', true, 'automatic', ['ms01', 'ms02'], true, '/managementServers'],
      ['AD Assignment Resource Pool', true, 'automatic', ['ms01', 'ms02'], true, '/managementServers'],
    ]);
  });

  it('keeps automatic membership for a listed default pool without `membership`, and lets it become manual', () => {
    const { topology } = normalise(
      doc({
        managementServers: [{ name: 'ms01' }, { name: 'ms02' }, { name: 'ms03' }],
        pools: [{ name: 'notifications resource pool' }, { name: 'All Management Servers Resource Pool', membership: 'manual', members: ['ms01', 'ms02'] }],
      }),
      new Map(),
    );
    const [notifications, ams, ad] = topology.pools;
    expect([notifications!.implied, notifications!.isDefault, notifications!.membership, notifications!.members.length]).toEqual([false, true, 'automatic', 3]);
    expect([ams!.membership, ams!.members.map((m) => m.server.name)]).toEqual(['manual', ['ms01', 'ms02']]);
    expect([ad!.name, ad!.implied]).toEqual(['AD Assignment Resource Pool', true]);
  });

  it('makes created pools manual with the default observer unless created with PowerShell', () => {
    const { topology } = normalise(
      doc({
        pools: [
          { name: 'A', members: ['ms01'] },
          { name: 'B', members: ['ms01'], createdWith: 'powershell' },
          { name: 'C', createdWith: 'powershell', defaultObserver: true },
        ],
      }),
      new Map(),
    );
    expect(topology.pools.slice(0, 3).map((p) => [p.membership, p.defaultObserverEnabled])).toEqual([
      ['manual', true],
      ['manual', false],
      ['manual', true],
    ]);
  });

  it('resolves names case-insensitively to the defined spelling', () => {
    const { topology, issues } = normalise(
      doc({
        dataCenters: [{ name: 'East' }],
        managementServers: [
          { name: 'MS01', dataCenter: 'east' },
          { name: 'ms02', dataCenter: 'EAST' },
        ],
        pools: [{ name: 'P', members: ['ms01', 'Ms02'] }],
        latency: [{ between: ['ms01', 'MS02'], ms: 1 }],
      }),
      new Map(),
    );
    expect(issues).toEqual([]);
    expect(topology.pools[0]!.members.map((m) => [m.server.name, m.server.dataCenter.name])).toEqual([
      ['MS01', 'East'],
      ['ms02', 'East'],
    ]);
    expect(topology.latency[0]!.ends).toEqual(['MS01', 'ms02']);
  });

  it('places an operational database the file does not mention in the implicit data centre', () => {
    const { topology } = normalise(doc({ dataCenters: [{ name: 'east' }], managementServers: [{ name: 'a', dataCenter: 'east' }] }), new Map());
    expect([topology.database.implied, topology.database.dataCenter.name]).toEqual([true, 'default']);
    expect(topology.dataCenters.map((d) => d.name)).toEqual(['east', 'default']);
  });

  it("puts a colocated database in its host's data centre", () => {
    const { topology } = normalise(
      doc({
        dataCenters: [{ name: 'west' }],
        managementServers: [{ name: 'ms01', dataCenter: 'west' }],
        databases: { operational: { server: 'MS01', colocatedWith: 'ms01' } },
      }),
      new Map(),
    );
    expect(topology.database.dataCenter.name).toBe('west');
    expect(topology.database.colocatedWith?.name).toBe('ms01');
  });

  it('records unknown references and duplicate names at their nodes, and leaves them out', () => {
    const { topology, issues } = normalise(
      doc({
        // ms02, a data centre and a management server: reported, both kept.
        dataCenters: [{ name: 'ms02' }, { name: 'dc-x' }],
        gateways: [{ name: 'gw', managementServers: ['gw', 'nope', 'ms01', 'MS01'] }],
        pools: [
          { name: 'P', members: ['ms01', 'ghost', 'ms01'], observers: ['ms01'] },
          { name: 'p', members: [] },
        ],
        latency: [
          { between: ['ms01', 'mars'], ms: 3 },
          { between: ['ms01', 'dc-x'], ms: 3 },
          { between: ['ms01', 'ms02'], ms: 4 },
        ],
        databases: { operational: { server: 'ms01' } },
      }),
      new Map(),
    );
    expect(issues.map((i) => [i.rule, i.messageId, i.path])).toEqual([
      ['duplicate-name', 'duplicate', '/managementServers/1/name'],
      ['schema', 'reportsToItself', '/gateways/0/managementServers/0'],
      ['unknown-reference', 'reportsTo', '/gateways/0/managementServers/1'],
      ['duplicate-name', 'listedTwice', '/gateways/0/managementServers/3'],
      ['duplicate-name', 'databaseServer', '/databases/operational/server'],
      ['unknown-reference', 'poolMember', '/pools/0/members/1'],
      ['duplicate-name', 'listedTwice', '/pools/0/members/2'],
      ['duplicate-name', 'memberAndObserver', '/pools/0/observers/0'],
      ['duplicate-name', 'duplicatePool', '/pools/1/name'],
      ['unknown-reference', 'latencyEnd', '/latency/0/between/1'],
      ['schema', 'mixedLatencyPair', '/latency/1/between'],
    ]);
    expect(topology.pools[0]!.members.map((m) => m.server.name)).toEqual(['ms01']);
    expect(topology.gateways[0]!.reportsTo.map((s) => s.name)).toEqual(['ms01']);
    expect(topology.managementServers.map((s) => s.name)).toEqual(['ms01', 'ms02']);
    expect(topology.latency.map((l) => [l.between, ...l.ends])).toEqual([['servers', 'ms01', 'ms02']]);
  });

  it('takes parsed latency values, and reports the ones that are not times', () => {
    const { topology, issues } = normalise(
      doc({
        latency: [
          { between: ['ms01', 'ms02'], ms: '2 s' },
          { between: ['ms01', 'ms02'], ms: '5 kg' },
        ],
      }),
      new Map([
        [0, { ok: true, ms: 2000 }],
        [1, { ok: false, reason: 'is not a time' }],
      ]),
    );
    expect(topology.latency.map((l) => l.ms)).toEqual([2000]);
    expect(issues.map((i) => [i.rule, i.messageId, i.path])).toEqual([['schema', 'invalidDuration', '/latency/1/ms']]);
  });
});

describe('normalise: gateway chains, failover servers and the database cluster', () => {
  const base = { version: 1 as const, name: 'T', managementServers: [{ name: 'ms01' }, { name: 'ms02' }] };
  const issuesOf = (extra: object) =>
    normalise({ ...base, ...extra } as Parameters<typeof normalise>[0], new Map()).issues.map((i) => [i.rule, i.messageId, i.path]);

  it('follows a chain of gateways to any depth, and breaks a loop at the entry that closes it', () => {
    const { topology, issues } = normalise(
      {
        ...base,
        gateways: [
          { name: 'gw1', reportsTo: ['gw2', 'ms01'] },
          { name: 'gw2', reportsTo: ['gw3'] },
          { name: 'gw3', reportsTo: ['gw1', 'ms02'] },
        ],
      },
      new Map(),
    );
    expect(issues.map((i) => [i.rule, i.messageId, i.path, i.data['chain']])).toEqual([
      ['schema', 'gatewayCycle', '/gateways/2/reportsTo/0', 'gw1 → gw2 → gw3 → gw1'],
    ]);
    expect(topology.gateways.map((g) => g.reportsTo.map((s) => s.name))).toEqual([['gw2', 'ms01'], ['gw3'], ['ms02']]);
  });

  it('refuses reportsTo beside managementServers, a server failing over to itself, and unknown failover servers', () => {
    expect(issuesOf({ gateways: [{ name: 'gw1', managementServers: ['ms01'], reportsTo: ['ms02'] }] })).toEqual([
      ['schema', 'reportsToAndManagementServers', '/gateways/0/reportsTo'],
    ]);
    expect(issuesOf({ managementServers: [{ name: 'ms01', failoverServers: ['MS01', 'ms9'] }] })).toEqual([
      ['schema', 'failoverToItself', '/managementServers/0/failoverServers/0'],
      ['unknown-reference', 'failoverServer', '/managementServers/0/failoverServers/1'],
    ]);
  });

  it('reads a cluster: nodes and witness in the namespace, a witness that is a node refused, no colocatedWith beside it', () => {
    type Node = { name: string; dataCenter?: string };
    const op = (cluster: { nodes: Node[]; witness?: Node }, more: object = {}) => ({ databases: { operational: { server: 'listener', cluster, ...more } } });
    expect(issuesOf(op({ nodes: [{ name: 'n1' }, { name: 'n2' }], witness: { name: 'N1' } }))).toEqual([
      ['schema', 'witnessIsNode', '/databases/operational/cluster/witness/name'],
    ]);
    expect(issuesOf(op({ nodes: [{ name: 'ms01' }] }))).toEqual([['duplicate-name', 'duplicate', '/databases/operational/cluster/nodes/0/name']]);
    expect(issuesOf(op({ nodes: [{ name: 'n1' }] }, { colocatedWith: 'ms01' }))).toEqual([
      ['schema', 'colocatedCluster', '/databases/operational/colocatedWith'],
    ]);
    // Named like the management server it says it shares: the cluster is the one issue, not a duplicate name too.
    expect(issuesOf({ databases: { operational: { server: 'ms01', colocatedWith: 'ms01', cluster: { nodes: [{ name: 'n1' }] } } } })).toEqual([
      ['schema', 'colocatedCluster', '/databases/operational/colocatedWith'],
    ]);
    const { topology } = normalise(
      { ...base, dataCenters: [{ name: 'a' }, { name: 'b' }], ...op({ nodes: [{ name: 'n1', dataCenter: 'b' }], witness: { name: 'w', dataCenter: 'a' } }) },
      new Map(),
    );
    // A clustered database placed nowhere lives where its first node does.
    expect(topology.database.dataCenter.name).toBe('b');
    expect(topology.database.cluster?.witness?.name).toBe('w');
  });
});
