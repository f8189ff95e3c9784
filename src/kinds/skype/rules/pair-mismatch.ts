import { defineRule, type Problem } from '../../../core/rule.js';
import type { SkypeContext } from './context.js';

export default defineRule<SkypeContext>({
  meta: {
    id: 'skype/pair-mismatch',
    severity: 'error',
    category: 'failover',
    description: 'paired pools differ in edition, platform or operating system',
    rationale: 'Paired pools must be of the same edition, both physical or both virtual, and on the same operating system.',
    remediation: 'Pair the pool with one of the same edition, platform and operating system.',
    sources: ['SFB-DR'],
    messages: { differ: 'Paired pools "{{a}}" and "{{b}}" differ in {{what}} ({{av}} and {{bv}}); paired pools must match.' },
  },
  *check({ model }): Iterable<Problem> {
    for (const pair of model.pairs) {
      const [a, b] = pair.pools;
      for (const what of ['edition', 'platform', 'operatingSystem'] as const) {
        const av = a[what];
        const bv = b[what];
        if (av !== undefined && bv !== undefined && String(av).toLowerCase() !== String(bv).toLowerCase()) {
          yield { messageId: 'differ', data: { a: a.name, b: b.name, what: what === 'operatingSystem' ? 'operating system' : what, av, bv }, path: pair.path };
        }
      }
    }
  },
});
