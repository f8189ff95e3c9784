import { describe, expect, it } from 'vitest';
import { compareChoices, flagged, meets, planPool, type PlanChoice, type PlanPreferences, type PoolShape } from '../../../../src/kinds/scom/analysis/plan.js';

/** Every change in a box large enough to hold the optimum, the best by the same preferences. */
function bruteForce(shape: PoolShape, target: number, prefs: PlanPreferences): PlanChoice | null {
  let best: PlanChoice | null = null;
  for (let addMembers = 0; addMembers <= 14; addMembers++) {
    for (let addObservers = 0; addObservers <= 8; addObservers++) {
      for (const defaultObserverEnabled of [true, false]) {
        const c = { addMembers, addObservers, defaultObserverEnabled };
        if (!meets(shape, c, prefs, target) || flagged(shape, c, prefs)) continue;
        if (best === null || compareChoices(c, best, shape, prefs) < 0) best = c;
      }
    }
  }
  return best;
}

describe('plan', () => {
  it('finds the same smallest change as brute force for every small pool', () => {
    let checked = 0;
    for (const role of ['management-server', 'gateway'] as const) {
      for (let members = 0; members <= 5; members++) {
        for (let observers = 0; observers <= 2; observers++) {
          for (const defaultObserverEnabled of [true, false]) {
            for (const workload of [[], [{ total: 1500, limitPerMember: 1000 }], [{ total: 250, limitPerMember: 100 }]]) {
              for (let target = 1; target <= 3; target++) {
                const shape: PoolShape = {
                  members,
                  observers,
                  defaultObserverEnabled,
                  workloads: workload,
                  managementServerMembers: role === 'management-server' ? members : 0,
                  managementServerObservers: role === 'management-server' ? observers : 0,
                };
                const prefs: PlanPreferences = { databaseObserverLoadMembers: 5, newMemberRole: role };
                const expected = bruteForce(shape, target, prefs);
                const actual = planPool(shape, target, prefs);
                expect(actual, JSON.stringify({ shape, target, role })).toEqual(expected);
                checked++;
              }
            }
          }
        }
      }
    }
    expect(checked).toBe(2 * 6 * 3 * 2 * 3 * 3);
  });

  it('reproduces the issue\'s example: three gateways to two failures is "add 2 gateways: 5 members, 5 voters"', () => {
    const shape: PoolShape = {
      members: 3,
      observers: 0,
      defaultObserverEnabled: false,
      workloads: [],
      managementServerMembers: 0,
      managementServerObservers: 0,
    };
    expect(planPool(shape, 2, { databaseObserverLoadMembers: 5, newMemberRole: 'gateway' })).toEqual({
      addMembers: 2,
      addObservers: 0,
      defaultObserverEnabled: false,
    });
  });

  it('never proposes the default observer beside five or more management servers: one management server to three failures is seven without it', () => {
    const shape: PoolShape = {
      members: 1,
      observers: 0,
      defaultObserverEnabled: true,
      workloads: [],
      managementServerMembers: 1,
      managementServerObservers: 0,
    };
    expect(planPool(shape, 3, { databaseObserverLoadMembers: 5, newMemberRole: 'management-server' })).toEqual({
      addMembers: 6,
      addObservers: 0,
      defaultObserverEnabled: false,
    });
  });

  it('enables a disabled default observer rather than adding a server', () => {
    const shape: PoolShape = {
      members: 2,
      observers: 0,
      defaultObserverEnabled: false,
      workloads: [],
      managementServerMembers: 2,
      managementServerObservers: 0,
    };
    expect(planPool(shape, 1, { databaseObserverLoadMembers: 5, newMemberRole: 'management-server' })).toEqual({
      addMembers: 0,
      addObservers: 0,
      defaultObserverEnabled: true,
    });
  });
});
