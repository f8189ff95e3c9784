/**
 * The file system edge: which files a command line names, reading them as text, writing outputs
 * atomically. Everything that can fail here fails with a `PooltopoError` (exit code 2).
 */
import { chmodSync, closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import { NotRegularFileError, PooltopoError } from '../errors.js';
import { groupThousands } from '../rules/types.js';

const TOPOLOGY_EXTENSIONS = ['.yaml', '.yml'];
const GLOB_CHARS = /[*?[\]{}]/;

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
 * matches. Paths come back relative to `cwd` when under it, sorted, without repeats. A glob that
 * matches no file, or a directory without a topology file, throws; with `errorOnUnmatched` false
 * it is only a warning (a path that does not exist throws either way).
 *
 * The walk is synchronous, like the reading: on a local disk each call takes microseconds, and the
 * promise API's round trips through the thread pool cost a thousand-file folder 20 ms (and loading
 * node:fs/promises, with the readline and watcher modules it brings, a few more at every start).
 */
export async function expandPatterns(patterns: readonly string[], cwd: string, errorOnUnmatched = true): Promise<ExpandResult> {
  const found = new Set<string>();
  const explicit = new Set<string>();
  const warnings: string[] = [];
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
    const take = (shown: string) => {
      matched++;
      found.add(shown);
    };
    if (GLOB_CHARS.test(pattern)) {
      await expandGlob(pattern, cwd, take, warnings);
      if (matched === 0) unmatched(`no files match "${pattern}"`);
      continue;
    }
    const abs = path.resolve(cwd, pattern);
    let stat;
    try {
      stat = statSync(abs);
    } catch (err) {
      throw new PooltopoError(`cannot read "${pattern}": ${describeFsError(err)}`);
    }
    if (!stat.isDirectory() && !stat.isFile()) {
      throw new NotRegularFileError(`cannot read "${pattern}"`);
    }
    if (stat.isDirectory()) {
      const warned = warnings.length;
      walk(abs, entryPrefix(abs, cwd), { wants: isTopologyName, take }, warnings, new Set());
      if (matched === 0) {
        // Say why, when the walk skipped what it found (the warnings would not be shown after this).
        const skipped = warnings.slice(warned);
        const why = skipped.length === 0 ? '' : skipped.length === 1 ? `; ${skipped[0]}` : `; ${skipped.length} skipped, the first: ${skipped[0]}`;
        unmatched(`no topology files (*.yaml, *.yml) in directory "${pattern}"`, why);
      }
    } else {
      found.add(display(abs, cwd));
      explicit.add(display(abs, cwd));
    }
  }
  return { files: [...found].sort(), explicit, warnings };
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

/** What a walk looks for: `wants` a file by its path, `take` it by its path as display() shows it. */
interface WalkVisitor {
  readonly wants: (file: string) => boolean;
  readonly take: (shown: string) => void;
}

/**
 * Takes every file under `dir` the visitor wants; `prefix` is entryPrefix(dir). What the walk
 * cannot read throws, as it would named on the command line (CLI.md: exit code 0 means every file
 * was read): a folder it cannot list, and a wanted name that is a link to nothing or not a regular
 * file (a named pipe, a socket, a device: reading it could hang or read forever). A link back to a
 * folder the walk is in is skipped with a warning (its files are read once, the other way).
 */
function walk(dir: string, prefix: string, visit: WalkVisitor, warnings: string[], seen: Set<string>): void {
  // Messages name paths as findings do (relative to the working directory where they are below it).
  const shownDir = prefix === '' ? '.' : prefix.slice(0, -1);
  let real: string;
  let entries;
  try {
    real = realpathSync(dir);
    if (seen.has(real)) {
      warnings.push(`skipped "${shownDir}": a symbolic link loop`);
      return;
    }
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    throw new PooltopoError(`cannot read directory "${shownDir}": ${describeFsError(err)}`);
  }
  seen.add(real);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const dirPrefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  for (const entry of entries) {
    // Hidden files and folders (.pooltopo.yaml, .git, .github, ...) are not topologies.
    if (entry.name.startsWith('.')) continue;
    // `dir` is resolved (no `.`, `..` or doubled separators) and the name holds no separator: the
    // joined path needs none of path.join's normalising, which costs a thousand-file folder 10 ms cold.
    const full = dirPrefix + entry.name;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const st = statSync(full);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch (err) {
        // A link to nothing is a file the walk cannot read where its name is a topology's;
        // otherwise it is no more a topology than any other file of that name.
        if (visit.wants(full)) {
          const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'it is a symbolic link to nothing' : describeFsError(err);
          throw new PooltopoError(`cannot read "${prefix}${entry.name}": ${why}`);
        }
        continue;
      }
    }
    if (isDir) {
      if (entry.name === 'node_modules') continue;
      walk(full, `${prefix}${entry.name}/`, visit, warnings, seen);
    } else if (visit.wants(full)) {
      if (!isFile) throw new NotRegularFileError(`cannot read "${prefix}${entry.name}"`);
      visit.take(prefix + entry.name);
    }
  }
  seen.delete(real);
}

