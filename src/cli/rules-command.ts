/** `pooltopo rules`: the rule list and one rule's documentation, from each rule's metadata. */
import { SOURCES, type Source } from '../domain/facts.js';
import type { Rule } from '../rules/types.js';

export function formatRuleList(rules: readonly Rule[]): string {
  const idWidth = Math.max(...rules.map((r) => r.meta.id.length));
  const lines = rules
    .map((r) => r.meta)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((m) => `${m.id.padEnd(idWidth)}  ${m.severity.padEnd(7)}  ${m.description}`);
  return `${lines.join('\n')}\n\n${rules.length} rules. pooltopo rules RULE-ID explains one.\n`;
}

export function formatRuleDoc(rule: Rule): string {
  const m = rule.meta;
  const sources = m.sources.map((id) => {
    const s: Source = SOURCES[id];
    return `  - ${s.title}${s.url ? ` <${s.url}>` : ''}`;
  });
  return [
    `${m.id} (${m.severity}, ${m.category})`,
    '',
    `Fires when ${m.description}.`,
    '',
    'Why:',
    indent(m.rationale),
    '',
    'What to do:',
    indent(m.remediation),
    '',
    'Source:',
    ...sources,
    ...(m.unconfirmed ? ['', `Unconfirmed: ${m.unconfirmed} No primary source was found; pooltopo encodes the figure its spec gives.`] : []),
    '',
  ].join('\n');
}

function indent(text: string): string {
  return `  ${text}`;
}
