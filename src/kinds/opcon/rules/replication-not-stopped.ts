import { defineRule, type Report } from '../../../rules/types.js';
import type { OpconContext } from '../context.js';

export default defineRule<OpconContext>({
  meta: {
    id: 'opcon/replication-not-stopped',
    severity: 'error',
    category: 'failover',
    description: 'automatic failover with a replicated database and no StopRepl script in PrimaryAbnormalShutdownScript',
    rationale: 'With a replicated database the Secondary must stop replication before it takes over the subscriber database; otherwise the publisher keeps replicating into the database the new SAM writes.',
    remediation: "Set PrimaryAbnormalShutdownScript on the Secondary to the vendor's StopRepl script (for example ...\\Utilities\\Database\\StopRepl.cmd).",
    sources: ['OPC-FS'],
    messages: { missing: 'Secondary "{{name}}" takes over a replicated database without stopping replication; set PrimaryAbnormalShutdownScript to the StopRepl script.' },
  },
  *check({ model, analysis }): Iterable<Report> {
    const s = analysis.secondary;
    if (analysis.failover.mode !== 'automatic' || model.replication !== 'replicated' || !s) return;
    if (!/stoprepl/i.test(s.primaryAbnormalShutdownScript ?? '')) {
      yield { messageId: 'missing', data: { name: s.name }, path: s.primaryAbnormalShutdownScript === undefined ? `${s.path}/settings` : `${s.path}/settings/PrimaryAbnormalShutdownScript`, at: s.primaryAbnormalShutdownScript === undefined ? 'key' : 'value' };
    }
  },
});
