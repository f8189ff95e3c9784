import { defineRule } from './context.js';

export default defineRule({
  meta: {
    id: 'automatic-membership-not-allowed',
    severity: 'warning',
    category: 'membership',
    description:
      'a pool other than the three default pools declares `membership: automatic`: the console cannot make one, PowerShell can, and it then holds every management server',
    rationale:
      "Microsoft's design guidance says a pool you create is manual and cannot become automatic, but `Get-SCOMResourcePool -DisplayName POOL | Set-SCOMResourcePool -EnableAutomaticMembership $true` makes one automatic, and it then holds every management server. The two Microsoft sources conflict, so pooltopo warns: a created pool with automatic membership is unusual and easy to get wrong.",
    remediation:
      'If the pool should hold chosen servers, make it manual (`Get-SCOMResourcePool -DisplayName POOL | Set-SCOMResourcePool -EnableAutomaticMembership $false`) and list its members; if it really was made automatic with PowerShell, list every management server as its members.',
    sources: ['RPD', 'PS-SCOM'],
    messages: {
      notAllowed:
        '{{Pool}} has automatic membership, which the console cannot give a pool you created (PowerShell can: `Get-SCOMResourcePool -DisplayName {{poolNames}} | Set-SCOMResourcePool -EnableAutomaticMembership $true`, and the pool then holds every management server); make it manual with `Get-SCOMResourcePool -DisplayName {{poolNames}} | Set-SCOMResourcePool -EnableAutomaticMembership $false` and list its members, unless that is what was done.',
    },
  },
  *check({ topology }) {
    for (const pool of topology.pools) {
      if (!pool.isDefault && pool.membership === 'automatic') {
        yield { messageId: 'notAllowed', data: { pool: pool.name }, path: `${pool.path}/membership`, pool: pool.name };
      }
    }
  },
});
