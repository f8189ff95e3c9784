import { describe, expect, it } from 'vitest';
import { nines, poolAvailability, upCountDistribution } from '../../../../src/kinds/scom/analysis/availability.js';

/** Every up/down state of every voter and the database, enumerated. */
function bruteForce(members: number[], observers: number[], database: number, dov: boolean): number {
  const all = [...members, ...observers, database];
  const v = members.length + observers.length + (dov ? 1 : 0);
  const needed = Math.floor(v / 2) + 1;
  let total = 0;
  for (let mask = 0; mask < 1 << all.length; mask++) {
    let p = 1;
    all.forEach((a, i) => { p *= mask & (1 << i) ? a : 1 - a; });
    const up = (i: number) => (mask & (1 << i)) !== 0;
    const dbUp = up(all.length - 1);
    if (!dbUp) continue;
    let membersUp = 0;
    for (let i = 0; i < members.length; i++) if (up(i)) membersUp++;
    let observersUp = 0;
    for (let i = 0; i < observers.length; i++) if (up(members.length + i)) observersUp++;
    if (membersUp >= 1 && membersUp + observersUp + (dov ? 1 : 0) >= needed) total += p;
  }
  return total;
}

/** A deterministic pseudo-random sequence (no Math.random in tests). */
function* lcg(seed: number) {
  let s = seed;
  for (;;) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    yield s / 2 ** 31;
  }
}

describe('pool availability', () => {
  it('agrees with brute-force enumeration for small pools', () => {
    const rand = lcg(42);
    const next = () => 0.5 + 0.5 * (rand.next().value as number);
    for (let m = 0; m <= 5; m++) {
      for (let o = 0; o <= 2; o++) {
        for (const dov of [true, false]) {
          const members = Array.from({ length: m }, next);
          const observers = Array.from({ length: o }, next);
          const database = next();
          const dp = poolAvailability({ members, observers, database, defaultObserverVotes: dov }).probability;
          expect(dp).toBeCloseTo(bruteForce(members, observers, database, dov), 12);
        }
      }
    }
  });

  it('gives two 99.5% servers with the default observer and a perfect database 1 - 0.005^2', () => {
    const a = poolAvailability({ members: [0.995, 0.995], observers: [], database: 1, defaultObserverVotes: true });
    expect(a.probability).toBeCloseTo(1 - 0.005 ** 2, 15);
    expect(a.nines).toBeCloseTo(4.602, 3);
  });

  it('reports null nines when nothing can fail', () => {
    expect(poolAvailability({ members: [1, 1], observers: [], database: 1, defaultObserverVotes: true })).toEqual({ probability: 1, nines: null });
    expect(nines(0.999)).toBe(3);
  });

  it('computes an up-count distribution that sums to one', () => {
    const d = upCountDistribution([0.9, 0.8, 0.5]);
    expect([...d].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
    expect(d[3]).toBeCloseTo(0.36, 15);
  });
});
