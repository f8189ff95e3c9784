#!/usr/bin/env node
// CommonJS (bin/package.json says so): requiring the CommonJS bundle skips Node's ESM loader, which
// cost every start more than the bundle itself (scripts/bundle.mjs has the figures).
'use strict';
// The bundle is loaded with V8's optimiser tuned for a short run and from the build's code cache
// (bundle-loader.cjs says why and what each bought).
const { main } = require('./bundle-loader.cjs');

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
