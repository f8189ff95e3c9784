/**
 * Complexity is checked by counting operations, not by timing (a busy machine cannot fail it):
 * calls of the collection and string methods the code is built from, weighted by the length of the
 * array they walk.
 */
import { createRequire, syncBuiltinESMExports } from 'node:module';

/** The methods counted, unless a test names others. */
export const COUNTED: readonly [object, string][] = [
  [Map.prototype, 'get'],
  [Map.prototype, 'set'],
  [Map.prototype, 'has'],
  [Set.prototype, 'add'],
  [Set.prototype, 'has'],
  [Array.prototype, 'push'],
  [Array.prototype, 'map'],
  [Array.prototype, 'filter'],
  [Array.prototype, 'some'],
  [Array.prototype, 'every'],
  [Array.prototype, 'find'],
  [Array.prototype, 'forEach'],
  [Array.prototype, 'includes'],
  [Array.prototype, 'indexOf'],
  [String.prototype, 'indexOf'],
  [String.prototype, 'slice'],
];

/** Operations while `fn` runs, awaited. */
export async function operations(fn: () => unknown, counted: readonly [object, string][] = COUNTED): Promise<number> {
  let ops = 0;
  const originals = counted.map(([proto, name]) => [proto, name, (proto as Record<string, unknown>)[name]] as const);
  for (const [proto, name, original] of originals) {
    (proto as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
      ops += Array.isArray(this) && name !== 'push' ? Math.max(1, this.length) : 1;
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
  try {
    await fn();
  } finally {
    for (const [proto, name, original] of originals) (proto as Record<string, unknown>)[name] = original;
  }
  return ops;
}

/**
 * Bytes read from files by `readSync` and `readFileSync` while `fn` runs, awaited: shows that a
 * file is refused from its size alone, without reading it, however busy the machine.
 */
export async function bytesRead(fn: () => unknown): Promise<number> {
  const fs = createRequire(import.meta.url)('node:fs') as typeof import('node:fs');
  const { readSync, readFileSync } = fs;
  let bytes = 0;
  fs.readSync = ((...args: Parameters<typeof readSync>) => {
    const n = (readSync as (...a: unknown[]) => number)(...args);
    bytes += n;
    return n;
  }) as typeof readSync;
  fs.readFileSync = ((...args: Parameters<typeof readFileSync>) => {
    const out = (readFileSync as (...a: unknown[]) => string | Buffer)(...args);
    bytes += out.length;
    return out;
  }) as typeof readFileSync;
  syncBuiltinESMExports();
  try {
    await fn();
  } finally {
    fs.readSync = readSync;
    fs.readFileSync = readFileSync;
    syncBuiltinESMExports();
  }
  return bytes;
}

/**
 * Calls of the named `node:fs` functions while `fn` runs, awaited: shows that a batch looks a file
 * up once, however many checks need its identity.
 */
export async function fsCalls(names: readonly ('statSync' | 'lstatSync' | 'fstatSync')[], fn: () => unknown): Promise<number> {
  const fs = createRequire(import.meta.url)('node:fs') as Record<string, (...a: unknown[]) => unknown>;
  const originals = names.map((name) => [name, fs[name]!] as const);
  let calls = 0;
  for (const [name, original] of originals) {
    fs[name] = (...args: unknown[]) => {
      calls++;
      return original(...args);
    };
  }
  syncBuiltinESMExports();
  try {
    await fn();
  } finally {
    for (const [name, original] of originals) fs[name] = original;
    syncBuiltinESMExports();
  }
  return calls;
}
