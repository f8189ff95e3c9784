/**
 * What-if: which pools keep working when servers or data centres are down, or when the network is
 * split in two. Pure: a scenario and the topology in, outcomes out.
 *
 * A pool runs on a side of the network while that side holds more than half of its votes (the
 * default observer's vote is on the operational database's side), at least one member to run its
 * workflows, and the operational database (without it the management group does not work). Members
 * on any other side stop their work although they are up (seed 000's "commit suicide"), so a pool
 * never runs on two sides. The PoolManager events a member logs are those of seed 002.
 */
import type { Pool, Server, Topology } from '../model/types.js';
import { poolQuorum, sideVotes } from './quorum.js';

/** A PoolManager event (seed 002) that a member would log. */
export interface PoolEvent {
  readonly id: 15002 | 15003 | 15004;
  readonly severity: 'Error' | 'Informational';
  readonly meaning: string;
}

export const EVENTS: Readonly<Record<15002 | 15003 | 15004, PoolEvent>> = {
  15003: { id: 15003, severity: 'Informational', meaning: 'the availability of pool members changed; ownership of the pool\'s instances is redistributed between the available members' },
  15004: { id: 15004, severity: 'Error', meaning: 'half or fewer members acknowledged the lease request; the member unloads the workflows of the instances it owned' },
  15002: { id: 15002, severity: 'Error', meaning: 'half or fewer members acknowledged the initialization check; the member cannot request a lease and keeps checking' },
};

/** One side of the network: the servers on it, and whether the operational database is. */
export interface Side {
  readonly label: string;
  readonly servers: ReadonlySet<Server>;
  readonly database: boolean;
}

export interface PoolSideOutcome {
  readonly side: string;
  readonly votes: number;
  readonly members: readonly string[];
  readonly keepsQuorum: boolean;
  readonly runs: boolean;
}

export interface PoolOutcome {
  readonly pool: string;
  readonly votingMembers: number;
  readonly votesNeeded: number;
  /** Votes available where the pool runs (or on the side with the most votes when it runs nowhere). */
  readonly votesAvailable: number;
  readonly keepsQuorum: boolean;
  readonly runs: boolean;
  /** Why it stops, when it does. */
  readonly reason?: string;
  /** The same in a word: too few votes, no (reachable) database, no member left. */
  readonly cause?: 'votes' | 'database' | 'members';
  /** The members that carry the pool's work (empty when it stops). */
  readonly survivors: readonly string[];
  /** Each survivor's share of the pool's top-level instances, before and after. */
  readonly instanceShare?: { readonly before: string; readonly after: string };
  /** Members that are up but stop the pool's work (they lost quorum). */
  readonly stopped: readonly string[];
  readonly events: readonly { readonly member: string; readonly event: PoolEvent }[];
  /** Per side, for a partition. */
  readonly sides?: readonly PoolSideOutcome[];
}

export interface GatewayOutcome {
  readonly gateway: string;
  readonly down: boolean;
  /** The management server it reports to now, or null when it is cut off. */
  readonly reportsTo: string | null;
  readonly primary: string | null;
  readonly failedOver: boolean;
}

export interface SimulationOutcome {
  readonly label: string;
  /** The servers that are down (for --down). */
  readonly down: readonly string[];
  readonly databaseDown: boolean;
  readonly managementGroupWorks: boolean;
  readonly pools: readonly PoolOutcome[];
  readonly gateways: readonly GatewayOutcome[];
  readonly sides?: readonly { readonly label: string; readonly servers: readonly string[]; readonly database: boolean }[];
}

const share = (n: number) => (n === 0 ? 'none' : n === 1 ? 'all' : `1/${n}`);

