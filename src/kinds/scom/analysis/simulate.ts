/**
 * What-if: the failure model's state for one failure set, told as `simulate` and the report tell it:
 * each pool's votes, outcome and reason, the PoolManager events its members log (PM, FORMAT.md
 * rule 9), where each gateway reports, and where the agents go.
 */
import { evaluate, reasonOf, type Cause, type Failure, type FailureModel, type Outcome } from './failure/index.js';
import { agentLoad, type PassedOverState } from './what-if.js';

/** A PoolManager event (PM) that a member would log. */
export interface PoolEvent {
  readonly id: 15002 | 15003 | 15004;
  readonly severity: 'Error' | 'Informational';
  readonly meaning: string;
}

export const EVENTS: Readonly<Record<15002 | 15003 | 15004, PoolEvent>> = {
  15003: {
    id: 15003,
    severity: 'Informational',
    meaning: "the availability of pool members changed; ownership of the pool's instances is redistributed between the available members",
  },
  15004: {
    id: 15004,
    severity: 'Error',
    meaning: 'half or fewer members acknowledged the lease request; the member unloads the workflows of the instances it owned',
  },
  15002: {
    id: 15002,
    severity: 'Error',
    meaning: 'half or fewer members acknowledged the initialization check; the member cannot request a lease and keeps checking',
  },
};

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
  /** Votes available where the pool keeps quorum (or the most on any side when it keeps it nowhere). */
  readonly votesAvailable: number;
  readonly keepsQuorum: boolean;
  readonly runs: boolean;
  readonly outcome: Outcome;
  /** Why it does not work, for a person. */
  readonly reason?: string;
  readonly cause?: Cause;
  /** The members that carry the pool's work (empty when it stops). */
  readonly survivors: readonly string[];
  /** Each survivor's share of the pool's top-level instances, before and after. */
  readonly instanceShare?: { readonly before: string; readonly after: string };
  /** Members that are up but stop the pool's work (no quorum where they are). */
  readonly stopped: readonly string[];
  readonly events: readonly { readonly member: string; readonly event: PoolEvent }[];
  /** Per side, for a partition. */
  readonly sides?: readonly PoolSideOutcome[];
}

export interface GatewayOutcome {
  readonly gateway: string;
  readonly down: boolean;
  /** The server it reports to now, or null when it is down or cut off. */
  readonly reportsTo: string | null;
  readonly primary: string | null;
  readonly failedOver: boolean;
}

export interface SimulationOutcome {
  readonly label: string;
  /** The servers that are down, data centres expanded. */
  readonly down: readonly string[];
  /** The operational database is unavailable (everywhere). */
  readonly databaseDown: boolean;
  readonly managementGroupWorks: boolean;
  readonly pools: readonly PoolOutcome[];
  readonly gateways: readonly GatewayOutcome[];
  /** Every connected management server and gateway: its agents after the failures, and its limit. */
  readonly agentLoad: readonly { readonly server: string; readonly agents: number; readonly limit: number }[];
  readonly unmonitoredAgents: number;
  /**
   * Where the agents of each management server and gateway that is not connected go (FORMAT.md,
   * "Agents after failures"): whole to `to`, the first connected server of its failoverServers on
   * its side, past those ahead of it in the list (each down, cut off, or connected on another side
   * of a partition); spread over the `spreadOver` connected management servers of its side where it
   * names none; or nowhere (`unmonitored`). In file order.
   */
  readonly agentMoves: readonly {
    readonly server: string;
    readonly agents: number;
    readonly how: 'listed' | 'spread' | 'unmonitored';
    readonly to: string | null;
    readonly passedOver: readonly { readonly server: string; readonly state: PassedOverState }[];
    readonly spreadOver?: number;
    /** The server's role: a management server's agents without a list go nowhere only when no management server is connected. */
    readonly role: 'management-server' | 'gateway';
  }[];
  readonly sides?: readonly { readonly label: string; readonly servers: readonly string[]; readonly database: boolean }[];
}

const share = (n: number) => (n === 0 ? 'none' : n === 1 ? 'all' : `1/${n}`);

