import { defineRule, type Report } from '../../../rules/types.js';
import type { OpconContext } from '../context.js';

export default defineRule<OpconContext>({
  meta: {
    id: 'opcon/manual-start-type',
    severity: 'warning',
    category: 'failover',
    description: "manual failover where the secondary's service is not `manual`, or the primary's is `manual`",
    rationale: 'In manual failover the standby must not start its SMA Service Manager by itself (two SAMs would run against the database), and the primary should come back by itself after a reboot (Automatic, Delayed Start).',
    remediation: "Set the standby's SMA Service Manager service to Manual and the primary's to Automatic (Delayed Start).",
    sources: ['OPC-FS'],
    messages: {
      standby: 'Standby "{{name}}" starts its SMA Service Manager by itself ({{startType}}); set its service to Manual.',
      primary: 'Primary "{{name}}" does not start its SMA Service Manager after a reboot; set its service to Automatic (Delayed Start).',
    },
  },
  *check({ analysis }): Iterable<Report> {
    // Only a manual design (every machine StandAlone); a mix of modes is opcon/mode-conflict's.
    if (analysis.failover.mode !== 'manual' || analysis.primaries.length + analysis.secondaries.length > 0) return;
    const { primary: p, secondary: s } = analysis;
    if (s && s.serviceStartType !== 'manual') yield { messageId: 'standby', data: { name: s.name, startType: s.serviceStartType ?? 'not set' }, path: s.serviceStartType ? `${s.path}/serviceStartType` : s.path };
    if (p && p.serviceStartType === 'manual') yield { messageId: 'primary', data: { name: p.name }, path: `${p.path}/serviceStartType` };
  },
});
