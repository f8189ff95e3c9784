/**
 * Which files a command line names: files as themselves, folders walked for topology files, globs
 * matched (glob.ts); each real file once, by the first name met. Fails with a `PooltopoError` (exit 2).
 */
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { NotRegularFileError, PooltopoError } from '../../util/errors.js';
import { compileGlob, GlobSyntaxError, isGlob } from './glob.js';
import { describeFsError, describeLinkError } from './errors.js';

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
 * promise API's round trips through the thread pool cost more than the walk (and loading
 * node:fs/promises, with the modules it brings, costs every start).
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
      walk(abs, entryPrefix(abs, cwd), { wants: isTopologyName, take, maxDepth: Infinity, cwd }, warnings);
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
  /** The working directory: a link met in the walk is followed only to a place under it or under the walk's start. */
  readonly cwd: string;
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
 * it (a loop) is skipped with a warning; one to a folder walked already, without one. A link to a
 * place outside both the working directory and the folder walked is skipped with a warning: a
 * checkout can plant `designs/x.yaml -> ~/.git-credentials`, and a schema finding would quote the
 * secret into output that a pull request's author reads; named on the command line, it is read.
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
      // joined path needs none of path.join's normalising, which a large folder pays for.
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
  const within = [real, realOf(visit.cwd)].map((r) => (r.endsWith(path.sep) ? r : r + path.sep));
  const inside = (target: string) => within.some((w) => target === w.slice(0, -1) || target.startsWith(w));
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
    if (!inside(target)) {
      if (st.isDirectory() || visit.wants(full))
        warnings.push(`skipped "${shown}": a symbolic link to a place outside the working directory and the folder walked (name it to lint it)`);
      continue;
    }
    if (st.isDirectory()) {
      if (path.basename(full) === 'node_modules' || depth + 1 >= visit.maxDepth) continue;
      if (done.has(target)) {
        const holder = realOf(path.dirname(full));
        if (holder === target || holder.startsWith(target.endsWith(path.sep) ? target : target + path.sep))
          warnings.push(`skipped "${shown}": a symbolic link loop`);
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
  walk(
    base,
    entryPrefix(base, cwd),
    {
      wants: (file) => glob.test(path.relative(base, file).split(path.sep).join('/')),
      take,
      maxDepth: glob.maxSegments,
      cwd,
    },
    warnings,
  );
}
