/**
 * Writing outputs: atomically, never over a file the command read, never through a planted link
 * unless asked. Everything that can fail here fails with a `PooltopoError` (exit code 2).
 */
import { chmodSync, closeSync, existsSync, lstatSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import { PooltopoError } from '../../util/errors.js';
import { describeFsError, workingDirectory } from './errors.js';
import type { FileIdentity } from './read.js';

/**
 * Throws when `output` is one of the files just read (`report x.yaml -o x.yaml`, or the config
 * file): writing it would replace the input with the output. Compared by device and inode, so
 * another path to the same file (a link, `./x.yaml`) is caught too; `known` holds the inputs whose
 * identity their read already gave (validate's batch), the others are looked up.
 */
export function refuseOverwritingInput(output: string, inputs: readonly string[], cwd: string, known?: ReadonlyMap<string, FileIdentity>): void {
  let target;
  try {
    target = statSync(path.resolve(cwd, output));
  } catch {
    return; // a new file
  }
  if (!target.isFile()) return;
  for (const [input, read] of identitiesOf(inputs, cwd, known)) {
    if (read.dev === target.dev && read.ino === target.ino) {
      const same = path.resolve(cwd, output) === path.resolve(cwd, input) ? '' : ` (the same file as "${input}")`;
      throw new PooltopoError(`-o "${output}" names a file this command read${same}: writing there would replace it; name another file`);
    }
  }
}

/**
 * Each input's device and inode, looked up (or taken from `known`) once per list of inputs: a command
 * checks its outputs before writing any and again as it writes each, and a batch has thousands of inputs.
 */
const identities = new WeakMap<readonly string[], { readonly cwd: string; readonly found: ReadonlyArray<readonly [string, FileIdentity]> }>();
function identitiesOf(inputs: readonly string[], cwd: string, known?: ReadonlyMap<string, FileIdentity>): ReadonlyArray<readonly [string, FileIdentity]> {
  const done = identities.get(inputs);
  if (done && done.cwd === cwd) return done.found;
  const found: Array<readonly [string, FileIdentity]> = [];
  for (const input of inputs) {
    const given = known?.get(input);
    if (given) {
      found.push([input, given]);
      continue;
    }
    let read;
    try {
      read = statSync(path.resolve(cwd, input));
    } catch {
      continue;
    }
    found.push([input, { dev: read.dev, ino: read.ino }]);
  }
  identities.set(inputs, { cwd, found });
  return found;
}

/** How writeFileAtomic may treat what is at the output's path already. */
export interface WriteOptions {
  /**
   * Write through a symbolic link at the path (its target is replaced, the link stays); without it
   * a link is refused, since a checkout may hold one planted where the output goes.
   */
  readonly followLink?: boolean | undefined;
  /**
   * The path was made by pooltopo, not named by the user (`report FILE` without `-o`): only a
   * regular file or nothing may be there, and a link is refused even with `followLink`.
   */
  readonly derived?: boolean | undefined;
}

/**
 * What writeFileAtomic refuses, checked without writing: a folder, a path ending in a slash, a link
 * (or a linked folder below the working directory) unless followLink, and for a derived path
 * anything but a regular file. A command with several outputs checks them all before it writes
 * any, so that a refused one leaves none written. Returns what is at the path.
 */
export function checkWritable(
  file: string,
  cwd: string = workingDirectory(),
  options: WriteOptions = {},
): { existing: Stats | undefined; link: boolean; system: boolean } {
  try {
    return writable(file, cwd, options);
  } catch (err) {
    if (err instanceof PooltopoError) throw err;
    throw new PooltopoError(`cannot write "${file}": ${describeFsError(err)}`);
  }
}

function writable(file: string, cwd: string, options: WriteOptions): { existing: Stats | undefined; link: boolean; system: boolean } {
  const given = path.resolve(cwd, file);
  // stat follows links (also /proc's, which realpath cannot: /dev/stdout on a pipe).
  const existing = statSync(given, { throwIfNoEntry: false });
  if (existing?.isDirectory()) throw new PooltopoError(`cannot write "${file}": it is a directory`);
  // path.resolve drops a trailing slash: "out/" would otherwise write (or replace) a file "out",
  // where a shell's `> out/` refuses.
  if (/[\\/]$/.test(file)) throw new PooltopoError(`cannot write "${file}": a path ending in a slash names a folder; name a file`);
  const system = /^\/(?:dev|proc)\//.test(given);
  const link = !system && lstatSync(given, { throwIfNoEntry: false })?.isSymbolicLink() === true;
  const linkedFolder = options.derived || !options.followLink ? linkBelow(cwd, path.dirname(given)) : undefined;
  if (linkedFolder !== undefined) {
    throw new PooltopoError(
      `cannot write "${file}": its folder "${linkedFolder}" is a symbolic link, and pooltopo writes no ${options.derived ? 'report' : 'output'} through a link (one in a checkout may point anywhere)${options.derived ? '; name the report with -o' : '; name another folder, or give --follow-output-link'}`,
    );
  }
  if (link && (options.derived || !options.followLink)) {
    throw new PooltopoError(
      options.derived
        ? `cannot write "${file}": it is a symbolic link, and pooltopo writes no report through a link (one in a checkout may point anywhere); remove it, or name the report with -o`
        : `cannot write "${file}": it is a symbolic link, and pooltopo writes no output through a link (one in a checkout may point anywhere); remove it, name another file, or give --follow-output-link`,
    );
  }
  if (options.derived && existing && !existing.isFile()) {
    throw new PooltopoError(`cannot write "${file}": it is not a regular file (a device, socket or pipe); name the report with -o`);
  }
  return { existing, link, system };
}

/**
 * Writes `text` to `file` so that no reader ever sees half of it: a new or regular file through a
 * temporary file beside it and a rename, keeping the mode of the file it replaces. A symbolic link
 * at the path is refused (a planted `report.html -> ~/.ssh/authorized_keys` must not be written
 * through) unless `followLink`, and then its target is replaced and the link stays; the links that
 * the system itself keeps under /dev and /proc (`/dev/stdout`) are not refused. Anything else that
 * is there already (a device such as /dev/null or /dev/stdout, a named pipe, anything under /dev or
 * /proc) is written to as it is, as a shell's `>` would (a regular file reached that way is
 * appended to, as it may be standard output opened with `>>`): a rename would put a regular file
 * in its place. A `derived` path takes only a regular file or nothing.
 * Synchronous: it is the run's last step, and an asynchronous write only goes through the thread
 * pool for nothing.
 */
export async function writeFileAtomic(file: string, text: string, cwd: string = workingDirectory(), options: WriteOptions = {}): Promise<void> {
  const given = path.resolve(cwd, file);
  let tmp: string | undefined;
  try {
    const { existing, link, system } = checkWritable(file, cwd, options);
    // Written to as it is: anything but a regular file; a path under /dev or /proc that reaches a
    // regular file (/dev/stdout on `>> log`: replacing it would drop what the file held, and so
    // would opening it to write from its start: it is appended to); and a link to nothing (only
    // with followLink), which the rename would replace where a shell creates its target.
    const direct = existing ? !existing.isFile() || system : link;
    if (direct) {
      writeText(given, text, existing?.isFile() ? 'a' : 'w');
      return;
    }
    // A regular file (through a link only with followLink), or nothing yet. The rename replaces
    // the name itself: a link made there after the check above is replaced, not written through.
    const target = existing && link ? realpathSync.native(given) : given;
    tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
    writeText(tmp, text, 'wx');
    if (existing) chmodSync(tmp, existing.mode & 0o7777);
    renameSync(tmp, target);
  } catch (err) {
    if (tmp !== undefined) rmSync(tmp, { force: true });
    if (err instanceof PooltopoError) throw err;
    // No such file or directory, for a file being created: its folder is what is missing.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && !existsSync(path.dirname(given))) {
      throw new PooltopoError(`cannot write "${file}": its folder "${path.dirname(file)}" does not exist (pooltopo does not create folders)`);
    }
    throw new PooltopoError(`cannot write "${file}": ${describeFsError(err)}`);
  }
}

