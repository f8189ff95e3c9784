import { plural } from '../../../core/rule.js';
import { defineRule } from './context.js';

export default defineRule({
  meta: {
    id: 'database-latency-over-5ms',
    severity: 'warning',
    category: 'latency',
    description: "a measured round trip between a management server and the operational database's server exceeds 5 ms",
    rationale:
      "Management servers write to the operational database continuously; over 5 ms of latency slows every workflow and the database observer's votes.",
    remediation: 'Place management servers in the data centre of the operational database, on a low-latency network.',
    sources: ['FE'],
    messages: {
      tooSlow:
        'Round trip {{a}} to {{b}} is {{ms}} ms, over {{limit}} ms between management servers and the operational database ({{affected}} affected); place them near the database.',
    },
  },
  *check({ analysis, settings }) {
    for (const { entry, pairs } of analysis.databaseLatency) {
      if (entry.ms > settings.databaseLatencyMs) {
        yield {
          messageId: 'tooSlow',
          data: {
            a: entry.ends[0],
            b: entry.ends[1],
            ms: entry.ms,
            limit: settings.databaseLatencyMs,
            servers: pairs,
            affected: plural(pairs, 'management server'),
          },
          path: `${entry.path}/ms`,
        };
      }
    }
  },
});
