/** The committed rule docs are what the rules' metadata and fixtures generate (run `npm run docs`). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderAllRuleDocs } from '../src/docs/generate.js';
import { RULES } from '../src/rules/index.js';
import { docsName, docsUrl } from '../src/rules/descriptors.js';
import { ROOT } from './fixture-files.js';

describe('rule documentation', async () => {
  const pages = await renderAllRuleDocs(ROOT);

  it.each([...pages.keys()])('docs/rules/%s is up to date', (name) => {
    const file = path.join(ROOT, 'docs/rules', name);
    expect(existsSync(file), `${name} is missing: run npm run docs`).toBe(true);
    expect(readFileSync(file, 'utf8'), `${name} is stale: run npm run docs`).toBe(pages.get(name));
  });

  it('has no page for a rule that no longer exists', () => {
    expect(readdirSync(path.join(ROOT, 'docs/rules')).sort()).toEqual([...pages.keys()].sort());
  });

  it("is where SARIF's helpUri points", () => {
    for (const rule of RULES) {
      expect(docsUrl(rule.meta.id).endsWith(`/docs/rules/${docsName(rule.meta.id)}.md`)).toBe(true);
      expect(pages.has(`${docsName(rule.meta.id)}.md`)).toBe(true);
    }
  });
});

/**
 * The contract ships in docs/ (and the SARIF and JUnit schemas the tests check against in test/data/), so that
 * a clone tests alone. Each copy is the project's own (../shared, where the clone sits in the
 * project's workspace, as in CI) but for its first line, which says where it comes from.
 */
describe('the contract as shipped', () => {
  const SHARED = path.join(ROOT, '../shared');
  const copies: [string, string, boolean][] = [
    ['docs/CLI.md', 'spec/CLI.md', true],
    ['docs/FORMAT.md', 'spec/FORMAT.md', true],
    ['docs/DOMAIN.md', 'DOMAIN.md', true],
    ['test/data/sarif-schema-2.1.0.json', 'data/sarif-schema-2.1.0.json', false],
    ['test/data/jenkins-junit-10.xsd', 'data/jenkins-junit-10.xsd', false],
  ];
  it.each(copies)("%s is the project's %s", (copy, original, headed) => {
    const text = readFileSync(path.join(ROOT, copy), 'utf8');
    const [first, blank, ...rest] = text.split('\n');
    if (headed) {
      expect(first).toMatch(new RegExp(`^<!-- .* as the project's specification gives (it|them) \\(shared/${original.replace('.', '\\.')}[;)].* -->$`));
      expect(blank).toBe('');
    }
    const body = headed ? rest.join('\n') : text;
    expect(body.length).toBeGreaterThan(1000);
    // Outside the project's workspace (a clone on its own) there is nothing to compare with.
    if (existsSync(path.join(SHARED, original))) expect(body).toBe(readFileSync(path.join(SHARED, original), 'utf8'));
  });
});
