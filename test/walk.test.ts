/**
 * The directory walk's cost counted in system calls, not time: through a DAG of links (each folder
 * linking twice to the next, 2^n paths to the last) every real folder is listed once.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const calls = { readdir: 0, stat: 0 };
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    readdirSync: ((...args: Parameters<typeof fs.readdirSync>) => {
      calls.readdir++;
      return fs.readdirSync(...args);
    }) as typeof fs.readdirSync,
    statSync: ((...args: Parameters<typeof fs.statSync>) => {
      calls.stat++;
      return fs.statSync(...args);
    }) as typeof fs.statSync,
  };
});

const { expandPatterns } = await import('../src/io/files/expand.js');

const root = mkdtempSync(path.join(tmpdir(), 'pooltopo-walk-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A folder of `levels` folders, each with a topology and `fanOut` links to the next. */
function dag(levels: number, fanOut: number): string {
  const dir = path.join(root, `dag-${levels}-${fanOut}`);
  for (let i = 0; i < levels; i++) {
    mkdirSync(path.join(dir, `d${i}`), { recursive: true });
    writeFileSync(path.join(dir, `d${i}`, `t${i}.yaml`), 'version: 1\n');
    if (i > 0) for (let l = 0; l < fanOut; l++) symlinkSync(`../d${i}`, path.join(dir, `d${i - 1}`, `l${l}`));
  }
  return dir;
}

describe('the walk through links', () => {
  it.each([
    [10, 2],
    [40, 2],
    [40, 3],
    [200, 3],
  ])('lists each of %i folders once, %i links each, and takes each file once', async (levels, fanOut) => {
    const dir = dag(levels, fanOut);
    calls.readdir = 0;
    calls.stat = 0;
    for (const pattern of ['.', '**/*.yaml']) {
      const before = calls.readdir;
      const { files } = await expandPatterns([pattern], dir);
      expect(files).toHaveLength(levels);
      expect(calls.readdir - before).toBe(levels + 1);
    }
    // A stat per link (to learn where it leads) and a few per pattern: linear in what exists.
    expect(calls.stat).toBeLessThanOrEqual(2 * ((levels - 1) * fanOut + 4));
  });
});
