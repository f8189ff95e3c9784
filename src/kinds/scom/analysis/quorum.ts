/**
 * The quorum model of FORMAT.md. A pool works while more than half of its voting members are
 * available (RPD); the default observer (the operational database) votes where it participates.
 */
import type { Pool } from '../model/types.js';

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

/** A pool's voters by kind, for the quorum figures. */
export interface VoterCounts {
  readonly members: number;
  readonly observers: number;
  /** Management servers among the members, and among the observers. */
  readonly managementServerMembers: number;
  readonly managementServerObservers: number;
}

/**
 * Quorum figures (FORMAT.md, "Quorum model"). The worst case loses management servers first: the
 * default observer's vote counts only while a management server voter is up, so a pool that mixes
 * management servers and gateways loses that vote with its last management server member.
 */
export function quorum(v: VoterCounts, defaultObserverVotes: boolean): QuorumFigures {
  const votingMembers = v.members + v.observers + (defaultObserverVotes ? 1 : 0);
  const needed = votesNeeded(votingMembers);
  const spare = votingMembers - needed;
  // Losing k members costs k votes, and the default observer's too once k reaches the
  // management server members when no management server observer keeps it countable.
  const losesObserver = defaultObserverVotes && v.managementServerObservers === 0;
  const best = losesObserver && spare - 1 < v.managementServerMembers ? Math.min(spare, v.managementServerMembers - 1) : spare - (losesObserver ? 1 : 0);
  const tolerableFailures = Math.max(0, Math.min(best, v.members - 1));
  return { votingMembers, votesNeeded: needed, tolerableFailures };
}

export function voterCounts(pool: Pool): VoterCounts {
  const ms = (refs: Pool['members']) => refs.filter((r) => r.server.role === 'management-server').length;
  return {
    members: pool.members.length,
    observers: pool.observers.length,
    managementServerMembers: ms(pool.members),
    managementServerObservers: ms(pool.observers),
  };
}

/**
 * Whether the default observer can take part in a pool: at least one member or observer is a
 * management server. Gateways have no SDK service and cannot reach the database (RPD); for a pool
 * that mixes the two it counts while a management server voter is up (DOMAIN.md: unconfirmed, derived from RPD and PM).
 */
export function defaultObserverCanParticipate(pool: Pool): boolean {
  return pool.members.some((m) => m.server.role === 'management-server') || pool.observers.some((o) => o.server.role === 'management-server');
}

export interface PoolQuorum {
  readonly defaultObserver: { readonly enabled: boolean; readonly participates: boolean };
  readonly configured: QuorumFigures & { readonly highlyAvailable: boolean };
  readonly withDefaultObserver: QuorumFigures;
  readonly withoutDefaultObserver: QuorumFigures;
}

/** The pool as configured, and the two what-ifs: default observer enabled, and disabled. */
export function poolQuorum(pool: Pool): PoolQuorum {
  const v = voterCounts(pool);
  const can = defaultObserverCanParticipate(pool);
  const participates = pool.defaultObserverEnabled && can;
  // Spelled out, not `{ ...c, highlyAvailable }` (test/object-shapes.test.ts says why).
  const c = quorum(v, participates);
  return {
    defaultObserver: { enabled: pool.defaultObserverEnabled, participates },
    configured: {
      votingMembers: c.votingMembers,
      votesNeeded: c.votesNeeded,
      tolerableFailures: c.tolerableFailures,
      highlyAvailable: c.tolerableFailures >= 1,
    },
    withDefaultObserver: quorum(v, can),
    withoutDefaultObserver: quorum(v, false),
  };
}
