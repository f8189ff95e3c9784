import { defineRule } from '../rule.js';

/**
 * Reported by the pipeline (src/core/pipeline.ts) when a rule throws or reports a message id it does not have: the file still gets every other rule's
 * findings, and the command exits 2 (src/cli/main.ts). No fixture can fire it (no rule is meant to fail); test/robustness.test.ts makes one fail.
 */
/** Its id, which the pipeline and the command line look for. */
export const INTERNAL_ERROR = 'internal-error';

export default defineRule({
  meta: {
    id: INTERNAL_ERROR,
    severity: 'error',
    fixed: 'a rule that fails is a bug in pooltopo, and the run exits with code 2 (CLI.md: an internal error); turn the failing rule off instead',
    category: 'format',
    description: 'a rule failed on this file because of a bug in pooltopo; the other rules still ran, and the run exits with code 2',
    rationale:
      'A failing rule must not hide the findings of the others, nor pass silently: the file is reported as not fully checked, and the run exits with code 2 (an internal error) whatever the configuration, so that a bug in pooltopo never passes a pipeline.',
    remediation:
      'Report it with the file (or a smaller one that shows it) and the message. Meanwhile the rule that failed (the message names it) can be turned off in .pooltopo.yaml.',
    sources: ['SPEC'],
    messages: {
      ruleFailed: 'Rule {{ruleId}} failed on this file ({{error}}), a bug in pooltopo to report; every other rule ran.',
      unknownMessage: 'Rule {{ruleId}} reported a message it does not have ("{{messageId}}"), a bug in pooltopo to report; its other findings stand.',
    },
  },
});
