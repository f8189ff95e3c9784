import { defineRule, type Problem } from '../../../core/rule.js';
import type { OpconContext } from './context.js';

export default defineRule<OpconContext>({
  meta: {
    id: 'opcon/standby-starts-automatically',
    severity: 'error',
    category: 'failover',
    description: "manual failover where the StandAlone standby's service starts by itself: two SAMs on one database",
    rationale:
      "In manual failover the two StandAlone SMAServMans do not talk to each other: a standby whose service starts by itself starts its own SAM and Supporting Services at every boot, beside the primary's. Only one SAM should access the OpCon database at a time; the vendor says the secondary SMAServMan should never start without manual intervention.",
    remediation:
      "Set the standby's SMA Service Manager service startup type to Manual (and `serviceStartType: manual`); start it only after confirming that the primary's service is stopped.",
    sources: ['OPC-FS'],
    messages: {
      starts:
        'Standby "{{name}}" starts its SMA Service Manager by itself ({{startType}}), so its SAM runs beside the primary\'s from the start; set its service to Manual.',
    },
  },
  *check({ analysis }): Iterable<Problem> {
    if (analysis.failover.mode !== 'manual' || analysis.primaries.length + analysis.secondaries.length > 0) return;
    const s = analysis.secondary;
    if (s && (s.serviceStartType === 'automatic' || s.serviceStartType === 'automatic-delayed')) {
      yield { messageId: 'starts', data: { name: s.name, startType: s.serviceStartType }, path: `${s.path}/serviceStartType` };
    }
  },
});
