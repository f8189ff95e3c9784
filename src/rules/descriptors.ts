/**
 * What output formats and docs need to know of each rule, generated from its metadata (and, for
 * policies from the config, from their definition): the rule is described in one place only.
 */
import { SOURCES } from '../domain/facts.js';
import type { Config } from '../core/config.js';
import type { TopologyKind } from '../kinds/registry.js';
import type { PolicyDefinition } from '../core/policy.js';
import { RULES, ruleKind } from './index.js';
import type { RuleMeta, Severity } from '../core/rule.js';
import { own } from '../util/own.js';

/** Where the rule documentation is published: docs/rules/RULE-ID.md in the repository. */
export const DOCS_BASE_URL = 'https://github.com/pooltopo/pooltopo/blob/main/docs/rules/';

/** A rule or policy as `pooltopo rules`, SARIF and the report describe it: its metadata, as text. */
export interface RuleDescriptor {
  readonly id: string;
  /** The severity it reports at: its own, or the one the config gives it. */
  readonly severity: Severity;
  /** A rule's `Category`, or `policy` for a policy from the config. */
  readonly category: string;
  /** When it fires, one line. */
  readonly description: string;
  readonly rationale: string;
  readonly remediation: string;
  /** The sources, as text: a title, then the address in angle brackets where there is one. */
  readonly sources: readonly string[];
  /** The same sources as data: each one's title, and its address where there is one. */
  readonly sourceRefs: readonly SourceRef[];
  /** The rule's documentation page. */
  readonly helpUri: string;
  /** The kind of topology the rule is checked on; absent for a rule checked on every kind. */
  readonly kind?: TopologyKind;
}

/** A rule's source: a document's title and, where it is published, its address. */
export interface SourceRef {
  readonly title: string;
  readonly url?: string;
}

/** `Title <https://...>`, or the title alone. */
function sourceText(ref: SourceRef): string {
  return ref.url ? `${ref.title} <${ref.url}>` : ref.title;
}

/** The rules in id order, as SARIF and JUnit list them. */
export function sortedById(rules: readonly RuleDescriptor[]): RuleDescriptor[] {
  return [...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The file name of a rule's page, without `.md`: `opcon/no-standby` → `opcon-no-standby`. */
export function docsName(ruleId: string): string {
  return ruleId.replace(/\//g, '-');
}

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${docsName(ruleId)}.md`;
}

export function describeRule(rule: { readonly meta: RuleMeta }, severity: Severity = rule.meta.severity, kind?: TopologyKind): RuleDescriptor {
  const m = rule.meta;
  const sourceRefs = m.sources.map((s): SourceRef => {
    const source: { title: string; url?: string } = SOURCES[s];
    return source.url ? { title: source.title, url: source.url } : { title: source.title };
  });
  return {
    ...(kind !== undefined ? { kind } : {}),
    id: m.id,
    severity,
    category: m.category,
    description: m.description,
    rationale: m.rationale,
    remediation: m.remediation,
    sources: sourceRefs.map(sourceText),
    sourceRefs,
    helpUri: docsUrl(m.id),
  };
}

/** A policy from the config, described like a rule. */
export function describePolicy(p: PolicyDefinition, severity: Severity, configFile?: string): RuleDescriptor {
  const sourceRefs: SourceRef[] = [{ title: `project configuration${configFile ? ` (${configFile})` : ''}` }];
  return {
    id: p.id,
    severity,
    category: 'policy',
    description: p.description ?? `the policy "${p.assert}" does not hold for a pool`,
    rationale: p.description ?? 'A policy of this project, defined in its pooltopo configuration.',
    remediation: `Change the design so that "${p.assert}" holds for every pool.`,
    sources: sourceRefs.map(sourceText),
    sourceRefs,
    helpUri: docsUrl('policies'),
    // Policies see a SCOM pool's figures (src/kinds/scom/policy-scope.ts): only SCOM files run them.
    kind: 'scom',
  };
}

/**
 * Every rule that runs, described: the built-in rules, then the config's policies, each with the
 * severity the config gives it; rules the config turns off are left out. Without a config, every
 * built-in rule at its own severity. `pooltopo rules`, SARIF and JUnit list these.
 */
export function describeRules(config: Pick<Config, 'rules' | 'policies' | 'file'> = { rules: {}, policies: [] }): RuleDescriptor[] {
  const out: RuleDescriptor[] = [];
  for (const rule of RULES) {
    const setting = own(config.rules, rule.meta.id);
    if (setting === 'off') continue;
    out.push(describeRule(rule, setting ?? rule.meta.severity, ruleKind(rule.meta.id)));
  }
  for (const p of config.policies) {
    const setting = own(config.rules, p.definition.id);
    if (setting === 'off') continue;
    out.push(describePolicy(p.definition, setting ?? p.definition.severity, config.file));
  }
  return out;
}