/** Servers and the database down. */
export function simulateDown(topology: Topology, label: string, down: ReadonlySet<Server>, databaseDown: boolean): SimulationOutcome {
  const up: Side = {
    label: 'up',
    servers: new Set([...topology.managementServers, ...topology.gateways].filter((s) => !down.has(s))),
    database: !databaseDown,
  };
  const pools = topology.pools.map((pool): PoolOutcome => {
    const { sides: _oneSide, ...outcome } = poolOnSides(pool, [up]);
    return outcome;
  });
  return {
    label,
    down: [...down].map((s) => s.name),
    databaseDown,
    managementGroupWorks: !databaseDown,
    pools,
    gateways: topology.gateways.map((g) => gatewayOutcome(g, !up.servers.has(g), (m) => up.servers.has(m))),
  };
}

/** The network split into sides; servers on no side are cut off from every side. */
export function simulatePartition(topology: Topology, label: string, sides: readonly Side[]): SimulationOutcome {
  const dbSide = sides.find((s) => s.database);
  return {
    label,
    down: [],
    databaseDown: false,
    managementGroupWorks: dbSide !== undefined,
    pools: topology.pools.map((pool) => poolOnSides(pool, sides)),
    // A gateway keeps reporting to a management server on its own side.
    gateways: topology.gateways.map((g) => {
      const side = sides.find((s) => s.servers.has(g));
      return gatewayOutcome(g, false, (m) => side !== undefined && side.servers.has(m));
    }),
    sides: sides.map((s) => ({ label: s.label, servers: [...s.servers].map((x) => x.name), database: s.database })),
  };
}

function poolOnSides(pool: Pool, sides: readonly Side[]): PoolOutcome {
  const q = poolQuorum(pool);
  const needed = q.configured.votesNeeded;
  const participates = q.defaultObserver.participates;
  const perSide: PoolSideOutcome[] = sides.map((side) => {
    const v = sideVotes(pool, needed, (s) => side.servers.has(s), side.database, participates);
    return { side: side.label, votes: v.votes, members: v.members.map((m) => m.name), keepsQuorum: v.keepsQuorum, runs: v.runs };
  });
  const running = perSide.find((s) => s.runs);
  const best = running ?? [...perSide].sort((a, b) => b.votes - a.votes)[0];
  const upMembers = perSide.flatMap((s) => s.members);
  const survivors = running ? running.members : [];
  const surviving = new Set(survivors);
  const stopped = upMembers.filter((m) => !surviving.has(m));
  const events: { member: string; event: PoolEvent }[] = [];
  for (const m of survivors) if (survivors.length !== pool.members.length) events.push({ member: m, event: EVENTS[15003] });
  for (const m of stopped) events.push({ member: m, event: EVENTS[15004] }, { member: m, event: EVENTS[15002] });
  let reason: string | undefined;
  let cause: PoolOutcome['cause'];
  if (!running) {
    if (!sides.some((s) => s.database)) [cause, reason] = ['database', 'the operational database is unavailable, so the management group does not work'];
    else if (best && best.keepsQuorum && best.members.length === 0) [cause, reason] = ['members', 'no member is left to run its workflows'];
    else if (best && best.keepsQuorum) [cause, reason] = ['database', 'its majority is cut off from the operational database'];
    else [cause, reason] = ['votes', 'half or fewer of its votes are available'];
  }
  return {
    pool: pool.name,
    votingMembers: q.configured.votingMembers,
    votesNeeded: needed,
    votesAvailable: best?.votes ?? 0,
    keepsQuorum: best?.keepsQuorum ?? false,
    runs: running !== undefined,
    ...(reason ? { reason, cause } : {}),
    survivors,
    ...(running ? { instanceShare: { before: share(pool.members.length), after: share(survivors.length) } } : {}),
    stopped,
    events,
    sides: perSide,
  };
}

/** Where a gateway reports now: the first management server it lists that it can reach. */
function gatewayOutcome(g: Server, down: boolean, reaches: (m: Server) => boolean): GatewayOutcome {
  const primary = g.reportsTo[0] ?? null;
  if (down) return { gateway: g.name, down: true, reportsTo: null, primary: primary?.name ?? null, failedOver: false };
  const target = g.reportsTo.find(reaches);
  return { gateway: g.name, down: false, reportsTo: target?.name ?? null, primary: primary?.name ?? null, failedOver: target !== undefined && target !== primary };
}
