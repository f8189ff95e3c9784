import { atPool, defineRule } from '../../../rules/types.js';

export default defineRule({
  meta: {
    id: 'pool-manager-settings-mismatch',
    severity: 'warning',
    category: 'pool-manager',
    description: 'members of one pool carry different PoolManager values (pools flap)',
    rationale: 'Lease timing is computed by every member from its own PoolLeaseRequestPeriodSeconds and PoolNetworkLatencySeconds; when they differ, members disagree about when a lease expires and the pool flaps (frequent event 15003).',
    remediation: 'Set the same PoolManager registry values on every management server and gateway of the pool (or none anywhere).',
    sources: ['PM'],
    messages: {
      mismatch: 'Members of pool "{{pool}}" use {{count}} different PoolManager settings ({{settings}}); make them equal so the pool does not flap.',
    },
  },
  *check({ analysis }) {
    for (const a of analysis.pools) {
      const distinct = a.lease.distinctSettings;
      if (distinct.length > 1) {
        const settings = distinct.map((s) => `${s.leaseRequestPeriodSeconds}/${s.networkLatencySeconds} s`).join(', ');
        yield atPool(a.pool, 'mismatch', { count: distinct.length, settings });
      }
    }
  },
});
