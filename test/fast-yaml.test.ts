/**
 * The YAML fast path agrees with js-yaml: wherever it answers, the value and the position of every
 * node and key are js-yaml's; wherever js-yaml rejects a text, the fast path gives up. Differential
 * tests over the examples, the fixtures, generated documents and damaged ones (fast-check, the fixed
 * seed of robustness.test.ts; FUZZ_SEED and FUZZ_RUNS run it longer).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import * as yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { fastParse, resolvePlain } from '../src/io/yaml/fast-yaml.js';
import { DEFAULT_PARSE_LIMITS, parseDocument, parseWithEvents } from '../src/io/yaml/parse.js';
import { escapePointerToken, type NodeOffsets } from '../src/io/yaml/source-map.js';
import { lintText } from '../src/api/lint.js';
import { ROOT } from './fixture-files.js';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20261125);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);
const MAX_DEPTH = DEFAULT_PARSE_LIMITS.maxDepth;

function pointers(value: unknown, at = '', out: string[] = []): string[] {
  out.push(at);
  if (value !== null && typeof value === 'object') {
    for (const k of Object.keys(value)) pointers((value as Record<string, unknown>)[k], `${at}/${escapePointerToken(k)}`, out);
  }
  return out;
}

/** The node offsets js-yaml's events give for a pointer (the general path's resolver). */
function slowOffsets(text: string): ((pointer: string) => NodeOffsets | undefined) | undefined {
  const slow = parseWithEvents(text);
  if (!slow.ok) return undefined;
  return (pointer) => (slow.sourceMap as unknown as { resolve: (p: string) => NodeOffsets | undefined }).resolve(pointer);
}

/** Every string of a value, keys aside. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

type Verdict = 'agrees' | 'gave up';

/** Compares the two paths on one text; throws on any disagreement. */
function compare(text: string): Verdict {
  const fast = fastParse(text, MAX_DEPTH);
  if (!fast) return 'gave up';
  const slow = parseWithEvents(text);
  if (!slow.ok) throw new Error(`the fast path accepted a text js-yaml rejects (${slow.problems[0]!.message}):\n${JSON.stringify(text)}`);
  if (!isDeepStrictEqual(fast.value, slow.value)) {
    throw new Error(`values differ:\n${JSON.stringify(text)}\nfast ${JSON.stringify(fast.value)}\nslow ${JSON.stringify(slow.value)}`);
  }
  // What the fast path vouches for every string of the value (the schema's text walk relies on it).
  for (const s of strings(fast.value)) {
    expect(s.length, JSON.stringify(text)).toBeLessThanOrEqual(fast.longestScalar);
    expect(s, JSON.stringify(text)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
  }
  const offsets = slowOffsets(text)!;
  for (const p of pointers(slow.value)) {
    const a = fast.resolve(p);
    const b = offsets(p);
    if (!isDeepStrictEqual(a, b))
      throw new Error(`positions of ${JSON.stringify(p)} differ: fast ${JSON.stringify(a)}, js-yaml ${JSON.stringify(b)}\n${JSON.stringify(text)}`);
  }
  return 'agrees';
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else if (/\.(ya?ml|json)$/.test(name)) out.push(full);
  }
  return out;
}

const exampleTexts = readdirSync(path.join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => readFileSync(path.join(ROOT, 'examples', f), 'utf8'));

