import { atPool, defineRule } from './context.js';

export default defineRule({
  meta: {
    id: 'pool-manager-settings-mismatch',
    severity: 'warning',
    category: 'pool-manager',
    description: 'members of one pool carry different PoolManager values (pools flap)',
    rationale:
      'Lease timing is computed by every member from its own PoolLeaseRequestPeriodSeconds and PoolNetworkLatencySeconds; when they differ, members disagree about when a lease expires and the pool flaps (frequent event 15003).',
    remediation:
      'Set the same PoolManager registry values (`HKLM\\SYSTEM\\CurrentControlSet\\Services\\HealthService\\Parameters\\PoolManager`: PoolLeaseRequestPeriodSeconds, PoolNetworkLatencySeconds) on every management server and gateway of the pool, or none anywhere.',
    sources: ['PM'],
    messages: {
      mismatch:
        'Members of {{poolRef}} use {{count}} different PoolManager settings ({{settings}}): {{differ}}; make them equal (the PoolManager key under HealthService\\Parameters in the registry of each) so the pool does not flap.',
    },
  },
  *check({ analysis }) {
    for (const a of analysis.pools) {
      const distinct = a.lease.distinctSettings;
      if (distinct.length > 1) {
        const settings = distinct.map((s) => `${s.leaseRequestPeriodSeconds}/${s.networkLatencySeconds} s`).join(', ');
        const own = a.lease.ownSettings.map((s) => s.name);
        const shown = own.length > 5 ? `${own.slice(0, 5).join(', ')} and ${own.length - 5} more` : own.join(', ');
        const differ = own.length === 0 ? "no member keeps the group's values" : `${shown} ${own.length === 1 ? 'differs' : 'differ'} from the group's`;
        yield atPool(a.pool, 'mismatch', { count: distinct.length, settings, differ });
      }
    }
  },
});
