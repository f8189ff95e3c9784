// Keeps the code that validate runs for every file free of object literals that start with a spread
// and have more after it (`{ ...figures, highlyAvailable }`, `{ ...a, ...b }`).
//
// Why: in Node 20's V8 (11.3) such a literal gives nearly every object it makes a hidden class of
// its own. Made 200 times, `{ ...quorum(), highlyAvailable: x }` gave objects of 192 hidden classes
// (checked with %HaveSameMap); `{ highlyAvailable: x, ...quorum() }`, a literal spelled out, and
// `Object.assign({}, a, b)` each gave one. Every later read of such an object's fields then misses
// V8's caches and goes to its runtime: in a batch of 1,000 files, four reads of a pool's configured
// quorum figures went to the runtime 1,046 times each (`node --log-ic`), and the settings made per
// file, read throughout the rules, as often. Spelled out (or merged once per batch), the batch ran
// 1,671 -> 1,658 M instructions (callgrind, one thread) and 245.6 -> 241.4 ms (medians of 31
// interleaved runs). Modules that run once per command, or only for report, simulate and plan, may
// spread as they like.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseAst } from 'rolldown/parseAst';
import { describe, expect, it } from 'vitest';
import { LAZY_MODULES } from '../scripts/lazy-modules.mjs';

const SRC = path.join(import.meta.dirname, '..', 'src');

/** Run once per command, or not by validate at all (the bundle's lazy chunks). */
const NOT_PER_FILE = [/^cli\//, /^config\//, /^formatters\//, /^report\//, /^index\.ts$/, /^api\//, /^rules\/descriptors\.ts$/, LAZY_MODULES];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sourceFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

interface AstNode {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly properties?: readonly AstNode[];
}

function spreadFirstLiterals(source: string, file: string): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as AstNode;
    if (n.type === 'ObjectExpression' && n.properties !== undefined && n.properties.length >= 2 && n.properties[0]!.type === 'SpreadElement') {
      const line = source.slice(0, n.start).split('\n').length;
      found.push(`${file}:${line}: ${source.slice(n.start, Math.min(n.end, n.start + 60)).replace(/\s+/g, ' ')}`);
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'type') visit(value);
  };
  visit(parseAst(source, { lang: 'ts', sourceType: 'module' }, file));
  return found;
}

describe('object shapes on the per-file path', () => {
  const files = sourceFiles(SRC).map((f) => path.relative(SRC, f).split(path.sep).join('/'));
  const perFile = files.filter((f) => !NOT_PER_FILE.some((re) => re.test(f)));

  it('covers the modules every file goes through', () => {
    for (const f of [
      'core/pipeline.ts',
      'core/suppressions.ts',
      'io/yaml/fast-yaml.ts',
      'io/schema.ts',
      'kinds/scom/analysis/quorum.ts',
      'kinds/scom/analysis/index.ts',
      'kinds/scom/model/normalise.ts',
    ]) {
      expect(perFile).toContain(f);
    }
    expect(perFile.filter((f) => f.includes('rules/')).length).toBeGreaterThan(40);
  });

  it('has no object literal that starts with a spread and has more after it', () => {
    const found = perFile.flatMap((f) => spreadFirstLiterals(readFileSync(path.join(SRC, f), 'utf8'), f));
    expect(found).toEqual([]);
  });

  it('finds such a literal where there is one', () => {
    expect(spreadFirstLiterals('const a = { ...b, c: 1 };\nconst d = { c: 1, ...b };\nconst e = { ...b };', 'x.ts')).toEqual(['x.ts:1: { ...b, c: 1 }']);
  });
});
