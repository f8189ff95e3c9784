/**
 * The config's `ignore` (and `validate`'s `ignore` option): globs read as `.gitignore` reads its
 * own, by the `ignore` package (ESLint's), with `{a,b}` expanded first as the command line's globs
 * are. Every pattern is checked against the glob grammar (glob.ts) before it is used, so that one
 * that cannot mean what was written is refused rather than matched some other way.
 */
import * as path from 'node:path';
import ignore from 'ignore';
import { compileGlob, expandBraces, GlobSyntaxError } from './glob.js';

/** Why `glob` is no valid ignore pattern, or undefined when it is one. */
export function ignorePatternProblem(glob: string): string | undefined {
  try {
    for (const p of expandBraces(glob)) compileGlob(p.replace(/^!/, '').replace(/^\.\//, ''));
    return undefined;
  } catch (err) {
    if (err instanceof GlobSyntaxError) return err.reason;
    throw err;
  }
}

/**
 * Whether a file (relative to cwd) matches one of the ignore globs (relative to base): one with no
 * slash but a trailing one (`archive/`, `*.draft.yaml`) matches at any depth; one with a slash at
 * its start or in its middle (`/archive/`, `topologies/old/`) only from the base; a trailing slash
 * means everything below; `!` takes a file back. A file outside the base is not ignored. Patterns
 * must have passed ignorePatternProblem.
 */
export function ignoreMatcher(globs: readonly string[], base: string, cwd: string): (file: string) => boolean {
  if (globs.length === 0) return () => false;
  const matcher = ignore().add(globs.flatMap((g) => expandBraces(g)).map((g) => g.replace(/^(!?)\.\//, '$1')));
  return (file) => {
    const rel = path.relative(base, path.resolve(cwd, file)).split(path.sep).join('/');
    if (rel === '' || rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) return false;
    return matcher.ignores(rel);
  };
}
