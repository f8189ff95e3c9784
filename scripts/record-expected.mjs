#!/usr/bin/env node
// Records what pooltopo now reports for fixtures into their `.expected.yaml` sidecars, so that a
// reviewer can read the diff. Run after `npm run build`; review every change before committing.
//   node scripts/record-expected.mjs test/fixtures/rules/*.yaml
import { writeFileSync } from 'node:fs';
import { validate } from '../dist/index.js';

const files = process.argv.slice(2).filter((f) => !f.endsWith('.expected.yaml'));
const results = await validate(files);
for (const r of results.files) {
  const lines = ['# Recorded by scripts/record-expected.mjs and reviewed by hand: every finding this file must give.', 'findings:'];
  if (r.findings.length === 0) lines[1] = 'findings: []';
  for (const f of r.findings) {
    const pool = f.pool !== undefined ? `, pool: ${JSON.stringify(f.pool)}` : '';
    lines.push(`  - {ruleId: ${f.ruleId}, line: ${f.line}, column: ${f.column}${pool}}`);
  }
  writeFileSync(r.file.replace(/\.ya?ml$|\.json$/, '.expected.yaml'), lines.join('\n') + '\n');
}
