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
      'When the Secondary merely loses sight of the Primary, the Primary may still be running: failing over then starts a second SMA Service Manager and two SAMs may write the same database. The vendor advises against it unless the network is guaranteed.',
    remediation: 'Set SyncLostFailover=N on the Secondary and rely on PrimaryAbnormalShutdownFailover.',
    sources: ['OPC-FS'],
    messages: {
      on: 'Secondary "{{name}}" fails over when communication is lost; set SyncLostFailover=N, since a network blip could leave two SAMs writing one database.',
    },
  },
  *check({ analysis }): Iterable<Problem> {
    const s = analysis.secondary;
    if (analysis.failover.triggers.includes('communication-loss') && s)
      yield { messageId: 'on', data: { name: s.name }, path: settingPath(s, 'SyncLostFailover') };
  },
});
