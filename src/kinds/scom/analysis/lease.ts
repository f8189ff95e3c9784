/**
 * PoolManager lease timing (PM): lease = PoolLeaseRequestPeriodSeconds + 2 x PoolNetworkLatencySeconds.
 * A server's own value replaces the group's; a value it does not set is the group's; defaults from
 * the facts table.
 */
import { POOL_MANAGER, POOL_MANAGER_SETTINGS } from '../../../domain/facts.js';
import type { PoolManagerValues, Server } from '../model/types.js';
import { maxOf } from '../../../util/extremes.js';

export interface EffectivePoolManager {
  readonly leaseRequestPeriodSeconds: number;
  readonly networkLatencySeconds: number;
}

export function effectivePoolManager(group: PoolManagerValues, server?: Server): EffectivePoolManager {
  const value = (s: (typeof POOL_MANAGER_SETTINGS)[number]) => server?.poolManager[s] ?? group[s] ?? POOL_MANAGER[s].default.value;
  return { leaseRequestPeriodSeconds: value('leaseRequestPeriodSeconds'), networkLatencySeconds: value('networkLatencySeconds') };
}

export function leaseDuration(values: EffectivePoolManager): number {
  return values.leaseRequestPeriodSeconds + 2 * values.networkLatencySeconds;
}

export interface PoolLease {
  /** The longest lease among the pool's members and observers. */
  readonly leaseDurationSeconds: number;
  /** The distinct effective settings among them (more than one: the pool flaps). */
  readonly distinctSettings: readonly EffectivePoolManager[];
  /** The servers whose effective values are not the group's, in the pool's order. */
  readonly ownSettings: readonly Server[];
}

export function poolLease(group: PoolManagerValues, servers: readonly Server[]): PoolLease {
  const distinct = new Map<string, EffectivePoolManager>();
  const groupValues = effectivePoolManager(group);
  const add = (v: EffectivePoolManager) => distinct.set(`${v.leaseRequestPeriodSeconds}/${v.networkLatencySeconds}`, v);
  if (servers.length === 0) distinct.set('', groupValues);
  // Most servers set nothing of their own and take the group's values, worked out once; the
  // settings stay in the order the servers first show them (the mismatch message lists them).
  let groupAdded = false;
  const ownSettings: Server[] = [];
  for (const server of servers) {
    if (Object.keys(server.poolManager).length > 0) {
      const own = effectivePoolManager(group, server);
      add(own);
      if (own.leaseRequestPeriodSeconds !== groupValues.leaseRequestPeriodSeconds || own.networkLatencySeconds !== groupValues.networkLatencySeconds)
        ownSettings.push(server);
    } else if (!groupAdded) {
      add(groupValues);
      groupAdded = true;
    }
  }
  const settings = [...distinct.values()];
  return {
    leaseDurationSeconds: maxOf(settings.map(leaseDuration)),
    distinctSettings: settings,
    ownSettings,
  };
}
