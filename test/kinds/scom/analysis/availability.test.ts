import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availability, managementGroupQuestion, nines } from '../../../../src/kinds/scom/analysis/availability.js';
import { compileFailureModel, evaluate, noFailure, type FailureModel } from '../../../../src/kinds/scom/analysis/failure/index.js';
import { topologyOf } from '../../../helpers.js';
import { designOf, smallDesign } from './designs.js';

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

  it('samples with a fixed seed past 2^20 shared states, and says so with a standard error', () => {
    const dcs = Array.from({ length: 22 }, (_, i) => ({ name: `dc${i}`, availability: 0.6 }));
    const doc = { dataCenters: dcs, managementServers: dcs.map((d, i) => ({ name: `ms${i}`, dataCenter: d.name })) };
    const model = compileFailureModel(topologyOf(doc));
    const a = availability(model, model.pools[0]!);
    expect(a.method).toBe('sampled');
    expect(a.standardError).toBeGreaterThan(0);
    expect(availability(model, model.pools[0]!)).toEqual(a);
    // 22 sites of 60% with a server each, and the database (always up) in the default one: 23
    // votes, 12 needed, so at least 11 servers up. The exact figure is a binomial tail.
    let exact = 0;
    let c = 1;
    for (let k = 0; k <= 22; k++) {
      if (k >= 11) exact += c * 0.6 ** k * 0.4 ** (22 - k);
      c = (c * (22 - k)) / (k + 1);
    }
    expect(Math.abs(a.probability - exact)).toBeLessThan(5 * a.standardError!);
  });

  it('reports null nines when nothing can fail', () => {
    expect(nines(1)).toBeNull();
  });
});
