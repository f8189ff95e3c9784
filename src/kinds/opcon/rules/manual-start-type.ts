import { defineRule, type Problem } from '../../../core/rule.js';
import type { OpconContext } from './context.js';

export default defineRule<OpconContext>({
  meta: {
    id: 'opcon/manual-start-type',
    severity: 'warning',
    category: 'failover',
    description: "manual failover where the secondary's service is not `manual`, or the primary's is `manual`",
    rationale:
      "In manual failover the standby must not start its SMA Service Manager by itself (two SAMs would run against the database), and the primary should come back by itself after a reboot (Automatic, Delayed Start). A standby whose service starts by itself is opcon/standby-starts-automatically, an error; this rule warns where the standby's start type is not known (an imported file without --start-type), and where the primary's is Manual.",
    remediation: "Set the standby's SMA Service Manager service to Manual and the primary's to Automatic (Delayed Start), and say so in `serviceStartType`.",
    sources: ['OPC-FS'],
    messages: {
      standby:
        'The start type of standby "{{name}}" is not given; its SMA Service Manager must be set to Manual: check it, and set `serviceStartType: manual`.',
      primary: 'Primary "{{name}}" does not start its SMA Service Manager after a reboot; set its service to Automatic (Delayed Start).',
    },
  },
  *check({ analysis }): Iterable<Problem> {
    // Only a manual design (every machine StandAlone); a mix of modes is opcon/mode-conflict's.
    if (analysis.failover.mode !== 'manual' || analysis.primaries.length + analysis.secondaries.length > 0) return;
    const { primary: p, secondary: s } = analysis;
    if (s && s.serviceStartType === undefined) yield { messageId: 'standby', data: { name: s.name }, path: s.path };
    if (p && p.serviceStartType === 'manual') yield { messageId: 'primary', data: { name: p.name }, path: `${p.path}/serviceStartType` };
  },
});
