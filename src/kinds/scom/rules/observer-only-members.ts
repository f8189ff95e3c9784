import { plural } from '../../../core/rule.js';
import { defineRule } from './context.js';

export default defineRule({
  meta: {
    id: 'observer-only-members',
    severity: 'info',
    category: 'quorum',
    description: 'a pool has observer-only members',
    rationale:
      'Observer-only members vote but run no workflows; the guidance says they are never used under normal circumstances and should not be considered in a design.',
    remediation: 'Prefer full members (or the default observer) for quorum; keep observers only if you have a specific reason, and document it.',
    sources: ['RPD'],
    messages: {
      observers: '{{Pool}} has {{observers}} ({{names}}), which vote but run no workflows; prefer full members.',
    },
  },
  *check({ topology }) {
    for (const pool of topology.pools) {
      if (pool.observers.length > 0) {
        yield {
          messageId: 'observers',
          data: {
            pool: pool.name,
            count: pool.observers.length,
            observers: plural(pool.observers.length, 'observer-only member'),
            names: pool.observers.map((o) => o.server.name).join(', '),
          },
          path: `${pool.path}/observers`,
          at: 'key',
          pool: pool.name,
        };
      }
    }
  },
});
