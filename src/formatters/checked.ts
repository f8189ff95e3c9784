/**
 * Which rules were checked on a file: those of every kind and of the file's own kind, unless it
 * stopped at reading or at the schema.
 */
import type { FileResult } from '../kinds/results.js';
import type { RuleDescriptor } from '../rules/descriptors.js';

export function rulesChecked(file: FileResult, rules: readonly RuleDescriptor[]): RuleDescriptor[] {
  if (file.findings.some((f) => f.ruleId === 'yaml-syntax')) return rules.filter((r) => r.id === 'yaml-syntax');
  if (file.pools.length === 0 && file.findings.some((f) => f.ruleId === 'schema')) {
    // And the model's other checks where they found something (an unknown reference beside a
    // latency that is no duration).
    return rules.filter((r) => r.id === 'yaml-syntax' || r.id === 'schema' || file.findings.some((f) => f.ruleId === r.id));
  }
  return rules.filter((r) => r.kind === undefined || r.kind === file.kind);
}
