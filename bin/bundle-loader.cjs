// Loads the CLI's bundle (dist/bundle/, built by `npm run build`) the fast way: each chunk's
// compiled code taken from the V8 code cache that the build wrote beside it, and V8's optimiser
// tuned when validate has a batch of files. Used by bin/pooltopo.js and by the build's code-cache
// step (tools/build.mjs), which writes the cache.
'use strict';

const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

// V8's tiering for a batch of many files: V8 waits longer before optimising a function and inlines
// only smaller ones, which leaves the optimiser only the truly hot code (docs/PERFORMANCE.md has the
// figures). Flags for the optimiser only: no behaviour changes. Set only once validate knows it has
// a batch (the CLI calls this with the number of files), since loading node:v8 costs every start;
// the code cache below is made and checked without them, and the library (dist/index.js) leaves its
// host's V8 as it is.
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
// the build ran in it (tools/build.mjs, step code-cache: validate of one file for the chunks that
// command loads, the other commands for the rest). With it, a start skips parsing and compiling
// them. V8 checks that a cache matches the chunk's source, its own version and its flags, and
// ignores one that does not (another Node version, a rebuilt chunk): the chunk is then compiled as
// usual.
const BUNDLE = path.join(__dirname, '..', 'dist', 'bundle');
const CACHE_SUFFIX = '.cache';
const scripts = [];
let uncached = 0;
let rejected = 0;

/** The chunk's cache, if the build wrote one. */
function readCache(filename) {
  try {
    return fs.readFileSync(filename + CACHE_SUFFIX);
  } catch {
    // No cache (a build without one, or a checkout being rebuilt): compile as usual.
    return undefined;
  }
}

const compile = Module.prototype._compile;
Module.prototype._compile = function compileWithCodeCache(content, filename) {
  if (path.dirname(filename) !== BUNDLE) return compile.call(this, content, filename);
  const cachedData = readCache(filename);
  const script = new vm.Script(Module.wrap(content), { filename, cachedData });
  if (!cachedData) uncached++;
  else if (script.cachedDataRejected) rejected++;
  scripts.push({ filename, script });
  const wrapper = script.runInThisContext();
  return wrapper.call(this.exports, this.exports, Module.createRequire(filename), this, filename, path.dirname(filename));
};

let bundle;
/** The CLI's main (src/cli/main.ts): the bundle is loaded at the first call. */
function main(argv, io) {
  bundle ??= require('../dist/bundle/pooltopo.cjs');
  return bundle.main(argv, io);
}

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
