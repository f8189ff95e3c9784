/**
 * Round trips between voters (FORMAT.md "Latency"): a server pair's entry if there is one, else the
 * entry of their two data centres; two servers in one data centre without an entry are close.
 *
 * Linear in voters plus entries: instead of visiting every pair of voters (quadratic, and a
 * 20,000-server pool has 2e8 of them) it counts, per data-centre entry, the voter pairs it covers and
 * the server entries that override some of them.
 */
import { nameKey, pairKey, type LatencyEntry } from '../model/types.js';

export interface Endpoint {
  readonly name: string;
  readonly dataCenter: string;
}

/** A measured entry that gives the round trip of at least one pair of the endpoints. */
export interface AppliedLatency {
  readonly entry: LatencyEntry;
  /** How many endpoint pairs take their round trip from this entry. */
  readonly pairs: number;
}

/** The entries that give a round trip between two of `endpoints` (the model lets each pair through once: a repeat is a schema finding). */
export function appliedLatency(endpoints: readonly Endpoint[], entries: readonly LatencyEntry[]): AppliedLatency[] {
  const dcOf = new Map<string, string>();
  const perDc = new Map<string, number>();
  for (const e of endpoints) {
    const key = nameKey(e.name);
    if (dcOf.has(key)) continue;
    const dc = nameKey(e.dataCenter);
    dcOf.set(key, dc);
    perDc.set(dc, (perDc.get(dc) ?? 0) + 1);
  }
  const applied: AppliedLatency[] = [];
  const serverPairs = new Set<string>();
  /** Server entries that override a data-centre pair, by that pair's key. */
  const overridden = new Map<string, number>();
  for (const entry of entries) {
    if (entry.between !== 'servers') continue;
    const [a, b] = entry.ends;
    const da = dcOf.get(nameKey(a));
    const db = dcOf.get(nameKey(b));
    if (da === undefined || db === undefined || nameKey(a) === nameKey(b)) continue;
    const key = pairKey(a, b);
    if (serverPairs.has(key)) continue;
    serverPairs.add(key);
    applied.push({ entry, pairs: 1 });
    const dcKey = pairKey(da, db);
    overridden.set(dcKey, (overridden.get(dcKey) ?? 0) + 1);
  }
  const dcPairs = new Set<string>();
  for (const entry of entries) {
    if (entry.between !== 'data-centers') continue;
    const [a, b] = entry.ends;
    const na = perDc.get(nameKey(a)) ?? 0;
    const nb = perDc.get(nameKey(b)) ?? 0;
    const key = pairKey(a, b);
    if (dcPairs.has(key)) continue;
    dcPairs.add(key);
    const pairs = nameKey(a) === nameKey(b) ? (na * (na - 1)) / 2 : na * nb;
    const left = pairs - (overridden.get(key) ?? 0);
    if (left > 0) applied.push({ entry, pairs: left });
  }
  return applied;
}

/** The largest round trip among applied entries, or null when none is measured. */
export function largestRoundTrip(applied: readonly AppliedLatency[]): number | null {
  let max: number | null = null;
  for (const a of applied) if (max === null || a.entry.ms > max) max = a.entry.ms;
  return max;
}

/**
 * Entries that give a round trip between one of `from` and `to` (the operational database's server).
 * `pairs` counts the servers of `from` that take their round trip from the entry.
 */
export function appliedLatencyTo(from: readonly Endpoint[], to: Endpoint, entries: readonly LatencyEntry[]): AppliedLatency[] {
  const toKey = nameKey(to.name);
  const toDc = nameKey(to.dataCenter);
  const fromKeys = new Map<string, string>();
  for (const f of from) if (nameKey(f.name) !== toKey) fromKeys.set(nameKey(f.name), nameKey(f.dataCenter));
  const applied: AppliedLatency[] = [];
  const covered = new Set<string>();
  const overriddenPerDc = new Map<string, number>();
  for (const entry of entries) {
    if (entry.between !== 'servers') continue;
    const [a, b] = entry.ends.map(nameKey) as [string, string];
    const other = a === toKey ? b : b === toKey ? a : undefined;
    if (other === undefined || !fromKeys.has(other) || covered.has(other)) continue;
    covered.add(other);
    applied.push({ entry, pairs: 1 });
    const dc = fromKeys.get(other)!;
    overriddenPerDc.set(dc, (overriddenPerDc.get(dc) ?? 0) + 1);
  }
  const perDc = new Map<string, number>();
  for (const dc of fromKeys.values()) perDc.set(dc, (perDc.get(dc) ?? 0) + 1);
  const seenDc = new Set<string>();
  for (const entry of entries) {
    if (entry.between !== 'data-centers') continue;
    const [a, b] = entry.ends.map(nameKey) as [string, string];
    const other = a === toDc ? b : b === toDc ? a : undefined;
    if (other === undefined || seenDc.has(other)) continue;
    seenDc.add(other);
    const left = (perDc.get(other) ?? 0) - (overriddenPerDc.get(other) ?? 0);
    if (left > 0) applied.push({ entry, pairs: left });
  }
  return applied;
}
