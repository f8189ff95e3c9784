/**
 * The registry made from a list of kinds: every rule by id, the top-level keys that tell a topology
 * from other YAML, the kind a file without `kind` is meant to be. The pipeline and the shells ask it,
 * so nothing is kept by hand per kind; src/kinds/registry.ts makes the one the program uses.
 */
import type { AnyKind } from './kind.js';
import type { AnyRule } from './rule.js';
import yamlSyntax from './rules/yaml-syntax.js';
import schema from './rules/schema.js';
import unknownReference from './rules/unknown-reference.js';
import duplicateName from './rules/duplicate-name.js';
import suppressionWithoutReason from './rules/suppression-without-reason.js';
import unusedSuppression from './rules/unused-suppression.js';
import invalidSuppression from './rules/invalid-suppression.js';
import internalError from './rules/internal-error.js';
import { closest, editDistance } from '../util/suggest.js';

export interface Registry<K extends AnyKind = AnyKind> {
  readonly kinds: readonly K[];
  /** The kinds' ids, in the registry's order. */
  readonly ids: readonly string[];
  /** The kind a file without `kind` is read as. */
  readonly defaultKind: K;
  kind(id: string): K | undefined;
  isKnownKind(id: unknown): boolean;
  /** Rules of every kind that the kinds' runs check: reading, references (with each kind's wording of its model issues). */
  readonly commonRules: readonly AnyRule[];
  /** Every rule, of every kind, for the rule list, the docs and SARIF. */
  readonly rules: readonly AnyRule[];
  ruleById(id: string): AnyRule | undefined;
  /** The kind whose files a rule is checked on; undefined for a rule of every kind. */
  ruleKind(id: string): string | undefined;
  /** Whether a comment may suppress a rule's findings (a fixed rule's it may not). */
  isSuppressible(id: string): boolean;
  /** The rule or policy id nearest a mistyped one, if one is near enough. */
  nearestRuleId(id: string, policyIds: ReadonlySet<string>): string | undefined;
  /** What is wrong with one entry of a `rules` setting, or undefined. */
  ruleSettingProblem(id: string, setting: string, policyIds: ReadonlySet<string>): string | undefined;
  /** The top-level keys only a topology has: every kind's but `version` and `name`, and `kind`. */
  readonly topologyKeys: readonly string[];
  /** The kind a document without `kind` that fails the schema is plainly meant to be (not the default). */
  kindOfKeys(value: unknown): K | undefined;
  /** Whether a document that breaks the schema is plainly not a topology at all (another tool's YAML). */
  isPlainlyNotATopology(value: unknown): boolean;
}

/** The common rules whose messages the kinds' model issues add to. */
const ISSUE_RULES = { schema, 'unknown-reference': unknownReference, 'duplicate-name': duplicateName } as const;

export function createRegistry<K extends AnyKind>(kinds: readonly K[]): Registry<K> {
  const defaults = kinds.filter((k) => k.default);
  if (defaults.length !== 1) throw new Error(`exactly one kind is the default, not ${defaults.length}`);
  const defaultKind = defaults[0]!;
  const byKind = new Map(kinds.map((k) => [k.id, k]));
  if (byKind.size !== kinds.length) throw new Error('two kinds have one id');

  const commonRules = [
    yamlSyntax,
    withIssueMessages(ISSUE_RULES.schema, kinds),
    withIssueMessages(ISSUE_RULES['unknown-reference'], kinds),
    withIssueMessages(ISSUE_RULES['duplicate-name'], kinds),
  ];
  const pipelineRules = [suppressionWithoutReason, unusedSuppression, invalidSuppression, internalError];
  const rules = [...commonRules, ...kinds.flatMap((k) => k.rules), ...pipelineRules];
  const byId = new Map<string, AnyRule>();
  for (const r of rules) {
    if (byId.has(r.meta.id)) throw new Error(`two rules have the id "${r.meta.id}"`);
    byId.set(r.meta.id, r);
  }
  const kindOf = new Map(kinds.flatMap((k) => k.rules.map((r) => [r.meta.id, k.id] as const)));
  const topologyKeys = ['kind', ...new Set(kinds.flatMap((k) => k.topLevelKeys))];
  const nearestRuleId = (id: string, policyIds: ReadonlySet<string>) => closest(id, [...byId.keys(), ...policyIds], 1)[0];

  return {
    kinds,
    ids: kinds.map((k) => k.id),
    defaultKind,
    kind: (id) => byKind.get(id),
    isKnownKind: (id) => typeof id === 'string' && byKind.has(id),
    commonRules,
    rules,
    ruleById: (id) => byId.get(id),
    ruleKind: (id) => kindOf.get(id),
    isSuppressible: (id) => !byId.get(id)?.meta.fixed,
    nearestRuleId,
    ruleSettingProblem(id, setting, policyIds) {
      const rule = byId.get(id);
      if (rule?.meta.fixed && setting !== rule.meta.severity) return `rule "${id}" cannot be set to "${setting}": ${rule.meta.fixed}`;
      if (rule || policyIds.has(id)) return undefined;
      const near = nearestRuleId(id, policyIds);
      return `unknown rule "${id}"${near ? `; did you mean "${near}"?` : ''}`;
    },
    topologyKeys,
    kindOfKeys(value) {
      if (!isMapping(value) || defaultKind.meantBy?.(value) === true) return undefined;
      return kinds.find((k) => !k.default && k.meantBy?.(value) === true);
    },
    isPlainlyNotATopology(value) {
      if (!isMapping(value)) return false;
      const keys = Object.keys(value);
      const version = value['version'];
      // A number (`version: 2`, from a later pooltopo) or "1" is a topology's version; docker-compose's is text ("3.8").
      if (keys.length === 0 || typeof version === 'number' || version === '1') return false;
      return !keys.some((k) => topologyKeys.includes(k) || (k !== 'name' && k !== 'version' && nearATopologyKey(k, topologyKeys)));
    },
  };
}

function isMapping(value: unknown): value is Readonly<Record<string, unknown>> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A key one small slip from a topology's (`Version`, `managementServer`, `nam`): a topology mistyped. */
function nearATopologyKey(key: string, topologyKeys: readonly string[]): boolean {
  const lower = key.toLowerCase();
  const slips = Math.max(1, Math.floor(lower.length / 4));
  return [...topologyKeys, 'version', 'name'].some(
    (k) => lower === k.toLowerCase() || (lower.length >= 3 && editDistance(lower, k.toLowerCase(), slips) <= slips),
  );
}

/** A common rule with the kinds' wording of their model issues added to its own messages. */
function withIssueMessages(rule: AnyRule, kinds: readonly AnyKind[]): AnyRule {
  const messages: Record<string, string> = Object.assign({}, rule.meta.messages);
  for (const k of kinds) {
    const own = k.issueMessages?.[rule.meta.id as keyof typeof ISSUE_RULES];
    for (const [id, text] of Object.entries(own ?? {})) {
      if (Object.hasOwn(messages, id) && messages[id] !== text)
        throw new Error(`kind "${k.id}" words ${rule.meta.id}'s message "${id}" otherwise than another`);
      messages[id] = text;
    }
  }
  return { meta: Object.assign({}, rule.meta, { messages }), ...(rule.check ? { check: rule.check } : {}) };
}