describe('the YAML fast path', () => {
  it('reads every example itself (so the fast path is the one the examples take)', () => {
    for (const text of exampleTexts) expect(compare(text)).toBe('agrees');
  });

  it('agrees with js-yaml on every fixture, or gives up', () => {
    const files = [...filesUnder(path.join(ROOT, 'examples')), ...filesUnder(path.join(ROOT, 'test/fixtures'))];
    const verdicts = files.map((f) => compare(readFileSync(f, 'utf8').replace(/^\uFEFF/, '')));
    expect(verdicts.filter((v) => v === 'agrees').length).toBeGreaterThan(files.length / 2);
  });

  it('gives up on what it does not read, and js-yaml then reads it', () => {
    const texts = [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: |\n  text\n',
      'a: >\n  text\n',
      'a: "esc\\n"\n',
      'a: b\n  c\n',
      'a: "two\n  lines"\n',
      '%YAML 1.2\n---\na: 1\n',
      'a: 1\n---\nb: 2\n',
      'a: 1\n...\n',
      'a: 1\na: 2\n',
      '__proto__: 1\n',
      '<<: {a: 1}\n',
      '\ta: 1\n',
      'a:\t1\n',
      '? a\n: 1\n',
      '- - a\n',
      '[a, b,]\n',
      '{a}\n',
      '',
      '# only a comment\n',
      'scalar\n',
      '  a: 1\n',
      'a: 1\r\n\rb: 2\n',
    ];
    for (const text of texts) expect(fastParse(text, MAX_DEPTH), JSON.stringify(text)).toBeUndefined();
  });

  it('reads JSON, CRLF line ends, comments and quoted keys as js-yaml does', () => {
    const texts = [
      '{"version": 1, "name": "x", "pools": [{"name": "p", "members": ["a", "b"]}]}\n',
      '{\n  "a": [1, 2.5, true, null],\n  "b": {"c": "d"}\n}\n',
      'a: 1\r\nb:\r\n  - x\r\n  - y\r\n',
      "--- # a topology\nname: x # trailing\n# between\nlist:\n- a\n-   b\n\"quoted key\": 'it''s'\nk : v\n",
      'top:\n  ~: null key\n  1: number key\n  true: bool key\n  0x1F: hex key\n',
      // Comments that end at a CRLF, at the text's end, and inside a flow collection over lines.
      '# head\r\na: 1 # one\r\n#\r\nb: [x, # in flow\r\n  y] # after\r\n# last',
      'a: {k: v, # c\n  l: w}\n# no line break at the end',
    ];
    for (const text of texts) expect(compare(text), JSON.stringify(text)).toBe('agrees');
  });

  it('stops a level short of the depth limit, which js-yaml then reports', () => {
    for (let depth = MAX_DEPTH - 3; depth <= MAX_DEPTH + 2; depth++) {
      const text = `a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
      compare(text);
    }
    expect(fastParse(`a: ${'['.repeat(MAX_DEPTH)}${']'.repeat(MAX_DEPTH)}\n`, MAX_DEPTH)).toBeUndefined();
  });

  it('resolves plain scalars as js-yaml does', () => {
    const scalars = [
      'a',
      'null',
      'Null',
      'NULL',
      '~',
      'true',
      'True',
      'FALSE',
      'yes',
      'no',
      'on',
      '1',
      '-1',
      '+1',
      '0',
      '007',
      '0x1F',
      '0o17',
      '0b101',
      '1_000',
      '1.5',
      '-.5',
      '.5',
      '1e3',
      '1.0e+3',
      '.inf',
      '-.Inf',
      '.NaN',
      '2024-01-01',
      '10.0.0.1',
      '1:20',
      'a b',
      '-a',
      'é',
      '42',
      '0.99',
      '0.0',
      '10000',
      '999999999999999',
      '9999999999999999',
      '123456789012345678901234567890',
      '0.123456789012345',
      '1.1234567890123456789',
      '00.5',
      '1.',
      '1.5.',
      '12a',
      '3 000',
    ];
    for (const s of scalars) expect(resolvePlain(s), s).toEqual((yaml.load(`v: ${s}\n`) as { v: unknown }).v);
  });

  it('places an empty value at its key, not at the top of the file', async () => {
    const text = 'version: 1\nname: x\nmanagementServers:\n  - name: ms1\n    dataCenter:\npools:\n';
    for (const parse of [parseDocument, (t: string) => parseWithEvents(t)]) {
      const parsed = parse(text);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) {
        expect(parsed.sourceMap.locate('/managementServers/0/dataCenter')).toEqual({ line: 5, column: 5 });
        expect(parsed.sourceMap.locate('/pools')).toEqual({ line: 6, column: 1 });
      }
    }
    const { result } = await lintText(text, 'x.yaml');
    expect(result.findings.map((f) => [f.path, f.line, f.column])).toEqual([
      ['/managementServers/0/dataCenter', 5, 5],
      ['/pools', 6, 1],
    ]);
  });

  it('places a block scalar at its indicator, and says which nodes are plain scalars', () => {
    const text = 'a: |- # note | here\n  1e400\nb:\n  - >+\r\n\n    x\n  - plain\n  - "quoted"\n  - &k 2\n  - !!str 3\nc:\n';
    const parsed = parseDocument(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const map = parsed.sourceMap;
    expect(map.locate('/a')).toEqual({ line: 1, column: 4 });
    expect(map.locate('/b/0')).toEqual({ line: 4, column: 5 });
    expect(['/a', '/b/0', '/b/1', '/b/2', '/b/3', '/b/4', '/c'].map((p) => map.isPlainScalar(p))).toEqual([false, false, true, false, true, false, false]);
    // An indicator that ends the text, CR line breaks, and an empty node with a tag or an anchor.
    const at = (t: string, p: string) => {
      const r = parseDocument(t);
      return r.ok ? r.sourceMap.locate(p) : undefined;
    };
    expect(at('x: 1\na: |', '/a')).toEqual({ line: 2, column: 4 });
    expect(at('--- |', '')).toEqual({ line: 1, column: 5 });
    expect(at('x: 1\ra: |-\r  y\r', '/a')).toEqual({ line: 2, column: 4 });
    expect(at('x: 1\na: !!str\n', '/a')).toEqual({ line: 2, column: 4 });
    expect(at('x: 1\na: &k\n', '/a')).toEqual({ line: 2, column: 4 });
    // The fast path says the same of what it reads.
    const fast = 'b:\n  - plain\n  - "quoted"\n  - {x: 1, y: \'z\'}\nc:\n';
    const viaFast = parseDocument(fast);
    const viaEvents = parseWithEvents(fast);
    for (const p of ['/b/0', '/b/1', '/b/2', '/b/2/x', '/b/2/y', '/c']) {
      expect(viaFast.ok && viaFast.sourceMap.isPlainScalar(p), p).toBe(viaEvents.ok && viaEvents.sourceMap.isPlainScalar(p));
    }
  });

  it('vouches for the length of its longest text, so a long one is still a schema finding', async () => {
    const fixture = readFileSync(path.join(ROOT, 'test/fixtures/hostile/long-text-value.yaml'), 'utf8');
    // The fixture's own script path has an escape, which the fast path leaves to js-yaml.
    const text = (n: number, quote: string) =>
      fixture.replace(/PrimaryAbnormalShutdownScript: .*/, `PrimaryAbnormalShutdownScript: ${quote}${'x'.repeat(n)}${quote}`);
    for (const quote of ['', "'", '"']) {
      const parsed = parseDocument(text(1001, quote));
      expect(parsed.ok && parsed.longestText).toBe(1001);
      const long = await lintText(text(1001, quote), 'x.yaml');
      const fits = await lintText(text(1000, quote), 'x.yaml');
      const messages = (r: typeof long) => r.result.findings.filter((f) => f.ruleId === 'schema').map((f) => f.message);
      expect(messages(long)).toEqual(['`machines[1].settings.PrimaryAbnormalShutdownScript` must be at most 1,000 characters long.']);
      expect(messages(fits)).toEqual([]);
    }
    // js-yaml's path vouches for nothing: the walk looks at every text.
    expect(parseWithEvents('a: 1\n')).toMatchObject({ ok: true });
    expect(parseWithEvents('a: 1\n')).not.toHaveProperty('longestText');
  });

  it('finds a key by the name js-yaml gives it (`~` is "null")', () => {
    const text = 'a:\n  ~: 1\n  0x10: 2\n';
    for (const parsed of [parseDocument(text), parseWithEvents(text)]) {
      expect(parsed.ok && parsed.sourceMap.locate('/a/null', 'key')).toEqual({ line: 2, column: 3 });
      expect(parsed.ok && parsed.sourceMap.locate('/a/16', 'key')).toEqual({ line: 3, column: 3 });
    }
  });
});

/** Damage to an example: characters YAML cares about, inserted, replaced or removed. */
const TOKENS = [
  ' ',
  '  ',
  '\n',
  '\n  ',
  '- ',
  '-',
  ':',
  ': ',
  '#',
  ' #',
  "'",
  '"',
  '[',
  ']',
  '{',
  '}',
  ',',
  'a',
  '1',
  '\r\n',
  '&a ',
  '*a',
  '!',
  '|',
  '>',
  '?',
  '.',
  '---',
  '...',
  '~',
  'null',
  'key: v\n',
  '\\',
  "''",
  '__proto__',
  '<<: ',
  '%',
  '@',
  '`',
  'é',
  '\t',
  '1e3',
  '-1',
  '0x1',
  '2024-01-01',
  '\u2028',
  '\u0085',
];
const damageArb = fc.array(
  fc.record({ at: fc.nat(), op: fc.constantFrom('insert', 'replace', 'delete'), token: fc.constantFrom(...TOKENS), length: fc.integer({ min: 1, max: 3 }) }),
  { minLength: 1, maxLength: 4 },
);

/** A random document tree, rendered as block YAML with varied but valid layout choices. */
type Tree = { s: string } | { seq: Tree[] } | { map: [string, Tree][] };
const SCALARS = [
  'v',
  '1',
  '2.5',
  'x y',
  '"dq"',
  "'sq'",
  "'it''s'",
  '~',
  'null',
  'True',
  '-7',
  'a:b',
  'a#b',
  'http://x/y',
  'é ü',
  '0x1F',
  '.5',
  '1e3',
  '"a: b"',
  "'#x'",
  '""',
  "''",
];
const KEYS = ['k', 'name', 'a b', '"q k"', "'s k'", '1', 'true', 'x-y', 'é', 'dc', 'null', '~'];
const treeArb: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ s: fc.constantFrom(...SCALARS) }),
    fc.record({ seq: fc.array(tie('tree'), { maxLength: 3 }) }),
    fc.record({ map: fc.uniqueArray(fc.tuple(fc.constantFrom(...KEYS), tie('tree')), { maxLength: 3, selector: ([k]) => k }) }),
  ),
})).tree;
const layoutArb = fc.array(fc.nat({ max: 99 }), { minLength: 64, maxLength: 64 });

