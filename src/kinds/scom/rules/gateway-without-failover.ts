import { defineRule, passedOverText } from './context.js';
import { plural } from '../../../core/rule.js';
import { namesOrMore } from '../../../core/headline.js';
import { powerShellString } from '../../../util/powershell.js';
import { agentLoad, type AgentMove } from '../analysis/what-if.js';

export default defineRule({
  meta: {
    id: 'gateway-without-failover',
    severity: 'warning',
    category: 'quorum',
    description:
      'a gateway reports to fewer than two servers (management servers, or gateways for a chained gateway), or its failover reports only through its primary',
    rationale:
      "A gateway with one parent is cut off whenever that server is down; a failover server keeps it reporting, with its agents. Without one its agents go to their own failover servers where it names them (`failoverServers`), and are unmonitored where it names none. A chained gateway reports to another gateway, which then needs its own failover too: a failover gateway that reports only through the primary (or all of a gateway's parents through one server) is no failover, since losing that one server cuts them all off.",
    remediation:
      'Give the gateway a failover server with `Set-SCOMParentManagementServer -GatewayServer (Get-SCOMGatewayManagementServer -Name GW) -FailoverServer (Get-SCOMManagementServer -Name MS)` and list it after the primary in `reportsTo` (or `managementServers`).',
    sources: ['GW', 'PS-SCOM', 'GW-CHAIN'],
    messages: {
      noFailover:
        'Gateway "{{name}}" reports to {{servers}}; give it a failover server so its agents keep reporting: `Set-SCOMParentManagementServer -GatewayServer (Get-SCOMGatewayManagementServer -Name {{nameArgument}}) -FailoverServer (Get-SCOMManagementServer -Name SERVER)`, and list it in `reportsTo`.',
      noFailoverAgentsListed:
        'Gateway "{{name}}" reports to {{servers}}: while {{parent}} is down it is cut off and its agents go to the first server in its `failoverServers` that is still connected, if any; give it a failover server so it keeps reporting with them: `Set-SCOMParentManagementServer -GatewayServer (Get-SCOMGatewayManagementServer -Name {{nameArgument}}) -FailoverServer (Get-SCOMManagementServer -Name SERVER)`, and list it in `reportsTo`.',
      failoverThroughOne:
        'Gateway "{{name}}" reports to {{servers}}, but {{through}} is on every path from it to the management group, through {{relays}} as well: losing {{through}} alone cuts it off, so it has no failover; give it a failover server that does not report through {{through}}: `Set-SCOMParentManagementServer -GatewayServer (Get-SCOMGatewayManagementServer -Name {{nameArgument}}) -FailoverServer (Get-SCOMManagementServer -Name SERVER)`, and list it in `reportsTo`.',
      failoverCutOff:
        'Gateway "{{name}}" reports to {{servers}}, but {{cutOff}} {{isOrAre}} cut off even with every server up, so {{through}} is on every path from it to the management group: losing {{through}} alone cuts it off, so it has no failover; give it a failover server that reaches the management group without {{through}}: `Set-SCOMParentManagementServer -GatewayServer (Get-SCOMGatewayManagementServer -Name {{nameArgument}}) -FailoverServer (Get-SCOMManagementServer -Name SERVER)`, and list it in `reportsTo`.',
      // One management server in the group: there is no server to name, so the advice starts with adding one.
      onlyManagementServer:
        'Gateway "{{name}}" reports to {{parent}}, the management group\'s only management server, so no server can take it over while {{parent}} is down; add a second management server and make it the failover: `Set-SCOMParentManagementServer -GatewayServer (Get-SCOMGatewayManagementServer -Name {{nameArgument}}) -FailoverServer (Get-SCOMManagementServer -Name NEW-SERVER)`, and list it in `reportsTo`.',
      noParent: 'Gateway "{{name}}" reports to no server, so it and its agents are cut off; name its primary and a failover server in `reportsTo`.',
      noParentAgentsMoved:
        'Gateway "{{name}}" reports to no server, so it is cut off and its {{agents}} go to {{to}}, the first server in its `failoverServers` that is connected{{past}}; name its primary and a failover server in `reportsTo`.',
    },
  },
  *check({ topology, analysis }) {
    // Where the agents of a gateway that reports to no server go, with nothing down: the failure
    // model's answer, worked out once and only for a file that has such a gateway with agents.
    let movesNow: readonly AgentMove[] | undefined;
    for (const g of topology.gateways) {
      const path = g.reportsToKey ? `${g.path}/${g.reportsToKey}` : g.path;
      if (g.reportsTo.length >= 2) {
        // Two parents are a failover only where no one server's loss cuts off both (the failure model's answer).
        const through = analysis.gatewaySinglePoints.get(analysis.model.hostOf.get(g)!);
        if (!through) continue;
        const others = g.reportsTo.filter((p) => p.name !== through.name);
        // A parent cut off with everything up is no path at all, not one through `through` as well.
        const connected = analysis.baseline.state.connected;
        const cutOff = others.filter((p) => !connected[analysis.model.hostOf.get(p)!.index]).map((p) => p.name);
        const data = {
          name: g.name,
          nameArgument: powerShellString(g.name),
          count: g.reportsTo.length,
          servers: namesOrMore(g.reportsTo.map((p) => p.name)),
          through: through.name,
        };
        yield cutOff.length > 0
          ? {
              messageId: 'failoverCutOff',
              data: Object.assign(data, { cutOff: namesOrMore(cutOff), isOrAre: cutOff.length === 1 ? 'is' : 'are' }),
              path,
              at: 'key' as const,
            }
          : { messageId: 'failoverThroughOne', data: Object.assign(data, { relays: namesOrMore(others.map((p) => p.name)) }), path, at: 'key' as const };
        continue;
      }
      const only = g.reportsTo[0];
      // Its own agents fail over by its list where it names one (FORMAT.md, "Agents after failures"):
      // they are not cut off with it.
      const listed = g.agents > 0 && g.failoverServers.length > 0;
      if (only) {
        const servers = `${only.role === 'gateway' ? 'one gateway' : 'one management server'}, ${only.name}`;
        // For PowerShell: the name quoted so that nothing in it is read as code.
        const data = { name: g.name, nameArgument: powerShellString(g.name), count: g.reportsTo.length, servers };
        yield only.role === 'management-server' && topology.managementServers.length === 1
          ? { messageId: 'onlyManagementServer', data: Object.assign({}, data, { parent: only.name }), path, at: 'key' as const }
          : listed
            ? { messageId: 'noFailoverAgentsListed', data: Object.assign({}, data, { parent: only.name }), path, at: 'key' as const }
            : { messageId: 'noFailover', data, path, at: 'key' as const };
        continue;
      }
      const data = { name: g.name, count: 0, servers: 'no server' };
      const host = analysis.model.hostOf.get(g)!;
      const move = listed ? (movesNow ??= agentLoad(analysis.model, analysis.baseline.state).moves).find((m) => m.from === host) : undefined;
      if (move?.how !== 'listed' || !move.to) {
        yield { messageId: 'noParent', data, path, at: 'key' };
        continue;
      }
      const past = passedOverText(move.passedOver);
      yield {
        messageId: 'noParentAgentsMoved',
        data: Object.assign({}, data, { agents: plural(move.agents, 'agent'), to: move.to.name, past: past ? ` (${past})` : '' }),
        path,
        at: 'key',
      };
    }
  },
});
