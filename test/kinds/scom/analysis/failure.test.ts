import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  baselineOf,
  compileFailureModel,
  evaluate,
  evaluateFew,
  fewArrays,
  noFailure,
  type FailureModel,
} from '../../../../src/kinds/scom/analysis/failure/index.js';
import { agentLoad, singlePointsOfFailure, worstAgentFailure } from '../../../../src/kinds/scom/analysis/what-if.js';
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

/** The state with one host down, by the full evaluation. */
const withDown = (model: FailureModel, h: number) => {
  const f = noFailure(model);
  f.downHosts[h] = 1;
  return evaluate(model, f);
};

describe('the what-ifs that try only some servers', () => {
  it('single points of failure: one evaluation per class of servers finds what trying every server finds', () => {
    fc.assert(
      fc.property(smallDesign, (d) => {
        const model = compileFailureModel(topologyOf(designOf(d)));
        const base = baselineOf(model);
        const found = singlePointsOfFailure(model, base, fewArrays(model));
        // A clustered database's listener is a name, not a server that fails on its own.
        const listener = model.database.nodes.length > 0 ? model.database.listener : -1;
        const mg: string[] = [];
        const pools: string[][] = model.pools.map(() => []);
        for (const host of model.hosts) {
          if (host.index === listener) continue;
          const after = withDown(model, host.index);
          if (base.state.managementGroupWorks && !after.managementGroupWorks) mg.push(host.name);
          model.pools.forEach((_, p) => {
            if (base.state.pools[p]!.outcome === 'works' && after.pools[p]!.outcome !== 'works') pools[p]!.push(host.name);
          });
        }
        expect(found.managementGroup.map((h) => h.name)).toEqual(mg);
        expect(found.pools.map((hs) => hs.map((h) => h.name))).toEqual(pools);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 500), seed: 11 },
    );
  });

  it("the agents' worst failure: the candidates tried, and those passed over as unable to overload a server, find what trying every server finds", () => {
    let overloads = 0;
    fc.assert(
      fc.property(smallDesign, (d) => {
        const model = compileFailureModel(topologyOf(designOf(d)));
        const base = baselineOf(model);
        const limitOf = new Map(agentLoad(model, base.state).loads.map((l) => [l.host.index, l.limit]));
        const before = agentLoad(model, base.state).loads;
        const overBefore = new Set(before.filter((l) => l.agents > l.limit).map((l) => l.host.index));
        // Every host down in turn: the largest excess over a limit on a server not already over it.
        let worst = 0;
        for (const host of model.hosts) {
          for (const l of agentLoad(model, withDown(model, host.index)).loads) {
            if (overBefore.has(l.host.index) || !limitOf.has(l.host.index)) continue;
            worst = Math.max(worst, l.agents - l.limit);
          }
        }
        const found = worstAgentFailure(model, base, fewArrays(model));
        expect(found ? found.agents - found.limit : 0).toBe(worst);
        if (found) {
          overloads++;
          // And the failure it names does overload the server it names by that much.
          const load = agentLoad(model, withDown(model, found.failed.index)).loads.find((l) => l.host === found.server);
          expect(load?.agents).toBe(found.agents);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 500), seed: 13 },
    );
    // The designs reach the limits often enough for the comparison to mean something.
    expect(overloads).toBeGreaterThan(20);
  });

  it("the agents' worst failure names the agents that go to the server it overloads, as the failure model moves them", () => {
    let pastFirst = 0;
    let notTheFailed = 0;
    fc.assert(
      fc.property(smallDesign, (d) => {
        const doc = designOf(d);
        const model = compileFailureModel(topologyOf(doc));
        const base = baselineOf(model);
        const found = worstAgentFailure(model, base, fewArrays(model));
        if (!found) return;
        const state = withDown(model, found.failed.index);
        const before = agentLoad(model, base.state);
        const cameBefore = new Set(before.moves.filter((m) => m.to === found.server).map((m) => m.from));
        for (const m of found.arrivals) {
          // Its server is not connected, and its agents did not go to the overloaded server before.
          expect(state.connected[m.from.index]).toBe(0);
          expect(cameBefore.has(m.from)).toBe(false);
          if (m.how === 'spread') {
            expect(found.server.role).toBe('management-server');
            continue;
          }
          expect(m.how).toBe('listed');
          expect(m.to).toBe(found.server);
          // The servers passed over are the ones ahead of it in the list, none of them connected.
          const list = model.failover[m.from.index]!;
          expect(m.passedOver.map((p) => p.host.index)).toEqual(list.slice(0, list.indexOf(found.server.index)));
          for (const p of m.passedOver) {
            expect(state.connected[p.host.index]).toBe(0);
            expect(p.state).toBe(state.up[p.host.index] === 0 ? 'down' : 'cut-off');
          }
          if (m.passedOver.length > 0) pastFirst++;
        }
        const main = found.arrivals[0];
        if (main.from !== found.failed) notTheFailed++;
        // Without the agents of the server named first, the overloaded server carries that many fewer
        // (all of them where they were sent whole, some where they were spread).
        const without = structuredClone(doc);
        const entry = [...without.managementServers, ...(without.gateways ?? [])].find((s) => s.name === main.from.name)!;
        entry.agents = 0;
        const other = compileFailureModel(topologyOf(without));
        const load = (m: FailureModel) => agentLoad(m, withDown(m, found.failed.index)).loads.find((l) => l.host.name === found.server.name)?.agents ?? 0;
        if (main.how === 'listed') expect(load(other)).toBe(found.agents - main.agents);
        else expect(load(other)).toBeLessThan(found.agents);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 500), seed: 17 },
    );
    // The random designs reach the cases of the defect: a list whose first server the failure takes
    // too, and agents of a server other than the failed one.
    expect(pastFirst).toBeGreaterThan(0);
    expect(notTheFailed).toBeGreaterThan(0);
  });
});
