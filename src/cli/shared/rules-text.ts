/** `pooltopo rules`: the rule list and one rule's documentation, from each rule's metadata. */
import type { RuleDescriptor } from '../../rules/descriptors.js';

export function formatRuleList(rules: readonly RuleDescriptor[]): string {
  const idWidth = Math.max(...rules.map((r) => r.id.length));
  const lines = [...rules].sort((a, b) => (a.id < b.id ? -1 : 1)).map((r) => `${r.id.padEnd(idWidth)}  ${r.severity.padEnd(7)}  ${r.description}`);
  return `${lines.join('\n')}\n\n${rules.length} rules. pooltopo rules RULE-ID explains one.\n`;
}

export function formatRuleDoc(rule: RuleDescriptor, unconfirmed?: string): string {
  return [
    `${rule.id} (${rule.severity}, ${rule.category})`,
    '',
    `Fires when ${rule.description}.`,
    '',
    'Why:',
    `  ${rule.rationale}`,
    '',
    'What to do:',
    `  ${rule.remediation}`,
    '',
    'Source:',
    ...rule.sources.map((s) => `  - ${s}`),
    ...(unconfirmed ? ['', `Unconfirmed: ${unconfirmed} No primary source was found; pooltopo encodes the figure its spec gives.`] : []),
    '',
    `More: ${rule.helpUri}`,
    '',
  ].join('\n');
}
