/**
 * FORMAT.md's failure model ("Failure model: what fails, and what follows"): one pure function from
 * a failure set to the state of every server, the database, the management group and every pool.
 * Data-centre loss, single points of failure, availability, `simulate`, the capacity after failover
 * and the report's what-if table all derive from `evaluate`, so that they cannot disagree.
 *
 * The topology is compiled once into arrays (`compileFailureModel`) so that one evaluation is
 * linear in the servers and the pools' members, however many times it runs.
 */
import type { DataCenter, Pool, Server, Topology } from '../../model/types.js';
import { votesNeeded } from '../quorum.js';

export type HostRole = 'management-server' | 'gateway' | 'database' | 'cluster-node' | 'witness';

/** Something that can be down: a management server, a gateway, the database's server, a cluster node or witness. */
export interface Host {
  readonly index: number;
  readonly name: string;
  readonly role: HostRole;
  /** Null for the listener of a clustered database, which lives wherever its nodes do. */
  readonly dataCenter: DataCenter | null;
  /** Probability that it is up (1 where none is given); a colocated database's host counts both. */
  readonly availability: number;
  /** Whether any availability was given for it. */
  readonly availabilityGiven: boolean;
  /** The management server or gateway it is (undefined for the database's hosts). */
  readonly server: Server | undefined;
}

export interface PoolShape {
  readonly pool: Pool;
  readonly members: Int32Array;
  readonly observers: Int32Array;
  /** The default observer is enabled and a management server is among the voters (quorum model). */
  readonly participates: boolean;
  readonly votingMembers: number;
  readonly votesNeeded: number;
}

export interface FailureModel {
  readonly topology: Topology;
  readonly hosts: readonly Host[];
  readonly hostOf: ReadonlyMap<Server, Host>;
  readonly dataCenters: readonly DataCenter[];
  /** Each host's data centre's index in `dataCenters`, or -1. */
  readonly hostDc: Int32Array;
  /** Management servers' host indices, in file order. */
  readonly managementServers: Int32Array;
  /** Gateways' host indices, each after every gateway it reports to. */
  readonly gatewayOrder: Int32Array;
  /** For each host, the hosts it reports to (gateways) in list order. */
  readonly parents: readonly (readonly number[])[];
  /** For each host, where its agents fail over, in order. */
  readonly failover: readonly (readonly number[])[];
  readonly database: {
    /** The database's server: its own host, the colocated management server, or a clustered database's listener. */
    readonly listener: number;
    readonly nodes: Int32Array;
    /** -1 without one. */
    readonly witness: number;
  };
  readonly pools: readonly PoolShape[];
  /** For each host, the pools it votes in: pool index x 2, plus 1 for an observer-only member. */
  readonly memberships: readonly (readonly number[])[];
  /** For each host, the gateways that list it among the servers they report to. */
  readonly children: readonly (readonly number[])[];
  /** For each data centre, the hosts in it. */
  readonly hostsByDc: readonly (readonly number[])[];
  readonly dcIndex: ReadonlyMap<DataCenter, number>;
}

/** What is down, as arrays over the model's hosts and data centres, and the network's sides. */
export interface Failure {
  readonly downHosts: Uint8Array;
  readonly downDataCenters: Uint8Array;
  /** Each host's side in a partition (-1: on no side, it reaches nothing); null: no partition. */
  readonly sides: Int32Array | null;
}

export type Outcome = 'works' | 'cut-off' | 'stops';

/** Why a pool does not work. */
export type Cause =
  | 'no-members' // it has none
  | 'votes' // half or fewer of its votes are available
  | 'members' // it keeps quorum but no member is up there
  | 'database' // it runs, but the operational database is unavailable
  | 'side' // it runs on a side the database is not on
  | 'not-connected'; // it runs, but its running members (gateways) reach no connected server

export interface PoolState {
  readonly outcome: Outcome;
  readonly cause?: Cause;
  /** The side where it keeps quorum, or -1. */
  readonly side: number;
  /** Votes where it keeps quorum, or on the side with the most when it keeps it nowhere. */
  readonly votes: number;
  readonly keepsQuorum: boolean;
  readonly runs: boolean;
  /** In a partition: the pool's votes on each side that holds any (the default observer's included). */
  readonly votesBySide?: ReadonlyMap<number, number>;
}

export interface State {
  readonly up: Uint8Array;
  /** Management servers and gateways: connected to the management group (FORMAT.md rules 4 and 5). */
  readonly connected: Uint8Array;
  /** Gateways: the host it reports to now, or -1. */
  readonly via: Int32Array;
  /** The side the database is available on, or -1 (0 without a partition). */
  readonly databaseSide: number;
  /** Each host's side, as the failure's partition gives it (-1: on no side); null: no partition. */
  readonly sides: Int32Array | null;
  readonly managementGroupWorks: boolean;
  readonly pools: readonly PoolState[];
}

