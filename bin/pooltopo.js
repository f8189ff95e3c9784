#!/usr/bin/env node
// CommonJS (bin/package.json says so): requiring the CommonJS bundle skips Node's ESM loader, which
// cost every start more than the bundle itself (scripts/bundle.mjs has the figures).
'use strict';

// V8's tiering for a short-lived batch: by default V8 optimises hundreds of pooltopo's functions part
// way through a run of a thousand files, and that compiling took a third of all the instructions
// the run executed (callgrind, --single-threaded: 1,211 of 3,053 M), on the cores the linting needs.
// Waiting twice as long before optimising a function, and inlining smaller ones, leaves the
// optimiser only the truly hot code (221 M of 2,229 M): a batch of 1,000 files takes 1.15 -> 0.75 s
// of CPU and 0.77 -> 0.67 s of wall time (medians of 15 interleaved runs); one file, a report and
// the 20,000-server file are unchanged. Flags for the
// optimiser only: no behaviour changes. Set before any of pooltopo's code is loaded; the library
// (dist/index.js) leaves its host's V8 as it is.
const v8 = require('node:v8');
v8.setFlagsFromString('--interrupt-budget=264000');
v8.setFlagsFromString('--max-inlined-bytecode-size=230');

const { main } = require('../dist/bundle/pooltopo.cjs');

// A reader that stops early (`pooltopo validate . | head`) closes the pipe: stop writing quietly,
// as other command-line tools do, rather than die with an unhandled EPIPE and its stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(process.exitCode ?? 0);
  });
}

main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
}).then((code) => {
  process.exitCode = code;
});
