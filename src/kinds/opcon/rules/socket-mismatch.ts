import { defineRule, type Problem } from '../../../core/rule.js';
import type { OpconContext } from './context.js';
import { settingPath, socketsDiffer } from '../model/model.js';

export default defineRule<OpconContext>({
  meta: {
    id: 'opcon/socket-mismatch',
    severity: 'error',
    category: 'failover',
    description: 'FailOverSocketNumber is missing on, or differs between, the Primary and the Secondary',
    rationale:
      'The two SMA Service Managers talk over the FailOverSocketNumber port; if it is missing or different they never see each other and automatic failover cannot work. The values compare as the port numbers they are (06500 is 6500).',
    remediation: 'Set the same FailOverSocketNumber in SMAServMan.ini on both machines.',
    sources: ['OPC-FS', 'OPC-SM'],
    messages: {
      missing: 'Machine "{{name}}" has no FailOverSocketNumber; set the same port on the Primary and the Secondary.',
      differs: 'FailOverSocketNumber is {{primary}} on the Primary but {{secondary}} on the Secondary; set the same port on both.',
    },
  },
  *check({ analysis }): Iterable<Problem> {
    const { primary: p, secondary: s } = analysis;
    if (analysis.failover.mode !== 'automatic' || !p || !s) return;
    for (const m of [p, s])
      if (m.failOverSocketNumber === undefined) yield { messageId: 'missing', data: { name: m.name }, path: `${m.path}/settings`, at: 'key' };
    if (socketsDiffer(p, s)) {
      yield {
        messageId: 'differs',
        data: { primary: p.failOverSocketNumber!, secondary: s.failOverSocketNumber! },
        path: settingPath(s, 'FailOverSocketNumber'),
      };
    }
  },
});
