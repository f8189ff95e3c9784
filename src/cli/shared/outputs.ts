/**
 * What validate's outputs need from the command line: the --format/-o pairs of one run, the
 * repository a run is in (for paths that SARIF, Code Quality and markdown give from its root), and
 * standard input read within the document limits.
 */
import { existsSync, readSync } from 'node:fs';
import * as path from 'node:path';
import { PooltopoError } from '../../util/errors.js';
import type { RepositoryLinks } from '../../formatters/markdown.js';

/** One output of a run: a format, and the file it goes to (undefined: standard output). */
export interface OutputPair {
  readonly format: string;
  readonly output: string | undefined;
}

export type OptionToken = { readonly kind: 'option'; readonly name: string; readonly value?: string | undefined } | { readonly kind: string };

/**
 * The outputs asked for, from the options in the order given: each --format goes to the -o that
 * follows it, and the one without an -o to standard output. One --format and one -o pair whatever
 * their order; a format given twice without an -o between takes the last (`npm run lint --
 * --format json` overrides the script's), and so does an -o given twice without a --format between.
 */
export function outputPairs(tokens: readonly OptionToken[]): OutputPair[] {
  const options = tokens.filter(
    (t): t is { kind: 'option'; name: string; value: string } =>
      (t.kind === 'option' && (t as { name: string }).name === 'format') || (t.kind === 'option' && (t as { name: string }).name === 'output'),
  );
  // An -o given again with no --format between takes its last value, as any one-value option does
  // (USAGE.md): `npm run lint -- -o other.json` overrides the script's -o.
  const given = options.filter((t, i) => !(t.name === 'output' && options[i + 1]?.name === 'output'));
  const formats = given.filter((t) => t.name === 'format');
  const outputs = given.filter((t) => t.name === 'output');
  const stdoutName = (o: string) => (o === '-' ? undefined : o);
  for (const o of outputs) if (o.value === '') throw new PooltopoError('--output is an empty path (an unset variable?); name a file, or - for standard output');
  if (formats.length <= 1 && outputs.length <= 1) {
    return [{ format: formats[0]?.value ?? 'stylish', output: outputs[0] !== undefined ? stdoutName(outputs[0].value) : undefined }];
  }
  const pairs: OutputPair[] = [];
  let pending: string | undefined;
  let toStdout: string | undefined;
  for (const t of given) {
    if (t.name === 'format') {
      if (pending !== undefined) toStdout = pending;
      pending = t.value;
    } else {
      if (pending === undefined) throw new PooltopoError(`-o ${t.value} has no --format before it: with several outputs, give each --format before its -o`);
      if (stdoutName(t.value) === undefined) toStdout = pending;
      else pairs.push({ format: pending, output: t.value });
      pending = undefined;
    }
  }
  if (pending !== undefined) toStdout = pending;
  const all = toStdout !== undefined ? [...pairs, { format: toStdout, output: undefined }] : pairs;
  const seen = new Set<string>();
  for (const p of all) {
    if (p.output === undefined) continue;
    const key = path.resolve(p.output);
    if (seen.has(key)) throw new PooltopoError(`-o ${p.output} is given to two formats; give each its own file`);
    seen.add(key);
  }
  return all;
}

/** The repository's root: the nearest folder up from `cwd` that holds `.git` (a folder, or a worktree's file); `cwd` where there is none. */
export function repositoryRoot(cwd: string): { root: string; found: boolean } {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return { root: dir, found: true };
    if (path.dirname(dir) === dir) return { root: path.resolve(cwd), found: false };
  }
}

/** A path as given (relative to `cwd`) made relative to `root`, with `/`; absolute where it is outside it. */
export function repoPathFn(cwd: string, root: string): (file: string) => string {
  return (file) => {
    const abs = path.resolve(cwd, file);
    const rel = path.relative(root, abs);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return abs.split(path.sep).join('/');
    return rel.split(path.sep).join('/');
  };
}

/** Where a commit's files are on GitHub or GitLab, from the variables their CI sets; undefined elsewhere. */
export function repositoryLinks(env: Readonly<Record<string, string | undefined>>): RepositoryLinks | undefined {
  const url = (u: string | undefined) => (u !== undefined && /^https?:\/\/[^\s"'<>()]+$/.test(u) ? u.replace(/\/+$/, '') : undefined);
  const sha = (s: string | undefined) => (s !== undefined && /^[0-9a-f]{7,64}$/i.test(s) ? s : undefined);
  const anchor = (line: number) => `#L${line}`;
  const server = url(env['GITHUB_SERVER_URL']);
  const repo = env['GITHUB_REPOSITORY'];
  const ghSha = sha(env['GITHUB_SHA']);
  if (server && repo !== undefined && /^[\w.-]+\/[\w.-]+$/.test(repo) && ghSha) return { base: `${server}/${repo}/blob/${ghSha}`, lineAnchor: anchor };
  const project = url(env['CI_PROJECT_URL']);
  const glSha = sha(env['CI_COMMIT_SHA']);
  if (project && glSha) return { base: `${project}/-/blob/${glSha}`, lineAnchor: anchor };
  return undefined;
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * Standard input, up to `limit` bytes and one more (so that a larger input is told apart): input
 * that never ends is read no further than the document limits.
 */
export function readStandardInput(limit: number): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total <= limit) {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    let n: number;
    try {
      n = readSync(0, chunk, 0, Math.min(chunk.length, limit + 1 - total), null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(PAUSE, 0, 0, 5);
        continue;
      }
      if (code === 'EOF') break;
      throw new PooltopoError(`cannot read standard input: ${(err as Error).message}`);
    }
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
  }
  return Buffer.concat(chunks);
}
