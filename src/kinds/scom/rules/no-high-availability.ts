import { UNCONFIRMED } from '../../../domain/facts.js';
import { plural } from '../../../core/rule.js';
import { atPool, defineRule } from './context.js';

export default defineRule({
  meta: {
    id: 'no-high-availability',
    severity: 'warning',
    category: 'quorum',
    description: "a pool's tolerable failures are 0 (below the configured `targetTolerableFailures`, default 1)",
    rationale:
      'A pool works while more than half of its voting members are available and at least one member runs its workflows. With 0 tolerable failures the loss of any one member stops the pool and the monitoring it carries.',
    remediation:
      'Add members until the pool tolerates a failure (`pooltopo plan` shows the smallest change): two management servers with the default observer, or three gateways for a gateway pool.',
    sources: ['RPD'],
    unconfirmed: UNCONFIRMED.mixedPoolObserver,
    messages: {
      noFailureTolerated: '{{Pool}} tolerates no failure ({{votingMembers}}, {{needed}} needed); add members so it survives losing one.',
      mixedObserver:
        "{{Pool}} tolerates {{tolerates}} ({{votingMembers}}, {{needed}} needed): losing its management servers takes the default observer's vote with them; with the default observer disabled (`Get-SCOMResourcePool -DisplayName {{poolNames}} | ForEach-Object { $_.UseDefaultObserver = $false; $_.ApplyChanges() }`) it tolerates {{without}}, and better still, keep gateways and management servers in separate pools.",
      belowTarget: '{{Pool}} tolerates {{tolerates}}, below the target of {{target}} ({{votingMembers}}, {{needed}} needed); add members.',
    },
  },
  *check({ analysis, settings }) {
    const target = settings.targetTolerableFailures;
    for (const a of analysis.pools) {
      const q = a.quorum.configured;
      // A pool without members never runs: pool-without-members says so, and "add members" here would repeat it.
      if (q.tolerableFailures >= target || a.pool.members.length === 0) continue;
      const data = {
        voters: q.votingMembers,
        needed: q.votesNeeded,
        failures: q.tolerableFailures,
        target,
        votingMembers: plural(q.votingMembers, 'voting member'),
        tolerates: plural(q.tolerableFailures, 'failure'),
      };
      const without = a.quorum.withoutDefaultObserver.tolerableFailures;
      // A mixed pool can be worse with the default observer than without: say so rather than "add members".
      const messageId =
        a.quorum.defaultObserver.participates && without > q.tolerableFailures
          ? 'mixedObserver'
          : q.tolerableFailures === 0
            ? 'noFailureTolerated'
            : 'belowTarget';
      yield atPool(a.pool, messageId, messageId === 'mixedObserver' ? Object.assign({}, data, { without: plural(without, 'failure') }) : data);
    }
  },
});
