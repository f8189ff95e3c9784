/**
 * The config's `ignore` (and `validate`'s `ignore` option): globs read as `.gitignore` reads its
 * own, by the `ignore` package (ESLint's), with `{a,b}` expanded first as the command line's globs
 * are. Every pattern is checked against the glob grammar (glob.ts) before it is used, so that one
 * that cannot mean what was written is refused rather than matched some other way.
 */
import * as path from 'node:path';
import ignore from 'ignore';
import { compileGlob, expandBraces, GlobSyntaxError } from './glob.js';

/**
 * The most characters all ignore patterns together may hold, their braces expanded: every file is
 * matched against every pattern, in time that grows with the pattern's length, and a config comes
 * from the checkout.
 */
export const MAX_IGNORE_CHARACTERS = 16 * 1024;

/** The first pattern of `globs` that is no valid ignore pattern, or past MAX_IGNORE_CHARACTERS, and why. */
export function ignoreListProblem(globs: readonly string[]): { readonly index: number; readonly problem: string } | undefined {
  let total = 0;
  for (const [index, glob] of globs.entries()) {
    const problem = ignorePatternProblem(glob);
    if (problem !== undefined) return { index, problem: `ignore pattern "${glob}" is not a valid glob: ${problem}` };
    // As matched: `{a,b}{c,d}` is four patterns.
    for (const expanded of expandBraces(glob)) total += expanded.length;
    if (total > MAX_IGNORE_CHARACTERS)
      return {
        index,
        problem: `the ignore patterns hold more than ${MAX_IGNORE_CHARACTERS.toLocaleString('en-US')} characters by this one, more than pooltopo matches every file against`,
      };
  }
  return undefined;
}

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
