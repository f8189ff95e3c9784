import { defineRule } from '../rule.js';

/** Reported by the suppression stage (src/core/suppressions.ts) with --report-unused-disable. */
export default defineRule({
  meta: {
    id: 'unused-suppression',
    severity: 'warning',
    category: 'format',
    description: 'a `# pooltopo-disable…` comment suppresses nothing (reported with `--report-unused-disable`)',
    rationale:
      'A suppression that matches no finding is either left over from a fixed problem or mistyped (a wrong rule id, or a comment on the wrong line); either way it would silently hide a future finding.',
    remediation: 'Remove the comment, or correct its rule id or its line.',
    sources: ['SPEC'],
    messages: {
      unused: 'This suppression suppresses nothing; remove it or correct it.',
      unusedRule: 'This suppression of "{{ruleId}}" suppresses nothing; remove that rule id or correct it.',
    },
  },
});
