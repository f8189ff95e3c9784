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

describe('links out of the checkout', () => {
  it('skips a link to a file or folder outside the working directory and the folder walked, with a warning, and reads one named', async () => {
    const outside = path.join(root, 'home');
    mkdirSync(path.join(outside, 'secrets'), { recursive: true });
    writeFileSync(path.join(outside, '.git-credentials'), 'https://x-access-token:ghs_SECRET@github.com\n');
    writeFileSync(path.join(outside, 'secrets', 'token.yaml'), 'token: ghs_SECRET\n');
    const repo = path.join(root, 'repo');
    mkdirSync(path.join(repo, 'designs', 'shared'), { recursive: true });
    writeFileSync(path.join(repo, 'designs', 'a.yaml'), 'version: 1\n');
    writeFileSync(path.join(repo, 'designs', 'shared', 'b.yaml'), 'version: 1\n');
    symlinkSync(path.join(outside, '.git-credentials'), path.join(repo, 'designs', 'c.yaml'));
    symlinkSync(path.join(outside, 'secrets'), path.join(repo, 'designs', 'more'));
    // A link within the checkout is followed as before.
    symlinkSync('b.yaml', path.join(repo, 'designs', 'shared', 'again.yaml'));
    symlinkSync('shared', path.join(repo, 'designs', 'linked'));
    for (const pattern of ['designs', 'designs/**/*.yaml']) {
      const { files, warnings } = await expandPatterns([pattern], repo);
      expect(files).toEqual(['designs/a.yaml', 'designs/shared/b.yaml']);
      expect(warnings).toEqual([
        'skipped "designs/c.yaml": a symbolic link to a place outside the working directory and the folder walked (name it to lint it)',
        'skipped "designs/more": a symbolic link to a place outside the working directory and the folder walked (name it to lint it)',
      ]);
    }
    // Named, it is the user's choice.
    expect((await expandPatterns(['designs/c.yaml'], repo)).files).toEqual(['designs/c.yaml']);
    // Walked from outside the working directory, the folder walked bounds its links as well.
    const elsewhere = path.join(root, 'elsewhere');
    mkdirSync(elsewhere);
    const { files } = await expandPatterns([path.join(repo, 'designs')], elsewhere);
    expect(files).toEqual([path.join(repo, 'designs', 'a.yaml'), path.join(repo, 'designs', 'shared', 'b.yaml')].map((f) => f.split(path.sep).join('/')));
  });
});
