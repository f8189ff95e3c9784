/** Every page of docs/rules/, by file name: reads the fixtures (the docs' examples) from the project root. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../api/lint.js';
import { RULES, ruleKind } from '../rules/index.js';
import { kindPlugin } from '../kinds/registry.js';
import { INTERNAL_ERROR } from '../core/rules/internal-error.js';
import { docsName } from '../rules/descriptors.js';
import { renderPoliciesDoc } from './policies-doc.js';
import { renderRuleDoc, renderRuleIndex, type RuleExample } from './rule-docs.js';

export async function renderAllRuleDocs(root: string): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  for (const rule of RULES) {
    if (rule.meta.id === INTERNAL_ERROR) {
      pages.set(`${docsName(rule.meta.id)}.md`, renderRuleDoc(rule, undefined, undefined));
      continue;
    }
    const example = async (kind: 'fires' | 'quiet'): Promise<RuleExample> => {
      const owner = ruleKind(rule.meta.id);
      const dir = (owner !== undefined ? kindPlugin(owner)?.examplesDir : undefined) ?? path.join(root, 'test/fixtures/rules');
      const file = path.relative(root, path.join(dir, `${rule.meta.id}.${kind}.yaml`)).split(path.sep).join('/');
      const text = readFileSync(path.join(root, file), 'utf8');
      const reportUnusedDisable = rule.meta.id === 'unused-suppression';
      const { result } = await lintText(text, file, { reportUnusedDisable });
      return { file, text, findings: result.findings.filter((f) => f.ruleId === rule.meta.id) };
    };
    pages.set(`${docsName(rule.meta.id)}.md`, renderRuleDoc(rule, await example('fires'), await example('quiet')));
  }
  pages.set('README.md', renderRuleIndex(RULES));
  pages.set('policies.md', renderPoliciesDoc());
  return pages;
}
