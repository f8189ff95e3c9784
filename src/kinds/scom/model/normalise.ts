/**
 * Document → model: defaults, the implicit data centre, the implied operational database and default
 * pools, and case-insensitive resolution of every name. What cannot be resolved is recorded as a
 * model issue (for the `unknown-reference`, `duplicate-name` and `schema` rules) and left out.
 */
import type { ModelIssue, ModelIssueRule } from '../../../core/model.js';
import { DEFAULT_POOLS, DEFAULT_SCOM_VERSION, IMPLICIT_DATA_CENTER, type ScomVersion } from '../../../domain/facts.js';
import { pointer } from '../../../io/yaml/source-map.js';
import type { DurationResult } from './duration.js';
import { breakGatewayCycles } from './gateway-cycles.js';
import { normaliseLatency } from './latency.js';
import type { ClusterNodeDoc, GatewayDoc, PoolDoc, ScomDocument, ServerDoc } from './document.js';
import {
  nameKey,
  type ClusterNode,
  type DatabaseCluster,
  type DataCenter,
  type OperationalDatabase,
  type Pool,
  type PoolMemberRef,
  type Server,
  type ServerRole,
  type Topology,
} from './types.js';

export interface NormaliseResult {
  readonly topology: Topology;
  readonly issues: readonly ModelIssue[];
}

/** Parsed latency values, by the index of their entry in `latency`. */
export type LatencyValues = ReadonlyMap<number, DurationResult>;

const DEFAULT_POOL_KEYS = new Map(DEFAULT_POOLS.map((name) => [nameKey(name), name]));

function isDefaultPoolName(name: string): boolean {
  return DEFAULT_POOL_KEYS.has(nameKey(name));
}

