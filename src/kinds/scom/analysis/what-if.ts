/**
 * The questions every design review asks, each answered by evaluating the failure model
 * (failure.ts) on a failure set: data-centre loss, single points of failure and agents after
 * failures. None of them computes quorum or connectivity on its own.
 */
import { CAPACITY_LIMITS } from '../../../domain/facts.js';
import type { Pool } from '../model/types.js';
import { nameKey } from '../../../core/model.js';
import {
  evaluateFew,
  fewArrays,
  type Baseline,
  type FewArrays,
  type Cause,
  type FailureModel,
  type Host,
  type Outcome,
  type PoolShape,
} from './failure/index.js';

export interface DataCenterLoss {
  readonly dataCenter: string;
  /** The pool works with every server of the data centre down. */
  readonly survives: boolean;
  readonly outcome: Outcome;
  /** Why it does not work, where it does not (FORMAT.md's outcome); undefined where it works (and left out of JSON). */
  readonly cause: Cause | undefined;
  /** Votes still available there (where it keeps quorum, else the most on any side). */
  readonly votesLeft: number;
  readonly votesNeeded: number;
  readonly membersLeft: number;
  /** The management group does not work without the data centre. */
  readonly stopsManagementGroup: boolean;
  /** The operational database is unavailable without it. */
  readonly databaseLost: boolean;
}

/**
 * Each data centre's loss, for every pool: the data centres that hold one of its voters or a server it
 * works through (the database's server, cluster nodes and witness, the servers its gateway members
 * report through), in the topology's order. One evaluation per data centre serves every pool.
 */
export function dataCenterLosses(model: FailureModel, baseline: Baseline, arrays: FewArrays = fewArrays(model)): DataCenterLoss[][] {
  const dbHosts = databaseHosts(model);
  const relevant = model.pools.map((shape) => {
    const dcs = new Set<number>();
    const place = (h: number) => {
      const dc = model.hostDc[h]!;
      if (dc >= 0) dcs.add(dc);
    };
    for (const h of shape.observers) place(h);
    for (const h of dbHosts) place(h);
    // The servers its members report through, to any depth: followed from every gateway on the way,
    // including one that is also the pool's observer (placing it is not following it).
    const followed = new Set<number>();
    const stack: number[] = [];
    for (const h of shape.members) stack.push(h);
    while (stack.length > 0) {
      const h = stack.pop()!;
      if (followed.has(h)) continue;
      followed.add(h);
      place(h);
      for (const p of model.parents[h]!) stack.push(p);
    }
    return dcs;
  });
  const wanted = new Set<number>();
  for (const dcs of relevant) for (const dc of dcs) wanted.add(dc);
  const out: DataCenterLoss[][] = model.pools.map(() => []);
  model.dataCenters.forEach((dc, i) => {
    if (!wanted.has(i)) return;
    const state = evaluateFew(model, baseline, model.hostsByDc[i]!, arrays);
    model.pools.forEach((shape, p) => {
      if (!relevant[p]!.has(i)) return;
      const s = state.pools[p]!;
      const membersLeft = state.membersUp[p]!;
      out[p]!.push({
        dataCenter: dc.name,
        survives: s.outcome === 'works',
        outcome: s.outcome,
        cause: s.cause,
        votesLeft: s.votes,
        votesNeeded: shape.votesNeeded,
        membersLeft,
        stopsManagementGroup: !state.managementGroupWorks,
        databaseLost: state.databaseSide < 0,
      });
    });
  });
  return out;
}

/**
 * The names of the database's own hosts: its cluster's nodes and witness, and its server unless a
 * management server shares it (DOMAIN.md: then it is a single point of failure for both). Every design with one database has these
 * as single points; single-point-of-failure and the report's headline speak of the others.
 */
