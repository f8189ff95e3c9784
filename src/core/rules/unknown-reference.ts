import type { ModelIssue } from '../model.js';
import { defineRule, issuesOf } from '../rule.js';

export default defineRule<{ readonly issues: readonly ModelIssue[] }>({
  meta: {
    id: 'unknown-reference',
    severity: 'error',
    category: 'references',
    description: 'a name refers to nothing defined in the file',
    rationale: 'A pool member, observer, gateway target, latency end or data centre that is not defined cannot be counted, so every figure that depends on it would be wrong.',
    remediation: 'Define the server or data centre, or correct the name (names compare case-insensitively, like Windows host names).',
    sources: ['SPEC'],
    messages: {
      dataCenter: 'Data centre "{{name}}" is not defined in `dataCenters`; define it or correct the name.',
      managementServer: '"{{name}}" is not a management server defined in `managementServers`; define it or correct the name.',
      notManagementServer: '"{{name}}" is a gateway, not a management server; name a management server here.',
      poolMember: '"{{name}}" in pool "{{pool}}" is neither a management server nor a gateway defined in the file.',
      pairedPool: 'Paired pool "{{name}}" is not defined in `pools`; define it or correct the name.',
      reportsTo: '"{{name}}", which gateway "{{gateway}}" reports to, is neither a management server nor a gateway defined in the file; define it or correct the name.',
      failoverServer: '"{{name}}", where the agents of "{{server}}" fail over, is neither a management server nor a gateway defined in the file; define it or correct the name.',
      latencyEnd: 'Latency end "{{name}}" names no server, data centre or the operational database\'s server.',
    },
  },
  check: (context) => issuesOf(context, 'unknown-reference'),
});
