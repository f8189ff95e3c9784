/** The glob grammar of the command line and the config's `ignore`: what matches, what is refused. */
import { describe, expect, it } from 'vitest';
import { compileGlob, expandBraces, GlobSyntaxError, MAX_BRACE_EXPANSIONS } from '../src/io/files/glob.js';
import { growthAgainstBaseline } from './support/baseline.js';
import { ignoreListProblem, ignoreMatcher, ignorePatternProblem, MAX_IGNORE_CHARACTERS } from '../src/io/files/ignore.js';

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

describe('ignoreMatcher (the config\'s ignore, read as .gitignore reads its own)', () => {
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
  it('names the first bad pattern, and the one past the bound on all patterns\' characters', () => {
    expect(ignoreListProblem(['archive/', '[z-a]*.yaml'])).toEqual({ index: 1, problem: 'ignore pattern "[z-a]*.yaml" is not a valid glob: the range "z-a" is backwards (its first character comes after its last)' });
    const long = 'x'.repeat(MAX_IGNORE_CHARACTERS / 4);
    expect(ignoreListProblem([long, long, long, long])).toBeUndefined();
    expect(ignoreListProblem([long, long, long, long, 'y'])).toMatchObject({ index: 4, problem: expect.stringMatching(/more than 16,384 characters/) });
  });
});

describe('ignoreListProblem with braces', () => {
  it('counts the characters of the patterns braces stand for', () => {
    expect(ignoreListProblem([`${'x'.repeat(20)}${'{a,b}'.repeat(10)}`])).toMatchObject({ index: 0, problem: expect.stringMatching(/more than 16,384 characters/) });
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
      job: (s: string) => { for (let i = 0; i < 20; i++) glob.test(s); },
      baseline: (s: string) => { for (let i = 0; i < 20; i++) linear.test(s); },
      small: name(1_000),
      large: name(16_000),
    });
    expect(growth).toBeLessThan(6);
  });
});
