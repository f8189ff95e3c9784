import { SKYPE } from '../../../domain/facts.js';
import { defineRule, plural, type Report } from '../../../rules/types.js';
import type { SkypeContext } from '../context.js';
import { editionOf } from '../model.js';

export default defineRule<SkypeContext>({
  meta: {
    id: 'skype/too-few-front-ends',
    severity: 'warning',
    category: 'failover',
    description: 'an enterprise pool has fewer than 3 front ends',
    rationale: 'At least three front ends are recommended: a paired pool must have had three running at once to synchronise with its backup pool, and with two the pool stops when one is down.',
    remediation: 'Give the pool at least three front end servers.',
    sources: ['SFB-HA'],
    messages: { few: 'Enterprise pool "{{pool}}" has {{frontEnds}}; at least {{recommended}} are recommended.' },
  },
  *check({ model }): Iterable<Report> {
    for (const p of model.pools) {
      if (editionOf(p) === 'enterprise' && p.frontEnds.length < SKYPE.recommendedFrontEnds.value) {
        yield { messageId: 'few', data: { pool: p.name, count: p.frontEnds.length, frontEnds: plural(p.frontEnds.length, 'front end'), recommended: SKYPE.recommendedFrontEnds.value }, path: `${p.path}/frontEnds`, at: 'key', pool: p.name };
      }
    }
  },
});
