import { defineRule, type Problem } from '../../../core/rule.js';
import type { SkypeContext } from './context.js';
import { editionOf } from '../model/model.js';
import { maxFrontEnds } from '../analysis/analysis.js';

export default defineRule<SkypeContext>({
  meta: {
    id: 'skype/unsupported-pool-size',
    severity: 'error',
    category: 'failover',
    description: 'an enterprise pool of 2 front ends on 2019, more than 12 front ends (16 on 2019), or a standard pool with more than one',
    rationale:
      'These pool sizes are not supported: Skype for Business Server 2019 will not publish a two-server enterprise pool, pools hold at most 12 front ends (16 on 2019), and a standard-edition pool is one server.',
    remediation: 'Resize the pool within the supported range, or split it into two pools.',
    sources: ['SFB-HA'],
    messages: {
      twoOn2019: 'Enterprise pool "{{pool}}" has 2 front ends, which Skype for Business Server 2019 does not support; use at least 3.',
      tooMany: 'Pool "{{pool}}" has {{count}} front ends, more than the {{max}} supported on this version; split it into two pools.',
      standard: 'Standard-edition pool "{{pool}}" has {{count}} front ends; a standard-edition pool is one server.',
    },
  },
  *check({ model }): Iterable<Problem> {
    const max = maxFrontEnds(model.productVersion);
    for (const p of model.pools) {
      const at = { path: `${p.path}/frontEnds`, at: 'key' as const, pool: p.name };
      const n = p.frontEnds.length;
      const edition = editionOf(p);
      if (edition === 'standard' && n > 1) yield { messageId: 'standard', data: { pool: p.name, count: n }, ...at };
      else if (edition !== 'standard' && n > max) yield { messageId: 'tooMany', data: { pool: p.name, count: n, max }, ...at };
      else if (edition === 'enterprise' && n === 2 && model.productVersion === '2019') yield { messageId: 'twoOn2019', data: { pool: p.name }, ...at };
    }
  },
});
