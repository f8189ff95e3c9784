import { UNCONFIRMED } from '../../../domain/facts.js';
import { plural } from '../../../core/rule.js';
import { atPool, defineRule } from './context.js';
import type { PoolMemberRef } from '../model/types.js';

export default defineRule({
  meta: {
    id: 'mixed-pool',
    severity: 'warning',
    category: 'membership',
    description: "a pool's voters mix management servers and gateways",
    rationale:
      "Gateways have no SDK service and cannot reach the operational database, so in a mixed pool the default observer votes only while one of its management servers is up: losing them costs the pool their votes and the default observer's at once, and the pool tolerates fewer failures than its size suggests. Microsoft's guidance keeps gateways and management servers in separate pools.",
    remediation:
      'Split the pool: one pool of management servers, and one of at least three gateways (with the default observer disabled) for the work that must run behind the gateways.',
    sources: ['SCC', 'RPD', 'SPEC'],
    unconfirmed: UNCONFIRMED.mixedPoolObserver,
    messages: {
      mixed: '{{Pool}} mixes {{managementServers}} ({{msNames}}) and {{gateways}} ({{gwNames}}); keep management servers and gateways in separate pools.',
    },
  },
  *check({ topology }) {
    for (const pool of topology.pools) {
      // Most pools have no gateway: they are passed over without listing their voters.
      if (!pool.members.some(isGateway) && !pool.observers.some(isGateway)) continue;
      const voters = [...pool.members, ...pool.observers].map((r) => r.server);
      const ms = voters.filter((s) => s.role === 'management-server');
      const gw = voters.filter((s) => s.role === 'gateway');
      if (ms.length === 0 || gw.length === 0) continue;
      const names = (list: typeof voters) =>
        `${list
          .slice(0, 3)
          .map((s) => s.name)
          .join(', ')}${list.length > 3 ? ', …' : ''}`;
      yield atPool(pool, 'mixed', {
        managementServers: plural(ms.length, 'management server'),
        gateways: plural(gw.length, 'gateway'),
        msNames: names(ms),
        gwNames: names(gw),
      });
    }
  },
});

function isGateway(r: PoolMemberRef): boolean {
  return r.server.role === 'gateway';
}
