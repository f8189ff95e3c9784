import { defineRule } from '../rule.js';

/** Reported by the suppression stage (src/core/pipeline.ts, from the directives of src/core/suppressions.ts). */
export default defineRule({
  meta: {
    id: 'invalid-suppression',
    severity: 'warning',
    category: 'format',
    description:
      'a `# pooltopo-disable…` comment names a rule that does not exist (neither a rule nor a policy), or one that cannot be suppressed (`yaml-syntax`, `schema`, `internal-error`)',
    rationale:
      'A mistyped rule id suppresses nothing: the finding it was meant for still shows, and the comment reads as if it had been accepted. ESLint reports such a comment the same way. A file that is not valid YAML or breaks the schema always fails the run, so a comment that names those rules cannot do what it says either.',
    remediation:
      "Correct the rule id (`pooltopo rules` lists them; a policy's id is the one in `.pooltopo.yaml`), or remove it from the comment; for `yaml-syntax` and `schema`, fix the file instead.",
    sources: ['SPEC'],
    messages: {
      unknownRule: 'This suppression names an unknown rule "{{ruleId}}"; correct it or remove it.',
      unknownRuleNear: 'This suppression names an unknown rule "{{ruleId}}"; did you mean "{{near}}"?',
      notSuppressible: 'This suppression names "{{ruleId}}", which cannot be suppressed: {{why}}.',
    },
  },
});
