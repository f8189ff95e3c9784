import { UNCONFIRMED } from '../../../domain/facts.js';
import { plural, type Problem } from '../../../core/rule.js';
import { defineRule } from './context.js';
import { WORKLOAD_LABELS } from './workload-labels.js';

export default defineRule({
  meta: {
    id: 'capacity-after-failover',
    severity: 'warning',
    category: 'capacity',
    description:
      'a workload fits with every member up but not after the pool\'s tolerable failures, or a server\'s agents after the worst single failure (FORMAT.md, "Agents after failures") exceed a limit',
    rationale:
      'High availability is only real if the servers left after a failure can carry the work of those that failed: a pool that tolerates one failure on paper but is then over its per-server limits degrades exactly when it is needed.',
    remediation:
      "Add members (or management servers) until the workload fits on the servers left after the tolerable failures, or move part of the workload to another pool. A server's Windows agents go whole to the first connected server in its `failoverServers` (spread over the management servers only where it names none): make that first one a server with room for them, or move part of the agents to another server.",
    sources: ['SR', 'SPEC'],
    unconfirmed: UNCONFIRMED.limits2012R2,
    messages: {
      poolWorkload:
        '{{Pool}} carries {{total}} {{item}}: after {{afterFailures}} its {{remaining}} would carry {{perMember}} each, over the recommended limit of {{limit}} for each; add members or move part of the workload to another pool.',
      poolWorkloadOneLeft:
        '{{Pool}} carries {{total}} {{item}}: after {{afterFailures}} its one remaining member would carry them all, over the recommended limit of {{limit}}; add members or move part of the workload to another pool.',
      agents:
        'If {{failed}} fails, the agents it carries fail over and {{server}} would carry {{agents}} Windows agents, over the recommended limit of {{limit}} for a {{role}}; {{advice}}',
    },
  },
  *check({ analysis }): Iterable<Problem> {
    for (const a of analysis.pools) {
      for (const c of a.capacity) {
        if (!c.fits || c.fitsAfterFailover) continue;
        yield {
          messageId: c.membersAfterFailover === 1 ? 'poolWorkloadOneLeft' : 'poolWorkload',
          data: {
            pool: a.pool.name,
            total: c.total,
            item: WORKLOAD_LABELS[c.item],
            failures: a.quorum.configured.tolerableFailures,
            left: c.membersAfterFailover,
            afterFailures: plural(a.quorum.configured.tolerableFailures, 'failure'),
            remaining: plural(c.membersAfterFailover, 'remaining member'),
            perMember: c.perMemberAfterFailover ?? 0,
            limit: c.limit,
          },
          path: `${a.pool.path}/workload/${c.item}`,
          pool: a.pool.name,
        };
      }
    }
    // The worst single failure, under the failure model (FORMAT.md, "Agents after failures").
    const w = analysis.worstAgentFailure;
    if (w) {
      const failed = w.failed.server;
      const named = failed !== undefined && failed.failoverServers.length > 0;
      // Agents go whole to the first connected server of the list (FORMAT.md, "Agents after
      // failures"): naming more servers after it, or adding a management server, moves none of them.
      const advice = named
        ? `make the first server in ${w.failed.name}'s failover list (\`failoverServers\`) one with room for its agents, since the first one connected takes them all, or move part of its agents to another server.`
        : `add a management server, or name a failover server with room for ${w.failed.name}'s agents (\`failoverServers\`).`;
      yield {
        messageId: 'agents',
        data: {
          failed: w.failed.name,
          server: w.server.name,
          agents: w.agents,
          limit: w.limit,
          role: w.server.role === 'gateway' ? 'gateway' : 'management server',
          advice,
        },
        path: failed ? (named ? `${failed.path}/failoverServers` : failed.path) : '/managementServers',
        ...(failed ? {} : { at: 'key' as const }),
      };
    }
  },
});
