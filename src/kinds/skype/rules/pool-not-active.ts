import { defineRule, type Problem } from '../../../core/rule.js';
import type { SkypeContext } from './context.js';

export default defineRule<SkypeContext>({
  meta: {
    id: 'skype/pool-not-active',
    severity: 'warning',
    category: 'failover',
    description: "a pool's PoolState is not Active: a failover is under way or was never failed back",
    rationale:
      'The registrar PoolState goes Active, FailingOver, FailedOver and back through FailingBack to Active (FailedBack, which the Set-CsRegistrarConfiguration reference also names, is read as Active); restarting services does not move it back, so a pool left FailedOver keeps its users on the backup pool. While one pool of a pair is not Active, the other cannot take its users over: should it fail too, the users of both are without service.',
    remediation: 'Finish the failover, or fail the pool back with Invoke-CsPoolFailBack.',
    sources: ['SFB-FO', 'PS-CS'],
    messages: {
      notActive: 'Pool "{{pool}}" is in PoolState {{state}}; fail it back (Invoke-CsPoolFailBack) once it is healthy.',
      failingOver:
        'Pool "{{pool}}" is in PoolState FailingOver: a failover is under way or stopped half-way; let Invoke-CsPoolFailOver finish, then fail the pool back (Invoke-CsPoolFailBack) once it is healthy.',
      failingBack:
        'Pool "{{pool}}" is in PoolState FailingBack: a failback is under way or stopped half-way; let Invoke-CsPoolFailBack finish (or run it again) until the PoolState is Active.',
    },
  },
  *check({ model }): Iterable<Problem> {
    for (const p of model.pools) {
      const messageId = p.poolState === 'FailingOver' ? 'failingOver' : p.poolState === 'FailingBack' ? 'failingBack' : 'notActive';
      if (p.poolState !== 'Active') yield { messageId, data: { pool: p.name, state: p.poolState }, path: `${p.path}/poolState`, pool: p.name };
    }
  },
});
