/** The glob grammar of the command line and the config's `ignore`: what matches, what is refused. */
import fc from 'fast-check';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { compileGlob, expandBraces, GlobSyntaxError, MAX_BRACE_EXPANSIONS } from '../src/io/files/glob.js';
import { ignoreListProblem, ignoreMatcher, ignorePatternProblem, MAX_IGNORE_CHARACTERS } from '../src/io/files/ignore.js';
import { runCli } from './support/run-cli.js';
import { growthAgainstBaseline } from './support/baseline.js';

const LONG = `a${'-'.repeat(240)}x.yml`;

describe('compileGlob', () => {
  it.each<[string, string, boolean]>([
    ['*.yaml', 'a.yaml', true],
    ['*.yaml', 'a.yml', false],
    ['*.yaml', 'd/a.yaml', false],
    ['**/*.yaml', 'a.yaml', true],
    ['**/*.yaml', 'd/e/a.yaml', true],
    ['d/**', 'd/e/a.yaml', true],
    ['d/**/a.yaml', 'd/a.yaml', true],
    ['d/**/a.yaml', 'x/d/a.yaml', false],
    ['?.yaml', 'a.yaml', true],
    ['?.yaml', 'ab.yaml', false],
    ['[0-9]?.yaml', '1x.yaml', true],
    ['[0-9]?.yaml', 'x1.yaml', false],
    ['[!0-9]*', 'x1', true],
    ['[!0-9]*', '1x', false],
    ['[^0-9]*', '1x', false],
    ['[]a]', ']', true],
    ['[a\\]]', ']', true],
    ['{a,b}*.yaml', 'bx.yaml', true],
    ['{a,b}*.yaml', 'cx.yaml', false],
    ['x/{a,b/c}/*.yml', 'x/b/c/q.yml', true],
    ['x/{a,b/c}/*.yml', 'x/b/q.yml', false],
    ['*.{yaml,yml}', 'q.yml', true],
    ['{draft}.yaml', '{draft}.yaml', true],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
    ['a(b)+c.yaml', 'a(b)+c.yaml', true],
    ['*ab*', 'aab', true],
    ['*aab*', 'aaab', true],
    ['*a?c*d', 'xxabcyabcd', true],
    ['*a?c*d', 'xxabyabd', false],
    ['*-*-*-*-*.yaml', 'a-b-c-d-e.yaml', true],
    ['*-*-*-*-*.yaml', '----.yaml', true],
    ['*-*-*-*-*.yaml', 'a-b-c-d.yaml', false],
    ['*-*-*-*-*.yaml', LONG, false],
    ['**/*-*-*-*-*.yaml', `d/${LONG}`, false],
    [`*${'[0-9]*'.repeat(6)}.yaml`, `${'-'.repeat(245)}.yaml`, false],
  ])('%s against %s: %s', (pattern, path, expected) => {
    expect(compileGlob(pattern).test(path)).toBe(expected);
  });

  it('bounds the depth a pattern without ** can reach', () => {
    expect(compileGlob('a/*.yaml').maxSegments).toBe(2);
    expect(compileGlob('{a,b/c}/*.yaml').maxSegments).toBe(3);
    expect(compileGlob('a/**/*.yaml').maxSegments).toBe(Infinity);
  });

  it.each([
    ['[z-a]*.yaml', 'the range "z-a" is backwards'],
    ['{a,b', 'the "{" at character 1 is never closed'],
    ['a}', 'closes no "{"'],
    ['a[', 'a "[" is never closed'],
    ['a]', 'a "]" closes no "["'],
    ['{a,b}'.repeat(11), `more than ${MAX_BRACE_EXPANSIONS} patterns`],
  ])('refuses %s, saying why', (pattern, reason) => {
    let error: unknown;
    try {
      compileGlob(pattern);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(GlobSyntaxError);
    expect((error as GlobSyntaxError).pattern).toBe(pattern);
    expect((error as Error).message).toContain(reason);
  });

  it('expands nested braces in order', () => {
    expect(expandBraces('a{b,c{d,e}}f')).toEqual(['abf', 'acdf', 'acef']);
  });
});

describe("ignoreMatcher (the config's ignore, read as .gitignore reads its own)", () => {
  const base = '/repo';
  it.each<[string[], string, boolean]>([
    [['archive/'], 'archive/a.yaml', true],
    [['archive/'], 'deep/archive/a.yaml', true],
    [['archive/'], 'archive.yaml', false],
    [['/archive/'], 'deep/archive/a.yaml', false],
    [['/archive/'], 'archive/x/a.yaml', true],
    [['topologies/old/'], 'topologies/old/a.yaml', true],
    [['topologies/old/'], 'x/topologies/old/a.yaml', false],
    [['*.draft.yaml'], 'a/b/c.draft.yaml', true],
    [['*.draft.yaml'], 'c.yaml', false],
    [['./archive/'], 'archive/a.yaml', true],
    [['*.{draft,old}.yaml'], 'x/c.old.yaml', true],
    [['archive/', '!archive/keep.yaml'], 'archive/keep.yaml', true],
    [['*.yaml', '!keep.yaml'], 'd/keep.yaml', false],
    [['*-*-*-*-*.yaml'], `a${'-'.repeat(244)}x.yml`, false],
    [['*.yaml'], '../outside.yaml', false],
  ])('%j on %s: %s', (globs, file, expected) => {
    expect(ignoreMatcher(globs, base, base)(file)).toBe(expected);
  });

  it.each([
    ['[z-a]*.yaml', 'the range "z-a" is backwards (its first character comes after its last)'],
    ['{a,b', 'the "{" at character 1 is never closed (write \\{ for the character itself)'],
    ['archive/', undefined],
    ['!archive/keep.yaml', undefined],
  ])('checks %s against the glob grammar', (glob, problem) => {
    expect(ignorePatternProblem(glob)).toBe(problem);
  });
});

describe('ignoreListProblem', () => {
  it("names the first bad pattern, and the one past the bound on all patterns' characters", () => {
    expect(ignoreListProblem(['archive/', '[z-a]*.yaml'])).toEqual({
      index: 1,
      problem: 'ignore pattern "[z-a]*.yaml" is not a valid glob: the range "z-a" is backwards (its first character comes after its last)',
    });
    const long = 'x'.repeat(MAX_IGNORE_CHARACTERS / 4);
    expect(ignoreListProblem([long, long, long, long])).toBeUndefined();
    expect(ignoreListProblem([long, long, long, long, 'y'])).toMatchObject({ index: 4, problem: expect.stringMatching(/more than 16,384 characters/) });
  });
});

describe('ignoreListProblem with braces', () => {
  it('counts the characters of the patterns braces stand for', () => {
    expect(ignoreListProblem([`${'x'.repeat(20)}${'{a,b}'.repeat(10)}`])).toMatchObject({
      index: 0,
      problem: expect.stringMatching(/more than 16,384 characters/),
    });
  });
});

describe('linear matching (issue 21: no backtracking)', () => {
  // Names 16 times longer: a matcher that backtracks over `*-*-*-*-*` grows with a power of the
  // length (the old one took 51 s on 250 characters), a linear one as a plain regular expression
  // over the same names does. Both are timed alternately in this run (test/support/baseline.ts), so a
  // busy machine slows both alike.
  it.each(['*-*-*-*-*.yaml', '*a*a*a*a*a*b', '**/*-*-*-*-*.yaml'])('%s against names of 1,000 and 16,000 characters', (pattern) => {
    const glob = compileGlob(pattern);
    const linear = /^d\/[-a]*x\.yml$/;
    const name = (n: number) => `d/${'-a'.repeat(n / 2)}x.yml`;
    const growth = growthAgainstBaseline({
      job: (s: string) => {
        for (let i = 0; i < 20; i++) glob.test(s);
      },
      baseline: (s: string) => {
        for (let i = 0; i < 20; i++) linear.test(s);
      },
      small: name(1_000),
      large: name(16_000),
    });
    // A power of the length grows at least 16 times past the baseline; the limit leaves a linear
    // matcher room for a busy machine (a linear job once showed 6.7 elsewhere with two suites running).
    expect(growth).toBeLessThan(8);
  });
});

/**
 * The matcher is pooltopo's own because picomatch's regular expressions backtrack (docs/GLOBS.md);
 * picomatch (with `dot`, since the walk itself skips hidden names) is the reference it must agree
 * with on every pattern of the grammar: a matching path, a path that does not match, each feature.
 */
describe('agrees with picomatch on the grammar they share', () => {
  it.each<[string, string, boolean]>([
    // stars and question marks, within one name
    ['*.yaml', 'a.yaml', true],
    ['*.yaml', 'a.yml', false],
    ['*.yaml', 'd/a.yaml', false],
    ['*', 'a/b', false],
    ['?.yaml', 'a.yaml', true],
    ['?.yaml', 'ab.yaml', false],
    ['a**b', 'axb', true],
    ['a**b', 'ax/yb', false],
    ['*.YAML', 'a.yaml', false],
    // ** across folders, none too
    ['**/*.yaml', 'a.yaml', true],
    ['**/*.yaml', 'd/e/a.yaml', true],
    ['d/**', 'd/e/a.yaml', true],
    ['d/**', 'd', true],
    ['d/**', 'e/a.yaml', false],
    ['d/**/a.yaml', 'd/a.yaml', true],
    ['d/**/a.yaml', 'x/d/a.yaml', false],
    ['a/**/b', 'a/x/y/b', true],
    ['d/*/*.yaml', 'd/e/a.yaml', true],
    ['d/*/*.yaml', 'd/e/f/a.yaml', false],
    // brackets: sets, ranges, negation with ^, a ] first or escaped
    ['[a-c]x', 'bx', true],
    ['[a-c]x', 'dx', false],
    ['[^0-9]*', '1x', false],
    ['[^0-9]*', 'x1', true],
    ['[]a]', ']', true],
    ['[a\\]]', ']', true],
    // braces: alternatives, nested, empty, several, across folders; one without a comma is literal
    ['{a,b}*.yaml', 'bx.yaml', true],
    ['{a,b}*.yaml', 'cx.yaml', false],
    ['{a,b}{c,d}', 'bd', true],
    ['a{,.draft}.yaml', 'a.yaml', true],
    ['a{b,c{d,e}}f', 'acef', true],
    ['a{b,c{d,e}}f', 'acf', false],
    ['x/{a,b/c}/*.yml', 'x/b/c/q.yml', true],
    ['x/{a,b/c}/*.yml', 'x/b/q.yml', false],
    ['{draft}.yaml', '{draft}.yaml', true],
    // dot files: matched by * (the walk leaves hidden names out before any glob sees them)
    ['*.yaml', '.hidden.yaml', true],
    ['**/*.yaml', '.git/a.yaml', true],
    // a backslash escapes the next character, on every platform: it is never a folder separator
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
    ['a\\\\b', 'a\\b', true],
    ['d\\*.yaml', 'd/a.yaml', false],
    // characters that mean something to a regular expression mean themselves
    ['a(b)+c.yaml', 'a(b)+c.yaml', true],
    ['a|b', 'a|b', true],
    ['é*.yaml', 'é1.yaml', true],
  ])('%s against %s: %s', (pattern, path, expected) => {
    expect(compileGlob(pattern).test(path)).toBe(expected);
    expect(picomatch(pattern, { dot: true })(path)).toBe(expected);
  });

  // Where the two differ, by design: pooltopo's grammar is the shell's, without extglobs or classes.
  it.each<[string, string, boolean, boolean]>([
    // `[!...]` negates the set in pooltopo (as in the shell); picomatch reads it otherwise.
    ['[!0-9]*', 'x1', true, false],
    // Extended globs are not pooltopo's grammar: their characters are literal.
    ['@(a|b).yaml', 'a.yaml', false, true],
    ['+(a).yaml', 'aa.yaml', false, true],
    // A trailing / or a doubled / names no extra segment, as in a path.
    ['a/', 'a', true, false],
    ['a//b', 'a/b', true, false],
    // A trailing /** stands for no folder too, after a star as after a name (picomatch: after a name only).
    ['*/**', 'a', true, false],
    ['d/**', 'd', true, true],
    // ** inside a name is one *, as in the shell (picomatch: a globstar before a brace).
    ['**{a,b}', 'a/a', false, true],
    // A star matches nothing after a dot, as in the shell (picomatch: not in *.*).
    ['*.*', 'a.', true, false],
  ])('%s against %s: pooltopo %s, picomatch %s', (pattern, path, ours, theirs) => {
    expect(compileGlob(pattern).test(path)).toBe(ours);
    expect(picomatch(pattern, { dot: true })(path)).toBe(theirs);
  });

  // Random patterns of the shared grammar (whole-segment **, no . or .. segment, no trailing /) against
  // random paths: the two agree on every one. FUZZ_RUNS=30000 (npm run fuzz) runs longer.
  it('agrees on generated patterns and paths', () => {
    const piece = fc.constantFrom('a', 'b', '-', '.', '*', '?', '[ab]', '[^a]', '[a-c]', '{a,b}', 'a{,b}', 'x.yaml');
    const named = fc
      .array(piece, { minLength: 1, maxLength: 4 })
      .map((p) => p.join(''))
      .filter((p) => p !== '.' && p !== '..' && !p.includes('**'));
    const pattern = fc
      .array(fc.oneof(fc.constant('**'), named), { minLength: 1, maxLength: 3 })
      .filter((s) => s.at(-1) !== '**')
      .map((s) => s.join('/'));
    const name = fc
      .array(fc.constantFrom('a', 'b', 'c', '-', '.', 'x.yaml'), { minLength: 1, maxLength: 4 })
      .map((p) => p.join(''))
      .filter((n) => n !== '.' && n !== '..' && !n.endsWith('.'));
    const paths = fc.array(
      fc.array(name, { minLength: 1, maxLength: 3 }).map((p) => p.join('/')),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(pattern, paths, (p, files) => {
        const ours = compileGlob(p);
        const theirs = picomatch(p, { dot: true });
        for (const f of files) expect(ours.test(f), `${p} against ${f}`).toBe(theirs(f));
      }),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 1000) },
    );
  });

  it('compiles any pattern or refuses it with a GlobSyntaxError, never another error', () => {
    const text = fc
      .array(fc.constantFrom('a', '*', '?', '[', ']', '{', '}', ',', '!', '^', '-', '\\', '/', '.', 'z'), { maxLength: 12 })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(text, (p) => {
        try {
          const glob = compileGlob(p);
          for (const f of ['a', 'a/b', 'z-a', '.x', '{a}', '[a]']) glob.test(f);
        } catch (err) {
          expect(err).toBeInstanceOf(GlobSyntaxError);
        }
      }),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 1000) },
    );
  });

  it('refuses a POSIX class, which it does not read, rather than matching it wrongly', () => {
    expect(() => compileGlob('[[:alpha:]]x')).toThrow(GlobSyntaxError);
  });
});

describe('an invalid pattern on the command line', () => {
  it.each([
    ['examples/{single', 'the "{" at character 1 is never closed'],
    ['examples/a}', 'the "}" at character 2 closes no "{"'],
    ['examples/[z-a]*.yaml', 'the range "z-a" is backwards'],
    ['examples/a[', 'a "[" is never closed'],
    [`examples/${'{a,b}'.repeat(11)}`, `more than ${MAX_BRACE_EXPANSIONS} patterns`],
  ])('%s is a usage error in one line, never an internal error', async (pattern, reason) => {
    const r = await runCli(['validate', pattern]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(/^pooltopo: ".*" is not a valid glob: /);
    expect(r.stderr).toContain(reason);
    expect(r.stderr).not.toMatch(/internal error/);
  });
});
