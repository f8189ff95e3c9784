import { defineRule } from '../types.js';

/**
 * Reported by the pipeline (src/lint.ts) when a rule throws: the file still gets every other rule's
 * findings. No fixture can fire it (no rule is meant to fail); test/robustness.test.ts makes one fail.
 */
export default defineRule({
  meta: {
    id: 'internal-error',
    severity: 'error',
    category: 'format',
    description: 'a rule failed on this file because of a bug in pooltopo; the other rules still ran',
    rationale: 'A failing rule must not hide the findings of the others, nor pass silently: the file is reported as not fully checked.',
    remediation: 'Report it with the file (or a smaller one that shows it) and the message. Meanwhile the rule can be turned off in .pooltopo.yaml.',
    sources: ['SPEC'],
    messages: {
      ruleFailed: 'Rule {{ruleId}} failed on this file ({{error}}); please report it. Every other rule ran.',
    },
  },
});
