import { defineRule, type Problem } from '../../../core/rule.js';
import type { SkypeContext } from './context.js';

export default defineRule<SkypeContext>({
  meta: {
    id: 'skype/cms-pool-unpaired',
    severity: 'warning',
    category: 'failover',
    description: 'the pool that hosts the Central Management Store has no partner',
    rationale:
      'In a disaster the Central Management Store is failed over to the paired pool before the pool itself (`Invoke-CsManagementServerFailover`, run on a server of the pool it goes to); without a partner it cannot be.',
    remediation: 'Pair the pool that hosts the Central Management Store with a backup pool.',
    sources: ['SFB-DR', 'SFB-FOP', 'PS-CS'],
    messages: { unpaired: 'Pool "{{pool}}" hosts the Central Management Store but has no partner to fail it over to.' },
  },
  *check({ model, analysis }): Iterable<Problem> {
    for (const p of model.pools) {
      if (p.centralManagementStore && !analysis.partnerOf.has(p))
        yield { messageId: 'unpaired', data: { pool: p.name }, path: `${p.path}/centralManagementStore`, pool: p.name };
    }
  },
});
