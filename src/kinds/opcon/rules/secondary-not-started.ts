import { defineRule, type Problem } from '../../../core/rule.js';
import type { OpconContext } from './context.js';

export default defineRule<OpconContext>({
  meta: {
    id: 'opcon/secondary-not-started',
    severity: 'warning',
    category: 'failover',
    description: "automatic failover where the Secondary's service does not start by itself",
    rationale:
      'In automatic failover the Secondary SMAServMan must be running to watch the Primary (it pings it and keeps its application group in STANDBY). A Secondary whose service is set to Manual is not running after a reboot of its machine, and then nothing takes over when the Primary fails.',
    remediation: "Set the Secondary's SMA Service Manager service startup type to Automatic (or Automatic, Delayed Start).",
    sources: ['OPC-FS'],
    messages: {
      manual:
        'Secondary "{{name}}" does not start its SMA Service Manager by itself (manual): after a reboot it no longer watches the Primary; set its service to Automatic.',
    },
  },
  *check({ analysis }): Iterable<Problem> {
    const s = analysis.secondary;
    if (analysis.failover.mode === 'automatic' && s && s.serviceStartType === 'manual')
      yield { messageId: 'manual', data: { name: s.name }, path: `${s.path}/serviceStartType` };
  },
});
