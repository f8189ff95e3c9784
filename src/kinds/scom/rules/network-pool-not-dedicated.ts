import { defineRule } from './context.js';
import type { Pool } from '../model/types.js';
import { powerShellString } from '../../../util/powershell.js';

export default defineRule({
  meta: {
    id: 'network-pool-not-dedicated',
    severity: 'warning',
    category: 'membership',
    description: 'a member of a `purpose: network` pool is also a member of the All Management Servers, Notifications or AD Assignment pool',
    rationale:
      "Network monitoring needs its own pool of dedicated management servers, removed from the three default pools (set to manual membership), so that network workflows do not compete with the management group's own work.",
    remediation:
      "Switch the three default pools to manual membership (with PowerShell) and remove the network pool's members from them; in the file, list those pools with `membership: manual` and the other management servers as members.",
    sources: ['RPD', 'FE', 'PS-SCOM'],
    messages: {
      notDedicated:
        '"{{name}}" runs network pool "{{pool}}" but is also a member of {{defaultPools}}; dedicate it to network monitoring: make those pools manual and remove it from them: `$pools = Get-SCOMResourcePool -DisplayName {{defaultPoolList}}; $pools | Set-SCOMResourcePool -EnableAutomaticMembership $false; $pools | Set-SCOMResourcePool -Member (Get-SCOMManagementServer -Name {{serverArgument}}) -Action Remove`.',
    },
  },
  *check({ topology }) {
    let defaults: readonly Pool[] | undefined;
    for (const pool of topology.pools) {
      if (pool.purpose !== 'network') continue;
      const listed = (defaults ??= topology.pools.filter((p) => p.isDefault));
      for (const member of pool.members) {
        const others = listed.filter((d) => d !== pool && d.members.some((m) => m.server === member.server)).map((d) => `"${d.name}"`);
        if (others.length === 0) continue;
        const defaultPools = others.length === 1 ? others[0]! : `${others.slice(0, -1).join(', ')} and ${others[others.length - 1]!}`;
        yield {
          messageId: 'notDedicated',
          data: {
            name: member.server.name,
            pool: pool.name,
            defaultPools,
            defaultPoolList: others.join(', '),
            count: others.length,
            // For PowerShell: the name quoted so that nothing in it is read as code.
            serverArgument: powerShellString(member.server.name),
          },
          path: member.path,
          pool: pool.name,
        };
      }
    }
  },
});