export function databaseOwnNames(model: FailureModel): Set<string> {
  const { listener, nodes, witness } = model.database;
  const own = [...nodes, ...(witness >= 0 ? [witness] : []), ...(model.hosts[listener]!.server ? [] : [listener])];
  return new Set(own.map((h) => model.hosts[h]!.name));
}

/**
 * A pool's single points of failure that no change to its own members, observers or default observer
 * removes (for `plan`): the servers outside them that it works through (the management servers its
 * gateways report through) and the management server that hosts the operational database; not the
 * database's own server or cluster, which is every pool's (FORMAT.md, "Failure model"). Nor a server
 * the change's new gateways report around (`newGatewaysReportTo`, the plan's failover): with a
 * management server besides it to report to, they keep the pool connected without it.
 */
export function pointsBeyondMembers(model: FailureModel, pool: Pool, singlePoints: readonly string[], newGatewaysReportTo: readonly string[] = []): string[] {
  const own = databaseOwnNames(model);
  const host = model.hosts[model.database.listener]!;
  const voters = new Set([...pool.members, ...pool.observers].map((m) => m.server.name));
  const databaseHostNames = new Set(databaseHosts(model).map((h) => nameKey(model.hosts[h]!.name)));
  const managementServers = new Set(model.hosts.filter((h) => h.role === 'management-server').map((h) => nameKey(h.name)));
  // A management server stays connected whoever else is down, but for the database's hosts, whose loss no failover helps.
  const reportedAround = (n: string) =>
    !databaseHostNames.has(nameKey(n)) && newGatewaysReportTo.some((r) => nameKey(r) !== nameKey(n) && managementServers.has(nameKey(r)));
  return singlePoints.filter((n) => !own.has(n) && (!voters.has(n) || (host.server !== undefined && host.name === n)) && !reportedAround(n));
}

/** The database's hosts: its server (or the management server it shares), cluster nodes and witness. */
export function databaseHosts(model: FailureModel): number[] {
  const { listener, nodes, witness } = model.database;
  return [listener, ...nodes, ...(witness >= 0 ? [witness] : [])];
}

export interface SinglePoints {
  /** Servers without which the management group does not work. */
  readonly managementGroup: readonly Host[];
  /** Per pool: servers without which a pool that works with everything up does not. */
  readonly pools: readonly (readonly Host[])[];
  /**
   * Per gateway connected with everything up: the first server in file order, other than it and
   * the database's hosts, whose loss alone cuts it off (its primary and failover all report through it).
   */
  readonly gateways: ReadonlyMap<Host, Host>;
}

/**
 * Servers whose loss alone, with everything else up, changes an outcome (FORMAT.md). Servers that
 * the model cannot tell apart (the same role, the same pools as member or observer, connected alike,
 * no gateway reporting through them, not the database's host) have the same answer, so one
 * evaluation serves each such class: the three default pools of 20,000 management servers cost one.
 */
