#!/usr/bin/env node
// CommonJS (bin/package.json says so): requiring the CommonJS bundle skips Node's ESM loader, which
// costs every start more than the bundle itself (docs/PERFORMANCE.md).
'use strict';
const fs = require('node:fs');
// The bundle is loaded from the build's code cache, and V8 tuned for a batch of files
// (bundle-loader.cjs says why).
const { main, tuneForBatch } = require('./bundle-loader.cjs');

// Output is written straight to the file descriptors. process.stdout and process.stderr are
// streams that Node builds on first use, with its whole stream library (and net, for a pipe), a
// cost at every start whose output goes to a pipe, as in CI. Writes are synchronous, as Node's own
// are for files and pipes.
function writeAll(fd, text) {
  if (closed.has(fd)) return;
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += fs.writeSync(fd, bytes, offset, Math.min(WRITE_CHUNK_BYTES, bytes.length - offset));
    } catch (err) {
      // A pipe its reader left non-blocking: wait for room.
      if (err.code === 'EAGAIN') Atomics.wait(PAUSE, 0, 0, 1);
      // A reader that stops early (`pooltopo validate . | head`) closes the pipe: stop writing to
      // it, quietly, and let the command finish with its own exit code (under `set -o pipefail`,
      // as GitHub Actions runs bash, findings must fail the step however much was read).
      else if (err.code === 'EPIPE') {
        closed.add(fd);
        return;
      } else {
        // A full disk, a device error: one line, and the exit code of a command that could not
        // do its job.
        if (fd === 1) writeAll(2, `pooltopo: cannot write to standard output: ${err.message}\n`);
        process.exit(2);
      }
    }
  }
}
const PAUSE = new Int32Array(new SharedArrayBuffer(4));
// At most this much in one write: one write of a large result to a file (`> out.json`) is slower
// than several of this size (src/io/files/write.ts's WRITE_CHUNK_BYTES, which this matches).
const WRITE_CHUNK_BYTES = 256 * 1024;
/** The descriptors whose reader has gone. */
const closed = new Set();

/**
 * Whether standard output is a terminal, without building process.stdout: a pipe, a file or a
 * socket is not, nor is the null device; any other character device is asked with isatty.
 */
function stdoutIsTerminal() {
  let stat;
  try {
    stat = fs.fstatSync(1);
  } catch {
    return false;
  }
  if (!stat.isCharacterDevice()) return false;
  try {
    if (stat.rdev === fs.statSync('/dev/null').rdev) return false;
  } catch {
    // No /dev/null (Windows): ask isatty.
  }
  return require('node:tty').isatty(1);
}

/** The working directory; where it was deleted under the shell, one line and exit code 2 (CLI.md). */
function workingDirectory() {
  try {
    return process.cwd();
  } catch (err) {
    const why = err.code === 'ENOENT' ? 'it was deleted' : err.message;
    writeAll(2, `pooltopo: the working directory cannot be read (${why}); change to a folder that exists\n`);
    process.exit(2);
  }
}

main(process.argv.slice(2), {
  stdout: (text) => writeAll(1, text),
  stderr: (text) => writeAll(2, text),
  cwd: workingDirectory(),
  env: process.env,
  isTTY: stdoutIsTerminal(),
  onBatch: tuneForBatch,
}).then((code) => {
  // Exit at once: everything is written by now (synchronously, above). Left to end by itself, the
  // process first runs what V8 has scheduled, such as finishing an incremental mark of the heap it
  // is about to free.
  process.exit(code);
});
