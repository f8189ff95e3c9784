import type { ModelIssue } from '../model.js';
import { defineRule, issuesOf } from '../rule.js';

export default defineRule<{ readonly issues: readonly ModelIssue[] }>({
  meta: {
    id: 'unknown-reference',
    severity: 'error',
    category: 'references',
    description: 'a name refers to nothing defined in the file',
    rationale:
      'A pool member, observer, gateway target, latency end or data centre that is not defined cannot be counted, so every figure that depends on it would be wrong.',
    remediation: 'Define the server or data centre, or correct the name (names compare case-insensitively, like Windows host names).',
    sources: ['SPEC'],
    // Each kind words its own references (its issueMessages); the registry adds them here.
    messages: {},
  },
  check: (context) => issuesOf(context, 'unknown-reference'),
});
