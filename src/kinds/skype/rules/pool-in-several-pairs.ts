import { defineRule, type Problem } from '../../../core/rule.js';
import type { SkypeContext } from './context.js';

export default defineRule<SkypeContext>({
  meta: {
    id: 'skype/pool-in-several-pairs',
    severity: 'error',
    category: 'failover',
    description: 'a pool appears in more than one pair (pairing is 1:1)',
    rationale: 'Backup pool pairing is one-to-one and symmetrical: a pool has exactly one backup pool, which has it as its own.',
    remediation: 'Keep one pair per pool; give other pools partners of their own.',
    sources: ['SFB-DR'],
    messages: { several: 'Pool "{{pool}}" is in {{count}} pairs; a pool has exactly one backup pool.' },
  },
  *check({ model, analysis }): Iterable<Problem> {
    for (const p of model.pools) {
      const pairs = analysis.pairsOf.get(p) ?? [];
      if (pairs.length > 1) yield { messageId: 'several', data: { pool: p.name, count: pairs.length }, path: pairs[1]!.path, pool: p.name };
    }
  },
});
