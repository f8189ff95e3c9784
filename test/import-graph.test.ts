/**
 * The code's shape, held: no two folders of src/ import each other (`node tools/import-graph.mjs`
 * prints the graph), the core imports no kind, and a kind imports only what is below it.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, folderGraph } from '../tools/import-graph.mjs';

type Graph = Map<string, Map<string, string>>;
const ROOT = path.resolve(import.meta.dirname, '..');
const graph = (folderGraph as (root: string) => Graph)(path.join(ROOT, 'src'));
const importsOf = (folder: string) => [...(graph.get(folder)?.entries() ?? [])].map(([to, why]) => `${to} (${why})`);

/** What each folder below the shells may import: every arrow points down. */
const BELOW: Readonly<Record<string, readonly string[]>> = {
  util: [],
  domain: [],
  io: ['util'],
  core: ['util', 'domain', 'io'],
};
const KIND_MAY_IMPORT = ['util', 'domain', 'io', 'core'];

describe('the import graph between folders', () => {
  it('has no cycle', () => {
    expect((cycles as (g: Graph) => string[][])(graph)).toEqual([]);
  });

  it('finds a cycle where there is one', () => {
    const looped: Graph = new Map([
      ['a', new Map([['b', 'x']])],
      ['b', new Map([['c', 'y']])],
      ['c', new Map([['a', 'z']])],
      ['d', new Map([['a', 'w']])],
    ]);
    expect((cycles as (g: Graph) => string[][])(looped)).toEqual([['a', 'b', 'c']]);
  });

  it('has the core, io and helpers import nothing above them (no kind, no shell)', () => {
    for (const [folder, allowed] of Object.entries(BELOW)) {
      expect(
        importsOf(folder).filter((i) => !allowed.some((a) => i.startsWith(`${a} (`))),
        folder,
      ).toEqual([]);
    }
  });

  it('has each kind import only the core and what is below it: never another kind, the registry or a shell', () => {
    const kinds = [...graph.keys()].filter((f) => f.startsWith('kinds/'));
    expect(kinds.length).toBeGreaterThanOrEqual(3);
    for (const kind of kinds) {
      expect(
        importsOf(kind).filter((i) => !KIND_MAY_IMPORT.some((a) => i.startsWith(`${a} (`))),
        kind,
      ).toEqual([]);
    }
  });
});
