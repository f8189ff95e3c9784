/**
 * The quorum model of FORMAT.md. A pool works while more than half of its voting members are
 * available (RPD); the default observer (the operational database) votes where it participates.
 */
import type { Pool, Server } from '../model/types.js';

export interface QuorumFigures {
  /** V = members + observer-only members + the default observer where it participates. */
  readonly votingMembers: number;
  /** floor(V / 2) + 1: exactly half is not enough. */
  readonly votesNeeded: number;
  /** The most members that can fail at once while the pool keeps quorum and a member to run workflows. */
  readonly tolerableFailures: number;
}

export function votesNeeded(votingMembers: number): number {
  return Math.floor(votingMembers / 2) + 1;
}

/** Quorum figures of a pool of `members` members and `observers` observer-only members. */
export function quorum(members: number, observers: number, defaultObserverVotes: boolean): QuorumFigures {
  const votingMembers = members + observers + (defaultObserverVotes ? 1 : 0);
  const tolerableFailures = Math.max(0, Math.min(Math.ceil(votingMembers / 2) - 1, members - 1));
  return { votingMembers, votesNeeded: votesNeeded(votingMembers), tolerableFailures };
}

/**
 * Whether the default observer can take part in a pool: at least one member or observer is a
 * management server. Gateways have no SDK service and cannot reach the database (RPD); for a pool
 * that mixes the two pooltopo counts it (DOMAIN.md: unconfirmed, a spec choice).
 */
export function defaultObserverCanParticipate(pool: Pool): boolean {
  return pool.members.some((m) => m.server.role === 'management-server')
    || pool.observers.some((o) => o.server.role === 'management-server');
}

export interface PoolQuorum {
  readonly defaultObserver: { readonly enabled: boolean; readonly participates: boolean };
  readonly configured: QuorumFigures & { readonly highlyAvailable: boolean };
  readonly withDefaultObserver: QuorumFigures;
  readonly withoutDefaultObserver: QuorumFigures;
}

/** The pool as configured, and the two what-ifs: default observer enabled, and disabled. */
export function poolQuorum(pool: Pool): PoolQuorum {
  const m = pool.members.length;
  const o = pool.observers.length;
  const can = defaultObserverCanParticipate(pool);
  const participates = pool.defaultObserverEnabled && can;
  // Spelled out, not `{ ...c, highlyAvailable }` (test/object-shapes.test.ts says why).
  const c = quorum(m, o, participates);
  return {
    defaultObserver: { enabled: pool.defaultObserverEnabled, participates },
    configured: { votingMembers: c.votingMembers, votesNeeded: c.votesNeeded, tolerableFailures: c.tolerableFailures, highlyAvailable: c.tolerableFailures >= 1 },
    withDefaultObserver: quorum(m, o, can),
    withoutDefaultObserver: quorum(m, o, false),
  };
}

/** What a pool has on one side of a failure or a network split. */
export interface SideVotes {
  /** Its members on the side, in the pool's order. */
  readonly members: readonly Server[];
  /** Members, observer-only members and the default observer (where it participates and the database is on the side). */
  readonly votes: number;
  /** More than half of the pool's votes. */
  readonly keepsQuorum: boolean;
  /** It keeps quorum, has a member to run its workflows, and reaches the operational database. */
  readonly runs: boolean;
}

/**
 * A pool's votes among the servers on one side: the one rule behind data-centre loss (the side is
 * everything outside the data centre) and the what-ifs (the servers up, or each side of a split).
 */
export function sideVotes(pool: Pool, votesNeeded: number, onSide: (server: Server) => boolean, databaseOnSide: boolean, defaultObserverParticipates: boolean): SideVotes {
  const members = pool.members.filter((m) => onSide(m.server)).map((m) => m.server);
  const votes = members.length + pool.observers.filter((o) => onSide(o.server)).length + (defaultObserverParticipates && databaseOnSide ? 1 : 0);
  const keepsQuorum = votes >= votesNeeded;
  return { members, votes, keepsQuorum, runs: keepsQuorum && members.length > 0 && databaseOnSide };
}
