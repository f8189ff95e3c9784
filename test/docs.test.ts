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

  it('is where SARIF\'s helpUri points', () => {
    for (const rule of RULES) {
      expect(docsUrl(rule.meta.id).endsWith(`/docs/rules/${docsName(rule.meta.id)}.md`)).toBe(true);
      expect(pages.has(`${docsName(rule.meta.id)}.md`)).toBe(true);
    }
  });
});
