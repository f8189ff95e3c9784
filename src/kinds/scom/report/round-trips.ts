/** Which limit each measured round trip is held to, from the analyses the latency rules read. */
import type { LatencyEntry, Topology } from '../model/types.js';
import type { TopologyAnalysis } from '../analysis/index.js';
import type { Settings } from '../../../core/settings.js';
import { minOf } from '../../../util/extremes.js';

/** What a measured round trip is held to, as the latency rules hold it; `limit` null when none applies. */
export interface RoundTripVerdict {
  readonly limit: number | null;
  readonly over: boolean;
  /** The limits that apply to it: a management server to the database, and between a pool's voters. */
  readonly databaseLimit: number | null;
  readonly poolLimit: number | null;
}

/**
 * Each latency entry's limit, from the analyses the rules read: the database limit (5 ms) where
 * the entry gives a round trip between a management server and the operational database's server,
 * the pool limit (10 ms) where it gives one between voters of one pool, the smaller where both, and
 * none where neither (two gateways of no common pool, say): the report marks a round trip over its
 * limit exactly where database-latency-over-5ms or latency-over-10ms finds it.
 */
export function roundTripVerdicts(topology: Topology, analysis: TopologyAnalysis, settings: Settings): Map<LatencyEntry, RoundTripVerdict> {
  const toDatabase = new Set(analysis.databaseLatency.map((a) => a.entry));
  const inPool = new Set(analysis.pools.flatMap((p) => p.latency.applied.map((a) => a.entry)));
  return new Map(
    topology.latency.map((entry) => {
      const limits = [...(toDatabase.has(entry) ? [settings.databaseLatencyMs] : []), ...(inPool.has(entry) ? [settings.poolLatencyMs] : [])];
      const limit = limits.length > 0 ? minOf(limits) : null;
      return [
        entry,
        {
          limit,
          over: limit !== null && entry.ms > limit,
          databaseLimit: toDatabase.has(entry) ? settings.databaseLatencyMs : null,
          poolLimit: inPool.has(entry) ? settings.poolLatencyMs : null,
        },
      ];
    }),
  );
}
