/**
 * The cap on a file's findings: at most MAX_FINDINGS_PER_RULE of each rule, then one finding of
 * the rule that says how many more there were and where the first of them is.
 */
import type { Position } from '../io/yaml/source-map.js';
import { MAX_FINDINGS_PER_RULE, type Finding } from './results.js';
import { groupThousands, type Severity } from './rule.js';

/** The message of the finding that stands for those of a rule left out of a file. */
export function leftOutMessage(ruleId: string, count: number): string {
  const more = count === 1 ? '1 more finding' : `${groupThousands(count)} more findings`;
  return `${more} of ${ruleId} in this file ${count === 1 ? 'is' : 'are'} not shown (pooltopo reports at most ${groupThousands(MAX_FINDINGS_PER_RULE)} per rule and file); the first of them is here.`;
}

/**
 * At most MAX_FINDINGS_PER_RULE findings of a rule in a file: the rest are counted, and
 * `summarise` adds one finding of the rule saying how many, where the first left out was.
 */
export class FindingCap {
  private readonly counts = new Map<string, number>();
  private readonly omitted = new Map<string, { severity: Severity; count: number; at: Position; path: string; summarised: boolean }>();

  constructor(private readonly file: string) {}

  /** Whether the rule has its share of findings. */
  full(ruleId: string): boolean {
    return (this.counts.get(ruleId) ?? 0) >= MAX_FINDINGS_PER_RULE;
  }

  /** One more finding of the rule kept. */
  count(ruleId: string): void {
    this.counts.set(ruleId, (this.counts.get(ruleId) ?? 0) + 1);
  }

  leaveOut(ruleId: string, severity: Severity, where: () => { at: Position; path: string }, count = 1): void {
    const known = this.omitted.get(ruleId);
    if (known) known.count += count;
    else this.omitted.set(ruleId, { severity, count, ...where(), summarised: false });
  }

  summarise(findings: Finding[]): void {
    for (const [ruleId, o] of this.omitted) {
      if (o.summarised) continue;
      o.summarised = true;
      // The keys in a finding's order, as the JSON output writes them.
      findings.push({
        ruleId,
        severity: o.severity,
        message: leftOutMessage(ruleId, o.count),
        file: this.file,
        line: o.at.line,
        column: o.at.column,
        path: o.path,
      });
    }
  }
}