/** The state of everything under one failure set. `sideLabels` names the sides of a partition. */
export function simulate(model: FailureModel, label: string, failure: Failure, sideLabels?: readonly string[]): SimulationOutcome {
  const state = evaluate(model, failure);
  const { up, connected, via } = state;
  const name = (h: number) => model.hosts[h]!.name;
  const sideOf = (h: number) => (failure.sides ? failure.sides[h]! : 0);
  const pools = model.pools.map((shape, p): PoolOutcome => {
    const s = state.pools[p]!;
    const membersUp = [...shape.members].filter((h) => up[h]);
    const survivors = s.runs ? membersUp.filter((h) => sideOf(h) === s.side) : [];
    const surviving = new Set(survivors);
    const stopped = membersUp.filter((h) => !surviving.has(h));
    const events: { member: string; event: PoolEvent }[] = [];
    // Rule 9: 15003 where the pool runs with fewer members; 15004 then 15002 where a member has no quorum.
    if (s.runs && survivors.length !== shape.members.length) for (const h of survivors) events.push({ member: name(h), event: EVENTS[15003] });
    const voters = [...shape.members, ...shape.observers].filter((h) => up[h] && (!s.keepsQuorum || sideOf(h) !== s.side));
    for (const h of voters) events.push({ member: name(h), event: EVENTS[15004] }, { member: name(h), event: EVENTS[15002] });
    const reason = reasonOf(s);
    let sides: PoolSideOutcome[] | undefined;
    if (failure.sides && sideLabels) {
      sides = sideLabels.map((sideLabel, i) => {
        const members = membersUp.filter((h) => sideOf(h) === i).map(name);
        return { side: sideLabel, votes: s.votesBySide?.get(i) ?? 0, members, keepsQuorum: s.side === i, runs: s.runs && s.side === i };
      });
    }
    return {
      pool: shape.pool.name,
      votingMembers: shape.votingMembers,
      votesNeeded: shape.votesNeeded,
      votesAvailable: s.votes,
      keepsQuorum: s.keepsQuorum,
      runs: s.runs,
      outcome: s.outcome,
      ...(reason ? { reason, cause: s.cause! } : {}),
      survivors: survivors.map(name),
      ...(s.runs ? { instanceShare: { before: share(shape.members.length), after: share(survivors.length) } } : {}),
      stopped: stopped.map(name),
      events,
      ...(sides ? { sides } : {}),
    };
  });
  const gateways = model.topology.gateways.map((g): GatewayOutcome => {
    const h = model.hostOf.get(g)!.index;
    const primary = model.parents[h]![0];
    const now = via[h]!;
    return {
      gateway: g.name,
      down: !up[h],
      reportsTo: connected[h] ? name(now) : null,
      primary: primary === undefined ? null : name(primary),
      failedOver: connected[h] === 1 && now !== primary,
    };
  });
  const agents = agentLoad(model, state);
  return {
    label,
    down: model.hosts
      .filter((h) => !up[h.index] && !(h.role === 'database' && model.topology.database.implied && !failure.downHosts[h.index]))
      .map((h) => h.name),
    databaseDown: state.databaseSide < 0,
    managementGroupWorks: state.managementGroupWorks,
    pools,
    gateways,
    agentLoad: agents.loads.map((l) => ({ server: l.host.name, agents: l.agents, limit: l.limit })),
    unmonitoredAgents: agents.unmonitored,
    agentMoves: agents.moves.map((m) => ({
      server: m.from.name,
      agents: m.agents,
      how: m.how,
      to: m.to ? m.to.name : null,
      passedOver: m.passedOver.map((p) => ({ server: p.host.name, state: p.state })),
      ...(m.how === 'spread' ? { spreadOver: m.spreadOver } : {}),
      role: m.from.role === 'gateway' ? ('gateway' as const) : ('management-server' as const),
    })),
    ...(failure.sides && sideLabels
      ? {
          sides: sideLabels.map((sideLabel, i) => ({
            label: sideLabel,
            servers: model.hosts.filter((h) => h.role !== 'database' && sideOf(h.index) === i).map((h) => h.name),
            database: state.databaseSide === i,
          })),
        }
      : {}),
  };
}
