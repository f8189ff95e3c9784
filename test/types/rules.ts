/** Rules are listed and described; their checks, which take a kind's context, cannot be called with anything. */
import { RULES, describeRules, ruleById } from 'pooltopo';
import type { Category, RuleDescriptor, RuleMeta, SourceRef, TopologyKind } from 'pooltopo/types';
import { expectType, type Equal } from './expect.js';

export function catalogue(): Map<Category, RuleMeta[]> {
  const byCategory = new Map<Category, RuleMeta[]>();
  for (const r of RULES) {
    byCategory.set(r.meta.category, [...(byCategory.get(r.meta.category) ?? []), r.meta]);
    // @ts-expect-error a check takes its kind's context, which only the pipeline builds
    if (r.check) void r.check(42);
  }
  return byCategory;
}

export function described(): string[] {
  const d: RuleDescriptor[] = describeRules();
  expectType<Equal<RuleDescriptor['kind'], TopologyKind | undefined>>();
  expectType<Equal<RuleDescriptor['sourceRefs'], readonly SourceRef[]>>();
  const links = d.flatMap((r) => r.sourceRefs.flatMap((s) => (s.url === undefined ? [] : [`${s.title}: ${s.url}`])));
  return [...d.map((r) => `${r.id} ${r.kind ?? 'every kind'} ${r.helpUri}`), ...links, ruleById('latency-over-10ms')?.meta.description ?? ''];
}
