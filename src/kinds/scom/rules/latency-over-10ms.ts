import { UNCONFIRMED } from '../../../domain/facts.js';
import { defineRule } from './context.js';

export default defineRule({
  meta: {
    id: 'latency-over-10ms',
    severity: 'warning',
    category: 'latency',
    description:
      "a measured round trip between two voters of one pool exceeds 10 ms; the operational database's server counts as a voter where the default observer participates",
    rationale:
      'Pool members exchange lease requests and check acknowledgements with every other voter; members should see each other under 10 ms, or leases expire and the pool loses members and redistributes its work (event 15003).',
    remediation:
      "Keep each pool's members (and, where it votes, the operational database) in one data centre with low latency; build a separate pool per site instead of stretching one.",
    sources: ['RPD', 'PM'],
    unconfirmed: UNCONFIRMED.mixedPoolObserver,
    messages: {
      tooSlow: "Round trip {{a}} to {{b}} is {{ms}} ms, over {{limit}} ms between voters of {{poolRef}}; keep the pool's voters close together.",
    },
  },
  *check({ analysis, settings }) {
    for (const a of analysis.pools) {
      for (const { entry } of a.latency.applied) {
        if (entry.ms > settings.poolLatencyMs) {
          yield {
            messageId: 'tooSlow',
            data: { a: entry.ends[0], b: entry.ends[1], ms: entry.ms, limit: settings.poolLatencyMs, pool: a.pool.name },
            path: `${entry.path}/ms`,
            pool: a.pool.name,
          };
        }
      }
    }
  },
});