export function singlePointsOfFailure(model: FailureModel, base: Baseline, arrays: FewArrays = fewArrays(model)): SinglePoints {
  const baseline = base.state;
  const n = model.hosts.length;
  const dbHosts = new Set(databaseHosts(model));
  const classes = new Map<string, number[]>();
  for (let h = 0; h < n; h++) {
    const host = model.hosts[h]!;
    // Where its agents fail over changes no outcome (only their load), so it does not set a host apart.
    const unique = model.children[h]!.length > 0 || dbHosts.has(h);
    const key = unique ? `#${h}` : `${host.role}|${baseline.connected[h]}|${model.memberships[h]!.join(',')}`;
    const list = classes.get(key);
    if (list) list.push(h);
    else classes.set(key, [h]);
  }
  const mgLost = new Uint8Array(n);
  const poolLost = model.pools.map(() => new Uint8Array(n));
  const gateways = new Map<Host, Host>();
  for (const members of classes.values()) {
    const rep = members[0]!;
    const state = evaluateFew(model, base, [rep], arrays);
    // Only a server that gateways report through can cut one off (the database's hosts cut off all).
    if (model.children[rep]!.length > 0 && !dbHosts.has(rep)) {
      for (const g of model.gatewayOrder) {
        if (g === rep || !baseline.connected[g] || state.connected[g]) continue;
        const host = model.hosts[g]!;
        const known = gateways.get(host);
        if (!known || rep < known.index) gateways.set(host, model.hosts[rep]!);
      }
    }
    const mg = baseline.managementGroupWorks && !state.managementGroupWorks;
    model.pools.forEach((_, p) => {
      if (baseline.pools[p]!.outcome !== 'works' || state.pools[p]!.outcome === 'works') return;
      for (const h of members) poolLost[p]![h] = 1;
    });
    if (mg) for (const h of members) mgLost[h] = 1;
  }
  // A clustered database's listener is a name, not a server that fails on its own: its nodes and witness are.
  const clusterListener = model.database.nodes.length > 0 ? model.database.listener : -1;
  const hostsOf = (flags: Uint8Array) => model.hosts.filter((h) => flags[h.index] && h.index !== clusterListener);
  return { managementGroup: hostsOf(mgLost), pools: poolLost.map(hostsOf), gateways };
}

/**
 * The servers that a pool's gateway members list to report to and that take no reports in `state`:
 * each down, or up but cut off itself (FORMAT.md, failure model rule 5), in the order of the members
 * and their lists, each once. Only the members that are up and cut off are asked: advice for a pool
 * cut off must not send its gateways to a server the same failure takes.
 */
export function unreachableParents(
  model: FailureModel,
  state: { readonly up: Uint8Array; readonly connected: Uint8Array },
  shape: PoolShape,
): { readonly host: Host; readonly down: boolean }[] {
  const seen = new Set<number>();
  const out: { host: Host; down: boolean }[] = [];
  for (const m of shape.members) {
    if (!state.up[m] || state.connected[m]) continue;
    for (const p of model.parents[m]!) {
      if (state.connected[p] || seen.has(p)) continue;
      seen.add(p);
      out.push({ host: model.hosts[p]!, down: state.up[p] === 0 });
    }
  }
  return out;
}

export interface AgentLoad {
  /** Each connected management server and gateway that carries agents, with its limit. */
  readonly loads: readonly { readonly host: Host; readonly agents: number; readonly limit: number }[];
  /** Agents with nowhere to go. */
  readonly unmonitored: number;
}

/** Why a server of a failover list did not take the agents: down, up but cut off, or connected across the partition. */
export type PassedOverState = 'down' | 'cut-off' | 'other-side';

/** Each PassedOverState in words, for the rules' messages and simulate's lines alike. */
export const PASSED_OVER_WORDS: Readonly<Record<PassedOverState, string>> = { down: 'down', 'cut-off': 'cut off', 'other-side': 'across the partition' };

/**
 * Where the agents of one server that is not connected go (FORMAT.md, "Agents after failures"), as
 * `agentLoads` sends them: the one answer that the advice of capacity-after-failover, plan and
 * simulate give in words.
 */
export interface AgentMove {
  /** The server whose own agents move: it is down or cut off. */
  readonly from: Host;
  readonly agents: number;
  /**
   * `listed`: whole to `to`, the first connected server of its `failoverServers` on its side;
   * `spread`: over the connected management servers of its side (`spreadOver` of them), since it
   * names none; `unmonitored`: nowhere to go.
   */
  readonly how: 'listed' | 'spread' | 'unmonitored';
  /** Where they go, for `listed`; null otherwise. */
  readonly to: Host | null;
  /** The servers of its list ahead of `to` (all of them when unmonitored) that did not take them, and why. */
  readonly passedOver: readonly { readonly host: Host; readonly state: PassedOverState }[];
  /** For `spread`: how many connected management servers share them. */
  readonly spreadOver: number;
}

