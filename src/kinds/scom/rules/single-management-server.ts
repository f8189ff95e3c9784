import { defineRule } from './context.js';

export default defineRule({
  meta: {
    id: 'single-management-server',
    severity: 'warning',
    category: 'quorum',
    description: 'the management group has one management server',
    rationale:
      "With one management server nothing takes over its agents, pools and the management group's own workflows when it is down; the product group recommends at least two.",
    remediation: 'Add a second management server (in the same data centre, close to the operational database).',
    sources: ['RPD', 'PFS'],
    messages: {
      single: 'The management group has only one management server ("{{name}}"); add a second so that agents and pools can fail over.',
    },
  },
  *check({ topology }) {
    const [only] = topology.managementServers;
    if (topology.managementServers.length === 1 && only) {
      yield { messageId: 'single', data: { name: only.name }, path: only.path };
    }
  },
});
