import { UNCONFIRMED } from '../../../domain/facts.js';
import { plural } from '../../../core/rule.js';
import { atPool, defineRule } from './context.js';
import { quorum, voterCounts } from '../analysis/quorum.js';

export default defineRule({
  meta: {
    id: 'default-observer-no-benefit',
    severity: 'info',
    category: 'default-observer',
    description: 'the default observer is enabled and participates but adds no tolerable failure',
    rationale:
      "With an odd number of management servers (3, 5) the operational database's vote does not change how many members may fail; it still costs database work for every pool.",
    remediation:
      'Nothing is wrong. You may disable the default observer on this pool, as the guidance allows for pools of an odd number of management servers.',
    sources: ['RPD', 'PS-SCOM'],
    unconfirmed: UNCONFIRMED.mixedPoolObserver,
    messages: {
      noBenefit:
        '{{Pool}} tolerates {{tolerates}} with or without its default observer while it keeps its {{members}} members (with one member fewer, the default observer is worth a failure); it could be disabled (`Get-SCOMResourcePool -DisplayName {{poolNames}} | ForEach-Object { $_.UseDefaultObserver = $false; $_.ApplyChanges() }`) to spare the operational database.',
      noBenefitWithOneFewer:
        '{{Pool}} tolerates {{tolerates}} with or without its default observer, and would with one member fewer too; it could be disabled (`Get-SCOMResourcePool -DisplayName {{poolNames}} | ForEach-Object { $_.UseDefaultObserver = $false; $_.ApplyChanges() }`) to spare the operational database.',
    },
  },
  *check({ analysis }) {
    for (const a of analysis.pools) {
      const q = a.quorum;
      // A pool that tolerates no failure either way is no-high-availability's; with one management
      // server the default observer is what lets it start at all (PM), so "disable it" would mislead.
      if (
        q.defaultObserver.participates &&
        q.configured.tolerableFailures >= 1 &&
        q.withDefaultObserver.tolerableFailures === q.withoutDefaultObserver.tolerableFailures
      ) {
        // Advice elsewhere may take a member out of the pool (network-pool-not-dedicated); the message
        // says whether the default observer would then be worth a failure, so both can be followed.
        const v = voterCounts(a.pool);
        const fewer = {
          members: v.members - 1,
          observers: v.observers,
          managementServerMembers: v.managementServerMembers - (v.managementServerMembers > 0 ? 1 : 0),
          managementServerObservers: v.managementServerObservers,
        };
        const mattersWithOneFewer = quorum(fewer, true).tolerableFailures > quorum(fewer, false).tolerableFailures;
        const data = { failures: q.configured.tolerableFailures, tolerates: plural(q.configured.tolerableFailures, 'failure'), members: v.members };
        yield atPool(a.pool, mattersWithOneFewer ? 'noBenefit' : 'noBenefitWithOneFewer', data);
      }
    }
  },
});
