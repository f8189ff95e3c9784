import { defineRule } from '../rule.js';

/** Reported by the suppression stage (src/core/suppressions.ts). */
export default defineRule({
  meta: {
    id: 'suppression-without-reason',
    severity: 'warning',
    category: 'format',
    description: 'a `# pooltopo-disable…` comment gives no reason after `--`',
    rationale:
      "A suppressed finding is a design decision; without the reason, the next reviewer cannot tell an accepted risk from a silenced mistake. The reason also appears in SARIF as the suppression's justification.",
    remediation: 'Write the reason after two dashes: `# pooltopo-disable-next-line pool-spans-data-centers -- stretched on purpose, see ADR-12`.',
    sources: ['SPEC'],
    messages: {
      noReason: 'This suppression gives no reason; add one after "--" so reviewers know why the finding is accepted.',
    },
  },
});
