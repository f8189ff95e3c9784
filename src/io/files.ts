/**
 * The file system edge: which files a command line names, reading them as text, writing outputs
 * atomically. Everything that can fail here fails with a `PooltopoError` (exit code 2).
 */
import { chmodSync, closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import { NotRegularFileError, PooltopoError } from '../util/errors.js';
import { groupThousands } from '../util/message.js';
import { compileGlob, GlobSyntaxError, isGlob } from './files/glob.js';

const TOPOLOGY_EXTENSIONS = ['.yaml', '.yml'];

export interface ExpandResult {
  readonly files: readonly string[];
  /** Files named as themselves (not found through a directory or a glob). */
  readonly explicit: ReadonlySet<string>;
  /** Problems met while walking directories that leave no file unread (link loops): told, not fatal. */
  readonly warnings: readonly string[];
}

/**
 * Files named by `patterns`: a file is itself (any extension); a directory means its `*.yaml` and
 * `*.yml` files, recursively, skipping `node_modules` and hidden files and folders; a glob means the files it
 * matches, unless a file or folder has that very name (`a[1].yaml`), which is taken as itself.
 * Paths come back relative to `cwd` when under it, sorted, without repeats: a file reached by
 * several names (links, `x.yaml` and `./link-to-x.yaml`) comes back once, by the first name met. A
 * glob that matches no file, or a directory without a topology file, throws; with
 * `errorOnUnmatched` false it is only a warning (a path that does not exist throws either way). A
 * pattern that is no valid glob throws, naming it.
 *
 * The walk is synchronous, like the reading: on a local disk each call takes microseconds, and the
 * promise API's round trips through the thread pool cost a thousand-file folder 20 ms (and loading
 * node:fs/promises, with the readline and watcher modules it brings, a few more at every start).
 */
export async function expandPatterns(patterns: readonly string[], cwd: string, errorOnUnmatched = true): Promise<ExpandResult> {
  const found = new Set<string>();
  const explicit = new Set<string>();
  const warnings: string[] = [];
  // The real path of every file taken: each file is linted once however many names reach it.
  const taken = new Set<string>();
  /**
   * A glob that matches nothing, or a directory without topology files: an error (saying `why`,
   * the walk's warnings, which would not be shown after it), or only a warning beside them.
   */
  const unmatched = (message: string, why = '') => {
    if (errorOnUnmatched) throw new PooltopoError(message + why);
    warnings.push(message);
  };
  for (const pattern of patterns) {
    // An empty argument is most often an unset variable (`pooltopo validate "$FILES"`): as a path
    // it would mean the working directory, and lint everything there.
    if (pattern === '') throw new PooltopoError('an empty path was given (an unset variable?); name a file, a directory or a glob');
    // What this pattern matches, whether or not an earlier one gave it too (`examples/ examples/*.yaml`).
    let matched = 0;
    const take = (shown: string, real: string) => {
      matched++;
      if (taken.has(real)) return;
      taken.add(real);
      found.add(shown);
    };
    const abs = path.resolve(cwd, pattern);
    if (isGlob(pattern) && lstatSync(abs, { throwIfNoEntry: false }) === undefined) {
      expandGlob(pattern, cwd, take, warnings);
      if (matched === 0) unmatched(`no files match "${pattern}"`);
      continue;
    }
    let stat;
    try {
      stat = statSync(abs);
    } catch (err) {
      throw new PooltopoError(`cannot read "${pattern}": ${describeLinkError(abs, err)}`);
    }
    if (!stat.isDirectory() && !stat.isFile()) {
      throw new NotRegularFileError(`cannot read "${pattern}"`);
    }
    if (stat.isDirectory()) {
      const warned = warnings.length;
      walk(abs, entryPrefix(abs, cwd), { wants: isTopologyName, take, maxDepth: Infinity }, warnings);
      if (matched === 0) {
        // Say why, when the walk skipped what it found (the warnings would not be shown after this).
        const skipped = warnings.slice(warned);
        const why = skipped.length === 0 ? '' : skipped.length === 1 ? `; ${skipped[0]}` : `; ${skipped.length} skipped, the first: ${skipped[0]}`;
        unmatched(`no topology files (*.yaml, *.yml) in directory "${pattern}"`, why);
      }
    } else {
      const shown = display(abs, cwd);
      const real = realOf(abs);
      if (!taken.has(real)) explicit.add(shown);
      take(shown, real);
    }
  }
  return { files: [...found].sort(), explicit, warnings };
}

/** The real path of an existing file, or the path itself where it cannot be resolved. */
function realOf(abs: string): string {
  try {
    return realpathSync(abs);
  } catch {
    return abs;
  }
}

/** Why a path cannot be read, saying so where it is a link to nothing or to itself. */
export function describeLinkError(abs: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' && lstatSync(abs, { throwIfNoEntry: false })?.isSymbolicLink()) return 'it is a symbolic link to nothing';
  if (code === 'ELOOP') return 'it is a symbolic link that leads back to itself (a loop)';
  return describeFsError(err);
}

function display(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  const shown = rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
  return shown.split(path.sep).join('/');
}

/** Whether a file's name ends in `.yaml` or `.yml`, any case (as path.extname, at a fraction of its cost cold). */
function isTopologyName(file: string): boolean {
  const dot = file.lastIndexOf('.');
  return dot > file.lastIndexOf(path.sep) + 1 && TOPOLOGY_EXTENSIONS.includes(file.slice(dot).toLowerCase());
}

/**
 * What display() puts before the name of an entry of `dir`: nothing for the working directory, else
 * the folder as display() shows it and a `/`. An entry's shown path is built from it (display()
 * would give the same: hidden names, the only ones that could start with `..`, are skipped), rather
 * than worked out again for each of a thousand files.
 */
function entryPrefix(dir: string, cwd: string): string {
  if (path.relative(cwd, dir) === '') return '';
  const shown = display(dir, cwd);
  return shown.endsWith('/') ? shown : `${shown}/`;
}

/**
 * What a walk looks for: `wants` a file by its path, `take` it by its path as display() shows it and
 * its real path; folders deeper than `maxDepth` below the start are not entered.
 */
interface WalkVisitor {
  readonly wants: (file: string) => boolean;
  readonly take: (shown: string, real: string) => void;
  readonly maxDepth: number;
}

/**
 * Takes every file under `dir` the visitor wants; `prefix` is entryPrefix(dir). What the walk
 * cannot read throws, as it would named on the command line (CLI.md: exit code 0 means every file
 * was read): a folder it cannot list, and a wanted name that is a link to nothing or not a regular
 * file (a named pipe, a socket, a device: reading it could hang or read forever).
 *
 * Each real folder is listed once and each real file taken once, however many links reach them,
 * so the walk is linear in what exists (36 committed links, each folder linking twice to the next,
 * made 2^36 paths). Links are followed only after everything reachable without them, so that a
 * file is named by its own path where the walk meets it there too. A link to a folder that holds
 * it (a loop) is skipped with a warning; one to a folder walked already, without one.
 */
function walk(dir: string, prefix: string, visit: WalkVisitor, warnings: string[]): void {
  const done = new Set<string>();
  const links: { readonly full: string; readonly shown: string; readonly depth: number }[] = [];
  const list = (folder: string, folderPrefix: string, depth: number, real: string) => {
    // Messages name paths as findings do (relative to the working directory where they are below it).
    const shownDir = folderPrefix === '' ? '.' : folderPrefix.slice(0, -1);
    // A folder listed already through a link to it or to a folder above it.
    if (done.has(real)) return;
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (err) {
      throw new PooltopoError(`cannot read directory "${shownDir}": ${describeFsError(err)}`);
    }
    done.add(real);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const dirPrefix = folder.endsWith(path.sep) ? folder : folder + path.sep;
    const realPrefix = real.endsWith(path.sep) ? real : real + path.sep;
    for (const entry of entries) {
      // Hidden files and folders (.pooltopo.yaml, .git, .github, ...) are not topologies.
      if (entry.name.startsWith('.')) continue;
      // `folder` is resolved (no `.`, `..` or doubled separators) and the name holds no separator: the
      // joined path needs none of path.join's normalising, which costs a thousand-file folder 10 ms cold.
      const full = dirPrefix + entry.name;
      if (entry.isSymbolicLink()) {
        links.push({ full, shown: folderPrefix + entry.name, depth });
      } else if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && depth + 1 < visit.maxDepth) list(full, `${folderPrefix}${entry.name}/`, depth + 1, realPrefix + entry.name);
      } else if (visit.wants(full)) {
        if (!entry.isFile()) throw new NotRegularFileError(`cannot read "${folderPrefix}${entry.name}"`);
        visit.take(folderPrefix + entry.name, realPrefix + entry.name);
      }
    }
  };
  let real: string;
  try {
    real = realpathSync(dir);
  } catch (err) {
    throw new PooltopoError(`cannot read directory "${prefix === '' ? '.' : prefix.slice(0, -1)}": ${describeFsError(err)}`);
  }
  list(dir, prefix, 0, real);
  // Links in the order met, and those met in the folders they lead to after them.
  for (let i = 0; i < links.length; i++) {
    const { full, shown, depth } = links[i]!;
    let st;
    let target;
    try {
      st = statSync(full);
      target = realpathSync(full);
    } catch (err) {
      // A link to nothing is a file the walk cannot read where its name is a topology's;
      // otherwise it is no more a topology than any other file of that name.
      if (visit.wants(full)) throw new PooltopoError(`cannot read "${shown}": ${describeLinkError(full, err)}`);
      continue;
    }
    if (st.isDirectory()) {
      if (path.basename(full) === 'node_modules' || depth + 1 >= visit.maxDepth) continue;
      if (done.has(target)) {
        const holder = realOf(path.dirname(full));
        if (holder === target || holder.startsWith(target.endsWith(path.sep) ? target : target + path.sep)) warnings.push(`skipped "${shown}": a symbolic link loop`);
        continue;
      }
      list(full, `${shown}/`, depth + 1, target);
    } else if (visit.wants(full)) {
      if (!st.isFile()) throw new NotRegularFileError(`cannot read "${shown}"`);
      visit.take(shown, target);
    }
  }
}

