/** The failure model's rules 1 to 9 applied to one failure: which hosts are up and connected, each pool's votes, and its outcome. */
import type { Cause, Failure, FailureModel, PoolShape, PoolState, State } from './model.js';
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
  // 3. The database.
  const databaseSide = databaseSideOf(model, up, sides);
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

/**
 * Rule 3, the database: available where its server is up, and for a cluster where more than half
 * of its votes are up with a node among them, on one side. The side, or -1 (0 without a partition).
 */
export function databaseSideOf(model: FailureModel, up: Uint8Array, sides: Int32Array | null): number {
  const side = (h: number) => (sides ? sides[h]! : 0);
  const { listener, nodes, witness } = model.database;
  if (!up[listener]) return -1;
  if (nodes.length === 0) return side(listener);
  const votes = nodes.length + (witness >= 0 ? 1 : 0);
  if (!sides) {
    // Nothing split, so everything is on side 0: count the votes up (asked once per what-if and per availability state).
    let up0 = 0;
    let node = false;
    for (const h of nodes)
      if (up[h]) {
        up0++;
        node = true;
      }
    if (witness >= 0 && up[witness]) up0++;
    return 2 * up0 > votes && node ? 0 : -1;
  }
  const count = new Map<number, number>();
  const withNode = new Set<number>();
  for (const h of nodes) {
    if (!up[h] || side(h) < 0) continue;
    count.set(side(h), (count.get(side(h)) ?? 0) + 1);
    withNode.add(side(h));
  }
  if (witness >= 0 && up[witness] && side(witness) >= 0) count.set(side(witness), (count.get(side(witness)) ?? 0) + 1);
  let databaseSide = -1;
  for (const [s, c] of count) if (2 * c > votes && withNode.has(s)) databaseSide = s;
  return databaseSide;
}

/** The failure model: FORMAT.md's rules 1 to 8, in their order. */
export function evaluate(model: FailureModel, failure: Failure): State {
  const infra = evaluateInfrastructure(model, failure);
  const { sides } = failure;
  const side = (h: number) => (sides ? sides[h]! : 0);
  const pools = model.pools.map((shape) => poolState(shape, infra.up, infra.connected, side, sides, infra.databaseSide, model));
  return {
    up: infra.up,
    connected: infra.connected,
    via: infra.via,
    databaseSide: infra.databaseSide,
    sides,
    managementGroupWorks: infra.managementGroupWorks,
    pools,
  };
}

/** Rules 7 and 8 for one pool. */
function poolState(
  shape: PoolShape,
  up: Uint8Array,
  connected: Uint8Array,
  side: (h: number) => number,
  sides: Int32Array | null,
  databaseSide: number,
  model: FailureModel,
): PoolState {
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

export function outcomeOf(quorumSide: number, votes: number, memberUp: boolean, memberConnected: boolean, databaseSide: number): PoolState {
  if (quorumSide < 0) return { outcome: 'stops', cause: 'votes', side: -1, votes, keepsQuorum: false, runs: false };
  if (!memberUp) return { outcome: 'stops', cause: 'members', side: quorumSide, votes, keepsQuorum: true, runs: false };
  if (memberConnected) return { outcome: 'works', side: quorumSide, votes, keepsQuorum: true, runs: true };
  const cause: Cause = databaseSide < 0 ? 'database' : databaseSide !== quorumSide ? 'side' : 'not-connected';
  return { outcome: 'cut-off', cause, side: quorumSide, votes, keepsQuorum: true, runs: true };
}

/** A pool's outcome in words, for a person (simulate, the report). */
export function reasonOf(state: PoolState): string | undefined {
  switch (state.cause) {
    case undefined:
      return undefined;
    case 'no-members':
      return 'it has no members, so it never runs';
    case 'votes':
      return 'half or fewer of its votes are available';
    case 'members':
      return 'it keeps quorum, but no member is left to run its workflows';
    case 'database':
      return 'it runs, but the operational database is unavailable, so its data reaches no one';
    case 'side':
      return 'it runs on a side of the network that the operational database is not on';
    case 'not-connected':
      return 'it runs, but none of its running members reaches a connected management server';
  }
}

/** The hosts that a data centre holds. */
export function hostsIn(model: FailureModel, dc: number): number[] {
  return [...(model.hostsByDc[dc] ?? [])];
}