function render(tree: Tree, layout: readonly number[]): string {
  let n = 0;
  const choose = (k: number) => layout[n++ % layout.length]! % k;
  const flow = (t: Tree): string =>
    's' in t
      ? t.s
      : 'seq' in t
        ? `[${t.seq.map(flow).join([', ', ',', ' , '][choose(3)])}]`
        : `{${t.map.map(([k, v]) => `${k}${[': ', ':  ', ' : '][choose(3)]}${flow(v)}`).join(', ')}}`;
  const comment = () => (choose(10) === 0 ? ' # c' : '');
  const block = (t: Tree, indent: number, out: string[]): void => {
    const sp = ' '.repeat(indent);
    if ('seq' in t && t.seq.length > 0 && choose(6) > 0) {
      for (const item of t.seq) {
        if ('map' in item && item.map.length > 0 && choose(2) === 0) {
          const lines: string[] = [];
          block(item, indent + 2, lines);
          out.push(`${sp}- ${lines[0]!.trimStart()}`, ...lines.slice(1));
        } else if ('s' in item || choose(3) === 0) out.push(`${sp}- ${flow(item)}${comment()}`);
        else {
          out.push(`${sp}-${comment()}`);
          block(item, indent + [1, 2, 4][choose(3)]!, out);
        }
      }
    } else if ('map' in t && t.map.length > 0 && choose(6) > 0) {
      for (const [k, v] of t.map) {
        if (choose(12) === 0) out.push(['', '# note', '   '][choose(3)]!);
        const nested = ('seq' in v && v.seq.length > 0) || ('map' in v && v.map.length > 0);
        if (!nested || choose(4) === 0) out.push(`${sp}${k}${[': ', ':  ', ' : '][choose(3)]}${flow(v)}${comment()}`);
        else if ('seq' in v && choose(3) === 0) {
          out.push(`${sp}${k}:${comment()}`);
          block(v, indent, out);
        } else {
          out.push(`${sp}${k}:${comment()}`);
          block(v, indent + [1, 2, 4][choose(3)]!, out);
        }
      }
    } else out.push(`${sp}${flow(t)}`);
  };
  const out: string[] = [];
  block(
    {
      map: [
        ['version', { s: '1' }],
        ['a', tree],
      ],
    },
    0,
    out,
  );
  return out.join(choose(10) === 0 ? '\r\n' : '\n') + '\n';
}

describe('the YAML fast path, differentially', () => {
  it('agrees with js-yaml on generated documents', () => {
    let agreed = 0;
    fc.assert(
      fc.property(treeArb, layoutArb, (tree, layout) => {
        if (compare(render(tree, layout)) === 'agrees') agreed++;
      }),
      { seed: SEED, numRuns: RUNS * 5 },
    );
    // The generator writes valid block YAML in the fast path's subset: nearly all of it is read fast.
    expect(agreed).toBeGreaterThan(RUNS * 4);
  });

  it('agrees with js-yaml on damaged examples, and never accepts what js-yaml rejects', () => {
    fc.assert(
      fc.property(fc.nat(), damageArb, (which, edits) => {
        let text = exampleTexts[which % exampleTexts.length]!;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          if (e.op === 'insert') text = text.slice(0, at) + e.token + text.slice(at);
          else if (e.op === 'replace') text = text.slice(0, at) + e.token + text.slice(at + 1);
          else text = text.slice(0, at) + text.slice(at + e.length);
        }
        compare(text);
      }),
      { seed: SEED, numRuns: RUNS * 10 },
    );
  });
});
