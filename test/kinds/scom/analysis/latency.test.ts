import { describe, expect, it } from 'vitest';
import { appliedLatency, appliedLatencyTo, largestRoundTrip, type Endpoint } from '../../../../src/kinds/scom/analysis/latency.js';
import type { LatencyEntry } from '../../../../src/kinds/scom/model/types.js';

const dcEntry = (a: string, b: string, ms: number, i: number): LatencyEntry => ({ between: 'data-centers', ends: [a, b], ms, path: `/latency/${i}` });
const serverEntry = (a: string, b: string, ms: number, i: number): LatencyEntry => ({ between: 'servers', ends: [a, b], ms, path: `/latency/${i}` });

/** The spec's definition, pair by pair. */
function naive(endpoints: Endpoint[], entries: LatencyEntry[]): number | null {
  let max: number | null = null;
  for (let i = 0; i < endpoints.length; i++) {
    for (let j = i + 1; j < endpoints.length; j++) {
      const x = endpoints[i]!;
      const y = endpoints[j]!;
      const same = (e: LatencyEntry, a: string, b: string) =>
        (e.ends[0].toLowerCase() === a.toLowerCase() && e.ends[1].toLowerCase() === b.toLowerCase()) ||
        (e.ends[0].toLowerCase() === b.toLowerCase() && e.ends[1].toLowerCase() === a.toLowerCase());
      const server = entries.find((e) => e.between === 'servers' && same(e, x.name, y.name));
      const dc = entries.find((e) => e.between === 'data-centers' && same(e, x.dataCenter, y.dataCenter));
      const rt = server?.ms ?? dc?.ms;
      if (rt !== undefined && (max === null || rt > max)) max = rt;
    }
  }
  return max;
}

describe('latency between voters', () => {
  it('takes a server pair over its data centres, and treats one data centre as close', () => {
    const endpoints = [
      { name: 'a1', dataCenter: 'A' },
      { name: 'a2', dataCenter: 'A' },
      { name: 'b1', dataCenter: 'B' },
    ];
    const entries = [dcEntry('A', 'B', 24, 0), serverEntry('a1', 'b1', 3, 1)];
    const applied = appliedLatency(endpoints, entries);
    // a2-b1 still takes the data-centre figure.
    expect(largestRoundTrip(applied)).toBe(24);
    expect(applied.map((a) => [a.entry.path, a.pairs])).toEqual([
      ['/latency/1', 1],
      ['/latency/0', 1],
    ]);
  });

  it('drops a data-centre entry when server entries override all its pairs', () => {
    const endpoints = [
      { name: 'a1', dataCenter: 'A' },
      { name: 'b1', dataCenter: 'B' },
    ];
    const applied = appliedLatency(endpoints, [dcEntry('A', 'B', 24, 0), serverEntry('B1', 'A1', 2, 1)]);
    expect(largestRoundTrip(applied)).toBe(2);
    expect(applied).toHaveLength(1);
  });

  it('agrees with the pair-by-pair definition on mixed inputs', () => {
    const dcs = ['A', 'B', 'C'];
    const endpoints = Array.from({ length: 9 }, (_, i) => ({ name: `s${i}`, dataCenter: dcs[i % 3]! }));
    const entries = [
      dcEntry('A', 'B', 12, 0),
      dcEntry('C', 'C', 1.5, 1),
      serverEntry('s0', 's1', 30, 2),
      serverEntry('s3', 's6', 0.4, 3),
      dcEntry('B', 'C', 7, 4),
    ];
    expect(largestRoundTrip(appliedLatency(endpoints, entries))).toBe(naive(endpoints, entries));
    expect(largestRoundTrip(appliedLatency(endpoints.slice(0, 1), entries))).toBeNull();
  });

  it('measures management servers to the database, counting servers per entry', () => {
    const from = [
      { name: 'ms1', dataCenter: 'A' },
      { name: 'ms2', dataCenter: 'B' },
      { name: 'ms3', dataCenter: 'B' },
    ];
    const applied = appliedLatencyTo(from, { name: 'sql', dataCenter: 'A' }, [dcEntry('B', 'A', 9, 0), serverEntry('sql', 'ms3', 1, 1)]);
    expect(applied.map((a) => [a.entry.path, a.pairs])).toEqual([
      ['/latency/1', 1],
      ['/latency/0', 1],
    ]);
  });
});
