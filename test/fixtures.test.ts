/**
 * Every example and fixture with its expected findings beside it (in `.expected/`) gives exactly the findings listed
 * there (rule id, line, column, pool) and, where listed, the pool figures.
 */
import { describe, expect, it } from 'vitest';
import { validate } from '../src/api/validate.js';
import { FIXTURES, ROOT, readExpected } from './fixture-files.js';

describe('fixtures give exactly their expected findings', () => {
  it('finds fixtures', () => {
    expect(FIXTURES.length).toBeGreaterThan(50);
  });

  it.each(FIXTURES)('%s', async (file) => {
    const expected = readExpected(file);
    const results = await validate([file], { cwd: ROOT, ...expected.options });
    const [result] = results.files;
    const actual = result!.findings.map((f) => ({
      ruleId: f.ruleId,
      ...(expected.findings.some((e) => e.line !== undefined) ? { line: f.line, column: f.column } : {}),
      ...(f.pool !== undefined ? { pool: f.pool } : {}),
    }));
    const sortKey = (f: { ruleId: string; line?: number; column?: number; pool?: string }) =>
      `${f.ruleId}\u0000${f.pool ?? ''}\u0000${String(f.line ?? 0).padStart(6, '0')}\u0000${String(f.column ?? 0).padStart(6, '0')}`;
    const sorted = <T extends { ruleId: string }>(xs: T[]) => [...xs].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
    expect(sorted(actual)).toEqual(sorted(expected.findings));
    if (expected.suppressed) expect(result!.suppressed?.map((f) => ({ ruleId: f.ruleId, line: f.line }))).toEqual(expected.suppressed);
    for (const pool of expected.pools ?? []) {
      const found = result!.pools.find((p) => p.name === pool['name']);
      expect(found, `pool ${String(pool['name'])}`).toBeDefined();
      expect(found).toMatchObject(pool);
    }
    if (expected.failover) expect(result!.kind === 'opcon-failover' && result!.failover).toEqual(expected.failover);
    if (expected.managementGroup) expect(result!.kind === 'scom' && result!.managementGroup).toMatchObject(expected.managementGroup);
    if (expected.pools) expect(result!.pools.map((p) => p.name)).toEqual(expected.pools.map((p) => p['name']));
  });
});
