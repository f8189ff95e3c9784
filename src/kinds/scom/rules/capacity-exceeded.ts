import { UNCONFIRMED } from '../../../domain/facts.js';
import { type Problem } from '../../../core/rule.js';
import { defineRule } from './context.js';
import { WORKLOAD_LABELS } from './workload-labels.js';

export default defineRule({
  meta: {
    id: 'capacity-exceeded',
    severity: 'error',
    category: 'capacity',
    description: 'a workload exceeds the supported limits with every member up',
    rationale:
      "Microsoft's recommended limits (3,000 Windows agents per management server, 2,000 per gateway, 1,000 UNIX/Linux computers per dedicated management server, 1,000 network devices per pool of three or more management servers and 500 per gateway in a pool, 6,000 computers per management group with 50 consoles, ...) are the figures it tested, not hard stops; past them the management group falls behind even with every server up.",
    remediation:
      'Spread the workload: add members to the pool or servers to the group, move agents to another management server, or split the workload over several pools (`pooltopo plan` shows how much fits).',
    sources: ['SR', 'SPEC'],
    unconfirmed: UNCONFIRMED.limits2012R2,
    messages: {
      serverAgents: '"{{name}}" has {{agents}} Windows agents, over the recommended limit of {{limit}} for a {{role}}; move agents to another server.',
      poolWorkload: '{{Pool}} carries {{total}} {{item}}: {{perMember}} per member, over the recommended limit of {{limit}} for each; add members.',
      poolLimit: '{{Pool}} carries {{total}} {{item}}, over the recommended limit of {{limit}} for this pool; split them over pools.',
      noMembers: '{{Pool}} carries {{total}} {{item}} but has no member to run them; add members.',
      groupTotal: 'The management group has {{total}} {{item}}, over the recommended limit of {{limit}}; split them over management groups.',
    },
  },
  *check({ analysis }): Iterable<Problem> {
    for (const { server, agents, limit } of analysis.capacity.serversOverAgentLimit) {
      const role = server.role === 'gateway' ? 'gateway' : 'management server';
      yield { messageId: 'serverAgents', data: { name: server.name, agents, limit, role }, path: `${server.path}/agents` };
    }
    for (const a of analysis.pools) {
      for (const c of a.capacity) {
        if (c.fits) continue;
        const data = { pool: a.pool.name, total: c.total, item: WORKLOAD_LABELS[c.item], limit: c.limit, perMember: c.perMember ?? 0 };
        const messageId = a.pool.members.length === 0 ? 'noMembers' : c.limitKind === 'per-pool' ? 'poolLimit' : 'poolWorkload';
        yield { messageId, data, path: `${a.pool.path}/workload/${c.item}`, pool: a.pool.name };
      }
    }
    for (const t of analysis.capacity.totals) {
      if (t.fits) continue;
      const path = t.item === 'computers' ? '/managementServers' : '/pools';
      yield { messageId: 'groupTotal', data: { total: t.total, item: WORKLOAD_LABELS[t.item], limit: t.limit }, path, at: 'key' };
    }
  },
});
