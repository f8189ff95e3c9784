import { defineRule, type Problem } from '../../../core/rule.js';
import type { OpconContext } from './context.js';
import { sameMachine, settingPath } from '../model/model.js';

export default defineRule<OpconContext>({
  meta: {
    id: 'opcon/primary-machine-mismatch',
    severity: 'error',
    category: 'failover',
    description: "the Secondary's PrimaryMachine does not name the Primary",
    rationale:
      'The Secondary watches the machine PrimaryMachine names; if that is not the Primary it pings the wrong host and fails over at the wrong time, or never. A fully qualified name names the machine of its first label (opcon01.corp.local is opcon01), and names compare case-insensitively.',
    remediation: "Set PrimaryMachine in the Secondary's SMAServMan.ini to the Primary's machine name.",
    sources: ['OPC-SM'],
    messages: {
      missing: 'Secondary "{{name}}" has no PrimaryMachine; set it to "{{primary}}".',
      wrong: 'Secondary "{{name}}" watches PrimaryMachine "{{named}}", but the Primary is "{{primary}}"; set it to "{{primary}}".',
    },
  },
  *check({ analysis }): Iterable<Problem> {
    const { primary: p, secondary: s } = analysis;
    if (analysis.failover.mode !== 'automatic' || !p || !s) return;
    if (s.primaryMachine === undefined) yield { messageId: 'missing', data: { name: s.name, primary: p.name }, path: `${s.path}/settings`, at: 'key' };
    else if (!sameMachine(s.primaryMachine, p.name))
      yield { messageId: 'wrong', data: { name: s.name, named: s.primaryMachine, primary: p.name }, path: settingPath(s, 'PrimaryMachine') };
  },
});
