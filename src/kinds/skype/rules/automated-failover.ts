import { defineRule, type Problem } from '../../../core/rule.js';
import type { SkypeContext } from './context.js';

export default defineRule<SkypeContext>({
  meta: {
    id: 'skype/automated-failover',
    severity: 'warning',
    category: 'failover',
    description: 'a pair declares `failover: automated` (users flap between pools when the network flaps)',
    rationale:
      'Pool failover is started by hand by design; automating it moves users back and forth between the pools whenever the network between them flaps.',
    remediation: 'Fail over by hand (`Invoke-CsPoolFailOver`) after confirming the pool is down; set `failover: manual`.',
    sources: ['SFB-FO', 'SFB-DR'],
    messages: { automated: 'Pools "{{a}}" and "{{b}}" fail over automatically; users would flap between them when the network flaps.' },
  },
  *check({ model }): Iterable<Problem> {
    for (const pair of model.pairs) {
      if (pair.failover === 'automated')
        yield { messageId: 'automated', data: { a: pair.pools[0].name, b: pair.pools[1].name }, path: `${pair.path}/failover` };
    }
  },
});
