import { UNCONFIRMED } from '../../../domain/facts.js';
import { plural } from '../../../core/rule.js';
import { atPool, defineRule } from './context.js';

export default defineRule({
  meta: {
    id: 'data-center-loss',
    severity: 'warning',
    category: 'data-centers',
    description: "a pool whose voters span data centres stops when one data centre other than the operational database's is lost",
    rationale:
      'Stretching a pool across sites is often meant to survive a site failure, but quorum needs more than half of all voters: losing the site that holds half or more of them stops the pool even though the other site is healthy.',
    remediation:
      "Give each site its own pool (for a default pool: make it manual with `Get-SCOMResourcePool -DisplayName POOL | Set-SCOMResourcePool -EnableAutomaticMembership $false` and remove the other sites' management servers from it: `Get-SCOMResourcePool -DisplayName POOL | Set-SCOMResourcePool -Member (Get-SCOMManagementServer -Name SERVER) -Action Remove`, since a pool made manual keeps the members it had, then list it in the file with `membership: manual`); `pooltopo simulate --down DC` shows the outcome.",
    sources: ['RPD', 'SPEC'],
    unconfirmed: UNCONFIRMED.mixedPoolObserver,
    messages: {
      stops:
        '{{Pool}} stops when data centre "{{dataCenter}}" is lost: {{votes}} left, {{votesNeeded}} needed, {{members}} left; keep the pool within one data centre (a pool of its own for each site), so that a site\'s loss takes only its own pool.',
      cutOff:
        '{{Pool}} is cut off when data centre "{{dataCenter}}" is lost: it keeps quorum, but none of its running members reaches a connected management server; give its gateways a failover server in another data centre.',
    },
  },
  *check({ analysis }) {
    for (const a of analysis.pools) {
      if (a.dataCenters.length < 2) continue;
      for (const loss of a.dataCenterLoss) {
        if (loss.survives || loss.databaseLost) continue;
        yield atPool(a.pool, loss.outcome === 'cut-off' ? 'cutOff' : 'stops', {
          dataCenter: loss.dataCenter,
          votesLeft: loss.votesLeft,
          votesNeeded: loss.votesNeeded,
          membersLeft: loss.membersLeft,
          votes: plural(loss.votesLeft, 'vote'),
          members: plural(loss.membersLeft, 'member'),
        });
      }
    }
  },
});
