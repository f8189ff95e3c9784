import { UNCONFIRMED } from '../../../domain/facts.js';
import { plural } from '../../../core/rule.js';
import { atPool, defineRule } from './context.js';
import { evaluate, failureOf } from '../analysis/failure/index.js';
import { unreachableParents } from '../analysis/what-if.js';
import { namesOrMore } from '../../../core/headline.js';
import { poolDataCenters } from '../analysis/data-centers.js';

export default defineRule({
  meta: {
    id: 'data-center-loss',
    severity: 'warning',
    category: 'data-centers',
    description: "a pool whose voters span data centres stops when one data centre other than the operational database's is lost",
    rationale:
      'Stretching a pool across sites is often meant to survive a site failure, but quorum needs more than half of all voters: losing the site that holds half or more of them stops the pool even though the other site is healthy.',
    remediation:
      "Give each site its own pool (for a default pool: make it manual with `Get-SCOMResourcePool -DisplayName POOL | Set-SCOMResourcePool -EnableAutomaticMembership $false` and remove the other sites' management servers from it: `Get-SCOMResourcePool -DisplayName POOL | Set-SCOMResourcePool -Member (Get-SCOMManagementServer -Name SERVER) -Action Remove`, since a pool made manual keeps the members it had, then list it in the file with `membership: manual`); give a pool of gateways cut off by a site's loss failover servers that reach the management group without that site (a server they list in another data centre is no way out if it reports through the lost one); `pooltopo simulate --down DC` shows the outcome.",
    sources: ['RPD', 'SPEC'],
    unconfirmed: UNCONFIRMED.mixedPoolObserver,
    messages: {
      stops:
        '{{Pool}} stops when data centre "{{dataCenter}}" is lost: {{votes}} left, {{votesNeeded}} needed, {{members}} left; keep the pool within one data centre (a pool of its own for each site), so that a site\'s loss takes only its own pool.',
      cutOff:
        '{{Pool}} is cut off when data centre "{{dataCenter}}" is lost: it keeps quorum, but none of its running members reaches a connected management server; give its gateways a failover server in another data centre.',
      cutOffWithOthers:
        '{{Pool}} is cut off when data centre "{{dataCenter}}" is lost: it keeps quorum, but none of its running members reaches a connected management server, and {{cutOff}}, on its gateways\' lists outside that data centre, {{isOrAre}} cut off with it; give its gateways a failover server that reaches the management group without "{{dataCenter}}".',
    },
  },
  *check({ topology, analysis }) {
    const model = analysis.model;
    for (const [p, a] of analysis.pools.entries()) {
      if (a.dataCenters.length < 2) continue;
      // A pool whose own servers share one site spans others only by its default observer: losing
      // that site takes all its members, as it would a pool within one site (pool-spans-data-centers says the rest).
      const own = poolDataCenters(topology, a.pool, false);
      const onlySite = own.length === 1 ? own[0]!.name : undefined;
      for (const loss of a.dataCenterLoss) {
        if (loss.survives || loss.databaseLost || loss.dataCenter === onlySite) continue;
        const data = {
          dataCenter: loss.dataCenter,
          votesLeft: loss.votesLeft,
          votesNeeded: loss.votesNeeded,
          membersLeft: loss.membersLeft,
          votes: plural(loss.votesLeft, 'vote'),
          members: plural(loss.membersLeft, 'member'),
        };
        if (loss.outcome !== 'cut-off') {
          yield atPool(a.pool, 'stops', data);
          continue;
        }
        // The servers the gateways list that are outside the data centre but cut off with it (the
        // failure model's answer): "a failover server in another data centre" is one they have.
        const dc = model.dataCenters.find((d) => d.name === loss.dataCenter)!;
        const state = evaluate(model, failureOf(model, { dataCenters: [dc] }));
        const others = unreachableParents(model, state, model.pools[p]!)
          .filter((u) => !u.down)
          .map((u) => u.host.name);
        yield others.length === 0
          ? atPool(a.pool, 'cutOff', data)
          : atPool(a.pool, 'cutOffWithOthers', Object.assign({}, data, { cutOff: namesOrMore(others), isOrAre: others.length === 1 ? 'is' : 'are' }));
      }
    }
  },
});
