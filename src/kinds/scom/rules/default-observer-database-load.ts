import { UNCONFIRMED } from '../../../domain/facts.js';
import { plural } from '../../../core/rule.js';
import { atPool, defineRule } from './context.js';

export default defineRule({
  meta: {
    id: 'default-observer-database-load',
    severity: 'warning',
    category: 'default-observer',
    description: 'the default observer participates in a pool with 5 or more management servers among its members and observers',
    rationale:
      'Every management server of a pool reaches the default observer through its SDK service; from five management servers this puts enough load on the operational database to slow pool calculations.',
    remediation:
      'Disable the default observer on this pool to spare the operational database: with five or more management servers the pool keeps quorum without it. With an even number it then tolerates one failure fewer (six: 2 instead of 3), which one more management server gives back.',
    sources: ['RPD', 'PS-SCOM'],
    unconfirmed: UNCONFIRMED.mixedPoolObserver,
    messages: {
      load: '{{Pool}} has {{managementServers}} management servers voting with the default observer; disable it to spare the operational database (`Get-SCOMResourcePool -DisplayName {{poolNames}} | ForEach-Object { $_.UseDefaultObserver = $false; $_.ApplyChanges() }`): without it the pool tolerates {{without}} ({{with}} with it).',
    },
  },
  *check({ analysis, settings }) {
    for (const a of analysis.pools) {
      if (!a.quorum.defaultObserver.participates) continue;
      const count = a.voters.filter((s) => s.role === 'management-server').length;
      if (count < settings.databaseObserverLoadMembers) continue;
      // What disabling it costs: nothing with an odd number of voters, one failure with an even one.
      const q = a.quorum;
      yield atPool(a.pool, 'load', {
        managementServers: count,
        with: plural(q.withDefaultObserver.tolerableFailures, 'failure'),
        without: plural(q.withoutDefaultObserver.tolerableFailures, 'failure'),
      });
    }
  },
});
