import { defineRule, type Report } from '../../../rules/types.js';
import type { SkypeContext } from '../context.js';

export default defineRule<SkypeContext>({
  meta: {
    id: 'skype/pair-capacity',
    severity: 'warning',
    category: 'capacity',
    description: "a pool's `usersAfterFailover` exceeds its `maxUsers`",
    rationale: 'Each pool of a pair must be sized for the users of both: after a failover it carries its partner\'s users as well as its own.',
    remediation: 'Add front ends (or raise the sizing) so that each pool can carry both pools\' users, or move users to another pair.',
    sources: ['SFB-DR'],
    messages: { over: 'Pool "{{pool}}" would carry {{users}} users after its partner fails over, more than the {{max}} it is sized for.' },
  },
  *check({ model, analysis }): Iterable<Report> {
    for (const [i, p] of model.pools.entries()) {
      const f = analysis.pools[i]!;
      if (p.maxUsers !== undefined && f.pairedWith !== null && f.usersAfterFailover > p.maxUsers) {
        yield { messageId: 'over', data: { pool: p.name, users: f.usersAfterFailover, max: p.maxUsers }, path: `${p.path}/maxUsers`, pool: p.name };
      }
    }
  },
});
