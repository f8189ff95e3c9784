#!/usr/bin/env node
// Writes the V8 code cache beside each chunk of dist/bundle/ (bin/bundle-loader.cjs reads it): runs
// the commands a user runs most, in this process, through the same loader and under the same V8
// flags as the bin, then saves the bytecode of every function they compiled. Part of `npm run build`,
// after the bundle.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const { main, writeCodeCache } = require('../bin/bundle-loader.cjs');

const work = mkdtempSync(path.join(tmpdir(), 'pooltopo-code-cache-'));
const quiet = { stdout: () => {}, stderr: () => {}, cwd: root, env: {}, isTTY: false };
const commands = [
  ['validate', 'examples'],
  ['validate', 'examples', '--format', 'json', '-o', path.join(work, 'out.json')],
  ['report', 'examples/stretched-two-sites.yaml', '-o', path.join(work, 'report.html')],
  ['simulate', 'examples/stretched-two-sites.yaml', '--down', 'dc-london'],
];
try {
  for (const args of commands) await main(args, quiet);
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`wrote the code cache of ${writeCodeCache().length} chunks`);
