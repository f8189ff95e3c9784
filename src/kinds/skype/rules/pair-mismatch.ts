import { defineRule, type Problem } from '../../../core/rule.js';
import type { SkypeContext } from './context.js';
import { baseOperatingSystem } from '../model/model.js';

export default defineRule<SkypeContext>({
  meta: {
    id: 'skype/pair-mismatch',
    severity: 'error',
    category: 'failover',
    description: 'paired pools differ in edition, platform or operating system',
    rationale:
      'Paired pools must be of the same edition, both physical or both virtual, and on the same base operating system: Standard and Datacenter of one Windows Server release are the same base (so `Windows Server 2019 Standard` pairs with `Windows Server 2019 Datacenter`), two releases are not.',
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
        const same = (x: string, y: string) =>
          what === 'operatingSystem' ? baseOperatingSystem(x) === baseOperatingSystem(y) : x.toLowerCase() === y.toLowerCase();
        if (av !== undefined && bv !== undefined && !same(av, bv)) {
          yield { messageId: 'differ', data: { a: a.name, b: b.name, what: what === 'operatingSystem' ? 'operating system' : what, av, bv }, path: pair.path };
        }
      }
    }
  },
});
