/** The rules as the public API shows them: their metadata, looked up by id, and described under a config. */
import { PooltopoError } from '../util/errors.js';
import type { Config } from '../core/config.js';
import { RULES as ALL_RULES, ruleById as anyRuleById } from '../rules/index.js';
import type { Rule } from '../core/rule.js';
import { describeRules as describeAll, type RuleDescriptor } from '../rules/descriptors.js';

/**
 * Every built-in rule, of every kind, with its metadata (`meta`: id, severity, category,
 * description, rationale, remediation, sources, messages). A rule's `check` takes its own kind's
 * context, which only the pipeline builds, so it is typed to accept nothing: read `meta`, or
 * `describeRules()` for the docs address and kind of each.
 */
export const RULES: readonly Rule<never>[] = ALL_RULES;

/** The built-in rule with this id (`latency-over-10ms`, `skype/pair-mismatch`), or undefined when there is none. */
export function ruleById(id: string): Rule<never> | undefined {
  return anyRuleById(id);
}

/**
 * Each rule that runs under `config` (every built-in rule at its own severity without one), as
 * `pooltopo rules` lists them. Throws PooltopoError for a `config` that is not loadConfig's.
 */
export function describeRules(config?: Pick<Config, 'rules' | 'policies' | 'file'>): RuleDescriptor[] {
  if (config === undefined) return describeAll();
  const c = config as Partial<Config> | null;
  if (c === null || typeof c !== 'object' || typeof c.rules !== 'object' || c.rules === null || !Array.isArray(c.policies)) {
    throw new PooltopoError('describeRules: config must be a Config as loadConfig returns it');
  }
  return describeAll(config);
}