/** Takes the files `pattern` matches; throws for a pattern that is no valid glob. */
function expandGlob(pattern: string, cwd: string, take: (shown: string, real: string) => void, warnings: string[]): void {
  const normalised = pattern.split(path.sep).join('/');
  const segments = normalised.split('/');
  const staticSegments: string[] = [];
  for (const s of segments) {
    if (isGlob(s)) break;
    staticSegments.push(s);
  }
  const base = path.resolve(cwd, staticSegments.join('/') || '.');
  const rest = segments.slice(staticSegments.length).join('/');
  let glob;
  try {
    glob = compileGlob(rest);
  } catch (err) {
    if (err instanceof GlobSyntaxError) throw new PooltopoError(`"${pattern}" is not a valid glob: ${err.reason}`);
    throw err;
  }
  const start = statSync(base, { throwIfNoEntry: false });
  if (!start?.isDirectory()) return;
  walk(base, entryPrefix(base, cwd), {
    wants: (file) => glob.test(path.relative(base, file).split(path.sep).join('/')),
    take,
    maxDepth: glob.maxSegments,
  }, warnings);
}

export interface ReadLimits {
  /** Largest file read, in bytes. */
  readonly maxFileBytes: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxFileBytes: 16 * 1024 * 1024 };

export type ReadResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string; readonly offset: number; readonly text: string };

