/**
 * The ini reader and the OpCon model stay linear in the keys a file holds, measured in operations
 * (calls of the collection methods they are built from, weighted by the array walked), not in time.
 */
import { describe, expect, it } from 'vitest';
import { parseIni } from '../../../src/io/ini-file.js';
import { normaliseOpcon, type OpconDocument } from '../../../src/kinds/opcon/model.js';

const COUNTED: [object, string][] = [
  [Map.prototype, 'get'], [Map.prototype, 'set'], [Map.prototype, 'has'], [Set.prototype, 'add'], [Set.prototype, 'has'],
  [Array.prototype, 'push'], [Array.prototype, 'map'], [Array.prototype, 'filter'], [Array.prototype, 'some'], [Array.prototype, 'find'], [Array.prototype, 'forEach'],
];

function operations(fn: () => unknown): number {
  let ops = 0;
  const originals = COUNTED.map(([proto, name]) => [proto, name, (proto as Record<string, unknown>)[name]] as const);
  for (const [proto, name, original] of originals) {
    (proto as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
      ops += Array.isArray(this) && name !== 'push' ? Math.max(1, this.length) : 1;
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
  try {
    fn();
  } finally {
    for (const [proto, name, original] of originals) (proto as Record<string, unknown>)[name] = original;
  }
  return ops;
}

describe('OpCon input of many keys', () => {
  it('reads an ini file of many sections and keys in linear work', () => {
    const ini = (n: number) => Array.from({ length: n }, (_, i) => `[S${i % 50}]\r\nKey${i}=v\r\nKEY${i}=again`).join('\r\n');
    const [small, large] = [2000, 8000].map((n) => operations(() => parseIni(ini(n), 'x.ini')));
    expect(large! / small!).toBeLessThan(5);
  });

  it('reads a machine of many settings, known and unknown, in linear work', () => {
    const doc = (n: number): OpconDocument => ({
      version: 1, kind: 'opcon-failover', name: 'x',
      machines: [{ name: 'a', settings: Object.fromEntries(Array.from({ length: n }, (_, i) => [i % 2 ? `PingRetryCount${i}` : `Owner${i}`, 1])) }],
    });
    const [small, large] = [500, 2000].map((n) => operations(() => normaliseOpcon(doc(n))));
    expect(large! / small!).toBeLessThan(5);
  });
});
