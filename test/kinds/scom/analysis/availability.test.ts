import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availability, managementGroupQuestion, nines, WORK_BUDGET, type WorkMeter } from '../../../../src/kinds/scom/analysis/availability.js';
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

  it('never spends more than its work budget on the exact computation, and is exact whenever it says so', () => {
    fc.assert(
      fc.property(smallDesign, fc.nat(200), (d, budget) => {
        const model = compileFailureModel(topologyOf(designOf(d)));
        const brute = bruteForce(model);
        model.pools.forEach((shape, i) => {
          const meter: WorkMeter = { exact: 0, sampling: 0 };
          const a = availability(model, shape, 1, budget, meter);
          expect(meter.exact).toBeLessThanOrEqual(budget);
          if (a.method === 'exact') expect(a.probability).toBeCloseTo(brute.pools[i]!, 12);
          else expect(meter.sampling).toBeGreaterThan(0);
        });
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 100), seed: 21 },
    );
  });

  /**
   * Like the hostile file of docs/PERFORMANCE.md, small: sites of their own (up or down whole),
   * the database in the first, and servers of many availabilities in one pool.
   */
  const sitesOfServers = (sites: number, servers: number, site: number, server: number) => {
    const dataCenters = Array.from({ length: sites }, (_, i) => ({ name: `d${i}`, availability: site + (i % 5) / 100 }));
    const managementServers = Array.from({ length: servers }, (_, i) => ({
      name: `ms${i}`,
      dataCenter: `d${i % sites}`,
      availability: server + (i % 13) / 100,
    }));
    return compileFailureModel(
      topologyOf({
        dataCenters,
        databases: { operational: { server: 'sql', dataCenter: 'd0', availability: 0.95 } },
        managementServers,
        pools: [{ name: 'Everything', membership: 'manual', members: managementServers.map((m) => m.name) }],
      }),
    );
  };

  it('samples past its work budget, the same way every time, within 5 standard errors of the exact answer', () => {
    // 4 shared states (the database and its site) and 39 sites of their own.
    const model = sitesOfServers(40, 2_000, 0.9, 0.6);
    const shape = model.pools.find((p) => p.pool.name === 'Everything')!;
    const exactMeter: WorkMeter = { exact: 0, sampling: 0 };
    const exact = availability(model, shape, 1, WORK_BUDGET, exactMeter);
    expect(exact.method).toBe('exact');
    // Enough to go through every shared state in each sample, not enough for the exact answer.
    const budget = 8_000_000;
    expect(exactMeter.exact).toBeGreaterThan(budget);
    const meter: WorkMeter = { exact: 0, sampling: 0 };
    const a = availability(model, shape, 1, budget, meter);
    expect(a.method).toBe('sampled');
    expect(meter.exact).toBeLessThanOrEqual(budget);
    expect(a.standardError).toBeGreaterThan(0);
    expect(availability(model, shape, 1, budget)).toEqual(a);
    expect(Math.abs(a.probability - exact.probability)).toBeLessThan(5 * a.standardError!);
    // With a budget too small to go through the shared states, they are drawn too.
    const drawn = availability(model, shape, 1, 1_000);
    expect(drawn.method).toBe('sampled');
    expect(Math.abs(drawn.probability - exact.probability)).toBeLessThan(5 * drawn.standardError!);
    // The management group: a management server connected, which needs the database.
    const group = availability(model, managementGroupQuestion(model), 1, 1_000);
    const groupExact = availability(model, managementGroupQuestion(model));
    expect(group.method).toBe('sampled');
    expect(Math.abs(group.probability - groupExact.probability)).toBeLessThanOrEqual(5 * group.standardError! + 1e-12);
  });

  it('samples a pool of gateways past its work budget, each counted while the server it reports through is connected', () => {
    const dcs = Array.from({ length: 10 }, (_, i) => ({ name: `d${i}`, availability: 0.8 + i / 100 }));
    const doc = {
      dataCenters: dcs,
      databases: { operational: { server: 'sql', dataCenter: 'd0', availability: 0.97 } },
      managementServers: [
        { name: 'ms0', dataCenter: 'd0', availability: 0.9 },
        { name: 'ms1', dataCenter: 'd1', availability: 0.92 },
      ],
      gateways: Array.from({ length: 40 }, (_, i) => ({
        name: `gw${i}`,
        dataCenter: `d${2 + (i % 8)}`,
        reportsTo: [`ms${i % 2}`],
        availability: 0.6 + (i % 7) / 20,
      })),
      pools: [{ name: 'Gateways', members: Array.from({ length: 40 }, (_, i) => `gw${i}`) }],
    };
    const model = compileFailureModel(topologyOf(doc));
    const shape = model.pools.find((p) => p.pool.name === 'Gateways')!;
    const exact = availability(model, shape);
    expect(exact.method).toBe('exact');
    const exactMeter: WorkMeter = { exact: 0, sampling: 0 };
    availability(model, shape, 1, WORK_BUDGET, exactMeter);
    for (const budget of [1_000, Math.floor(exactMeter.exact / 2)]) {
      const meter: WorkMeter = { exact: 0, sampling: 0 };
      const a = availability(model, shape, 1, budget, meter);
      expect(a.method).toBe('sampled');
      expect(meter.exact).toBeLessThanOrEqual(budget);
      expect(a.standardError).toBeGreaterThan(0);
      expect(Math.abs(a.probability - exact.probability)).toBeLessThan(5 * a.standardError!);
    }
  });

  it('reports null nines when nothing can fail', () => {
    expect(nines(1)).toBeNull();
  });
});
