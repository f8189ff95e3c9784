// Writes docs/rules/RULE-ID.md and docs/rules/README.md from the rules' metadata and fixtures.
// The build's `docs` step (tools/build.mjs), not run by default: it reads dist/, so it follows a
// build (npm run docs does both). test/docs.test.ts fails when they are stale.
import { mkdirSync, writeFileSync } from 'node:fs';

const root = new URL('../..', import.meta.url);

export async function run() {
  const { renderAllRuleDocs } = await import(new URL('dist/docs/generate.js', root).href);
  const pages = await renderAllRuleDocs(root.pathname);
  mkdirSync(new URL('docs/rules/', root), { recursive: true });
  for (const [name, text] of pages) writeFileSync(new URL(`docs/rules/${name}`, root), text);
  console.log(`wrote ${pages.size} pages to docs/rules/`);
}
