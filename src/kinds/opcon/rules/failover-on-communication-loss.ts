import { defineRule, type Problem } from '../../../core/rule.js';
import type { OpconContext } from './context.js';
import { settingPath } from '../model/model.js';

export default defineRule<OpconContext>({
  meta: {
    id: 'opcon/failover-on-communication-loss',
    severity: 'warning',
    category: 'failover',
    description: 'SyncLostFailover is Y: a network blip starts a second SAM against the same database',
    rationale:
      'When the Secondary merely loses sight of the Primary, the Primary may still be running: failing over then starts a second SMA Service Manager and two SAMs may write the same database. With a replicated database (scenario 4) the two SAMs write two copies instead, the publisher and what was the subscriber, which diverge. The vendor advises against it unless the network is guaranteed.',
    remediation: 'Set SyncLostFailover=N on the Secondary and rely on PrimaryAbnormalShutdownFailover.',
    sources: ['OPC-FS'],
    messages: {
      on: 'Secondary "{{name}}" fails over when communication is lost; set SyncLostFailover=N, since a network blip could leave two SAMs writing one database.',
      replicated:
        'Secondary "{{name}}" fails over when communication is lost; set SyncLostFailover=N, since a network blip could leave two SAMs writing two copies of the database (the publisher and what was the subscriber), which diverge.',
    },
  },
  *check({ model, analysis }): Iterable<Problem> {
    const s = analysis.secondary;
    if (analysis.failover.triggers.includes('communication-loss') && s)
      yield { messageId: model.replication === 'replicated' ? 'replicated' : 'on', data: { name: s.name }, path: settingPath(s, 'SyncLostFailover') };
  },
});
