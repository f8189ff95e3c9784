import { defineRule } from '../../../rules/types.js';

export default defineRule({
  meta: {
    id: 'automatic-membership-not-allowed',
    severity: 'warning',
    category: 'membership',
    description: 'a pool other than the three default pools declares `membership: automatic`, which SCOM cannot do',
    rationale: 'Only the All Management Servers, Notifications and AD Assignment pools have automatic membership; a pool you create is manual and cannot be switched to automatic.',
    remediation: 'Set `membership: manual` and list the members.',
    sources: ['RPD', 'FE'],
    messages: {
      notAllowed: 'Pool "{{pool}}" cannot have automatic membership: only the three default pools can; make it manual and list its members.',
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
