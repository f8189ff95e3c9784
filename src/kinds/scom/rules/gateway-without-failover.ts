import { defineRule } from './context.js';

export default defineRule({
  meta: {
    id: 'gateway-without-failover',
    severity: 'warning',
    category: 'quorum',
    description: 'a gateway reports to fewer than two servers (management servers, or gateways for a chained gateway)',
    rationale:
      'A gateway with one parent is cut off, with all its agents, whenever that server is down; a failover server keeps its agents reporting. A chained gateway reports to another gateway, which then needs its own failover too.',
    remediation:
      'Give the gateway a failover server with `Set-SCOMParentManagementServer -GatewayServer (Get-SCOMGatewayManagementServer -Name GW) -FailoverServer (Get-SCOMManagementServer -Name MS)` and list it after the primary in `reportsTo` (or `managementServers`).',
    sources: ['GW', 'PS-SCOM', 'GW-CHAIN'],
    messages: {
      noFailover:
        'Gateway "{{name}}" reports to {{servers}}; give it a failover server so its agents keep reporting: Set-SCOMParentManagementServer -GatewayServer (Get-SCOMGatewayManagementServer -Name "{{name}}") -FailoverServer (Get-SCOMManagementServer -Name SERVER), and list it in `reportsTo`.',
      noParent: 'Gateway "{{name}}" reports to no server, so it and its agents are cut off; name its primary and a failover server in `reportsTo`.',
    },
  },
  *check({ topology }) {
    for (const g of topology.gateways) {
      if (g.reportsTo.length < 2) {
        const only = g.reportsTo[0];
        const servers = only ? `${only.role === 'gateway' ? 'one gateway' : 'one management server'}, ${only.name}` : 'no server';
        const path = g.reportsToKey ? `${g.path}/${g.reportsToKey}` : g.path;
        yield { messageId: only ? 'noFailover' : 'noParent', data: { name: g.name, count: g.reportsTo.length, servers }, path, at: 'key' };
      }
    }
  },
});
