import { UNCONFIRMED } from '../../../domain/facts.js';
import { plural, type Problem } from '../../../core/rule.js';
import { defineRule, passedOverText } from './context.js';
import { namesOrMore } from '../../../core/headline.js';
import { powerShellString } from '../../../util/powershell.js';
import { WORKLOAD_LABELS } from './workload-labels.js';

export default defineRule({
  meta: {
    id: 'capacity-after-failover',
    severity: 'warning',
    category: 'capacity',
    description:
      'a workload fits with every member up but not after the pool\'s tolerable failures, or a server\'s agents after the worst single failure (FORMAT.md, "Agents after failures") exceed a limit',
    rationale:
      'High availability is only real if the servers left after a failure can carry the work of those that failed: a pool that tolerates one failure on paper but is then over its per-server limits degrades exactly when it is needed.',
    remediation:
      "Add members (or management servers) until the workload fits on the servers left after the tolerable failures, or move part of the workload to another pool. For Windows agents the finding names whose agents go over a limit and the server they reach: a server's agents go whole to the first server in its `failoverServers` that is still connected after the failure (spread over the connected management servers only where it names none), which is not the first of the list where that one is down or cut off by the same failure. Where the management servers' agents are more than the servers left after one fails can take together ((n - 1) x the limit), no list helps: add management servers and spread the agents over all of them (`pooltopo plan` gives how many). Otherwise put a server with room for them, one that stays connected then, ahead of the one they reach (`Get-SCOMAgent | Where-Object PrimaryManagementServerName -eq SERVER | Set-SCOMParentManagementServer -FailoverServer (Get-SCOMManagementServer -Name OTHER)`, and `failoverServers` in the file), or move part of the agents to another server.",
    sources: ['SR', 'SPEC'],
    unconfirmed: UNCONFIRMED.limits2012R2,
    messages: {
      poolWorkload:
        '{{Pool}} carries {{total}} {{item}}: after {{afterFailures}} its {{remaining}} would carry {{perMember}} each, over the recommended limit of {{limit}} for each; add members or move part of the workload to another pool.',
      poolWorkloadOneLeft:
        '{{Pool}} carries {{total}} {{item}}: after {{afterFailures}} its one remaining member would carry them all, over the recommended limit of {{limit}}; add members or move part of the workload to another pool.',
      agentsToFirst:
        "If {{failed}} fails, {{moved}} fail over to {{server}}, the first server in {{owner}}'s failover list, and {{server}} would carry {{agents}} Windows agents{{also}}, over the recommended limit of {{limit}} for a {{role}}; make the first server in that list one with room for them, or move part of {{owner}}'s agents to another server: `{{command}}`, and list it first in `failoverServers`.",
      agentsPastFirst:
        "If {{failed}} fails, {{moved}} fail over to {{server}}, the first server in {{owner}}'s failover list that is still connected ({{passedOver}}), and {{server}} would carry {{agents}} Windows agents{{also}}, over the recommended limit of {{limit}} for a {{role}}; put a server with room for them that stays connected then ahead of {{server}} in that list, or move part of {{owner}}'s agents to another server: `{{command}}`, and list it before {{server}} in `failoverServers`.",
      agentsNoRoom:
        'If {{failed}} fails, {{moved}} {{go}}, and {{server}} would carry {{agents}} Windows agents{{also}}, over the recommended limit of {{limit}} for a management server; no failover list can avoid it: the {{managementServers}} management servers carry {{total}} Windows agents, more than the {{leftServers}} left after one fails can take ({{capacity}}); add {{add}} and move part of the agents to {{them}} (`Set-SCOMParentManagementServer -Agent ... -PrimaryServer ...`), as `pooltopo plan` lays out.',
      agentsSpread:
        "If {{failed}} fails, {{moved}} {{spread}}, as {{owner}} names no failover server, and {{server}} would carry {{agents}} Windows agents{{also}}, over the recommended limit of {{limit}} for a {{role}}; add a management server, or name a failover server with room for {{owner}}'s agents: `{{command}}`, and list it in `failoverServers`.",
    },
  },
  *check({ analysis }): Iterable<Problem> {
    for (const a of analysis.pools) {
      for (const c of a.capacity) {
        if (!c.fits || c.fitsAfterFailover) continue;
        yield {
          messageId: c.membersAfterFailover === 1 ? 'poolWorkloadOneLeft' : 'poolWorkload',
          data: {
            pool: a.pool.name,
            total: c.total,
            item: WORKLOAD_LABELS[c.item],
            failures: a.quorum.configured.tolerableFailures,
            left: c.membersAfterFailover,
            afterFailures: plural(a.quorum.configured.tolerableFailures, 'failure'),
            remaining: plural(c.membersAfterFailover, 'remaining member'),
            perMember: c.perMemberAfterFailover ?? 0,
            limit: c.limit,
          },
          path: `${a.pool.path}/workload/${c.item}`,
          pool: a.pool.name,
        };
      }
    }
    // The worst single failure, under the failure model (FORMAT.md, "Agents after failures"): the
    // advice is about the agents the model sends to the overloaded server, by the list that sends
    // them, not about the failed server's list (its agents may go elsewhere, or nowhere) nor the
    // first server of a list (it may be down or cut off by the same failure).
    const w = analysis.worstAgentFailure;
    if (w) {
      const [main, ...others] = w.arrivals;
      const owner = main.from;
      const ownerServer = owner.server!;
      const data = {
        failed: w.failed.name,
        server: w.server.name,
        agents: w.agents,
        limit: w.limit,
        role: w.server.role === 'gateway' ? 'gateway' : 'management server',
        owner: owner.name,
        moved: owner === w.failed ? `its ${plural(main.agents, 'agent')}` : `the ${plural(main.agents, 'agent')} of ${owner.name} (cut off)`,
        also: others.length > 0 ? `, those of ${namesOrMore(others.map((m) => m.from.name))} included` : '',
        command: `Get-SCOMAgent | Where-Object PrimaryManagementServerName -eq ${powerShellString(owner.name)} | Set-SCOMParentManagementServer -FailoverServer (Get-SCOMManagementServer -Name SERVER)`,
      };
      // Where spread agents go, in words (for a spread only).
      const spread =
        main.spreadOver === 1
          ? `go to ${w.server.name}, the only management server still connected`
          : `are spread over the ${plural(main.spreadOver, 'management server')} still connected`;
      const f = analysis.capacity.agentFailover;
      // The management servers' agents exceed what n - 1 of them can take: whichever fails, the others
      // cannot carry them all, so no failover list (nor moving agents between the servers there are)
      // helps. Only more management servers do (the count `plan` gives).
      if (w.server.role !== 'gateway' && f && !f.fits) {
        const go = main.how === 'spread' ? spread : `fail over to ${w.server.name}`;
        yield {
          messageId: 'agentsNoRoom',
          data: Object.assign({}, data, {
            go,
            managementServers: f.managementServers,
            total: f.agents,
            left: f.managementServers - 1,
            leftServers: plural(f.managementServers - 1, 'server'),
            capacity: f.limit,
            add: plural(f.addManagementServers, 'management server'),
            them: f.addManagementServers === 1 ? 'it' : 'them',
            addManagementServers: f.addManagementServers,
          }),
          path: main.how === 'spread' ? ownerServer.path : `${ownerServer.path}/failoverServers`,
        };
        return;
      }
      if (main.how === 'spread') {
        yield { messageId: 'agentsSpread', data: Object.assign({}, data, { spreadOver: main.spreadOver, spread }), path: ownerServer.path };
      } else {
        const passedOver = passedOverText(main.passedOver);
        yield {
          messageId: passedOver ? 'agentsPastFirst' : 'agentsToFirst',
          data: passedOver ? Object.assign({}, data, { passedOver }) : data,
          path: `${ownerServer.path}/failoverServers`,
        };
      }
    }
  },
});
