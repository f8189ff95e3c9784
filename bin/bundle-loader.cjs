// Loads the CLI's bundle (dist/bundle/, built by `npm run build`) the fast way: each chunk's
// compiled code taken from the V8 code cache that the build wrote beside it, and V8's optimiser
// tuned when validate has a batch of files. Used by bin/pooltopo.js and by
// scripts/build-code-cache.mjs, which writes the cache.
'use strict';

const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

// V8's tiering for a batch of many files: by default V8 optimises hundreds of pooltopo's functions
// part way through a run of a thousand files, and that compiling took a third of all the
// instructions the run executed (callgrind, --single-threaded: 1,211 of 3,053 M), on the cores the
// linting needs. Waiting about four times as long before optimising a function (an interrupt
// budget of 264,000 against Node 20's 67,584) and inlining functions only half as large (230
// bytes of bytecode against 460) leaves the optimiser only the truly hot code (221 M of 2,229 M):
// a batch of 1,000 files takes 1.15 -> 0.75 s of CPU and 0.77 -> 0.67 s of wall time (medians of
// 15 interleaved runs). Flags for the optimiser only: no behaviour changes. Set only once validate knows it has a batch (the CLI
// calls this with the number of files): node:v8 alone costs a start about 4 ms, and below 100
// files the flags made no difference this machine could measure (medians of 15 interleaved runs
// at 20, 50 and 100 files), while at 1,000 they still do when set this late. The code cache below
// is made and checked without them (V8 checks a cache when a chunk is loaded, before any batch
// starts); the library (dist/index.js) leaves its host's V8 as it is.
const BATCH_FILES = 100;
let tuned = false;
function tuneForBatch(files) {
  if (tuned || files < BATCH_FILES) return;
  tuned = true;
  const v8 = require('node:v8');
  v8.setFlagsFromString('--interrupt-budget=264000');
  v8.setFlagsFromString('--max-inlined-bytecode-size=230');
}

// The code cache: for each chunk `x.cjs`, `x.cjs.cache` holds the bytecode of the functions that
// the build ran in it (scripts/build-code-cache.mjs: validate of one file for the chunks that
// command loads, the other commands for the rest). With it, a start skips parsing and
// compiling them (about half of what a one-file validate costs beyond bare Node). V8 checks that
// a cache matches the chunk's source, its own version and its flags, and ignores one that does
// not (another Node version, a rebuilt chunk): the chunk is then compiled as usual.
const BUNDLE = path.join(__dirname, '..', 'dist', 'bundle');
const CACHE_SUFFIX = '.cache';
const scripts = [];
let uncached = 0;
let rejected = 0;

const compile = Module.prototype._compile;
Module.prototype._compile = function compileWithCodeCache(content, filename) {
  if (path.dirname(filename) !== BUNDLE) return compile.call(this, content, filename);
  let cachedData;
  try {
    cachedData = fs.readFileSync(filename + CACHE_SUFFIX);
  } catch {
    // No cache (a build without one, or a checkout being rebuilt): compile as usual.
  }
  const script = new vm.Script(Module.wrap(content), { filename, cachedData });
  if (!cachedData) uncached++;
  else if (script.cachedDataRejected) rejected++;
  scripts.push({ filename, script });
  const wrapper = script.runInThisContext();
  return wrapper.call(this.exports, this.exports, Module.createRequire(filename), this, filename, path.dirname(filename));
};

const { main } = require('../dist/bundle/pooltopo.cjs');

/** How many chunks were loaded, how many had no cache, and how many caches V8 refused. */
function codeCacheStats() {
  return { chunks: scripts.length, uncached, rejected };
}

/**
 * Writes the code cache of each chunk loaded so far, but those in `done` (their file names), and
 * returns the names of all written up to now: run the commands a cache should cover, then write.
 */
function writeCodeCache(done = []) {
  const names = [...done];
  for (const { filename, script } of scripts) {
    const name = path.basename(filename);
    if (names.includes(name)) continue;
    fs.writeFileSync(filename + CACHE_SUFFIX, script.createCachedData());
    names.push(name);
  }
  return names;
}

module.exports = { main, tuneForBatch, codeCacheStats, writeCodeCache };
