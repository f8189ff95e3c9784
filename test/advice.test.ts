/**
 * No two findings on one file give a pool opposite advice (issue 25): every example and fixture is
 * linted, its findings grouped by the pool they concern (the implied default pools, merged into one
 * finding, by the node they point at), and each group checked for pairs that contradict.
 */
import { describe, expect, it } from 'vitest';
import { validate } from '../src/api/validate.js';
import { FIXTURES, ROOT } from './fixture-files.js';

/** Rule pairs whose advice cannot both hold for one pool. */
const OPPOSITE_RULES: readonly [string, string][] = [
  ['default-observer-no-benefit', 'default-observer-disabled'], // "could be disabled" / "enable it"
  ['default-observer-database-load', 'default-observer-disabled'], // "disable it" / "enable it"
  ['default-observer-on-gateway-pool', 'default-observer-disabled'],
  ['default-observer-no-benefit', 'no-high-availability'], // "it could be disabled" beside "add members" for a pool that tolerates nothing
];

/** Words whose advice cannot both hold for one pool. */
const OPPOSITE_WORDS: readonly [RegExp, RegExp][] = [
  [/within one data centre/, /spread (its|the) voters/],
  [/could be disabled|disable it/, /enabling it would raise/],
];

describe('advice', () => {
  it.each(FIXTURES)('%s gives no pool opposite advice', async (file) => {
    const {
      files: [result],
    } = await validate([file], { cwd: ROOT });
    const byPool = new Map<string, { ruleId: string; message: string }[]>();
    for (const f of result!.findings) {
      const key = f.pool ?? `the pools at line ${f.line}`;
      const list = byPool.get(key) ?? [];
      list.push({ ruleId: f.ruleId, message: f.message });
      byPool.set(key, list);
    }
    for (const [pool, findings] of byPool) {
      const rules = new Set(findings.map((f) => f.ruleId));
      for (const [a, b] of OPPOSITE_RULES) expect(rules.has(a) && rules.has(b), `${pool}: ${a} beside ${b}`).toBe(false);
      for (const [a, b] of OPPOSITE_WORDS) {
        expect(findings.some((f) => a.test(f.message)) && findings.some((f) => b.test(f.message)), `${pool}: "${a.source}" beside "${b.source}"`).toBe(false);
      }
    }
  });
});
