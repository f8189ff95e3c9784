#!/usr/bin/env node
// Writes docs/rules/RULE-ID.md and docs/rules/README.md from the rules' metadata and fixtures.
// Run after `npm run build` (npm run docs does both). test/docs.test.ts fails when they are stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { renderAllRuleDocs } from '../dist/docs/generate.js';

const root = new URL('..', import.meta.url);
const pages = await renderAllRuleDocs(root.pathname);
mkdirSync(new URL('docs/rules/', root), { recursive: true });
for (const [name, text] of pages) writeFileSync(new URL(`docs/rules/${name}`, root), text);
console.log(`wrote ${pages.size} pages to docs/rules/`);
