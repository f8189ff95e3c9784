import { plural } from '../../../core/rule.js';
import { atPool, defineRule } from './context.js';
import { evaluate, failureOf, type Host } from '../analysis/failure/index.js';
import { databaseOwnNames, unreachableParents } from '../analysis/what-if.js';
import { namesOrMore } from '../../../core/headline.js';
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
      'Remove the single point: move the operational database off the management server, give gateways failover servers in `reportsTo` that stay connected without it (`Set-SCOMParentManagementServer -GatewayServer ... -FailoverServer ...`; a gateway on their list that reports through the same server is cut off with it and is no way out), or add the missing server (`pooltopo simulate --down NAME` shows what it stops).',
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
      const state = evaluate(model, failureOf(model, { hosts: [first] }));
      const cause = state.pools[p]!.cause;
      const [reason, advice] =
        first.index === listener
          ? [`${first.name} hosts the operational database`, 'move the operational database to a SQL Server of its own, ideally clustered.']
          : cause === 'votes'
            ? [
                `the pool loses quorum: the default observer's vote counts only through a management server among its voters`,
                `add a management server to the pool, or disable its default observer (\`Get-SCOMResourcePool -DisplayName ${powerShellString(a.pool.name)} | ForEach-Object { $_.UseDefaultObserver = $false; $_.ApplyChanges() }\`) and count on its own members.`,
              ]
            : cause === 'members'
              ? ['no other member is left to run its workflows', 'add members to the pool.']
              : ['its members reach the management group only through it', gatewayAdvice(first, unreachableParents(model, state, model.pools[p]!))];
      out.push(atPool(a.pool, 'single', { tolerates: plural(tolerable, 'member failure'), names, reason, advice, count: points.length }));
    });
    yield* out;
  },
});

/**
 * What to give gateways that reach the management group only through `point`: a server to report
 * to that stays connected without it. The other servers on their lists are cut off with it (the
 * failure model says so), so "another server" alone would be one they already have.
 */
function gatewayAdvice(point: Host, unreachable: readonly { readonly host: Host }[]): string {
  const others = unreachable.filter((u) => u.host !== point).map((u) => u.host.name);
  const command =
    '`Set-SCOMParentManagementServer -GatewayServer (Get-SCOMGatewayManagementServer -Name GW) -FailoverServer (Get-SCOMManagementServer -Name SERVER)`, and `reportsTo`';
  const theirs = others.length === 0 ? '' : `: ${namesOrMore(others)}, on their lists, ${others.length === 1 ? 'is' : 'are'} cut off with it`;
  return `give the gateways a server to report to that stays connected without ${point.name}${theirs} (${command}), adding one where there is none.`;
}
