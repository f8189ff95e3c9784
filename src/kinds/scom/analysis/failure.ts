/**
 * FORMAT.md's failure model ("Failure model: what fails, and what follows"): one pure function from
 * a failure set to the state of every server, the database, the management group and every pool.
 * Data-centre loss, single points of failure, availability, `simulate`, the capacity after failover
 * and the report's what-if table all derive from `evaluate`, so that they cannot disagree.
 *
 * The topology is compiled once into arrays (`compileFailureModel`) so that one evaluation is
 * linear in the servers and the pools' members, however many times it runs.
 */
import type { DataCenter, Pool, Server, Topology } from '../model/types.js';
import { votesNeeded } from './quorum.js';

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
  readonly managementGroupWorks: boolean;
  readonly pools: readonly PoolState[];
}

export function compileFailureModel(topology: Topology): FailureModel {
  const hosts: Host[] = [];
  const hostOf = new Map<Server, Host>();
  const db = topology.database;
  const dbAvailability = db.availability ?? 1;
  const add = (name: string, role: HostRole, dataCenter: DataCenter | null, availability: number | undefined, server?: Server, extra = 1, extraGiven = false): Host => {
    const h: Host = {
      index: hosts.length, name, role, dataCenter,
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
  const hostDc = Int32Array.from(hosts, (h) => (h.dataCenter ? dcIndex.get(h.dataCenter) ?? -1 : -1));
  const idx = (s: Server) => hostOf.get(s)!.index;
  const none: readonly number[] = [];
  const parents = hosts.map((h) => (h.server?.role === 'gateway' && h.server.reportsTo.length > 0 ? h.server.reportsTo.map(idx) : none));
  const failover = hosts.map((h) => (h.server && h.server.failoverServers.length > 0 ? h.server.failoverServers.map(idx) : none));
  const pools = topology.pools.map((pool): PoolShape => {
    const members = Int32Array.from(pool.members, (m) => idx(m.server));
    const observers = Int32Array.from(pool.observers, (o) => idx(o.server));
    const participates = pool.defaultObserverEnabled
      && (pool.members.some((m) => m.server.role === 'management-server') || pool.observers.some((o) => o.server.role === 'management-server'));
    const V = members.length + observers.length + (participates ? 1 : 0);
    return { pool, members, observers, participates, votingMembers: V, votesNeeded: votesNeeded(V) };
  });
  const memberships: number[][] = hosts.map(() => []);
  pools.forEach((shape, p) => {
    for (const h of shape.members) memberships[h]!.push(2 * p);
    for (const h of shape.observers) memberships[h]!.push(2 * p + 1);
  });
  const children: number[][] = hosts.map(() => []);
  parents.forEach((ps, g) => { for (const p of ps) children[p]!.push(g); });
  const hostsByDc: number[][] = topology.dataCenters.map(() => []);
  hostDc.forEach((dc, h) => { if (dc >= 0) hostsByDc[dc]!.push(h); });
  return {
    topology, hosts, hostOf, dataCenters: topology.dataCenters, hostDc,
    managementServers: Int32Array.from(topology.managementServers, idx),
    gatewayOrder: gatewayOrder(topology.gateways, idx, parents),
    parents, failover,
    database: { listener, nodes: Int32Array.from(nodes), witness },
    pools,
    memberships,
    children,
    hostsByDc,
    dcIndex,
  };
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
export function failureOf(model: FailureModel, down: { readonly hosts?: Iterable<Host>; readonly dataCenters?: Iterable<DataCenter>; readonly sides?: ReadonlyMap<Host, number> }): Failure {
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

/** What rules 1 to 6 decide: which hosts are up and connected, and where the database is. */
export interface Infrastructure {
  readonly up: Uint8Array;
  readonly connected: Uint8Array;
  readonly via: Int32Array;
  readonly databaseSide: number;
  readonly managementGroupWorks: boolean;
}

/**
 * Rules 1 to 6. `scope` limits the work to some hosts (the availability estimate asks only about the
 * database and the servers gateways report through); hosts outside it are left down.
 */
export function evaluateInfrastructure(
  model: FailureModel,
  failure: Failure,
  scope?: { readonly hosts: Int32Array; readonly managementServers: Int32Array; readonly gatewayOrder: Int32Array },
  /** Arrays to reuse, for a caller that evaluates many failure sets over one scope. */
  reuse?: { readonly up: Uint8Array; readonly connected: Uint8Array; readonly via: Int32Array },
): Infrastructure {
  const n = model.hosts.length;
  const { downHosts, downDataCenters, sides } = failure;
  const side = (h: number) => (sides ? sides[h]! : 0);
  const up = reuse?.up ?? new Uint8Array(n);
  const connected = reuse?.connected ?? new Uint8Array(n);
  const via = reuse?.via ?? new Int32Array(n).fill(-1);
  // 1. Up: neither it nor its data centre is down.
  const upOf = (h: number) => {
    const dc = model.hostDc[h]!;
    up[h] = downHosts[h] || (dc >= 0 && downDataCenters[dc]) ? 0 : 1;
    connected[h] = 0;
    via[h] = -1;
  };
  if (scope) for (const h of scope.hosts) upOf(h);
  else for (let h = 0; h < n; h++) upOf(h);
  // 3. The database: its server up, or more than half of its cluster's votes and a node on one side.
  const { listener, nodes, witness } = model.database;
  let databaseSide = -1;
  if (up[listener]) {
    if (nodes.length === 0) {
      databaseSide = side(listener);
    } else {
      const votes = nodes.length + (witness >= 0 ? 1 : 0);
      const count = new Map<number, number>();
      const withNode = new Set<number>();
      for (const h of nodes) {
        if (!up[h] || side(h) < 0) continue;
        count.set(side(h), (count.get(side(h)) ?? 0) + 1);
        withNode.add(side(h));
      }
      if (witness >= 0 && up[witness] && side(witness) >= 0) count.set(side(witness), (count.get(side(witness)) ?? 0) + 1);
      for (const [s, c] of count) if (2 * c > votes && withNode.has(s)) databaseSide = s;
    }
  }
  // 4, 5, 6. Connected: management servers that reach the database; gateways through the first
  // connected server on their list that they reach, parents before children.
  let managementGroupWorks = false;
  for (const h of scope?.managementServers ?? model.managementServers) {
    if (up[h] && databaseSide >= 0 && side(h) === databaseSide) {
      connected[h] = 1;
      managementGroupWorks = true;
    }
  }
  for (const g of scope?.gatewayOrder ?? model.gatewayOrder) {
    if (!up[g] || side(g) < 0) continue;
    for (const p of model.parents[g]!) {
      if (connected[p] && side(p) === side(g)) {
        connected[g] = 1;
        via[g] = p;
        break;
      }
    }
  }
  return { up, connected, via, databaseSide, managementGroupWorks };
}

/** The failure model: FORMAT.md's rules 1 to 8, in their order. */
export function evaluate(model: FailureModel, failure: Failure): State {
  const infra = evaluateInfrastructure(model, failure);
  const { sides } = failure;
  const side = (h: number) => (sides ? sides[h]! : 0);
  const pools = model.pools.map((shape) => poolState(shape, infra.up, infra.connected, side, sides, infra.databaseSide, model));
  return { up: infra.up, connected: infra.connected, via: infra.via, databaseSide: infra.databaseSide, managementGroupWorks: infra.managementGroupWorks, pools };
}

/** Rules 7 and 8 for one pool. */
function poolState(shape: PoolShape, up: Uint8Array, connected: Uint8Array, side: (h: number) => number, sides: Int32Array | null, databaseSide: number, model: FailureModel): PoolState {
  if (shape.members.length === 0) return { outcome: 'stops', cause: 'no-members', side: -1, votes: 0, keepsQuorum: false, runs: false };
  const isMs = (h: number) => model.hosts[h]!.role === 'management-server';
  if (!sides) {
    // One side: plain counts, the common case kept cheap.
    let votes = 0;
    let msUp = false;
    let memberUp = false;
    let memberConnected = false;
    for (const h of shape.members) {
      if (!up[h]) continue;
      votes++;
      memberUp = true;
      if (connected[h]) memberConnected = true;
      if (isMs(h)) msUp = true;
    }
    for (const h of shape.observers) {
      if (!up[h]) continue;
      votes++;
      if (isMs(h)) msUp = true;
    }
    if (shape.participates && databaseSide === 0 && msUp) votes++;
    return outcomeOf(votes >= shape.votesNeeded ? 0 : -1, votes, memberUp, memberConnected, databaseSide);
  }
  const per = new Map<number, { votes: number; msUp: boolean; memberUp: boolean; memberConnected: boolean }>();
  const at = (s: number) => {
    let x = per.get(s);
    if (!x) per.set(s, (x = { votes: 0, msUp: false, memberUp: false, memberConnected: false }));
    return x;
  };
  for (const list of [shape.members, shape.observers]) {
    for (const h of list) {
      if (!up[h] || side(h) < 0) continue;
      const x = at(side(h));
      x.votes++;
      if (isMs(h)) x.msUp = true;
      if (list === shape.members) {
        x.memberUp = true;
        if (connected[h]) x.memberConnected = true;
      }
    }
  }
  let quorumSide = -1;
  let best = 0;
  for (const [s, x] of per) {
    if (shape.participates && databaseSide === s && x.msUp) x.votes++;
    if (x.votes >= shape.votesNeeded) quorumSide = s;
    best = Math.max(best, x.votes);
  }
  const q = quorumSide >= 0 ? per.get(quorumSide)! : undefined;
  const votesBySide = new Map([...per].map(([s, x]) => [s, x.votes]));
  return Object.assign(outcomeOf(quorumSide, q ? q.votes : best, q?.memberUp ?? false, q?.memberConnected ?? false, databaseSide), { votesBySide });
}

function outcomeOf(quorumSide: number, votes: number, memberUp: boolean, memberConnected: boolean, databaseSide: number): PoolState {
  if (quorumSide < 0) return { outcome: 'stops', cause: 'votes', side: -1, votes, keepsQuorum: false, runs: false };
  if (!memberUp) return { outcome: 'stops', cause: 'members', side: quorumSide, votes, keepsQuorum: true, runs: false };
  if (memberConnected) return { outcome: 'works', side: quorumSide, votes, keepsQuorum: true, runs: true };
  const cause: Cause = databaseSide < 0 ? 'database' : databaseSide !== quorumSide ? 'side' : 'not-connected';
  return { outcome: 'cut-off', cause, side: quorumSide, votes, keepsQuorum: true, runs: true };
}

/** A pool's outcome in words, for a person (simulate, the report). */
export function reasonOf(state: PoolState): string | undefined {
  switch (state.cause) {
    case undefined: return undefined;
    case 'no-members': return 'it has no members, so it never runs';
    case 'votes': return 'half or fewer of its votes are available';
    case 'members': return 'it keeps quorum, but no member is left to run its workflows';
    case 'database': return 'it runs, but the operational database is unavailable, so its data reaches no one';
    case 'side': return 'it runs on a side of the network that the operational database is not on';
    case 'not-connected': return 'it runs, but none of its running members reaches a connected management server';
  }
}

/** The hosts that a data centre holds. */
export function hostsIn(model: FailureModel, dc: number): number[] {
  return [...(model.hostsByDc[dc] ?? [])];
}

/** A pool's counts with nothing split: what rules 7 and 8 read. */
interface PoolCounts {
  readonly votersUp: Int32Array;
  readonly msVotersUp: Int32Array;
  readonly membersUp: Int32Array;
  readonly membersConnected: Int32Array;
}

/** The state with nothing down, with each pool's counts, for the what-ifs of a few hosts down. */
export interface Baseline {
  readonly state: State;
  readonly counts: PoolCounts;
}

export function baselineOf(model: FailureModel): Baseline {
  const state = evaluate(model, noFailure(model));
  const n = model.pools.length;
  const counts: PoolCounts = { votersUp: new Int32Array(n), msVotersUp: new Int32Array(n), membersUp: new Int32Array(n), membersConnected: new Int32Array(n) };
  model.memberships.forEach((list, h) => {
    if (!state.up[h]) return;
    for (const m of list) count(counts, m, model.hosts[h]!.role === 'management-server', state.connected[h] === 1, 1);
  });
  return { state, counts };
}

function count(c: PoolCounts, membership: number, ms: boolean, connected: boolean, by: 1 | -1): void {
  const p = membership >> 1;
  c.votersUp[p] = c.votersUp[p]! + by;
  if (ms) c.msVotersUp[p] = c.msVotersUp[p]! + by;
  if ((membership & 1) === 0) {
    c.membersUp[p] = c.membersUp[p]! + by;
    if (connected) c.membersConnected[p] = c.membersConnected[p]! + by;
  }
}

/**
 * The failure model (`evaluate`) for a few hosts down and nothing split, worked out from the
 * baseline: only the hosts that go down, the gateways that report through them and the pools they
 * vote in are looked at, so that a what-if per data centre or per server stays linear in the
 * design. Where the database goes, everything changes: that is left to `evaluate`. A test holds
 * the two equal on random designs and failure sets.
 */
export function evaluateFew(model: FailureModel, base: Baseline, down: ArrayLike<number>): State & { readonly membersUp: Int32Array } {
  const b = base.state;
  const up = b.up.slice();
  for (let i = 0; i < down.length; i++) up[down[i]!] = 0;
  const { listener, nodes, witness } = model.database;
  const dbTouched = Array.prototype.some.call(down, (h: number) => h === listener || h === witness || nodes.includes(h));
  if (dbTouched) {
    const f = noFailure(model);
    for (let i = 0; i < down.length; i++) f.downHosts[down[i]!] = 1;
    const full = evaluate(model, f);
    const membersUp = new Int32Array(model.pools.length);
    model.pools.forEach((shape, p) => { for (const h of shape.members) if (full.up[h]) membersUp[p] = membersUp[p]! + 1; });
    return Object.assign(full, { membersUp });
  }
  const connected = b.connected.slice();
  const via = b.via.slice();
  const counts: PoolCounts = {
    votersUp: base.counts.votersUp.slice(), msVotersUp: base.counts.msVotersUp.slice(),
    membersUp: base.counts.membersUp.slice(), membersConnected: base.counts.membersConnected.slice(),
  };
  // Each host whose up or connected changes: its pools' counts follow, and so do the gateways that
  // report through it (to any depth: a gateway that loses its last connected parent is cut off).
  const changed = (h: number, wasUp: boolean, wasConnected: boolean) => {
    const ms = model.hosts[h]!.role === 'management-server';
    for (const m of model.memberships[h]!) {
      if (wasUp && !up[h]) count(counts, m, ms, wasConnected, -1);
      else if (wasConnected && !connected[h] && (m & 1) === 0) counts.membersConnected[m >> 1] = counts.membersConnected[m >> 1]! - 1;
    }
  };
  const queue: number[] = [];
  for (let i = 0; i < down.length; i++) {
    const h = down[i]!;
    if (!b.up[h]) continue;
    const wasConnected = connected[h] === 1;
    connected[h] = 0;
    via[h] = -1;
    changed(h, true, wasConnected);
    if (wasConnected) queue.push(h);
  }
  let managementGroupWorks = false;
  for (const h of model.managementServers) if (connected[h]) { managementGroupWorks = true; break; }
  while (queue.length > 0) {
    const parent = queue.pop()!;
    for (const g of model.children[parent]!) {
      if (!connected[g] || via[g] !== parent) continue;
      // It reported through a server now gone: the next connected one on its list, or cut off.
      let next = -1;
      for (const p of model.parents[g]!) if (connected[p]) { next = p; break; }
      via[g] = next;
      if (next < 0) {
        connected[g] = 0;
        changed(g, true, true);
        queue.push(g);
      }
    }
  }
  const databaseSide = b.databaseSide;
  const membersUp = counts.membersUp;
  const pools = model.pools.map((shape, p): PoolState => {
    if (shape.members.length === 0) return { outcome: 'stops', cause: 'no-members', side: -1, votes: 0, keepsQuorum: false, runs: false };
    const votes = counts.votersUp[p]! + (shape.participates && databaseSide === 0 && counts.msVotersUp[p]! > 0 ? 1 : 0);
    return outcomeOf(votes >= shape.votesNeeded ? 0 : -1, votes, membersUp[p]! > 0, counts.membersConnected[p]! > 0, databaseSide);
  });
  return { up, connected, via, databaseSide, managementGroupWorks, pools, membersUp };
}
