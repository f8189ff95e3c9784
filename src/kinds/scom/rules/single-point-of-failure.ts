import { atPool, defineRule, plural } from '../../../rules/types.js';

export default defineRule({
  meta: {
    id: 'single-point-of-failure',
    severity: 'warning',
    category: 'failover',
    description: "a pool tolerates at least one member failure yet has a single point of failure other than the operational database's own server or cluster",
    rationale: 'Tolerable failures count the pool\'s own members. A pool can tolerate one on paper and still stop when one other server goes: the management server that hosts the database, or the management servers its gateways report through. The count would then mislead the reader.',
    remediation: 'Remove the single point: move the operational database off the management server, give gateways failover servers in `reportsTo`, or add the missing server (`pooltopo simulate --down NAME` shows what it stops).',
    sources: ['PFS', 'RPD', 'SPEC'],
    messages: {
      single: 'Pool "{{pool}}" tolerates {{tolerates}}, yet losing {{names}} alone stops it working ({{reason}}); {{advice}}',
    },
  },
  *check({ analysis }) {
    const model = analysis.model;
    const { listener, nodes, witness } = model.database;
    const databaseOwn = new Set([...nodes, ...(witness >= 0 ? [witness] : [])].map((h) => model.hosts[h]!.name));
    // The database's own server, unless it is a management server's host (the seed's "Good" design).
    if (!model.hosts[listener]!.server) databaseOwn.add(model.hosts[listener]!.name);
    for (const a of analysis.pools) {
      const tolerable = a.quorum.configured.tolerableFailures;
      if (tolerable < 1) continue;
      const points = a.singlePointsOfFailure.filter((n) => !databaseOwn.has(n));
      if (points.length === 0) continue;
      const host = model.hosts[listener]!;
      const colocated = host.server !== undefined && points.includes(host.name);
      const names = points.length > 3 ? `${points.slice(0, 3).join(', ')} or ${plural(points.length - 3, 'other server')}` : points.join(points.length === 2 ? ' or ' : ', ');
      const reason = colocated ? `${host.name} hosts the operational database` : 'its members reach the management group only through it';
      const advice = colocated
        ? 'move the operational database to a SQL Server of its own, ideally clustered.'
        : 'give the gateways a failover server (`reportsTo`) or add the server that is missing.';
      yield atPool(a.pool, 'single', { tolerates: plural(tolerable, 'member failure'), names, reason, advice, count: points.length });
    }
  },
});
