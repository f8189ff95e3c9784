import type { Finding } from './results.js';

/**
 * The JSON Pointers at which rule `ruleId` has a finding: a kind's report marks a cell where the
 * rule found something, so that a rule the config turns off leaves the cell unmarked and the
 * report never judges what the findings do not.
 */
export function flaggedPaths(findings: readonly Finding[], ruleId: string): Set<string> {
  return new Set(findings.filter((f) => f.ruleId === ruleId).map((f) => f.path));
}