/**
 * The first folder from `cwd` down to `dir` that is a symbolic link, as a path relative to `cwd`,
 * or undefined; folders above `cwd`, or a `dir` outside it, are the user's own and not looked at.
 */
function linkBelow(cwd: string, dir: string): string | undefined {
  const rel = path.relative(cwd, dir);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  let at = cwd;
  const parts = rel.split(path.sep);
  for (const [i, part] of parts.entries()) {
    at = path.join(at, part);
    if (lstatSync(at, { throwIfNoEntry: false })?.isSymbolicLink()) return parts.slice(0, i + 1).join('/');
  }
  return undefined;
}

/**
 * The most written to a file in one system call (bin/pooltopo.js has the same for standard
 * output): one large write of a big result is slower than several of this size on common disks
 * (docs/PERFORMANCE.md), and other disks lose nothing by it.
 */
export const WRITE_CHUNK_BYTES = 256 * 1024;

/**
 * Writes `text` as UTF-8 to `file`, opened with `flag`, WRITE_CHUNK_BYTES at a time. A pipe whose
 * reader has gone (`-o /dev/stdout | head`) ends the writing quietly, as the CLI's standard output
 * does.
 */
function writeText(file: string, text: string, flag: 'w' | 'wx' | 'a'): void {
  const bytes = Buffer.from(text, 'utf8');
  const fd = openSync(file, flag);
  try {
    for (let offset = 0; offset < bytes.length;) {
      offset += writeSync(fd, bytes, offset, Math.min(WRITE_CHUNK_BYTES, bytes.length - offset));
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPIPE') throw err;
  } finally {
    closeSync(fd);
  }
}
