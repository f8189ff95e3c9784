import { defineRule, type Problem } from '../../../core/rule.js';
import type { SkypeContext } from './context.js';

export default defineRule<SkypeContext>({
  meta: {
    id: 'skype/pair-capacity',
    severity: 'warning',
    category: 'capacity',
    description: "a pool's `usersAfterFailover` exceeds its `maxUsers` (for an unpaired pool, its own users)",
    rationale: "Each pool of a pair must be sized for the users of both: after a failover it carries its partner's users as well as its own.",
    remediation: "Add front ends (or raise the sizing) so that each pool can carry both pools' users, or move users to another pair.",
    sources: ['SFB-DR'],
    messages: {
      over: 'Pool "{{pool}}" would carry {{users}} users after its partner fails over, more than the {{max}} it is sized for; add front ends, or move users to another pair.',
      // Unpaired, usersAfterFailover is its own users (FORMAT.md): over its sizing with no failover at all.
      overUnpaired: 'Pool "{{pool}}" carries {{users}} users, more than the {{max}} it is sized for; add front ends, or move users to another pool.',
    },
  },
  *check({ model, analysis }): Iterable<Problem> {
    for (const [i, p] of model.pools.entries()) {
      const f = analysis.pools[i]!;
      if (p.maxUsers !== undefined && f.usersAfterFailover > p.maxUsers) {
        yield {
          messageId: f.pairedWith !== null ? 'over' : 'overUnpaired',
          data: { pool: p.name, users: f.usersAfterFailover, max: p.maxUsers },
          path: `${p.path}/maxUsers`,
          pool: p.name,
        };
      }
    }
  },
});
