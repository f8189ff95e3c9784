/**
 * Pool availability (FORMAT.md "Availability"): the probability that, with every server and the
 * database failing independently, the operational database is up and the pool keeps quorum with at
 * least one member up. Exact: a dynamic program over the number of members up and of observers up,
 * O(M^2 + O^2 + M x O) for M members and O observers.
 */

export interface AvailabilityInput {
  /** Availability of each member (0..1). */
  readonly members: readonly number[];
  /** Availability of each observer-only member. */
  readonly observers: readonly number[];
  /** Availability of the operational database. */
  readonly database: number;
  /** The default observer votes (it is present whenever the database is up). */
  readonly defaultObserverVotes: boolean;
}

export interface Availability {
  readonly probability: number;
  /** -log10(1 - probability); null when the probability is 1. */
  readonly nines: number | null;
}

/** Distribution of how many of `ps` are up: out[k] = P(exactly k up). */
export function upCountDistribution(ps: readonly number[]): Float64Array {
  let dist = new Float64Array(ps.length + 1);
  dist[0] = 1;
  let n = 0;
  for (const p of ps) {
    const next = new Float64Array(ps.length + 1);
    for (let k = 0; k <= n; k++) {
      const d = dist[k]!;
      if (d === 0) continue;
      next[k] = next[k]! + d * (1 - p);
      next[k + 1] = next[k + 1]! + d * p;
    }
    dist = next;
    n++;
  }
  return dist;
}

export function poolAvailability(input: AvailabilityInput): Availability {
  const m = input.members.length;
  const o = input.observers.length;
  const votingMembers = m + o + (input.defaultObserverVotes ? 1 : 0);
  const needed = Math.floor(votingMembers / 2) + 1;
  const members = upCountDistribution(input.members);
  const observers = upCountDistribution(input.observers);
  // The default observer's vote is there whenever the database is, and the database must be up.
  const bonus = input.defaultObserverVotes ? 1 : 0;
  // P(observers up >= j), for the inner sum.
  const atLeast = new Float64Array(o + 2);
  for (let j = o; j >= 0; j--) atLeast[j] = atLeast[j + 1]! + observers[j]!;
  let quorum = 0;
  for (let k = 1; k <= m; k++) {
    const pk = members[k]!;
    if (pk === 0) continue;
    const missing = Math.max(0, needed - k - bonus);
    if (missing > o) continue;
    quorum += pk * atLeast[missing]!;
  }
  const probability = Math.min(1, Math.max(0, input.database * quorum));
  return { probability, nines: nines(probability) };
}

export function nines(probability: number): number | null {
  if (probability >= 1) return null;
  return Math.round(-Math.log10(1 - probability) * 1000) / 1000;
}
