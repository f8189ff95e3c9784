/** A file's suppression comments: matched to the findings they cover, and the findings about the comments themselves. */
import type { Position, SourceMap } from '../io/yaml/source-map.js';
import type { Registry } from './registry.js';
import type { Problem } from './rule.js';
import { parseDirectives, Suppressions, type FindingPlace } from './suppressions.js';
import { commentsContaining } from '../io/yaml/comments.js';
import type { LintOptions } from './options.js';

/**
 * The file's suppression comments, matched to findings by the lines their node and its ancestors
 * begin on: a mapping entry where its key is, a sequence item where it is. (A sequence begins, as a
 * value, on the line of its first item: by that line a comment above the first item would cover
 * the whole list.) Undefined when the file has none.
 */
export function suppressionsOf(registry: Registry, text: string, sourceMap: SourceMap, maxDepth: number): Suppressions | undefined {
  if (!text.includes('pooltopo-disable')) return undefined;
  const directives = parseDirectives(commentsContaining(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, 'pooltopo-disable', maxDepth));
  if (directives.length === 0) return undefined;
  const linesOf = (f: FindingPlace) => {
    const lines = new Set<number>();
    for (let p = f.path; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) {
      if (sourceMap.has(p)) lines.add(sourceMap.locate(p, 'key').line);
    }
    return lines;
  };
  return new Suppressions(directives, linesOf, registry.isSuppressible);
}

/**
 * Findings about the comments themselves: no reason, an unknown or fixed rule, and unused ones
 * only where `rulesRan` (before the kind's rules ran, none can be judged unused).
 */
export function reportDirectives(
  registry: Registry,
  suppressions: Suppressions,
  options: LintOptions,
  add: (ruleId: string, at: Position, problem: Pick<Problem, 'messageId' | 'data'>) => void,
  rulesRan: boolean,
): void {
  const { directives } = suppressions;
  const { ruleById, isSuppressible, nearestRuleId } = registry;
  const report = (messageId: string, data: Problem['data'] = {}) => ({ messageId, data });
  for (const d of suppressions.withoutReason()) add('suppression-without-reason', d, report('noReason'));
  // A rule id that is neither a rule nor a policy, or names a rule no comment can suppress:
  // reported whether or not unused ones are asked for (and not again as unused).
  const policyIds = new Set((options.policies ?? []).map((p) => p.definition.id));
  const unknown = (id: string) => !ruleById(id) && !policyIds.has(id);
  for (const d of directives) {
    for (const id of d.ruleIds.filter((r) => !unknown(r) && !isSuppressible(r))) {
      add('invalid-suppression', d, report('notSuppressible', { ruleId: id, why: ruleById(id)!.meta.fixed! }));
    }
    for (const id of d.ruleIds.filter(unknown)) {
      const near = nearestRuleId(id, policyIds);
      add('invalid-suppression', d, near ? report('unknownRuleNear', { ruleId: id, near }) : report('unknownRule', { ruleId: id }));
    }
  }
  if (options.reportUnusedDisable && rulesRan) {
    for (const u of suppressions.unused()) {
      const invalid = (id: string) => unknown(id) || !isSuppressible(id);
      if (u.ruleId !== undefined ? invalid(u.ruleId) : u.directive.ruleIds.length > 0 && u.directive.ruleIds.every(invalid)) continue;
      add('unused-suppression', u.directive, u.ruleId === undefined ? report('unused') : report('unusedRule', { ruleId: u.ruleId }));
    }
  }
}
