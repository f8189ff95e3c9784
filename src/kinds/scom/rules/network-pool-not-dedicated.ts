import { defineRule } from '../../../rules/types.js';

export default defineRule({
  meta: {
    id: 'network-pool-not-dedicated',
    severity: 'warning',
    category: 'membership',
    description: 'a member of a `purpose: network` pool is also a member of the All Management Servers, Notifications or AD Assignment pool',
    rationale: 'Network monitoring needs its own pool of dedicated management servers, removed from the three default pools (set to manual membership), so that network workflows do not compete with the management group\'s own work.',
    remediation: 'Switch the three default pools to manual membership (with PowerShell) and remove the network pool\'s members from them; in the file, list those pools with `membership: manual` and the other management servers as members.',
    sources: ['RPD', 'FE'],
    messages: {
      notDedicated: '"{{name}}" runs network pool "{{pool}}" but is also a member of "{{defaultPool}}"; dedicate it to network monitoring.',
    },
  },
  *check({ topology }) {
    const defaults = topology.pools.filter((p) => p.isDefault);
    for (const pool of topology.pools) {
      if (pool.purpose !== 'network') continue;
      for (const member of pool.members) {
        const other = defaults.find((d) => d !== pool && d.members.some((m) => m.server === member.server));
        if (other) yield { messageId: 'notDedicated', data: { name: member.server.name, pool: pool.name, defaultPool: other.name }, path: member.path, pool: pool.name };
      }
    }
  },
});
