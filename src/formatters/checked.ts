/**
 * Which rules were checked on a file: those of every kind and of the file's own kind, unless it
 * stopped at reading or at the schema.
 */
import type { FileResult } from '../results.js';
import type { RuleDescriptor } from '../rules/descriptors.js';

export function rulesChecked(file: FileResult, rules: readonly RuleDescriptor[]): RuleDescriptor[] {
  if (file.findings.some((f) => f.ruleId === 'yaml-syntax')) return rules.filter((r) => r.id === 'yaml-syntax');
  if (file.pools.length === 0 && file.findings.some((f) => f.ruleId === 'schema')) {
    return rules.filter((r) => r.id === 'yaml-syntax' || r.id === 'schema');
  }
  return rules.filter((r) => r.kind === undefined || r.kind === file.kind);
}
