import { plural } from '../../../core/rule.js';
import { atPool, defineRule } from './context.js';
import { evaluate, failureOf, type Host } from '../analysis/failure/index.js';
import { databaseOwnNames } from '../analysis/what-if.js';
import { powerShellString } from '../../../util/powershell.js';

export default defineRule({
  meta: {
    id: 'single-point-of-failure',
    severity: 'warning',
    category: 'failover',
    description: "a pool tolerates at least one member failure yet has a single point of failure other than the operational database's own server or cluster",
    rationale:
      "Tolerable failures count the pool's own members. A pool can tolerate one on paper and still stop when one other server goes: the management server that hosts the database, or the management servers its gateways report through. The count would then mislead the reader.",
    remediation:
      'Remove the single point: move the operational database off the management server, give gateways failover servers in `reportsTo`, or add the missing server (`pooltopo simulate --down NAME` shows what it stops).',
    sources: ['PFS', 'RPD', 'SPEC'],
    messages: {
      single: '{{Pool}} tolerates {{tolerates}}, yet losing {{names}} alone stops it working ({{reason}}); {{advice}}',
    },
  },
  *check({ analysis }) {
    const model = analysis.model;
    const { listener } = model.database;
    // Worked out only for a design with a single point to tell of.
    let databaseOwn: ReadonlySet<string> | undefined;
    let byName: ReadonlyMap<string, Host> | undefined;
    const out: ReturnType<typeof atPool>[] = [];
    analysis.pools.forEach((a, p) => {
      const tolerable = a.quorum.configured.tolerableFailures;
      if (tolerable < 1 || a.singlePointsOfFailure.length === 0) return;
      const own = (databaseOwn ??= databaseOwnNames(model));
      byName ??= new Map(model.hosts.map((h) => [h.name, h]));
      const points = a.singlePointsOfFailure.filter((n) => !own.has(n));
      if (points.length === 0) return;
      const names =
        points.length > 3
          ? `${points.slice(0, 3).join(', ')} or ${plural(points.length - 3, 'other server')}`
          : points.join(points.length === 2 ? ' or ' : ', ');
      // Why, from the failure model itself: the first one's loss alone, and what it does to the pool.
      const first = byName.get(points[0]!)!;
      const cause = evaluate(model, failureOf(model, { hosts: [first] })).pools[p]!.cause;
      const [reason, advice] =
        first.index === listener
          ? [`${first.name} hosts the operational database`, 'move the operational database to a SQL Server of its own, ideally clustered.']
          : cause === 'votes'
            ? [
                `the pool loses quorum: the default observer's vote counts only through a management server among its voters`,
                `add a management server to the pool, or disable its default observer (Get-SCOMResourcePool -DisplayName ${powerShellString(a.pool.name)} | ForEach-Object { $_.UseDefaultObserver = $false; $_.ApplyChanges() }) and count on its own members.`,
              ]
            : cause === 'members'
              ? ['no other member is left to run its workflows', 'add members to the pool.']
              : [
                  'its members reach the management group only through it',
                  'give the gateways another server to report to (`reportsTo`, Set-SCOMParentManagementServer -FailoverServer), or add the server that is missing.',
                ];
      out.push(atPool(a.pool, 'single', { tolerates: plural(tolerable, 'member failure'), names, reason, advice, count: points.length }));
    });
    yield* out;
  },
});
