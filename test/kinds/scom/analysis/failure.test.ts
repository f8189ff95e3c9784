import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baselineOf, compileFailureModel, evaluate, evaluateFew, fewArrays, noFailure } from '../../../../src/kinds/scom/analysis/failure/index.js';
import { topologyOf } from '../../../helpers.js';
import { designOf, smallDesign } from './designs.js';

describe('the failure model for a few hosts down', () => {
  it('is the failure model: evaluateFew equals evaluate for random designs and sets of hosts down, with arrays reused or not', () => {
    fc.assert(
      fc.property(smallDesign, fc.array(fc.nat(40), { maxLength: 4 }), (d, picks) => {
        const model = compileFailureModel(topologyOf(designOf(d)));
        const down = [...new Set(picks.map((p) => p % model.hosts.length))];
        const f = noFailure(model);
        for (const h of down) f.downHosts[h] = 1;
        const full = evaluate(model, f);
        const base = baselineOf(model);
        // Arrays to reuse, left holding another what-if's state: a server down.
        const arrays = fewArrays(model);
        evaluateFew(model, base, [model.managementServers[0]!], arrays);
        for (const few of [evaluateFew(model, base, down), evaluateFew(model, base, down, arrays)]) {
          expect([...few.up]).toEqual([...full.up]);
          expect([...few.connected]).toEqual([...full.connected]);
          expect([...few.via]).toEqual([...full.via]);
          expect(few.managementGroupWorks).toBe(full.managementGroupWorks);
          expect(few.pools).toEqual(full.pools);
          model.pools.forEach((shape, p) => expect(few.membersUp[p], `pool ${p}`).toBe([...shape.members].filter((h) => full.up[h]).length));
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 500), seed: 7 },
    );
  });
});