export function compileFailureModel(topology: Topology): FailureModel {
  const hosts: Host[] = [];
  const hostOf = new Map<Server, Host>();
  const db = topology.database;
  const dbAvailability = db.availability ?? 1;
  const add = (
    name: string,
    role: HostRole,
    dataCenter: DataCenter | null,
    availability: number | undefined,
    server?: Server,
    extra = 1,
    extraGiven = false,
  ): Host => {
    const h: Host = {
      index: hosts.length,
      name,
      role,
      dataCenter,
      availability: (availability ?? 1) * extra,
      availabilityGiven: availability !== undefined || extraGiven,
      // Always present (undefined for a database host), so that every host has one shape.
      server,
    };
    hosts.push(h);
    if (server) hostOf.set(server, h);
    return h;
  };
  const colocated = db.colocatedWith;
  for (const s of topology.managementServers) {
    // A colocated database shares the host: the host is up only while both are.
    const both = s === colocated;
    add(s.name, 'management-server', s.dataCenter, s.availability, s, both ? dbAvailability : 1, both && db.availability !== undefined);
  }
  for (const g of topology.gateways) add(g.name, 'gateway', g.dataCenter, g.availability, g);
  let listener: number;
  const nodes: number[] = [];
  let witness = -1;
  if (colocated) {
    listener = hostOf.get(colocated)!.index;
  } else {
    listener = add(db.server, 'database', db.cluster ? null : db.dataCenter, db.availability).index;
  }
  if (db.cluster) {
    for (const n of db.cluster.nodes) nodes.push(add(n.name, 'cluster-node', n.dataCenter, n.availability).index);
    if (db.cluster.witness) witness = add(db.cluster.witness.name, 'witness', db.cluster.witness.dataCenter, db.cluster.witness.availability).index;
  }
  const dcIndex = new Map(topology.dataCenters.map((d, i) => [d, i]));
  const hostDc = int32Map(hosts, (h) => (h.dataCenter ? (dcIndex.get(h.dataCenter) ?? -1) : -1));
  const idx = (s: Server) => hostOf.get(s)!.index;
  const none: readonly number[] = [];
  const parents = hosts.map((h) => (h.server?.role === 'gateway' && h.server.reportsTo.length > 0 ? h.server.reportsTo.map(idx) : none));
  const failover = hosts.map((h) => (h.server && h.server.failoverServers.length > 0 ? h.server.failoverServers.map(idx) : none));
  const pools = topology.pools.map((pool): PoolShape => {
    const members = int32Map(pool.members, (m) => idx(m.server));
    const observers = int32Map(pool.observers, (o) => idx(o.server));
    const participates =
      pool.defaultObserverEnabled &&
      (pool.members.some((m) => m.server.role === 'management-server') || pool.observers.some((o) => o.server.role === 'management-server'));
    const V = members.length + observers.length + (participates ? 1 : 0);
    return { pool, members, observers, participates, votingMembers: V, votesNeeded: votesNeeded(V) };
  });
  const memberships: number[][] = hosts.map(() => []);
  pools.forEach((shape, p) => {
    for (const h of shape.members) memberships[h]!.push(2 * p);
    for (const h of shape.observers) memberships[h]!.push(2 * p + 1);
  });
  const children: number[][] = hosts.map(() => []);
  parents.forEach((ps, g) => {
    for (const p of ps) children[p]!.push(g);
  });
  const hostsByDc: number[][] = topology.dataCenters.map(() => []);
  hostDc.forEach((dc, h) => {
    if (dc >= 0) hostsByDc[dc]!.push(h);
  });
  return {
    topology,
    hosts,
    hostOf,
    dataCenters: topology.dataCenters,
    hostDc,
    managementServers: int32Map(topology.managementServers, idx),
    gatewayOrder: gatewayOrder(topology.gateways, idx, parents),
    parents,
    failover,
    database: { listener, nodes: Int32Array.from(nodes), witness },
    pools,
    memberships,
    children,
    hostsByDc,
    dcIndex,
  };
}

/** `Int32Array.from(list, f)` for an array, without the iterator protocol that `from` goes through. */
function int32Map<T>(list: readonly T[], f: (item: T) => number): Int32Array {
  const out = new Int32Array(list.length);
  for (let i = 0; i < list.length; i++) out[i] = f(list[i]!);
  return out;
}

/** Gateways ordered so that each follows the gateways it reports to (normalise breaks cycles). */
function gatewayOrder(gateways: readonly Server[], idx: (s: Server) => number, parents: readonly (readonly number[])[]): Int32Array {
  const out: number[] = [];
  const done = new Set<number>();
  for (const g of gateways) {
    const stack: [number, number][] = [[idx(g), 0]];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const [h, next] = top;
      if (done.has(h)) {
        stack.pop();
        continue;
      }
      const ps = parents[h]!;
      if (next < ps.length) {
        top[1] = next + 1;
        const p = ps[next]!;
        if (parents[p]!.length > 0 && !done.has(p)) stack.push([p, 0]);
        continue;
      }
      done.add(h);
      out.push(h);
      stack.pop();
    }
  }
  return Int32Array.from(out);
}

/** Nothing down, no partition. */
export function noFailure(model: FailureModel): Failure {
  return { downHosts: new Uint8Array(model.hosts.length), downDataCenters: new Uint8Array(model.dataCenters.length), sides: null };
}

/** A failure set from names already resolved: hosts and data centres down, and the sides of a partition. */
export function failureOf(
  model: FailureModel,
  down: { readonly hosts?: Iterable<Host>; readonly dataCenters?: Iterable<DataCenter>; readonly sides?: ReadonlyMap<Host, number> },
): Failure {
  const f = noFailure(model);
  for (const h of down.hosts ?? []) f.downHosts[h.index] = 1;
  for (const d of down.dataCenters ?? []) {
    const i = model.dcIndex.get(d);
    if (i !== undefined) f.downDataCenters[i] = 1;
  }
  if (!down.sides) return f;
  const sides = new Int32Array(model.hosts.length).fill(-1);
  for (const [h, s] of down.sides) sides[h.index] = s;
  return { downHosts: f.downHosts, downDataCenters: f.downDataCenters, sides };
}
