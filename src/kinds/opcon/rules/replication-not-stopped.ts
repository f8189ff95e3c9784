import { defineRule, type Problem } from '../../../core/rule.js';
import type { OpconContext } from './context.js';
import { runsStopRepl, settingPath, SWITCHES } from '../model/model.js';

export default defineRule<OpconContext>({
  meta: {
    id: 'opcon/replication-not-stopped',
    severity: 'error',
    category: 'failover',
    description: 'automatic failover with a replicated database where the script of an enabled trigger does not run StopRepl',
    rationale:
      'With a replicated database the Secondary must stop replication before it takes over the subscribing database: StopRepl disconnects the users of the publishing database, deletes the subscriptions and the publication, and marks the publishing database read-only. Whatever trigger starts the failover, its script is what runs before the Secondary sets its application group ACTIVE; without StopRepl the publisher keeps replicating into the database the new SAM writes. The script counts as StopRepl by the name of the file it runs (StopRepl.cmd or StopRepl_WinAuth.cmd), not by a folder named like it.',
    remediation:
      "Set the script of each enabled trigger on the Secondary (PrimaryAbnormalShutdownScript, SyncLostScript, PrimaryNormalShutdownScript) to the vendor's StopRepl command file (for example C:\\ProgramData\\OpConxps\\Utilities\\Database\\StopRepl.cmd).",
    sources: ['OPC-FS'],
    messages: {
      missing:
        'Secondary "{{name}}" fails over on {{trigger}} (a replicated database) without stopping replication: {{script}} is not set; set it to the StopRepl command file.',
      wrong:
        'Secondary "{{name}}" fails over on {{trigger}} (a replicated database) without stopping replication: {{script}} runs "{{value}}"; set it to the StopRepl command file.',
    },
  },
  *check({ model, analysis }): Iterable<Problem> {
    const s = analysis.secondary;
    if (analysis.failover.mode !== 'automatic' || model.replication !== 'replicated' || !s) return;
    for (const [name, w] of Object.entries(SWITCHES) as [keyof typeof SWITCHES, (typeof SWITCHES)[keyof typeof SWITCHES]][]) {
      if (!s.switches[name]) continue;
      const value = s.scripts[w.script];
      if (value !== undefined && runsStopRepl(value)) continue;
      yield value === undefined
        ? { messageId: 'missing', data: { name: s.name, trigger: w.key, script: w.script }, path: settingPath(s, w.key) }
        : { messageId: 'wrong', data: { name: s.name, trigger: w.key, script: w.script, value }, path: settingPath(s, w.script) };
    }
  },
});
