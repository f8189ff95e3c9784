import { UNCONFIRMED } from '../../../domain/facts.js';
import { atPool, defineRule } from './context.js';

export default defineRule({
  meta: {
    id: 'default-observer-disabled',
    severity: 'warning',
    category: 'default-observer',
    description: 'the default observer is disabled where enabling it would add a tolerable failure',
    rationale:
      "With an even number of management servers the operational database's vote breaks the tie: two management servers tolerate one failure with it and none without. Pools created with New-SCOMResourcePool have it disabled by default.",
    remediation: 'Enable the default observer on the pool (PowerShell-created pools have it disabled), or add a member.',
    sources: ['RPD', 'PS-SCOM'],
    unconfirmed: UNCONFIRMED.mixedPoolObserver,
    messages: {
      wouldHelp:
        '{{Pool}} has the default observer disabled; enabling it would raise tolerable failures from {{without}} to {{with}}: Get-SCOMResourcePool -DisplayName {{poolNames}} | ForEach-Object { $_.UseDefaultObserver = $true; $_.ApplyChanges() }.',
    },
  },
  *check({ analysis }) {
    for (const a of analysis.pools) {
      const q = a.quorum;
      if (!q.defaultObserver.enabled && q.withDefaultObserver.tolerableFailures > q.withoutDefaultObserver.tolerableFailures) {
        yield atPool(a.pool, 'wouldHelp', { with: q.withDefaultObserver.tolerableFailures, without: q.withoutDefaultObserver.tolerableFailures });
      }
    }
  },
});
