import { DEFAULT_POOLS } from '../../../domain/facts.js';
import { editDistance } from '../../../util/suggest.js';
import { defineRule } from './context.js';
import { nameKey } from '../model/types.js';

export default defineRule({
  meta: {
    id: 'pool-name-near-default',
    severity: 'warning',
    category: 'membership',
    description: "a pool's name is close to, but not, one of the three default pools' names (the default pool is then implied beside it)",
    rationale:
      'A listed pool changes a default pool only under its exact name. A near miss ("Notification Resource Pool") is read as a pool of its own, and the default pool is implied beside it with every management server, so the change meant for it is silently lost.',
    remediation:
      "Spell the default pool's name exactly as Operations Manager does (names compare case-insensitively), or rename the pool so that it is plainly another one.",
    sources: ['RPD', 'SPEC'],
    messages: {
      nearDefault:
        'Pool "{{name}}" is not "{{meant}}", so that default pool is implied beside it with every management server; spell it "{{meant}}" to change the default pool.',
    },
  },
  *check({ topology }) {
    for (const pool of topology.pools) {
      if (pool.implied || pool.isDefault) continue;
      const key = nameKey(pool.name);
      // Names far longer or shorter cannot be a slip; the edit distance runs only on those close in length.
      const meant = DEFAULT_POOLS.find((d) => Math.abs(d.length - key.length) <= 3 && editDistance(key, nameKey(d), 3) <= 3);
      if (meant) yield { messageId: 'nearDefault', data: { name: pool.name, meant }, path: `${pool.path}/name`, pool: pool.name };
    }
  },
});
