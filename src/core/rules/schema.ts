import type { ModelIssue } from '../model.js';
import { defineRule, issuesOf } from '../rule.js';
import { NOT_A_TOPOLOGY_FAILS } from './yaml-syntax.js';

/** Reported by the schema stage (src/io/schema.ts) at the offending node; the model adds values the schema cannot judge. */
export default defineRule<{ readonly issues: readonly ModelIssue[] }>({
  meta: {
    id: 'schema',
    severity: 'error',
    fixed: NOT_A_TOPOLOGY_FAILS,
    category: 'format',
    description: 'the document violates the topology schema (one finding per violation, at its node)',
    rationale:
      'pooltopo can only compute quorum and capacity from a file it understands; an unknown key is usually a typo that would otherwise be ignored silently.',
    remediation:
      'Correct the value or key at the position given, as schemas/topology.schema.json and FORMAT.md describe. Add the modeline `# yaml-language-server: $schema=...` to get completion in your editor.',
    sources: ['SPEC'],
    messages: {
      violation: '{{message}}',
      empty: 'The file is empty: a topology needs at least `version`, `name` and `managementServers`.',
      notATopology: "{{message}} The file has none of a pooltopo topology's keys: another tool's file is left out with `ignore` in .pooltopo.yaml.",
      unknownKind: 'Unknown kind "{{kind}}": pooltopo knows {{known}}.',
      missingKind:
        'The file has no `kind`, and its keys are those of a {{kind}} topology: add `kind: {{kind}}` (without it a file is read as a SCOM management group).',
      kindNotText: 'The kind must be one of {{known}}, not {{actual}}.',
    },
  },
  check: (context) => issuesOf(context, 'schema'),
});
