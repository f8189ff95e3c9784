/** The failure model for a few hosts down, from the state with nothing down: linear what-ifs (a property test holds it equal to `evaluate`). */
import { noFailure, type FailureModel, type PoolState, type State } from './model.js';
import { databaseSideOf, evaluate, outcomeOf } from './evaluate.js';
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

/** `from` copied: into `to` where given, else into a new array. */
function copy<A extends Uint8Array | Int32Array>(from: A, to: A | undefined): A {
  if (!to) return from.slice() as A;
  to.set(from);
  return to;
}

/**
 * Arrays of the size of a model's state for evaluateFew to fill rather than allocate, for a caller
 * that asks one what-if after another and keeps none of their states past the next.
 */
export interface FewArrays extends PoolCounts {
  readonly up: Uint8Array;
  readonly connected: Uint8Array;
  readonly via: Int32Array;
}

export function fewArrays(model: FailureModel): FewArrays {
  const hosts = model.hosts.length;
  const pools = model.pools.length;
  return {
    up: new Uint8Array(hosts),
    connected: new Uint8Array(hosts),
    via: new Int32Array(hosts),
    votersUp: new Int32Array(pools),
    msVotersUp: new Int32Array(pools),
    membersUp: new Int32Array(pools),
    membersConnected: new Int32Array(pools),
  };
}

/**
 * The failure model (`evaluate`) for a few hosts down and nothing split, worked out from the
 * baseline: only the hosts that go down, the gateways that report through them and the pools they
 * vote in are looked at, so that a what-if per data centre or per server stays linear in the
 * design. Where one of the database's hosts goes down, its availability is asked again (rule 3,
 * `databaseSideOf`); where the database goes, every server is cut off. A test holds the two equal
 * on random designs and failure sets.
 */
export function evaluateFew(model: FailureModel, base: Baseline, down: ArrayLike<number>, reuse?: FewArrays): State & { readonly membersUp: Int32Array } {
  const b = base.state;
  const up = copy(b.up, reuse?.up);
  for (let i = 0; i < down.length; i++) up[down[i]!] = 0;
  const { listener, nodes, witness } = model.database;
  let dbTouched = false;
  for (let i = 0; i < down.length && !dbTouched; i++) {
    const h = down[i]!;
    dbTouched = h === listener || h === witness || nodes.includes(h);
  }
  const connected = copy(b.connected, reuse?.connected);
  const via = copy(b.via, reuse?.via);
  const counts: PoolCounts = {
    votersUp: copy(base.counts.votersUp, reuse?.votersUp),
    msVotersUp: copy(base.counts.msVotersUp, reuse?.msVotersUp),
    membersUp: copy(base.counts.membersUp, reuse?.membersUp),
    membersConnected: copy(base.counts.membersConnected, reuse?.membersConnected),
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
  // Rule 3 again where one of the database's hosts is down: without the database, no server is
  // connected (rules 4 to 6), and no pool has the default observer's vote.
  const databaseSide = dbTouched ? databaseSideOf(model, up, null) : b.databaseSide;
  if (databaseSide < 0 && b.databaseSide >= 0) {
    for (let h = 0; h < connected.length; h++) {
      if (!connected[h]) continue;
      connected[h] = 0;
      via[h] = -1;
      changed(h, true, true);
    }
  }
  let managementGroupWorks = false;
  for (const h of model.managementServers)
    if (connected[h]) {
      managementGroupWorks = true;
      break;
    }
  while (queue.length > 0) {
    const parent = queue.pop()!;
    for (const g of model.children[parent]!) {
      if (!connected[g] || via[g] !== parent) continue;
      // It reported through a server now gone: the next connected one on its list, or cut off.
      let next = -1;
      for (const p of model.parents[g]!)
        if (connected[p]) {
          next = p;
          break;
        }
      via[g] = next;
      if (next < 0) {
        connected[g] = 0;
        changed(g, true, true);
        queue.push(g);
      }
    }
  }
  const membersUp = counts.membersUp;
  const pools = model.pools.map((shape, p): PoolState => {
    if (shape.members.length === 0) return { outcome: 'stops', cause: 'no-members', side: -1, votes: 0, keepsQuorum: false, runs: false };
    const votes = counts.votersUp[p]! + (shape.participates && databaseSide === 0 && counts.msVotersUp[p]! > 0 ? 1 : 0);
    return outcomeOf(votes >= shape.votesNeeded ? 0 : -1, votes, membersUp[p]! > 0, counts.membersConnected[p]! > 0, databaseSide);
  });
  return { up, connected, via, databaseSide, sides: null, managementGroupWorks, pools, membersUp };
}
