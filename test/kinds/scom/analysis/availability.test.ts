import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availability, managementGroupQuestion, nines } from '../../../../src/kinds/scom/analysis/availability.js';
import { compileFailureModel, evaluate, noFailure, type FailureModel } from '../../../../src/kinds/scom/analysis/failure/index.js';
import { topologyOf } from '../../../helpers.js';
import { designOf, smallDesign } from './designs.js';
import { operations } from '../../../support/operations.js';

/**
 * The probability that each pool and the management group works, by evaluating the failure model
 * on every combination of up and down of every host and data centre that can fail.
 */
function bruteForce(model: FailureModel): { pools: number[]; group: number } {
  const hostVars = model.hosts.filter((h) => h.availability < 1).map((h) => h.index);
  const dcVars = model.dataCenters
    .map((d, i) => [d.availability ?? 1, i] as const)
    .filter(([a]) => a < 1)
    .map(([, i]) => i);
  const vars = hostVars.length + dcVars.length;
  const pools = model.pools.map(() => 0);
  let group = 0;
  for (let mask = 0; mask < 2 ** vars; mask++) {
    const f = noFailure(model);
    let weight = 1;
    for (let i = 0; i < vars; i++) {
      const down = ((mask >> i) & 1) === 1;
      const p = i < hostVars.length ? model.hosts[hostVars[i]!]!.availability : (model.dataCenters[dcVars[i - hostVars.length]!]!.availability ?? 1);
      weight *= down ? 1 - p : p;
      if (i < hostVars.length) f.downHosts[hostVars[i]!] = down ? 1 : 0;
      else f.downDataCenters[dcVars[i - hostVars.length]!] = down ? 1 : 0;
    }
    const s = evaluate(model, f);
    s.pools.forEach((p, i) => {
      if (p.outcome === 'works') pools[i]! += weight;
    });
    if (s.managementGroupWorks) group += weight;
  }
  return { pools, group };
}

describe('availability under the failure model', () => {
  it('agrees with brute-force enumeration of every host and data centre on random small designs', () => {
    fc.assert(
      fc.property(smallDesign, (d) => {
        const model = compileFailureModel(topologyOf(designOf(d)));
        const brute = bruteForce(model);
        model.pools.forEach((shape, i) => {
          const a = availability(model, shape);
          expect(a.method).toBe('exact');
          expect(a.probability).toBeCloseTo(brute.pools[i]!, 12);
        });
        expect(availability(model, managementGroupQuestion(model)).probability).toBeCloseTo(brute.group, 12);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: 20 },
    );
  });

  it('gives two 99.5% servers with the default observer and a perfect database 1 - 0.005^2', () => {
    const model = compileFailureModel(
      topologyOf({
        managementServers: [
          { name: 'ms1', availability: 0.995 },
          { name: 'ms2', availability: 0.995 },
        ],
      }),
    );
    const a = availability(model, model.pools[0]!);
    expect(a.probability).toBeCloseTo(1 - 0.005 ** 2, 14);
    expect(a.nines).toBeCloseTo(4.602, 3);
  });

  it('counts a gateway pool only while the management servers it reports through are connected', () => {
    const model = compileFailureModel(
      topologyOf({
        databases: { operational: { server: 'sql' } },
        managementServers: [{ name: 'ms1', availability: 0.9 }],
        gateways: ['g1', 'g2', 'g3'].map((name) => ({ name, reportsTo: ['ms1'] })),
        pools: [{ name: 'dmz', members: ['g1', 'g2', 'g3'], defaultObserver: false }],
      }),
    );
    // The gateways are always up; the pool works exactly when ms1 is.
    expect(availability(model, model.pools[0]!).probability).toBeCloseTo(0.9, 14);
  });

  /** P(at least k of n independent servers up, each with chance p): a binomial tail. */
  const atLeast = (k: number, n: number, p: number) => {
    let sum = 0;
    let c = 1;
    for (let i = 0; i <= n; i++) {
      if (i >= k) sum += c * p ** i * (1 - p) ** (n - i);
      c = (c * (n - i)) / (i + 1);
    }
    return sum;
  };

  it('takes a site that holds only voters whole, not as a shared state: 22 such sites are exact', () => {
    const dcs = Array.from({ length: 22 }, (_, i) => ({ name: `dc${i}`, availability: 0.6 }));
    const doc = { dataCenters: dcs, managementServers: dcs.map((d, i) => ({ name: `ms${i}`, dataCenter: d.name })) };
    const model = compileFailureModel(topologyOf(doc));
    const a = availability(model, model.pools[0]!);
    expect(a.method).toBe('exact');
    // 22 sites of 60% with a server each, and the database (always up) in the default one: 23
    // votes, 12 needed, so at least 11 servers up.
    expect(a.probability).toBeCloseTo(atLeast(11, 22, 0.6), 14);
  });

  it('samples with a fixed seed past 2^20 shared states, and says so with a standard error', () => {
    // Each gateway reports through the management server of its own site, so every site is a shared state.
    const dcs = Array.from({ length: 22 }, (_, i) => ({ name: `dc${i}`, availability: 0.6 }));
    const doc = {
      dataCenters: dcs,
      managementServers: dcs.map((d, i) => ({ name: `ms${i}`, dataCenter: d.name })),
      gateways: dcs.map((d, i) => ({ name: `gw${i}`, dataCenter: d.name, reportsTo: [`ms${i}`] })),
      pools: [{ name: 'Gateways', members: dcs.map((_, i) => `gw${i}`) }],
    };
    const model = compileFailureModel(topologyOf(doc));
    const shape = model.pools.find((p) => p.pool.name === 'Gateways')!;
    const a = availability(model, shape);
    expect(a.method).toBe('sampled');
    expect(a.standardError).toBeGreaterThan(0);
    expect(availability(model, shape)).toEqual(a);
    // 22 gateways, 12 votes needed (no default observer in a pool of gateways): at least 12 sites up.
    expect(Math.abs(a.probability - atLeast(12, 22, 0.6))).toBeLessThan(5 * a.standardError!);
  });

  it('keeps its work bounded for many sites of servers that each have an availability of their own', async () => {
    // 19 sites and 20 servers, every availability different: 2^19 states before sites were taken whole.
    const dcs = Array.from({ length: 19 }, (_, i) => ({ name: `site${i}`, availability: 0.999 }));
    const doc = {
      dataCenters: dcs,
      managementServers: Array.from({ length: 20 }, (_, i) => ({ name: `ms${i}`, dataCenter: `site${i % 19}`, availability: 0.99 + i / 10_000 })),
    };
    const model = compileFailureModel(topologyOf(doc));
    let a: ReturnType<typeof availability> | undefined;
    // Counted, not timed: taken as shared states, the 2^19 of them cost millions of operations.
    const ops = await operations(() => (a = availability(model, model.pools[0]!)));
    expect(ops).toBeLessThan(20_000);
    expect(a!.method).toBe('exact');
    expect(a!.probability).toBeGreaterThan(0.999);
  });

  it('reports null nines when nothing can fail', () => {
    expect(nines(1)).toBeNull();
  });
});
