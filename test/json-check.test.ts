// jsonError (src/io/yaml/json-check.ts) must agree with JSON.parse on what is JSON: on generated JSON,
// and on the same texts damaged where mistakes happen (a comma, a quote, a bracket, a comment).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonError } from '../src/io/yaml/json-check.js';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20261202);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** JSON texts, compact and indented, then damaged at a few places. */
const texts = fc.tuple(fc.json({ maxDepth: 4 }), fc.boolean()).chain(([text, indent]) => {
  const base = indent ? JSON.stringify(JSON.parse(text), null, 2) : text;
  const edit = fc.tuple(
    fc.nat({ max: base.length }),
    fc.nat({ max: 2 }),
    fc.constantFrom(',', '"', "'", '{', '}', '[', ']', ':', ' ', '\t', '\n', '//', '/*', '\\', '\\u12', '0', '-', '.', 'e', '+', 'true', 'nul', 'x'),
  );
  return fc.array(edit, { maxLength: 3 }).map((edits) => edits.reduce((t, [at, drop, insert]) => t.slice(0, at) + insert + t.slice(at + drop), base));
});

describe('jsonError', () => {
  it('agrees with JSON.parse, and places every error inside the text', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const error = jsonError(text);
        expect(error === undefined, JSON.stringify(text)).toBe(isJson(text));
        if (error) expect(error.offset >= 0 && error.offset <= text.length).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS * 10 },
    );
  });

  it('takes every JSON value at the top, and nesting far deeper than recursion would', () => {
    for (const text of ['1', '-0.5e+3', '"x"', 'null', 'true', ' [ ] ', '{}', '"\\u00e9\\n"']) expect(jsonError(text), text).toBeUndefined();
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(jsonError(deep)).toBeUndefined();
    expect(jsonError(`${'['.repeat(200_000)}`)).toEqual({ offset: 200_000, reason: 'the text ends where a value should be' });
  });
});