/**
 * Agents after failures (FORMAT.md): a server that is not connected hands its agents to the first
 * connected server on its `failoverServers`; without that list a management server's are spread as
 * evenly as whole agents allow over the connected management servers (the first in file order take
 * the remainder), and a gateway's are unmonitored. In a partition (`sides`) a server's agents stay
 * on its side, so only connected servers on that side take them (pooltopo's reading of "connected
 * server", docs/KINDS.md). Each host's load, by index. Where `record` is given, each server's move
 * is pushed onto `record.moves`, in file order (`up` tells a server passed over that is down from
 * one cut off).
 */
export function agentLoads(
  model: FailureModel,
  connected: Uint8Array,
  sides: Int32Array | null,
  record?: { readonly up: Uint8Array; readonly moves: AgentMove[] },
): { readonly load: Float64Array; readonly unmonitored: number } {
  const load = new Float64Array(model.hosts.length);
  const side = (h: number) => (sides ? sides[h]! : 0);
  // Agents reach a server only on their own side; a host on no side (-1) reaches none.
  const takes = (from: number, to: number) => connected[to] === 1 && side(from) >= 0 && side(to) === side(from);
  let sideCount = 1;
  if (sides) for (const s of sides) if (s + 1 > sideCount) sideCount = s + 1;
  // The agents to spread on each side, and the connected management servers there to take them.
  const spread = new Float64Array(sideCount);
  const targets = new Int32Array(sideCount);
  for (const h of model.managementServers) if (connected[h] && side(h) >= 0) targets[side(h)]!++;
  let unmonitored = 0;
  // The spread moves, told how many servers share them once that is known (only where recorded: the
  // worst-failure search calls this once per server tried).
  type Mutable = { -readonly [K in keyof AgentMove]: AgentMove[K] };
  const spreadMoves: Mutable[] | undefined = record ? [] : undefined;
  const passed = (h: number, list: readonly number[], end: number) =>
    list.slice(0, end).map((t) => ({
      host: model.hosts[t]!,
      state: record!.up[t] === 0 ? ('down' as const) : connected[t] && !takes(h, t) ? ('other-side' as const) : ('cut-off' as const),
    }));
  for (const host of model.hosts) {
    const s = host.server;
    if (!s || s.agents === 0) continue;
    const h = host.index;
    if (connected[h]) {
      load[h] = load[h]! + s.agents;
      continue;
    }
    const list = model.failover[h]!;
    if (list.length > 0) {
      const at = list.findIndex((t) => takes(h, t));
      if (at >= 0) {
        const target = list[at]!;
        load[target] = load[target]! + s.agents;
        record?.moves.push({ from: host, agents: s.agents, how: 'listed', to: model.hosts[target]!, passedOver: passed(h, list, at), spreadOver: 0 });
      } else {
        unmonitored += s.agents;
        record?.moves.push({ from: host, agents: s.agents, how: 'unmonitored', to: null, passedOver: passed(h, list, list.length), spreadOver: 0 });
      }
    } else if (s.role === 'management-server' && side(h) >= 0 && targets[side(h)]! > 0) {
      spread[side(h)] = spread[side(h)]! + s.agents;
      if (record) {
        const move: Mutable = { from: host, agents: s.agents, how: 'spread', to: null, passedOver: [], spreadOver: targets[side(h)]! };
        spreadMoves!.push(move);
        record.moves.push(move);
      }
    } else {
      unmonitored += s.agents;
      record?.moves.push({ from: host, agents: s.agents, how: 'unmonitored', to: null, passedOver: [], spreadOver: 0 });
    }
  }
  for (let v = 0; v < sideCount; v++) {
    if (spread[v] === 0) continue;
    const each = Math.floor(spread[v]! / targets[v]!);
    let rest = spread[v]! - each * targets[v]!;
    for (const h of model.managementServers) {
      if (!connected[h] || side(h) !== v) continue;
      load[h] = load[h]! + each + (rest > 0 ? 1 : 0);
      if (rest > 0) rest--;
    }
  }
  return { load, unmonitored };
}

