import { defineRule, type Problem } from '../../../core/rule.js';
import type { SkypeContext } from './context.js';

export default defineRule<SkypeContext>({
  meta: {
    id: 'skype/several-cms',
    severity: 'error',
    category: 'failover',
    description: 'more than one pool declares `centralManagementStore: true`',
    rationale:
      "One deployment has one Central Management Store: one pool hosts its master copy, every other server holds a replica of it. A file where two pools host it describes no deployment that can exist, and a disaster recovery plan built on it would fail over the wrong pool's CMS (the CMS is failed over to the partner before the pool itself).",
    remediation:
      'Keep `centralManagementStore: true` on the one pool that hosts the CMS (`Get-CsService -CentralManagement` names it) and remove it from the others.',
    sources: ['SFB-DR', 'PS-CS'],
    messages: {
      several:
        'Pool "{{pool}}" declares the Central Management Store, which pool "{{first}}" already hosts; a deployment has one, so keep it on the pool that hosts it.',
    },
  },
  *check({ model }): Iterable<Problem> {
    const first = model.pools.find((p) => p.centralManagementStore);
    if (!first) return;
    for (const p of model.pools) {
      if (p !== first && p.centralManagementStore)
        yield { messageId: 'several', data: { pool: p.name, first: first.name }, path: `${p.path}/centralManagementStore`, pool: p.name };
    }
  },
});
