import { defineRule, type Problem } from '../../../core/rule.js';
import type { OpconContext } from './context.js';

export default defineRule<OpconContext>({
  meta: {
    id: 'opcon/no-failover-trigger',
    severity: 'error',
    category: 'failover',
    description: 'the Secondary has no failover switch set to Y, so it never takes over',
    rationale:
      'The Secondary SMAServMan starts its application group only on the criteria the administrator enables; with all three switches N automatic failover never happens.',
    remediation: 'Set PrimaryAbnormalShutdownFailover=Y on the Secondary (the trigger the vendor recommends).',
    sources: ['OPC-FS', 'OPC-SM'],
    messages: { none: 'Secondary "{{name}}" has no failover switch set to Y, so it never takes over; set PrimaryAbnormalShutdownFailover=Y.' },
  },
  *check({ analysis }): Iterable<Problem> {
    const s = analysis.secondary;
    if (analysis.failover.mode === 'automatic' && s && analysis.failover.triggers.length === 0) {
      yield { messageId: 'none', data: { name: s.name }, path: `${s.path}/settings`, at: 'key' };
    }
  },
});