/** A host's limit of Windows agents (DOMAIN.md's recommended limits for the group's version). */
function agentLimit(model: FailureModel, host: Host): number {
  const limits = CAPACITY_LIMITS[model.topology.scomVersion];
  return host.role === 'gateway' ? limits.windowsAgentsPerGateway.value : limits.windowsAgentsPerManagementServer.value;
}

/** The loads as simulate reports them: every connected management server and gateway, and where the agents of the others go. */
export function agentLoad(
  model: FailureModel,
  state: { readonly up: Uint8Array; readonly connected: Uint8Array; readonly sides: Int32Array | null },
): AgentLoad & { readonly moves: readonly AgentMove[] } {
  const moves: AgentMove[] = [];
  const { load, unmonitored } = agentLoads(model, state.connected, state.sides, { up: state.up, moves });
  const loads: AgentLoad['loads'][number][] = [];
  for (const host of model.hosts) {
    if (!host.server || !state.connected[host.index]) continue;
    loads.push({ host, agents: load[host.index]!, limit: agentLimit(model, host) });
  }
  return { loads, unmonitored, moves };
}

export interface AgentOverload {
  /** The server whose loss overloads another. */
  readonly failed: Host;
  readonly server: Host;
  readonly agents: number;
  readonly limit: number;
  /**
   * The agents that the failure sends to `server` and that did not go there before it, largest
   * first (file order among equals): whose they are, and why they land there. Never empty.
   */
  readonly arrivals: readonly [AgentMove, ...AgentMove[]];
}

/**
 * The moves that bring agents to `server`, as `agentLoads` makes them for one state: those sent
 * whole to it, and those spread where it took a share of the spread (what its load holds beyond
 * its own agents and those sent whole to it).
 */
function movesTo(
  model: FailureModel,
  state: { readonly up: Uint8Array; readonly connected: Uint8Array; readonly sides: Int32Array | null },
  server: Host,
): AgentMove[] {
  const moves: AgentMove[] = [];
  const { load } = agentLoads(model, state.connected, state.sides, { up: state.up, moves });
  const listed = moves.filter((m) => m.how === 'listed' && m.to === server);
  const whole = listed.reduce((sum, m) => sum + m.agents, state.connected[server.index] ? (server.server?.agents ?? 0) : 0);
  const spreadHere = load[server.index]! > whole;
  return [...listed, ...(spreadHere ? moves.filter((m) => m.how === 'spread') : [])];
}

/** What the worst failure sends to its server that did not go there before (AgentOverload's `arrivals`). */
function arrivalsAt(model: FailureModel, base: Baseline, failed: Host, server: Host, arrays: FewArrays): AgentOverload['arrivals'] {
  const before = new Set(movesTo(model, base.state, server).map((m) => m.from));
  const state = evaluateFew(model, base, [failed.index], arrays);
  const arrivals = movesTo(model, state, server)
    .filter((m) => !before.has(m.from))
    .sort((a, b) => b.agents - a.agents || a.from.index - b.from.index);
  // The server's load grew past what it carried before, and only a move that is new can grow it:
  // one sent whole to it that went elsewhere, or a spread (none before the failure, since a
  // management server is cut off with nothing down only when the database is, and then no server
  // is connected to take a share).
  const [first, ...rest] = arrivals;
  if (!first) throw new Error(`internal: ${server.name} is over its limit after ${failed.name} fails, but no agents were sent to it`);
  return [first, ...rest];
}

