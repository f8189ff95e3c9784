import { defineRule, type Problem } from '../../../core/rule.js';
import type { OpconContext } from './context.js';

export default defineRule<OpconContext>({
  meta: {
    id: 'opcon/abnormal-shutdown-failover-off',
    severity: 'warning',
    category: 'failover',
    description: 'automatic failover without PrimaryAbnormalShutdownFailover, the trigger the vendor recommends',
    rationale:
      'An abnormal shutdown of the Primary (a crash of its SMAServMan) is the failure automatic failover exists for; the other triggers are advised against.',
    remediation: 'Set PrimaryAbnormalShutdownFailover=Y on the Secondary, and consider turning the other triggers off.',
    sources: ['OPC-FS'],
    messages: { off: 'Secondary "{{name}}" fails over on {{triggers}} but not when the Primary shuts down abnormally; set PrimaryAbnormalShutdownFailover=Y.' },
  },
  *check({ analysis }): Iterable<Problem> {
    const s = analysis.secondary;
    const t = analysis.failover.triggers;
    if (analysis.failover.mode === 'automatic' && s && t.length > 0 && !t.includes('primary-abnormal-shutdown')) {
      yield { messageId: 'off', data: { name: s.name, triggers: t.join(' and ') }, path: `${s.path}/settings`, at: 'key' };
    }
  },
});
