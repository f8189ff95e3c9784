import { defineRule, plural } from '../../../rules/types.js';

export default defineRule({
  meta: {
    id: 'gateway-without-failover',
    severity: 'warning',
    category: 'quorum',
    description: 'a gateway reports to fewer than two management servers',
    rationale: 'A gateway with one management server is cut off, with all its agents, whenever that server is down; a failover management server keeps its agents reporting.',
    remediation: 'Configure a failover management server for the gateway (with PowerShell) and list it after the primary in `managementServers`.',
    sources: ['RPD'],
    messages: {
      noFailover: 'Gateway "{{name}}" reports to {{servers}}; add a failover management server so its agents keep reporting.',
    },
  },
  *check({ topology }) {
    for (const g of topology.gateways) {
      if (g.reportsTo.length < 2) {
        yield { messageId: 'noFailover', data: { name: g.name, count: g.reportsTo.length, servers: plural(g.reportsTo.length, 'management server') }, path: `${g.path}/managementServers`, at: 'key' };
      }
    }
  },
});