/**
 * The worst single failure for the agents: each server's failure alone, under the failure model; the
 * server it overloads most that its own agents did not already overload. Returns it, or null.
 *
 * Servers that hand their agents on alike (the same role and failover list, no gateway reporting
 * through them, not the database's host) differ only in how many agents they hand on and, for the
 * even spread, whether they come before the server that receives the remainder: so of each such
 * class only the servers with the three largest agent counts are tried, the first two and the last
 * two in file order for each count. The rest (the database's hosts, the servers gateways report
 * through, those carrying agents failed over to them from a server cut off already) are each tried;
 * a server that carries no agent is not.
 */
export function worstAgentFailure(model: FailureModel, base: Baseline, arrays: FewArrays = fewArrays(model)): AgentOverload | null {
  const baseline = base.state;
  const limit = new Float64Array(model.hosts.length).fill(Infinity);
  // No failure can overload a server that could carry every agent of the group: then there is no
  // need to try each (most designs, whose agents are well within one server's limit).
  let total = 0;
  let smallest = Infinity;
  for (const h of model.hosts) {
    if (!h.server) continue;
    total += h.server.agents;
    limit[h.index] = agentLimit(model, h);
    if (limit[h.index]! < smallest) smallest = limit[h.index]!;
  }
  if (total <= smallest) return null;
  const before = agentLoads(model, baseline.connected, null).load;
  const dbHosts = new Set(databaseHosts(model));
  const candidates: Host[] = [];
  const classes = new Map<string, Host[]>();
  for (const h of model.hosts) {
    if (model.children[h.index]!.length > 0 || dbHosts.has(h.index)) candidates.push(h);
    // A server that carries no agent (none of its own, none failed over to it) moves none when lost.
    else if (!h.server || before[h.index] === 0) continue;
    // One that carries agents failed over to it from a server cut off already hands those on by that
    // server's failover list, not its own: tried on its own.
    else if (before[h.index] !== h.server.agents) candidates.push(h);
    else {
      const key = `${h.role}|${model.failover[h.index]!.join(',')}`;
      const list = classes.get(key);
      if (list) list.push(h);
      else classes.set(key, [h]);
    }
  }
  for (const list of classes.values()) {
    const top: number[] = [];
    for (const h of list) {
      const a = h.server!.agents;
      if (top.includes(a)) continue;
      if (top.length < 3) top.push(a);
      else if (a > Math.min(...top)) top[top.indexOf(Math.min(...top))] = a;
    }
    for (const a of top) {
      const same = list.filter((h) => h.server!.agents === a);
      for (const h of new Set([...same.slice(0, 2), ...same.slice(-2)])) candidates.push(h);
    }
  }
  // The least room any connected server has left under its limit. A server whose loss takes down
  // nothing but itself (no gateway reports through it, it holds no part of the database) moves only
  // the agents it carries (its own and those failed over to it), each group whole to one server or
  // spread: no server gains more than that, so none can go over where that fits in this room.
  let room = Infinity;
  for (const h of model.hosts) {
    if (!h.server || !baseline.connected[h.index]) continue;
    const left = limit[h.index]! - before[h.index]!;
    if (left >= 0 && left < room) room = left;
  }
  let worst: Omit<AgentOverload, 'arrivals'> | null = null;
  for (const failed of candidates) {
    const alone = model.children[failed.index]!.length === 0 && !dbHosts.has(failed.index);
    if (alone && before[failed.index]! <= room) continue;
    const { connected } = evaluateFew(model, base, [failed.index], arrays);
    const { load } = agentLoads(model, connected, null);
    for (let h = 0; h < load.length; h++) {
      const agents = load[h]!;
      if (!connected[h] || agents <= limit[h]! || before[h]! > limit[h]!) continue;
      if (!worst || agents - limit[h]! > worst.agents - worst.limit) worst = { failed, server: model.hosts[h]!, agents, limit: limit[h]! };
    }
  }
  if (!worst) return null;
  const w = worst;
  return { failed: w.failed, server: w.server, agents: w.agents, limit: w.limit, arrivals: arrivalsAt(model, base, w.failed, w.server, arrays) };
}
