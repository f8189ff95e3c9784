import { defineRule, type Problem } from '../../../core/rule.js';
import type { OpconContext } from './context.js';

export default defineRule<OpconContext>({
  meta: {
    id: 'opcon/no-standby',
    severity: 'warning',
    category: 'failover',
    description: 'one machine alone: nothing takes over when it fails',
    rationale: 'With a single SMA Service Manager there is no failover at all: when the machine or its service fails, no schedule runs until it is repaired.',
    remediation:
      'Add a standby machine: a Secondary for automatic failover (scenarios 3 and 4), or a second StandAlone machine for manual failover (scenarios 1 and 2).',
    sources: ['OPC-FS'],
    messages: { alone: 'Machine "{{name}}" runs OpCon alone; add a standby so that schedules keep running when it fails.' },
  },
  *check({ model }): Iterable<Problem> {
    const [only] = model.machines;
    if (model.machines.length === 1 && only) yield { messageId: 'alone', data: { name: only.name }, path: only.path };
  },
});
