import type { ModelIssue } from '../model.js';
import { defineRule, issuesOf } from '../rule.js';

export default defineRule<{ readonly issues: readonly ModelIssue[] }>({
  meta: {
    id: 'duplicate-name',
    severity: 'error',
    category: 'references',
    description: 'two servers or data centres share a name (case-insensitively)',
    rationale: 'Management servers, gateways and data centres share one namespace compared case-insensitively (Windows host names); a name used twice makes every reference to it ambiguous.',
    remediation: 'Rename one of them, or remove the repeated entry. The operational database may share a management server\'s name only with `colocatedWith` naming that server.',
    sources: ['SPEC'],
    messages: {
      duplicate: '"{{name}}" ({{kind}}) has the same name as {{firstKind}} "{{first}}"; names are unique case-insensitively.',
      duplicateFrontEnd: '"{{name}}" (front end) has the same name as front end "{{first}}" in pool "{{firstPool}}"; names are unique case-insensitively.',
      databaseServer: 'The operational database\'s server "{{name}}" is also a {{kind}}; if the database shares that host, say so with `colocatedWith`.',
      listenerIsNode: 'The operational database\'s server "{{name}}" is also a node of its cluster; with a cluster, `server` is the listener or network name.',
      listedTwice: '"{{name}}" is listed twice in `{{list}}`; remove the repeat.',
      memberAndObserver: '"{{name}}" is listed in both `members` and `observers`; a server is one or the other in a pool.',
      duplicatePool: 'Pool "{{name}}" is defined twice (first as "{{first}}"); merge the two entries.',
    },
  },
  check: (context) => issuesOf(context, 'duplicate-name'),
});
