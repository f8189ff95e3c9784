import { defineRule, type Report } from '../../../rules/types.js';
import type { OpconContext } from '../context.js';

export default defineRule<OpconContext>({
  meta: {
    id: 'opcon/primary-machine-mismatch',
    severity: 'error',
    category: 'failover',
    description: "the Secondary's PrimaryMachine does not name the Primary",
    rationale: 'The Secondary watches the machine PrimaryMachine names; if that is not the Primary it pings the wrong host and fails over at the wrong time, or never.',
    remediation: "Set PrimaryMachine in the Secondary's SMAServMan.ini to the Primary's machine name.",
    sources: ['OPC-SM'],
    messages: {
      missing: 'Secondary "{{name}}" has no PrimaryMachine; set it to "{{primary}}".',
      wrong: 'Secondary "{{name}}" watches PrimaryMachine "{{named}}", but the Primary is "{{primary}}"; set it to "{{primary}}".',
    },
  },
  *check({ analysis }): Iterable<Report> {
    const { primary: p, secondary: s } = analysis;
    if (analysis.failover.mode !== 'automatic' || !p || !s) return;
    if (s.primaryMachine === undefined) yield { messageId: 'missing', data: { name: s.name, primary: p.name }, path: `${s.path}/settings`, at: 'key' };
    else if (s.primaryMachine.toLowerCase() !== p.name.toLowerCase()) yield { messageId: 'wrong', data: { name: s.name, named: s.primaryMachine, primary: p.name }, path: `${s.path}/settings/PrimaryMachine` };
  },
});
