import { defineRule } from './context.js';
import type { Server } from '../model/types.js';

export default defineRule({
  meta: {
    id: 'automatic-membership-mismatch',
    severity: 'warning',
    category: 'membership',
    description: 'a pool with automatic membership lists members other than every management server',
    rationale:
      'Automatic membership means every management server and no gateway: SCOM adds each new management server by itself. A list that says otherwise describes a pool SCOM will not build.',
    remediation:
      'Either drop `members` (automatic membership takes every management server) or switch the pool to manual membership (with PowerShell), set `membership: manual` and keep the list.',
    sources: ['RPD', 'FE'],
    messages: {
      mismatch:
        '{{Pool}} has automatic membership, which means every management server, but its members differ ({{difference}}); drop the list or make membership manual.',
    },
  },
  *check({ topology }) {
    let all: ReadonlySet<Server> | undefined;
    for (const pool of topology.pools) {
      if (pool.membership !== 'automatic' || !pool.membersListed) continue;
      const managementServers = (all ??= new Set(topology.managementServers));
      const listed = new Set(pool.members.map((m) => m.server));
      const missing = topology.managementServers.filter((s) => !listed.has(s)).map((s) => s.name);
      const extra = pool.members.filter((m) => !managementServers.has(m.server)).map((m) => m.server.name);
      if (missing.length === 0 && extra.length === 0) continue;
      const difference = [missing.length ? `missing ${missing.join(', ')}` : '', extra.length ? `not management servers: ${extra.join(', ')}` : '']
        .filter(Boolean)
        .join('; ');
      yield { messageId: 'mismatch', data: { pool: pool.name, difference }, path: `${pool.path}/members`, at: 'key', pool: pool.name };
    }
  },
});
