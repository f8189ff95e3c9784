import { defineRule, type Problem } from '../../../core/rule.js';
import type { OpconContext } from './context.js';
import { databaseHosts, databaseMachineOf } from '../analysis/analysis.js';
import type { Machine } from '../model/model.js';

export default defineRule<OpconContext>({
  meta: {
    id: 'opcon/database-on-machine',
    severity: 'warning',
    category: 'failover',
    description: 'the OpCon database lives on one of the SMAServMan machines: its crash takes the database too',
    rationale:
      "The vendor allows the database on the primary, the secondary or a third machine, but a crash of the machine that holds it takes the database with the SMA Service Manager. With one database the other machine's SAM then has nothing to connect to, so failover cannot help. With a replicated database (scenarios 2 and 4) the vendor puts the publisher on the primary machine and the subscriber on the secondary: a crash of the primary machine takes the publisher, and OpCon goes on only once the standby has failed over to what was the subscribing database; the subscriber on the standby's own machine costs nothing when that machine crashes, since the primary keeps processing on the publisher, so it is not reported. A connection's local SQL Server name (`.`, `(local)`, `localhost`, a loopback address such as `127.0.0.1` or `::1`, shared memory `lpc:`, or a named pipe on `\\\\.\\pipe\\`) is on the machine whose connection gives it, as the SQL Server client reads it. simulate --down follows the same reading.",
    remediation:
      'Put the OpCon database (with replication, the publishing database) on a SQL Server of its own (a third machine, or a cluster), or accept that a crash of that machine stops OpCon until it is back or until the standby has taken over.',
    sources: ['OPC-FS', 'SQL-CONN'],
    messages: {
      on: 'The OpCon database on "{{server}}" lives on machine "{{machine}}": a crash of {{machine}} takes the database too, and failover cannot help; put the database on a server of its own.',
      publisher:
        'The publishing database on "{{server}}" lives on machine "{{machine}}": a crash of {{machine}} takes it too, and OpCon goes on only once "{{standby}}" has failed over to what was the subscribing database; put the publishing database on a server of its own if processing must not wait for that failover.',
    },
  },
  *check({ model, analysis }): Iterable<Problem> {
    const { primary: p, secondary: s } = analysis;
    for (const h of databaseHosts(model)) {
      const machine = h.machine;
      if (!machine) continue;
      // What a crash of that machine leaves, as simulate --down has it: whose database it holds, and which SAM can still run.
      const holds = (m: Machine | undefined) => m !== undefined && databaseMachineOf(model, analysis, m) === machine;
      const runs = (m: Machine | undefined) => m !== undefined && m !== machine && !holds(m);
      if (p && !holds(p) && !holds(s)) continue;
      if (runs(p)) continue;
      if (s && runs(s) && model.replication === 'replicated')
        yield { messageId: 'publisher', data: { server: h.server, machine: machine.name, standby: s.name }, path: h.path };
      else yield { messageId: 'on', data: { server: h.server, machine: machine.name }, path: h.path };
    }
  },
});
