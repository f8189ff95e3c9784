import { POOL_MANAGER, POOL_MANAGER_SETTINGS } from '../../../domain/facts.js';
import type { PoolManagerValues } from '../model/types.js';
import { type Problem } from '../../../core/rule.js';
import { defineRule } from './context.js';

export default defineRule({
  meta: {
    id: 'pool-manager-settings-out-of-range',
    severity: 'warning',
    category: 'pool-manager',
    description: 'a PoolManager value is above its documented ceiling (600 s lease period, 120 s network latency) or not positive',
    rationale:
      'The PoolManager values are raised only on support advice and only up to 600 s (PoolLeaseRequestPeriodSeconds) and 120 s (PoolNetworkLatencySeconds); beyond that failover takes many minutes, and zero or negative values break leasing.',
    remediation: 'Use the defaults (120 s and 30 s) unless Microsoft support advises otherwise, and never more than 600 s and 120 s.',
    sources: ['FE', 'PM'],
    messages: {
      tooHigh:
        '{{registryValue}} is {{value}} s, above its ceiling of {{ceiling}} s, so failover would take too long; set it to {{ceiling}} s or less (the default is {{default}} s).',
      notPositive: '{{registryValue}} is {{value}} s; it must be a positive number of seconds.',
    },
  },
  *check({ topology }) {
    yield* outOfRange(topology.poolManager, '');
    for (const s of topology.managementServers) yield* outOfRange(s.poolManager, s.path);
    for (const s of topology.gateways) yield* outOfRange(s.poolManager, s.path);
  },
});

/** The values out of range among those at `${owner}/poolManager` (the group's: owner ''). */
function* outOfRange(values: PoolManagerValues, owner: string): Iterable<Problem> {
  for (const setting of POOL_MANAGER_SETTINGS) {
    const value = values[setting];
    if (value === undefined) continue;
    const { ceiling, registryValue, default: byDefault } = POOL_MANAGER[setting];
    const path = `${owner}/poolManager/${setting}`;
    if (value <= 0) yield { messageId: 'notPositive', data: { registryValue, value }, path };
    else if (value > ceiling.value) yield { messageId: 'tooHigh', data: { registryValue, value, ceiling: ceiling.value, default: byDefault.value }, path };
  }
}
