import { defineRule, type Report } from '../../../rules/types.js';
import type { SkypeContext } from '../context.js';

export default defineRule<SkypeContext>({
  meta: {
    id: 'skype/pool-not-active',
    severity: 'warning',
    category: 'failover',
    description: "a pool's PoolState is not Active: a failover is under way or was never failed back",
    rationale: 'The registrar PoolState goes Active, FailingOver, FailedOver and back through FailingBack to Active; restarting services does not move it back, so a pool left FailedOver keeps its users on the backup pool.',
    remediation: 'Finish the failover, or fail the pool back with Invoke-CsPoolFailBack.',
    sources: ['SFB-FO'],
    messages: { notActive: 'Pool "{{pool}}" is in PoolState {{state}}; fail it back (Invoke-CsPoolFailBack) once it is healthy.' },
  },
  *check({ model }): Iterable<Report> {
    for (const p of model.pools) {
      if (p.poolState !== 'Active') yield { messageId: 'notActive', data: { pool: p.name, state: p.poolState }, path: `${p.path}/poolState`, pool: p.name };
    }
  },
});