export function normalise(doc: ScomDocument, latencyValues: LatencyValues): NormaliseResult {
  const issues: ModelIssue[] = [];
  const issue = (rule: ModelIssueRule, messageId: string, data: ModelIssue['data'], path: string, at?: 'key' | 'value') => {
    issues.push(at ? { rule, messageId, data, path, at } : { rule, messageId, data, path });
  };

  /**
   * Every name in the shared namespace of servers and data centres, for duplicate-name. A second
   * server (or data centre) of a name is left out: there can be only one. A server named as a data
   * centre is reported but kept, as is the data centre: each is still what the file says, and
   * leaving one out would make every reference to it a finding of its own.
   */
  const taken = new Map<string, { name: string; what: string }>();
  const claim = (name: string, what: string, path: string): boolean => {
    const key = nameKey(name);
    const first = taken.get(key);
    if (!first) {
      taken.set(key, { name, what });
      return true;
    }
    issue('duplicate-name', 'duplicate', { name, first: first.name, firstKind: first.what, kind: what }, path);
    return (first.what === 'data centre') !== (what === 'data centre');
  };

  // Data centres, in file order; the implicit one is added last if anything sits in it.
  const dataCenters: DataCenter[] = [];
  const dcByKey = new Map<string, DataCenter>();
  (doc.dataCenters ?? []).forEach((dc, i) => {
    const path = pointer('dataCenters', i, 'name');
    if (!claim(dc.name, 'data centre', path)) return;
    const d: DataCenter = {
      name: dc.name,
      location: dc.location ?? 'on-premises',
      implicit: false,
      path: pointer('dataCenters', i),
      // Optional keys last: a key after a spread costs a runtime call in code V8 has not optimised.
      ...(dc.availability !== undefined ? { availability: dc.availability } : {}),
    };
    dataCenters.push(d);
    dcByKey.set(nameKey(d.name), d);
  });
  let implicitDc: DataCenter | undefined = dcByKey.get(nameKey(IMPLICIT_DATA_CENTER));
  const implicitDataCenter = (): DataCenter => {
    if (!implicitDc) {
      implicitDc = { name: IMPLICIT_DATA_CENTER, location: 'on-premises', implicit: true, path: '' };
      dcByKey.set(nameKey(IMPLICIT_DATA_CENTER), implicitDc);
    }
    return implicitDc;
  };
  const resolveDc = (name: string | undefined, path: string): DataCenter => {
    if (name === undefined) return implicitDataCenter();
    const found = dcByKey.get(nameKey(name));
    if (found) return found;
    if (nameKey(name) === nameKey(IMPLICIT_DATA_CENTER)) return implicitDataCenter();
    issue('unknown-reference', 'dataCenter', { name }, path);
    return implicitDataCenter();
  };

  // Servers: read them all first, since a gateway may report to, and an agent fail over to, a
  // server listed after it.
  const serverByKey = new Map<string, Server>();
  const lists = new Map<Server, { reportsTo: Server[]; failoverServers: Server[]; doc: ServerDoc & Partial<GatewayDoc>; list: string; i: number }>();
  const readServer = (s: ServerDoc, role: ServerRole, list: string, i: number): Server | undefined => {
    // `list` and `i` need no escaping, so the pointers below it are plain concatenations (this runs
    // for every server of a 20,000-server file).
    const path = pointer(list, i);
    if (!claim(s.name, role === 'gateway' ? 'gateway' : 'management server', `${path}/name`)) return undefined;
    const reportsTo: Server[] = [];
    const failoverServers: Server[] = [];
    const server: Server = {
      name: s.name,
      role,
      dataCenter: resolveDc(s.dataCenter, `${path}/dataCenter`),
      agents: s.agents ?? 0,
      poolManager: { ...(s.poolManager ?? {}) },
      reportsTo,
      failoverServers,
      path,
      // Optional keys last: a key after a spread costs a runtime call in code V8 has not optimised.
      ...(s.availability !== undefined ? { availability: s.availability } : {}),
      ...(s.unixLinuxRootCertificates !== undefined ? { unixLinuxRootCertificates: s.unixLinuxRootCertificates } : {}),
      ...(role === 'gateway' && (s as GatewayDoc).reportsTo !== undefined
        ? { reportsToKey: 'reportsTo' as const }
        : role === 'gateway' && (s as GatewayDoc).managementServers !== undefined
          ? { reportsToKey: 'managementServers' as const }
          : {}),
    };
    serverByKey.set(nameKey(s.name), server);
    lists.set(server, { reportsTo, failoverServers, doc: s, list, i });
    return server;
  };
  const managementServers: Server[] = [];
  doc.managementServers.forEach((s, i) => {
    const server = readServer(s, 'management-server', 'managementServers', i);
    if (server) managementServers.push(server);
  });
  const gateways: Server[] = [];
  (doc.gateways ?? []).forEach((g: GatewayDoc, i) => {
    const server = readServer(g, 'gateway', 'gateways', i);
    if (server) gateways.push(server);
  });
  /** A list of server names resolved: unknown names and repeats are findings and left out. */
  const resolveServers = (
    names: readonly string[],
    at: (j: number) => string,
    listName: string,
    unknown: (name: string) => [string, ModelIssue['data']],
    self?: Server,
  ): Server[] => {
    const out: Server[] = [];
    const seen = new Set<string>();
    names.forEach((name, j) => {
      const target = serverByKey.get(nameKey(name));
      if (!target) {
        const [messageId, data] = unknown(name);
        issue('unknown-reference', messageId, data, at(j));
      } else if (target === self) {
        issue('schema', listName === 'failoverServers' ? 'failoverToItself' : 'reportsToItself', { name: target.name }, at(j));
      } else if (seen.has(nameKey(name))) {
        issue('duplicate-name', 'listedTwice', { name, list: listName }, at(j));
      } else {
        seen.add(nameKey(name));
        out.push(target);
      }
    });
    return out;
  };
  for (const [server, l] of lists) {
    const failover = l.doc.failoverServers;
    if (failover) {
      l.failoverServers.push(
        ...resolveServers(
          failover,
          (j) => pointer(l.list, l.i, 'failoverServers', j),
          'failoverServers',
          (name) => ['failoverServer', { name, server: server.name }],
          server,
        ),
      );
    }
    if (server.role !== 'gateway') continue;
    const { managementServers: ms, reportsTo } = l.doc;
    if (ms !== undefined && reportsTo !== undefined)
      issue('schema', 'reportsToAndManagementServers', { gateway: server.name }, pointer(l.list, l.i, 'reportsTo'), 'key');
    const key = reportsTo !== undefined ? 'reportsTo' : 'managementServers';
    const names = reportsTo ?? ms ?? [];
    l.reportsTo.push(
      ...resolveServers(
        names,
        (j) => pointer(l.list, l.i, key, j),
        key,
        (name) => ['reportsTo', { name, gateway: server.name }],
        server,
      ),
    );
  }
  breakGatewayCycles(gateways, lists, issue);

  // The operational database (the default observer): implied in the default data centre if absent.
  const op = doc.databases?.operational;
  let database: OperationalDatabase;
  if (!op) {
    database = { server: '(operational database)', dataCenter: implicitDataCenter(), implied: true, path: '' };
  } else {
    const base = pointer('databases', 'operational');
    let colocatedWith: Server | undefined;
    // The management server `colocatedWith` names, even where it cannot be taken (a cluster).
    let named: Server | undefined;
    if (op.colocatedWith !== undefined) {
      const target = serverByKey.get(nameKey(op.colocatedWith));
      named = target;
      if (!target || target.role !== 'management-server') {
        issue(
          'unknown-reference',
          target ? 'notManagementServer' : 'managementServer',
          { name: op.colocatedWith, gateway: '' },
          pointer('databases', 'operational', 'colocatedWith'),
        );
      } else if (op.cluster) {
        issue('schema', 'colocatedCluster', {}, pointer('databases', 'operational', 'colocatedWith'), 'key');
      } else {
        colocatedWith = target;
      }
    }
    const sameAs = serverByKey.get(nameKey(op.server)) ?? dcByKey.get(nameKey(op.server));
    // Naming the host in `colocatedWith` says the database shares it (a cluster beside it is told on its own).
    if (sameAs && sameAs !== named) {
      const what = 'role' in sameAs ? (sameAs.role === 'gateway' ? 'gateway' : 'management server') : 'data centre';
      issue('duplicate-name', 'databaseServer', { name: op.server, kind: what }, pointer('databases', 'operational', 'server'));
    }
    if (colocatedWith && op.dataCenter !== undefined) {
      // One host is in one data centre: which of the two the database is in would be a guess.
      const given = dcByKey.get(nameKey(op.dataCenter));
      if (given && given !== colocatedWith.dataCenter) {
        issue(
          'schema',
          'colocatedElsewhere',
          { host: colocatedWith.name, hostDataCenter: colocatedWith.dataCenter.name, dataCenter: given.name },
          pointer('databases', 'operational', 'dataCenter'),
        );
      }
    }
    const placedByCluster = op.cluster !== undefined && op.dataCenter === undefined;
    const dataCenter = placedByCluster
      ? undefined
      : op.dataCenter !== undefined || !colocatedWith
        ? resolveDc(op.dataCenter, pointer('databases', 'operational', 'dataCenter'))
        : colocatedWith.dataCenter;
    let cluster: DatabaseCluster | undefined;
    if (op.cluster) {
      const node = (n: ClusterNodeDoc, path: string, what: string): ClusterNode | undefined => {
        if (!claim(n.name, what, `${path}/name`)) return undefined;
        return {
          name: n.name,
          dataCenter: resolveDc(n.dataCenter, `${path}/dataCenter`),
          ...(n.availability !== undefined ? { availability: n.availability } : {}),
          path,
        };
      };
      const nodes: ClusterNode[] = [];
      op.cluster.nodes.forEach((n, j) => {
        const read = node(n, pointer('databases', 'operational', 'cluster', 'nodes', j), 'cluster node');
        if (read) nodes.push(read);
      });
      const w = op.cluster.witness;
      let witness: ClusterNode | undefined;
      if (w && nodes.some((n) => nameKey(n.name) === nameKey(w.name))) {
        issue('schema', 'witnessIsNode', { name: w.name }, pointer('databases', 'operational', 'cluster', 'witness', 'name'));
      } else if (w) {
        witness = node(w, pointer('databases', 'operational', 'cluster', 'witness'), 'cluster witness');
      }
      if (nameKey(op.server) !== '' && nodes.some((n) => nameKey(n.name) === nameKey(op.server))) {
        issue('duplicate-name', 'listenerIsNode', { name: op.server }, pointer('databases', 'operational', 'server'));
      }
      cluster = witness ? { nodes, witness } : { nodes };
      // A listener answers on the node that holds the database: placed where no node is, it would put
      // the default observer in a data centre whose loss takes nothing from it.
      if (dataCenter && nodes.length > 0 && !nodes.some((n) => n.dataCenter === dataCenter)) {
        issue(
          'schema',
          'listenerElsewhere',
          { name: op.server, dataCenter: dataCenter.name, nodeDataCenters: [...new Set(nodes.map((n) => n.dataCenter.name))].join(', ') },
          pointer('databases', 'operational', 'dataCenter'),
        );
      }
    }
    database = {
      server: op.server,
      // A clustered database placed nowhere lives where its first node does.
      dataCenter: dataCenter ?? cluster?.nodes[0]?.dataCenter ?? implicitDataCenter(),
      ...(colocatedWith ? { colocatedWith } : {}),
      ...(op.availability !== undefined ? { availability: op.availability } : {}),
      ...(cluster ? { cluster } : {}),
      implied: false,
      path: base,
    };
  }
  const dw = doc.databases?.dataWarehouse;
  if (dw) resolveDc(dw.dataCenter, pointer('databases', 'dataWarehouse', 'dataCenter'));

  // Pools: those listed, in file order, then the default pools the file does not list.
  const pools: Pool[] = [];
  const poolNames = new Map<string, string>();
  const listedDefaults = new Set<string>();
  (doc.pools ?? []).forEach((p, i) => {
    const key = nameKey(p.name);
    if (poolNames.has(key)) {
      issue('duplicate-name', 'duplicatePool', { name: p.name, first: poolNames.get(key)! }, pointer('pools', i, 'name'));
      return;
    }
    poolNames.set(key, p.name);
    if (DEFAULT_POOL_KEYS.has(key)) listedDefaults.add(key);
    pools.push(readPool(p, i));
  });
  for (const name of DEFAULT_POOLS) {
    if (listedDefaults.has(nameKey(name))) continue;
    pools.push({
      name,
      implied: true,
      isDefault: true,
      membership: 'automatic',
      members: managementServers.map((server) => ({ server, path: '/managementServers' })),
      observers: [],
      defaultObserverEnabled: true,
      createdWith: 'console',
      purpose: 'general',
      workload: { networkDevices: 0, unixLinuxAgents: 0, urls: 0 },
      membersListed: false,
      path: '/managementServers',
    });
  }

  function readPool(p: PoolDoc, i: number): Pool {
    const isDefault = isDefaultPoolName(p.name);
    const membership = p.membership ?? (isDefault ? 'automatic' : 'manual');
    const createdWith = p.createdWith ?? 'console';
    /** Each server listed so far, and the list it is in. */
    const inPool = new Map<string, 'members' | 'observers'>();
    const refs = (list: 'members' | 'observers'): PoolMemberRef[] => {
      const out: PoolMemberRef[] = [];
      (p[list] ?? []).forEach((name, j) => {
        const path = pointer('pools', i, list, j);
        const server = serverByKey.get(nameKey(name));
        const first = inPool.get(nameKey(name));
        if (!server) {
          issue('unknown-reference', 'poolMember', { name, pool: p.name }, path);
        } else if (first === list) {
          issue('duplicate-name', 'listedTwice', { name: server.name, list }, path);
        } else if (first !== undefined) {
          issue('duplicate-name', 'memberAndObserver', { name: server.name }, path);
        } else {
          inPool.set(nameKey(name), list);
          out.push({ server, path });
        }
      });
      return out;
    };
    const members =
      p.members === undefined && membership === 'automatic' ? managementServers.map((server) => ({ server, path: pointer('pools', i) })) : refs('members');
    const observers = refs('observers');
    return {
      name: p.name,
      implied: false,
      isDefault,
      membership,
      members,
      observers,
      defaultObserverEnabled: p.defaultObserver ?? createdWith !== 'powershell',
      createdWith,
      purpose: p.purpose ?? 'general',
      workload: {
        networkDevices: p.workload?.networkDevices ?? 0,
        unixLinuxAgents: p.workload?.unixLinuxAgents ?? 0,
        urls: p.workload?.urls ?? 0,
      },
      membersListed: p.members !== undefined,
      path: pointer('pools', i),
    };
  }

  const latency = normaliseLatency(
    doc.latency ?? [],
    latencyValues,
    {
      serverByKey,
      dcByKey,
      databaseKey: op ? nameKey(op.server) : undefined,
      databaseServer: database.server,
    },
    issue,
  );

  if (implicitDc && !dataCenters.includes(implicitDc)) dataCenters.push(implicitDc);

  return {
    topology: {
      kind: 'scom',
      name: doc.name,
      // Microsoft writes "2012 R2"; a year may come as a number (FORMAT.md).
      scomVersion: doc.scomVersion === undefined ? DEFAULT_SCOM_VERSION : (String(doc.scomVersion).replace(' ', '') as ScomVersion),
      dataCenters,
      managementServers,
      gateways,
      database,
      pools,
      latency,
      poolManager: { ...(doc.poolManager ?? {}) },
    },
    issues,
  };
}
