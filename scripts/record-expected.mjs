#!/usr/bin/env node
// Records what pooltopo now reports for fixtures into their `.expected/` files, so that a
// reviewer can read the diff. Expected findings live beside each file in `.expected/`. Run after `npm run build`; review every change before committing.
//   node scripts/record-expected.mjs test/fixtures/rules/*.yaml
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { validate } from '../dist/index.js';

const reportUnusedDisable = process.argv.includes('--report-unused-disable');
const files = process.argv.slice(2).filter((f) => !f.startsWith('--'));
const results = await validate(files, { reportUnusedDisable });
for (const r of results.files) {
  const lines = ['# Recorded by scripts/record-expected.mjs and reviewed by hand: every finding this file must give.'];
  if (reportUnusedDisable) lines.push('options: {reportUnusedDisable: true}');
  lines.push(r.findings.length === 0 ? 'findings: []' : 'findings:');
  for (const f of r.findings) {
    const pool = f.pool !== undefined ? `, pool: ${JSON.stringify(f.pool)}` : '';
    lines.push(`  - {ruleId: ${f.ruleId}, line: ${f.line}, column: ${f.column}${pool}}`);
  }
  if (r.suppressed?.length) {
    lines.push('suppressed:');
    for (const f of r.suppressed) lines.push(`  - {ruleId: ${f.ruleId}, line: ${f.line}}`);
  }
  const dir = path.join(path.dirname(r.file), '.expected');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, path.basename(r.file).replace(/\.(ya?ml|json)$/, '.yaml')), lines.join('\n') + '\n');
}
