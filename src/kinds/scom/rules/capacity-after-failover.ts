import { UNCONFIRMED } from '../../../domain/facts.js';
import { defineRule, plural, type Report } from '../../../rules/types.js';
import { WORKLOAD_LABELS } from './workload-labels.js';

export default defineRule({
  meta: {
    id: 'capacity-after-failover',
    severity: 'warning',
    category: 'capacity',
    description: "a workload fits with every member up but not after the pool's tolerable failures",
    rationale: 'High availability is only real if the servers left after a failure can carry the work of those that failed: a pool that tolerates one failure on paper but is then over its per-server limits degrades exactly when it is needed.',
    remediation: 'Add members (or management servers) until the workload fits on the servers left after the tolerable failures, or move part of the workload to another pool.',
    sources: ['SR', 'SPEC'],
    unconfirmed: UNCONFIRMED.limits2012R2,
    messages: {
      poolWorkload: 'Pool "{{pool}}" carries {{total}} {{item}}: after {{afterFailures}} its {{remaining}} would carry {{perMember}} each, over the {{limit}} each supports; add members or move part of the workload to another pool.',
      poolWorkloadOneLeft: 'Pool "{{pool}}" carries {{total}} {{item}}: after {{afterFailures}} its one remaining member would carry them all, over the {{limit}} it supports; add members or move part of the workload to another pool.',
      agents: 'The management servers carry {{agents}} Windows agents: if the busiest of the {{servers}} fails {{rest}} would need to take them, but {{limit}} is the most {{restPronoun}} {{support}}; add a management server.',
    },
  },
  *check({ analysis }): Iterable<Report> {
    for (const a of analysis.pools) {
      for (const c of a.capacity) {
        if (!c.fits || c.fitsAfterFailover) continue;
        yield {
          messageId: c.membersAfterFailover === 1 ? 'poolWorkloadOneLeft' : 'poolWorkload',
          data: { pool: a.pool.name, total: c.total, item: WORKLOAD_LABELS[c.item], failures: a.quorum.configured.tolerableFailures, left: c.membersAfterFailover,
            afterFailures: plural(a.quorum.configured.tolerableFailures, 'failure'), remaining: plural(c.membersAfterFailover, 'remaining member'), perMember: c.perMemberAfterFailover ?? 0, limit: c.limit },
          path: `${a.pool.path}/workload/${c.item}`,
          pool: a.pool.name,
        };
      }
    }
    const f = analysis.capacity.agentFailover;
    const serversFit = analysis.capacity.serversOverAgentLimit.every((s) => s.server.role !== 'management-server');
    if (f && !f.fits && serversFit) {
      // Two servers: "the other would need to take them, ... it supports"; more: "the others ... they support together".
      const one = f.managementServers === 2;
      yield {
        messageId: 'agents',
        data: { agents: f.agents, servers: f.managementServers, limit: f.limit, rest: one ? 'the other' : 'the others', restPronoun: one ? 'it' : 'they', support: one ? 'supports' : 'support together' },
        path: '/managementServers', at: 'key',
      };
    }
  },
});
