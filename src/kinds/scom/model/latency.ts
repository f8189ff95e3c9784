/**
 * The latency entries read against the model's names: two servers (the database's server counts)
 * or two data centres; an entry that names nothing, mixes a server and a data centre, measures a
 * server to itself or gives a pair twice is a model issue and left out.
 */
import type { ModelIssue, ModelIssueRule } from '../../../core/model.js';
import { pointer } from '../../../io/yaml/source-map.js';
import type { ScomDocument } from './document.js';
import type { DurationResult } from './duration.js';
import { nameKey, pairKey, type DataCenter, type LatencyEntry, type Server } from './types.js';

/** The names a latency end may be, by case-insensitive key. */
export interface LatencyNames {
  readonly serverByKey: ReadonlyMap<string, Server>;
  readonly dcByKey: ReadonlyMap<string, DataCenter>;
  /** The operational database's server, which counts as a server end. */
  readonly databaseKey: string | undefined;
  readonly databaseServer: string;
}

export function normaliseLatency(
  entries: NonNullable<ScomDocument['latency']>,
  latencyValues: ReadonlyMap<number, DurationResult>,
  names: LatencyNames,
  issue: (rule: ModelIssueRule, messageId: string, data: ModelIssue['data'], path: string) => void,
): LatencyEntry[] {
  const latency: LatencyEntry[] = [];
  /** The first entry of each pair, by its ends in either order. */
  const latencyPairs = new Map<string, { index: number; ms: number }>();
  entries.forEach((entry, i) => {
    const parsed = latencyValues.get(i);
    if (parsed && !parsed.ok) {
      issue('schema', 'invalidDuration', { value: String(entry.ms), reason: parsed.reason }, pointer('latency', i, 'ms'));
      return;
    }
    // Each end as a server (or the database's server) and as a data centre; a name that is both
    // (a duplicate-name finding) is read as the other end is.
    const ends = entry.between.map((name, j) => {
      const key = nameKey(name);
      const server = names.serverByKey.get(key)?.name ?? (key === names.databaseKey ? names.databaseServer : undefined);
      const dc = names.dcByKey.get(key)?.name;
      if (server === undefined && dc === undefined) issue('unknown-reference', 'latencyEnd', { name }, pointer('latency', i, 'between', j));
      return { server, dc, name };
    });
    const [a, b] = ends as [(typeof ends)[number], (typeof ends)[number]];
    if ((a.server === undefined && a.dc === undefined) || (b.server === undefined && b.dc === undefined)) return;
    const between = a.server !== undefined && b.server !== undefined ? 'servers' : a.dc !== undefined && b.dc !== undefined ? 'data-centers' : undefined;
    if (between === undefined) {
      issue('schema', 'mixedLatencyPair', { a: (a.server ?? a.dc)!, b: (b.server ?? b.dc)! }, pointer('latency', i, 'between'));
      return;
    }
    const pair: [string, string] = between === 'servers' ? [a.server!, b.server!] : [a.dc!, b.dc!];
    const ms = parsed && parsed.ok ? parsed.ms : Number(entry.ms);
    // A server's round trip to itself measures nothing (a data centre's to itself is the round
    // trip between two of its servers, FORMAT.md).
    if (between === 'servers' && nameKey(pair[0]) === nameKey(pair[1])) {
      issue('schema', 'latencyToItself', { name: pair[0] }, pointer('latency', i, 'between'));
      return;
    }
    // A pair given twice, in either order: which one holds? (The findings would depend on the
    // order of the entries.)
    const key = `${between} ${pairKey(pair[0], pair[1])}`;
    const first = latencyPairs.get(key);
    if (first !== undefined) {
      issue('schema', 'latencyGivenTwice', { a: pair[0], b: pair[1], ms, entry: first.index + 1, firstMs: first.ms }, pointer('latency', i, 'between'));
      return;
    }
    latencyPairs.set(key, { index: i, ms });
    latency.push({ between, ends: pair, ms, path: pointer('latency', i) });
  });

  return latency;
}
