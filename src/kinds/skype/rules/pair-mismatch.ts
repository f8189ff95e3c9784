import { defineRule, type Problem } from '../../../core/rule.js';
import type { SkypeContext } from './context.js';
import { baseOperatingSystem, editionOf, type SkypePool } from '../model/model.js';

/** What pairing compares, each as the model reads it: the edition a pool is checked as (given or implied), the base operating system. */
const COMPARED: readonly { readonly what: string; readonly value: (p: SkypePool) => string | undefined; readonly key: (v: string) => string }[] = [
  { what: 'edition', value: editionOf, key: (v) => v },
  { what: 'platform', value: (p) => p.platform, key: (v) => v },
  { what: 'operating system', value: (p) => p.operatingSystem, key: baseOperatingSystem },
];

export default defineRule<SkypeContext>({
  meta: {
    id: 'skype/pair-mismatch',
    severity: 'error',
    category: 'failover',
    description: 'paired pools differ in edition, platform or operating system',
    rationale:
      'Paired pools must be of the same edition, both physical or both virtual, and on the same base operating system: Standard and Datacenter of one Windows Server release are the same base (so `Windows Server 2019 Standard` pairs with `Windows Server 2019 Datacenter`), two releases are not. ' +
      'A pool without `edition` and with more than one front end is an Enterprise pool (a Standard Edition pool is one server), and is compared as one.',
    remediation: 'Pair the pool with one of the same edition, platform and operating system.',
    sources: ['SFB-DR'],
    messages: { differ: 'Paired pools "{{a}}" and "{{b}}" differ in {{what}} ({{av}} and {{bv}}); paired pools must match.' },
  },
  *check({ model }): Iterable<Problem> {
    for (const pair of model.pairs) {
      const [a, b] = pair.pools;
      for (const { what, value, key } of COMPARED) {
        const av = value(a);
        const bv = value(b);
        if (av !== undefined && bv !== undefined && key(av) !== key(bv))
          yield { messageId: 'differ', data: { a: a.name, b: b.name, what, av, bv }, path: pair.path };
      }
    }
  },
});
