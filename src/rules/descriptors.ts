/**
 * What output formats and docs need to know of each rule, generated from its metadata (and, for
 * policies from the config, from their definition): the rule is described in one place only.
 */
import { SOURCES } from '../domain/facts.js';
import type { PolicyDefinition } from '../policies/types.js';
import type { Rule, Severity } from './types.js';

/** Where the rule documentation is published: docs/rules/RULE-ID.md in the repository. */
export const DOCS_BASE_URL = 'https://github.com/pooltopo/pooltopo/blob/main/docs/rules/';

export interface RuleDescriptor {
  readonly id: string;
  readonly severity: Severity;
  readonly category: string;
  /** When it fires, one line. */
  readonly description: string;
  readonly rationale: string;
  readonly remediation: string;
  /** The sources, as text. */
  readonly sources: readonly string[];
  readonly helpUri: string;
  /** The kind of topology the rule is checked on; absent for a rule checked on every kind. */
  readonly kind?: string;
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

export function describeRule(rule: Rule, severity: Severity = rule.meta.severity, kind?: string): RuleDescriptor {
  const m = rule.meta;
  return {
    ...(kind !== undefined ? { kind } : {}),
    id: m.id,
    severity,
    category: m.category,
    description: m.description,
    rationale: m.rationale,
    remediation: m.remediation,
    sources: m.sources.map((s) => {
      const source: { title: string; url?: string } = SOURCES[s];
      return source.url ? `${source.title} <${source.url}>` : source.title;
    }),
    helpUri: docsUrl(m.id),
  };
}

/** A policy from the config, described like a rule. */
export function describePolicy(p: PolicyDefinition, severity: Severity, configFile?: string): RuleDescriptor {
  return {
    id: p.id,
    severity,
    category: 'policy',
    description: p.description ?? `the policy "${p.assert}" does not hold for a pool`,
    rationale: p.description ?? 'A policy of this project, defined in its pooltopo configuration.',
    remediation: `Change the design so that "${p.assert}" holds for every pool.`,
    sources: [`project configuration${configFile ? ` (${configFile})` : ''}`],
    helpUri: docsUrl('policies'),
    // Policies see a SCOM pool's figures (src/policies/scope.ts): only SCOM files run them.
    kind: 'scom',
  };
}
