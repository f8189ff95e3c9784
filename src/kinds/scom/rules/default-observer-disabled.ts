import { UNCONFIRMED } from '../../../domain/facts.js';
import { atPool, defineRule } from './context.js';

export default defineRule({
  meta: {
    id: 'default-observer-disabled',
    severity: 'warning',
    category: 'default-observer',
    description: 'the default observer is disabled where enabling it would add a tolerable failure',
    rationale:
      "With an even number of management servers the operational database's vote breaks the tie: two management servers tolerate one failure with it and none without. Pools created with `New-SCOMResourcePool` have it disabled by default.",
    remediation:
      'Enable the default observer on the pool (PowerShell-created pools have it disabled), or add a member. Not reported from five management servers, where the guidance is to disable it (default-observer-database-load).',
    sources: ['RPD', 'PS-SCOM'],
    unconfirmed: UNCONFIRMED.mixedPoolObserver,
    messages: {
      wouldHelp:
        '{{Pool}} has the default observer disabled; enabling it would raise tolerable failures from {{without}} to {{with}}: `Get-SCOMResourcePool -DisplayName {{poolNames}} | ForEach-Object { $_.UseDefaultObserver = $true; $_.ApplyChanges() }`.',
    },
  },
  *check({ analysis, settings }) {
    for (const a of analysis.pools) {
      const q = a.quorum;
      // From five management servers default-observer-database-load says to disable it: not the opposite here.
      const managementServers = a.voters.filter((s) => s.role === 'management-server').length;
      if (managementServers >= settings.databaseObserverLoadMembers) continue;
      if (!q.defaultObserver.enabled && q.withDefaultObserver.tolerableFailures > q.withoutDefaultObserver.tolerableFailures) {
        yield atPool(a.pool, 'wouldHelp', { with: q.withDefaultObserver.tolerableFailures, without: q.withoutDefaultObserver.tolerableFailures });
      }
    }
  },
});
