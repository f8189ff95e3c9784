import { defineRule } from './context.js';

export default defineRule({
  meta: {
    id: 'database-on-management-server',
    severity: 'warning',
    category: 'quorum',
    description: 'the operational database shares a host with a management server',
    rationale:
      "It works, but that one host is then a single point of failure for both: when it goes down the default observer and a member vanish together, and with them every pool's majority in a two-server design.",
    remediation: 'Move the operational database to its own SQL Server host (ideally highly available, such as an Always On availability group).',
    sources: ['PFS', 'RPD'],
    messages: {
      colocated:
        'The operational database shares host "{{server}}" with a management server; a failure of that host takes away the default observer and a member at once.',
    },
  },
  *check({ topology }) {
    const host = topology.database.colocatedWith;
    if (host) yield { messageId: 'colocated', data: { server: host.name }, path: `${topology.database.path}/colocatedWith` };
  },
});