/**
 * Reads a file as UTF-8 text; a file too large or not UTF-8 comes back as a problem to report, not an
 * error. Synchronous on purpose: linting a thousand files, the async calls' round trips through the
 * thread pool cost more than the linting (profiled: 850 ms of 1.9 s idle). One open, one fstat, the
 * reads, one close: no second lookup of the path. Opened non-blocking, so a FIFO is refused at once
 * rather than waited on. `what` comes before the name in messages (`config file `).
 */
export function readTopologyFile(file: string, cwd: string, limits: ReadLimits = DEFAULT_READ_LIMITS, what = ''): ReadResult {
  const abs = path.isAbsolute(file) ? file : path.resolve(cwd, file);
  let bytes: Buffer;
  let fd: number | undefined;
  const cannot = `cannot read ${what}"${file}"`;
  try {
    fd = openSync(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new PooltopoError(`${cannot}: it is a directory`);
    if (!stat.isFile()) throw new NotRegularFileError(cannot);
    // The size is unknown for a file that reports 0 (read to its end): then it is only "larger".
    const tooLarge = (size?: number): ReadResult => {
      const [given, limit] = formatOver(size, limits.maxFileBytes);
      return { ok: false, offset: 0, text: '', message: `the file is ${given === undefined ? '' : `${given}, `}larger than the ${limit} pooltopo reads` };
    };
    if (stat.size > limits.maxFileBytes) return tooLarge(stat.size);
    bytes = readAll(fd, stat.size, limits.maxFileBytes);
    if (bytes.length > limits.maxFileBytes) return tooLarge();
  } catch (err) {
    if (err instanceof PooltopoError) throw err;
    throw new PooltopoError(`${cannot}: ${describeLinkError(abs, err)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return decodeText(bytes);
}

/**
 * The file's bytes: `size` as fstat gave it, or fewer if the file shrank meanwhile. A file that
 * says it is empty (as files under /proc do) is read until its end, or until it is past `limit`.
 */
function readAll(fd: number, size: number, limit: number): Buffer {
  if (size === 0) {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(64 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > limit) break;
    }
    return Buffer.concat(chunks);
  }
  const bytes = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const n = readSync(fd, bytes, filled, size - filled, filled);
    if (n === 0) break;
    filled += n;
  }
  return filled < size ? bytes.subarray(0, filled) : bytes;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const LENIENT_UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

export function decodeText(bytes: Uint8Array): ReadResult {
  // UTF-16 with a byte-order mark is what Windows PowerShell 5.1 and Excel write (FORMAT.md).
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be');
  try {
    return { ok: true, text: STRICT_UTF8.decode(bytes) };
  } catch {
    const text = LENIENT_UTF8.decode(bytes);
    const offset = Math.max(0, text.indexOf('\uFFFD'));
    return { ok: false, message: 'the file is not valid UTF-8 text (binary data, or another encoding)', offset, text };
  }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): ReadResult {
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(2)) };
  } catch {
    const text = new TextDecoder(encoding).decode(bytes.subarray(2));
    return { ok: false, message: `the file starts as UTF-16 (${encoding === 'utf-16le' ? 'little' : 'big'}-endian) but is not valid UTF-16 text`, offset: Math.max(0, text.indexOf('\uFFFD')), text };
  }
}

function formatBytes(n: number): string {
  // Under 1 KiB, in bytes: rounded up to kibibytes, a 1-byte limit read as "1 KiB".
  if (n < 1024) return `${groupThousands(n)} ${n === 1 ? 'byte' : 'bytes'}`;
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}

/**
 * A size (when known) and the limit it is over, rounded as formatBytes rounds; in bytes when the
 * rounding would make them read the same ("1 KiB, larger than the 1 KiB").
 */
function formatOver(size: number | undefined, limit: number): [string | undefined, string] {
  if (size === undefined) return [undefined, formatBytes(limit)];
  const [a, b] = [formatBytes(size), formatBytes(limit)];
  return a !== b ? [a, b] : [`${groupThousands(size)} bytes`, `${groupThousands(limit)} bytes`];
}

/**
 * The process's working directory; a PooltopoError (exit 2, one line) where it cannot be had,
 * as when the folder was deleted under the shell that started pooltopo.
 */
export function workingDirectory(): string {
  try {
    return process.cwd();
  } catch (err) {
    throw new PooltopoError(`the working directory cannot be read (${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'it was deleted' : describeFsError(err)}); change to a folder that exists`);
  }
}

export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'it is a directory';
    case 'ENOTDIR': return 'a part of the path is not a directory';
    case 'ELOOP': return 'too many symbolic links (a loop?)';
    case 'ENOSPC': return 'no space left on the device';
    case 'EROFS': return 'read-only file system';
    default: return err instanceof Error ? err.message : String(err);
  }
}

/**
 * Throws when `output` is one of the files just read (`report x.yaml -o x.yaml`, or the config
 * file): writing it would replace the input with the output. Compared by device and inode, so
 * another path to the same file (a link, `./x.yaml`) is caught too.
 */
export function refuseOverwritingInput(output: string, inputs: readonly string[], cwd: string): void {
  let target;
  try {
    target = statSync(path.resolve(cwd, output));
  } catch {
    return; // a new file
  }
  if (!target.isFile()) return;
  for (const input of inputs) {
    let read;
    try {
      read = statSync(path.resolve(cwd, input));
    } catch {
      continue;
    }
    if (read.dev === target.dev && read.ino === target.ino) {
      const same = path.resolve(cwd, output) === path.resolve(cwd, input) ? '' : ` (the same file as "${input}")`;
      throw new PooltopoError(`-o "${output}" names a file this command read${same}: writing there would replace it; name another file`);
    }
  }
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
 * Writes `text` to `file` so that no reader ever sees half of it: a new or regular file through a
 * temporary file beside it and a rename, keeping the mode of the file it replaces. A symbolic link
 * at the path is refused (a planted `report.html -> ~/.ssh/authorized_keys` must not be written
 * through) unless `followLink`, and then its target is replaced and the link stays; the links that
 * the system itself keeps under /dev and /proc (`/dev/stdout`) are not refused. Anything else that
 * is there already (a device such as /dev/null or /dev/stdout, a named pipe, anything under /dev or
 * /proc) is written to as it is, as a shell's `>` would (a regular file reached that way is
 * appended to, as it may be standard output opened with `>>`): a rename would put a regular file
 * in its place. A `derived` path takes only a regular file or nothing.
 * Synchronous: it is the run's last step, and the asynchronous write of a 4.4 MB JSON result went
 * through the thread pool for nothing (measured: 37 ms against 26 ms).
 */
export async function writeFileAtomic(file: string, text: string, cwd: string = workingDirectory(), options: WriteOptions = {}): Promise<void> {
  const given = path.resolve(cwd, file);
  let tmp: string | undefined;
  try {
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
      throw new PooltopoError(`cannot write "${file}": its folder "${linkedFolder}" is a symbolic link, and pooltopo writes no ${options.derived ? 'report' : 'output'} through a link (one in a checkout may point anywhere)${options.derived ? '; name the report with -o' : '; name another folder, or give --follow-output-link'}`);
    }
    if (link && (options.derived || !options.followLink)) {
      throw new PooltopoError(options.derived
        ? `cannot write "${file}": it is a symbolic link, and pooltopo writes no report through a link (one in a checkout may point anywhere); remove it, or name the report with -o`
        : `cannot write "${file}": it is a symbolic link, and pooltopo writes no output through a link (one in a checkout may point anywhere); remove it, name another file, or give --follow-output-link`);
    }
    if (options.derived && existing && !existing.isFile()) {
      throw new PooltopoError(`cannot write "${file}": it is not a regular file (a device, socket or pipe); name the report with -o`);
    }
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
 * output). On the development machine's disk (ext4 on a virtual disk) one write of a 4.4 MB JSON
 * result took 12 ms and the same bytes in writes of 256 KiB 2 ms (medians of 15 in one process);
 * a CPU profile of a batch of 1,000 files had put the write at 18 ms of 245. Other disks may not
 * differ, and lose nothing by it.
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
