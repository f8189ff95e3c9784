/**
 * Pool availability (FORMAT.md "Availability"): the probability that, with every server and the
 * database failing independently, the operational database is up and the pool keeps quorum with at
 * least one member up. Exact: a dynamic program over the number of members up and of observers up,
 * grouping voters of equal availability (a binomial each), so a pool of thousands of identical
 * servers costs little more than its handful of distinct values.
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

/**
 * A probability distribution over a count, stored only where it is non-zero: `values[i]` is
 * P(count = offset + i). Trimming the zero tails keeps large pools cheap: 20,000 servers at 99%
 * put all their mass within a few hundred counts of the mean.
 */
interface Dist {
  readonly offset: number;
  readonly values: Float64Array;
}

function trim(offset: number, values: Float64Array): Dist {
  let lo = 0;
  let hi = values.length;
  while (lo < hi && values[lo] === 0) lo++;
  while (hi > lo && values[hi - 1] === 0) hi--;
  return { offset: offset + lo, values: values.subarray(lo, hi) };
}

/** Binomial(n, p), computed from its mode outward so that no term underflows before its neighbours. */
function binomial(n: number, p: number): Dist {
  if (p >= 1) return { offset: n, values: Float64Array.of(1) };
  if (p <= 0) return { offset: 0, values: Float64Array.of(1) };
  const values = new Float64Array(n + 1);
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const ratio = p / (1 - p);
  values[mode] = 1;
  for (let k = mode; k < n; k++) values[k + 1] = values[k]! * ((n - k) / (k + 1)) * ratio;
  for (let k = mode; k > 0; k--) values[k - 1] = values[k]! * (k / (n - k + 1)) / ratio;
  let sum = 0;
  for (let k = 0; k <= n; k++) sum += values[k]!;
  for (let k = 0; k <= n; k++) values[k] = values[k]! / sum;
  return trim(0, values);
}

function convolve(a: Dist, b: Dist): Dist {
  const out = new Float64Array(a.values.length + b.values.length - 1);
  for (let i = 0; i < a.values.length; i++) {
    const x = a.values[i]!;
    if (x === 0) continue;
    for (let j = 0; j < b.values.length; j++) out[i + j] = out[i + j]! + x * b.values[j]!;
  }
  return trim(a.offset + b.offset, out);
}

/** Distribution of how many of `ps` are up, independent failures: servers with equal availability are taken together. */
function upCounts(ps: readonly number[]): Dist {
  const groups = new Map<number, number>();
  for (const p of ps) groups.set(p, (groups.get(p) ?? 0) + 1);
  let dist: Dist = { offset: 0, values: Float64Array.of(1) };
  for (const [p, n] of [...groups].sort((a, b) => a[0] - b[0])) dist = convolve(dist, binomial(n, p));
  return dist;
}

/** P(exactly k of `ps` up), for every k from 0 to ps.length. */
export function upCountDistribution(ps: readonly number[]): Float64Array {
  const d = upCounts(ps);
  const out = new Float64Array(ps.length + 1);
  out.set(d.values, d.offset);
  return out;
}

export function poolAvailability(input: AvailabilityInput): Availability {
  const m = input.members.length;
  const o = input.observers.length;
  const votingMembers = m + o + (input.defaultObserverVotes ? 1 : 0);
  const needed = Math.floor(votingMembers / 2) + 1;
  const members = upCounts(input.members);
  const observers = upCountDistribution(input.observers);
  // The default observer's vote is there whenever the database is, and the database must be up.
  const bonus = input.defaultObserverVotes ? 1 : 0;
  // P(observers up >= j), for the inner sum.
  const atLeast = new Float64Array(o + 2);
  for (let j = o; j >= 0; j--) atLeast[j] = atLeast[j + 1]! + observers[j]!;
  let quorum = 0;
  for (let i = 0; i < members.values.length; i++) {
    const k = members.offset + i;
    const pk = members.values[i]!;
    if (k < 1 || pk === 0) continue;
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
