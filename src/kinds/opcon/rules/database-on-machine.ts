import { defineRule, type Problem } from '../../../core/rule.js';
import type { OpconContext } from './context.js';
import { databaseHosts } from '../analysis/analysis.js';

export default defineRule<OpconContext>({
  meta: {
    id: 'opcon/database-on-machine',
    severity: 'warning',
    category: 'failover',
    description: 'the OpCon database lives on one of the SMAServMan machines: its crash takes the database too',
    rationale:
      "The vendor allows the database on the primary, the secondary or a third machine, but a crash of the machine that holds it takes the database with the SMA Service Manager: the other machine's SAM has nothing to connect to, so failover cannot help.",
    remediation:
      'Put the OpCon database on a SQL Server of its own (a third machine, or a cluster), or accept that a crash of that machine stops OpCon until it is back.',
    sources: ['OPC-FS'],
    messages: {
      on: 'The OpCon database on "{{server}}" lives on machine "{{machine}}": a crash of {{machine}} takes the database too, and failover cannot help; put the database on a server of its own.',
    },
  },
  *check({ model }): Iterable<Problem> {
    for (const h of databaseHosts(model)) if (h.machine) yield { messageId: 'on', data: { server: h.server, machine: h.machine.name }, path: h.path };
  },
});
