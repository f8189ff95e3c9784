import { defineRule, type Problem } from '../../../core/rule.js';
import type { OpconContext } from './context.js';
import { settingPath } from '../model/model.js';

export default defineRule<OpconContext>({
  meta: {
    id: 'opcon/failover-on-normal-shutdown',
    severity: 'warning',
    category: 'failover',
    description: 'PrimaryNormalShutdownFailover is Y',
    rationale:
      'A normal shutdown of the Primary is usually planned maintenance; failing over then moves production to the standby, and failback is always manual.',
    remediation: 'Set PrimaryNormalShutdownFailover=N on the Secondary; fail over by hand when maintenance needs it.',
    sources: ['OPC-FS'],
    messages: { on: 'Secondary "{{name}}" fails over when the Primary shuts down normally (maintenance too); set PrimaryNormalShutdownFailover=N.' },
  },
  *check({ analysis }): Iterable<Problem> {
    const s = analysis.secondary;
    if (analysis.failover.triggers.includes('primary-normal-shutdown') && s)
      yield { messageId: 'on', data: { name: s.name }, path: settingPath(s, 'PrimaryNormalShutdownFailover') };
  },
});
