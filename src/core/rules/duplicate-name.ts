import type { ModelIssue } from '../model.js';
import { defineRule, issuesOf } from '../rule.js';

export default defineRule<{ readonly issues: readonly ModelIssue[] }>({
  meta: {
    id: 'duplicate-name',
    severity: 'error',
    category: 'references',
    description: 'two servers or data centres share a name (case-insensitively)',
    rationale:
      'Management servers, gateways and data centres share one namespace compared case-insensitively (Windows host names); a name used twice makes every reference to it ambiguous.',
    remediation:
      "Rename one of them, or remove the repeated entry. The operational database may share a management server's name only with `colocatedWith` naming that server.",
    sources: ['SPEC'],
    messages: {
      duplicate: '"{{name}}" ({{kind}}) has the same name as {{firstKind}} "{{first}}"; names are unique case-insensitively.',
    },
  },
  check: (context) => issuesOf(context, 'duplicate-name'),
});
