/** The rule index, from the registry: every rule of every kind, by id. */
import type { AnyRule } from '../core/rule.js';
import { REGISTRY, type TopologyKind } from '../kinds/registry.js';

/** Every rule, of every kind, for the rule list, the docs and SARIF. */
export const RULES: readonly AnyRule[] = REGISTRY.rules;

/** The kind whose files a rule is checked on; undefined for a rule of every kind. */
export function ruleKind(id: string): TopologyKind | undefined {
  return REGISTRY.ruleKind(id) as TopologyKind | undefined;
}

export function ruleById(id: string): AnyRule | undefined {
  return REGISTRY.ruleById(id);
}

/**
 * What is wrong with one entry of a `rules` setting (a config file's or the library's options):
 * an id that is neither a rule nor one of the policies (`unknown rule "x"; did you mean "y"?`), or
 * a setting that would change a fixed rule; else undefined.
 */
export function ruleSettingProblem(id: string, setting: string, policyIds: ReadonlySet<string>): string | undefined {
  return REGISTRY.ruleSettingProblem(id, setting, policyIds);
}
