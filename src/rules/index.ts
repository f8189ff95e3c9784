/** The rule index: every rule, by id. Adding a rule touches its file, its fixtures and this list. */
import type { AnyRule } from '../core/rule.js';
import { KIND_PLUGINS, type TopologyKind } from '../kinds/registry.js';
import yamlSyntax from '../core/rules/yaml-syntax.js';
import schema from '../core/rules/schema.js';
import unknownReference from '../core/rules/unknown-reference.js';
import duplicateName from '../core/rules/duplicate-name.js';
import suppressionWithoutReason from '../core/rules/suppression-without-reason.js';
import unusedSuppression from '../core/rules/unused-suppression.js';
import invalidSuppression from '../core/rules/invalid-suppression.js';
import internalError from '../core/rules/internal-error.js';
import { closest } from '../util/suggest.js';

/** Rules of every kind: reading, references, suppressions, internal errors. */
export const COMMON_RULES: readonly AnyRule[] = [yamlSyntax, schema, unknownReference, duplicateName];


const PIPELINE_RULES: readonly AnyRule[] = [suppressionWithoutReason, unusedSuppression, invalidSuppression, internalError];

/** Every rule, of every kind, for the rule list, the docs and SARIF. */
export const RULES: readonly AnyRule[] = [...COMMON_RULES, ...KIND_PLUGINS.flatMap((k) => k.rules), ...PIPELINE_RULES];

const BY_ID = new Map(RULES.map((r) => [r.meta.id, r]));
const KIND_OF = new Map(KIND_PLUGINS.flatMap((k) => k.rules.map((r) => [r.meta.id, k.id] as const)));

/** The kind whose files a rule is checked on; undefined for a rule of every kind. */
export function ruleKind(id: string): TopologyKind | undefined {
  return KIND_OF.get(id);
}

export function ruleById(id: string): AnyRule | undefined {
  return BY_ID.get(id);
}

/**
 * What is wrong with one entry of a `rules` setting (a config file's or the library's options):
 * an id that is neither a rule nor one of the policies (`unknown rule "x"; did you mean "y"?`), or
 * a setting that would change a fixed rule; else undefined.
 */
export function ruleSettingProblem(id: string, setting: string, policyIds: ReadonlySet<string>): string | undefined {
  const rule = BY_ID.get(id);
  if (rule?.meta.fixed && setting !== rule.meta.severity) {
    return `rule "${id}" cannot be set to "${setting}": ${rule.meta.fixed}`;
  }
  if (rule || policyIds.has(id)) return undefined;
  const near = nearestRuleId(id, policyIds);
  return `unknown rule "${id}"${near ? `; did you mean "${near}"?` : ''}`;
}

/** The rule or policy id nearest a mistyped one, if one is near enough. */
export function nearestRuleId(id: string, policyIds: ReadonlySet<string>): string | undefined {
  return closest(id, [...BY_ID.keys(), ...policyIds], 1)[0];
}

/** Whether a comment may suppress a rule's findings (a fixed rule's it may not). */
export function isSuppressible(id: string): boolean {
  return !BY_ID.get(id)?.meta.fixed;
}
