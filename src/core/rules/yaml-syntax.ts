import { defineRule } from '../rule.js';

/** Why yaml-syntax and schema are fixed (RuleMeta.fixed). */
export const NOT_A_TOPOLOGY_FAILS = 'a file that is not valid YAML or breaks the schema is always an error, so that it fails the run; fix the file instead';

/** Reported by the reader (src/io/yaml/parse.ts) at the offending character. */
export default defineRule({
  meta: {
    id: 'yaml-syntax',
    severity: 'error',
    fixed: NOT_A_TOPOLOGY_FAILS,
    category: 'format',
    description: 'the file is not well-formed YAML (or JSON), or has duplicate keys',
    rationale:
      'A file that does not parse cannot be checked at all, and a duplicate key silently replaces the value written first, so the design reviewed is not the design deployed.',
    remediation:
      'Fix the YAML at the position given: indentation, an unclosed bracket or quote, or a key written twice. Tabs are not allowed for indentation. A file named `.json` must be JSON, which is stricter than YAML: no trailing comma, no comment, every key and string in double quotes.',
    sources: ['SPEC'],
    messages: {
      syntax: 'YAML syntax error: {{reason}}.',
      // Where a file named .json is not JSON (src/io/yaml/parse.ts, jsonProblem).
      jsonSyntax: 'JSON syntax error: {{reason}}; a file named .json must be JSON (fix it here, or rename the file .yaml).',
    },
  },
});
