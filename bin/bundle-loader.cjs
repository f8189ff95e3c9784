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
//
// A batch's cache: a run over many files calls far more of `core` than one file does (other
// kinds, rules that fire only on some designs, the walk, the JSON formatter), and without their
// bytecode in the cache V8 compiles each of them from source the first time it runs. So `core`
// (and the chunks validate loads with it) has a second cache, `x.cjs.batch-cache`, written after
// validate of every example: a batch of 1,000 files 300 -> 287 ms (medians of 21 interleaved
// runs, CPU 360 -> 340 ms), one file unchanged (39.2 against 39.4 ms, 41 runs). One cache for both
// would cost every one-file validate the extra 100 KB it reads and checks (39.1 -> 42.0 ms, 41
// runs). Which one a start takes is decided from its arguments, before `core` is loaded (the
// number of files is only known once it has walked them): validate naming a folder or a glob, or
// at least BATCH_FILES paths. A wrong guess costs a few milliseconds, never a wrong answer: both
// caches hold bytecode of the same source.
const BUNDLE = path.join(__dirname, '..', 'dist', 'bundle');
const CACHE_SUFFIX = '.cache';
const BATCH_CACHE_SUFFIX = '.batch-cache';
// What src/io/files/glob.ts takes for a glob (the loader runs before the bundle that holds it).
const GLOB_CHARS = /[*?[\]{}]/;
const scripts = [];
let uncached = 0;
let rejected = 0;
let batchCaches = 0;
let wantBatchCache = false;

/** Whether the command line is validate of what is likely a batch of files. */
function namesABatch(argv, cwd) {
  // --debug may come anywhere, the command's name after it (as main reads it).
  const args = argv.filter((a) => a !== '--debug');
  if (args[0] !== 'validate') return false;
  // Option values (`json`, `out.json`) and repeated paths are counted too: this is only a guess.
  const paths = args.slice(1).filter((a) => !a.startsWith('-'));
  if (paths.length >= BATCH_FILES) return true;
  return paths.some((p) => {
    if (GLOB_CHARS.test(p)) return true;
    try {
      return fs.statSync(path.resolve(cwd, p), { throwIfNoEntry: false })?.isDirectory() === true;
    } catch {
      return false;
    }
  });
}

/** The chunk's cache: the batch's where a batch was asked for and the chunk has one. */
function readCache(filename) {
  if (wantBatchCache) {
    try {
      const data = fs.readFileSync(filename + BATCH_CACHE_SUFFIX);
      batchCaches++;
      return data;
    } catch {
      // Only `core` and the chunks it requires have one.
    }
  }
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
/**
 * The CLI's main (src/cli/main.ts): the bundle is loaded at the first call, with the cache its
 * command line calls for.
 */
function main(argv, io) {
  if (!bundle) {
    wantBatchCache = namesABatch(argv, io.cwd);
    bundle = require('../dist/bundle/pooltopo.cjs');
  }
  return bundle.main(argv, io);
}

/**
 * How many chunks were loaded, how many had no cache, how many caches V8 refused, and how many of
 * those it was given were a batch's.
 */
function codeCacheStats() {
  return { chunks: scripts.length, uncached, rejected, batchCaches };
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

/** Writes the batch's cache of the chunks named (file names), as compiled so far. */
function writeBatchCodeCache(names) {
  for (const { filename, script } of scripts) {
    if (names.includes(path.basename(filename))) fs.writeFileSync(filename + BATCH_CACHE_SUFFIX, script.createCachedData());
  }
}

module.exports = { main, tuneForBatch, codeCacheStats, writeCodeCache, writeBatchCodeCache };
