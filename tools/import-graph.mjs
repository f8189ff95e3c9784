#!/usr/bin/env node
// The folder-level import graph of src/: `node tools/import-graph.mjs` prints each folder's imports
// and exits 1 when folders import each other in a cycle (test/import-graph.test.ts runs it too).
// A folder is a top-level folder of src/, each kind under src/kinds/ on its own, and `.` for the
// files at the top (index.ts, lint.ts).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+['"](\.[^'"]+)['"]|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** src/kinds/scom/analysis/x.ts → `kinds/scom`; src/io/yaml/parse.ts → `io`; src/index.ts → `.`. */
export function folderOf(file, root) {
  const parts = path.relative(root, file).split(path.sep);
  if (parts.length === 1) return '.';
  if (parts[0] === 'kinds' && parts.length > 2) return `kinds/${parts[1]}`;
  return parts[0];
}

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Map of folder → map of the folders it imports → one import that shows it (`file -> specifier`). */
export function folderGraph(root) {
  const graph = new Map();
  for (const file of sourceFiles(root)) {
    const from = folderOf(file, root);
    if (!graph.has(from)) graph.set(from, new Map());
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = m[1] ?? m[2];
      const to = folderOf(path.resolve(path.dirname(file), spec), root);
      if (to !== from && !graph.get(from).has(to)) graph.get(from).set(to, `${path.relative(root, file)} -> ${spec}`);
    }
  }
  return graph;
}

/** The graph's cycles: its strongly connected components of more than one folder (Tarjan). */
export function cycles(graph) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) !== index.get(v)) return;
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = path.resolve(process.argv[2] ?? 'src');
  const graph = folderGraph(root);
  for (const [from, to] of [...graph].sort(([a], [b]) => (a < b ? -1 : 1))) {
    console.log(`${from} -> ${[...to.keys()].sort().join(', ') || '(nothing)'}`);
  }
  const found = cycles(graph);
  for (const c of found) console.log(`cycle: ${c.join(' <-> ')}`);
  console.log(found.length === 0 ? 'no cycle between folders' : `${found.length} cycle(s) between folders`);
  process.exitCode = found.length === 0 ? 0 : 1;
}