async function expandGlob(pattern: string, cwd: string, take: (shown: string) => void, warnings: string[]): Promise<void> {
  const normalised = pattern.split(path.sep).join('/');
  const segments = normalised.split('/');
  const staticSegments: string[] = [];
  for (const s of segments) {
    if (GLOB_CHARS.test(s)) break;
    staticSegments.push(s);
  }
  const base = path.resolve(cwd, staticSegments.join('/') || '.');
  const rest = segments.slice(staticSegments.length).join('/');
  const matcher = globToRegExp(rest);
  try {
    statSync(base);
  } catch {
    return;
  }
  walk(base, entryPrefix(base, cwd), {
    wants: (file) => matcher.test(path.relative(base, file).split(path.sep).join('/')),
    take,
  }, warnings, new Set());
}

/** A glob (`*`, `**`, `?`, `[abc]`, `{a,b}`) as a regular expression over `/`-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let inBraces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else {
        re += '[^/]*';
      }
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        const body = glob.slice(i + 1, end).replace(/\\/g, '\\\\');
        re += `[${body.startsWith('!') ? '^' + body.slice(1) : body}]`;
        i = end;
      }
    } else if (c === '{') {
      inBraces++;
      re += '(?:';
    } else if (c === '}' && inBraces > 0) {
      inBraces--;
      re += ')';
    } else if (c === ',' && inBraces > 0) re += '|';
    else re += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
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
    throw new PooltopoError(`${cannot}: ${describeFsError(err)}`);
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
  try {
    return { ok: true, text: STRICT_UTF8.decode(bytes) };
  } catch {
    const text = LENIENT_UTF8.decode(bytes);
    const offset = Math.max(0, text.indexOf('\uFFFD'));
    return { ok: false, message: 'the file is not valid UTF-8 text (binary data, or another encoding)', offset, text };
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

/**
 * Writes `text` to `file` so that no reader ever sees half of it: a new or regular file through a
 * temporary file beside it and a rename, keeping the mode of the file it replaces; a symbolic link
 * is followed (its target is replaced, the link stays). Anything else that is there already (a
 * device such as /dev/null or /dev/stdout, a named pipe, anything under /dev or /proc) is written
 * to as it is, as a shell's `>` would (a regular file reached that way is appended to, as it may
 * be standard output opened with `>>`): a rename would put a regular file in its place.
 * Synchronous: it is the run's last step, and the asynchronous write of a 4.4 MB JSON result went
 * through the thread pool for nothing (measured: 37 ms against 26 ms).
 */
export async function writeFileAtomic(file: string, text: string, cwd: string = process.cwd()): Promise<void> {
  const given = path.resolve(cwd, file);
  let tmp: string | undefined;
  try {
    // stat follows links (also /proc's, which realpath cannot: /dev/stdout on a pipe).
    const existing = statSync(given, { throwIfNoEntry: false });
    if (existing?.isDirectory()) throw new PooltopoError(`cannot write "${file}": it is a directory`);
    // path.resolve drops a trailing slash: "out/" would otherwise write (or replace) a file "out",
    // where a shell's `> out/` refuses.
    if (/[\\/]$/.test(file)) throw new PooltopoError(`cannot write "${file}": a path ending in a slash names a folder; name a file`);
    // Written to as it is: anything but a regular file; a path under /dev or /proc that reaches a
    // regular file (/dev/stdout on `>> log`: replacing it would drop what the file held, and so
    // would opening it to write from its start: it is appended to); and a link to nothing, which
    // the rename would replace where a shell creates its target.
    const direct = existing
      ? !existing.isFile() || /^\/(?:dev|proc)\//.test(given)
      : lstatSync(given, { throwIfNoEntry: false })?.isSymbolicLink() === true;
    if (direct) {
      writeText(given, text, existing?.isFile() ? 'a' : 'w');
      return;
    }
    // A regular file, perhaps through links, or nothing yet.
    const target = existing ? realpathSync.native(given) : given;
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
