import { atPool, defineRule } from './context.js';

export default defineRule({
  meta: {
    id: 'pool-without-members',
    severity: 'error',
    category: 'membership',
    description: 'a pool has no members: it never runs',
    rationale:
      "Only members run a pool's workflows; observers and the default observer only vote. A pool without members never runs, so whatever is assigned to it is not monitored, even with every server up.",
    remediation:
      'Add the management servers (or, for a pool behind gateways, at least three gateways) that should run its workflows to `members`, or remove the pool.',
    sources: ['RPD', 'SPEC'],
    messages: {
      noMembers: '{{Pool}} has no members, so it never runs and nothing assigned to it is monitored; add members or remove the pool.',
    },
  },
  *check({ topology }) {
    for (const pool of topology.pools) {
      if (pool.members.length === 0) yield atPool(pool, 'noMembers');
    }
  },
});
