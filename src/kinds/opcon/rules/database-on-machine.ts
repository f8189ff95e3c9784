import { defineRule, type Problem } from '../../../core/rule.js';
import type { OpconContext } from './context.js';
import { databaseHosts, databaseMachineOf, databaseServerReaders } from '../analysis/analysis.js';
import type { Machine } from '../model/model.js';

export default defineRule<OpconContext>({
  meta: {
    id: 'opcon/database-on-machine',
    severity: 'warning',
    category: 'failover',
    description: 'the OpCon database lives on one of the SMAServMan machines: its crash takes the database too',
    rationale:
      "The vendor allows the database on the primary, the secondary or a third machine, but a crash of the machine that holds it takes the database with the SMA Service Manager. With one database the other machine's SAM then has nothing to connect to, so failover cannot help. With a replicated database (scenarios 2 and 4) the vendor puts the publisher on the primary machine and the subscriber on the secondary: a crash of the primary machine takes the publisher, and OpCon goes on only once the standby has failed over to what was the subscribing database; the subscriber on the standby's own machine costs nothing when that machine crashes, since the primary keeps processing on the publisher, so it is not reported. A connection's local SQL Server name (`.`, `(local)`, `localhost`, a loopback address such as `127.0.0.1` or `::1`, shared memory `lpc:`, a named pipe on `\\\\.\\pipe\\`, or a LocalDB instance `(localdb)\\NAME`) is on the machine whose connection gives it, as the SQL Server client reads it; in `database.server` it is on the machine that reads it, the one of the pair whose SAM uses `database.server` because it gives no connection of its own (for a replicated pair, only the primary, whose database is the publisher). Where no machine reads `database.server` (each gives its connection), or two do (one database, and neither gives a connection, so each would reach its own SQL Server), a local name there names no machine: it is reported, since the database is then on one of the SMAServMan machines but the file does not say which. simulate --down follows the same reading.",
    remediation:
      'Put the OpCon database (with replication, the publishing database) on a SQL Server of its own (a third machine, or a cluster), or accept that a crash of that machine stops OpCon until it is back or until the standby has taken over. Where `database.server` is a local name that names no machine, write the name of the machine or server that holds the database instead.',
    sources: ['OPC-FS', 'SQL-CONN'],
    messages: {
      on: 'The OpCon database on "{{server}}" lives on machine "{{machine}}": a crash of {{machine}} takes the database too, and failover cannot help; put the database on a server of its own.',
      publisher:
        'The publishing database on "{{server}}" lives on machine "{{machine}}": a crash of {{machine}} takes it too, and OpCon goes on only once "{{standby}}" has failed over to what was the subscribing database; put the publishing database on a server of its own if processing must not wait for that failover.',
      localOnEach:
        '`database.server` "{{server}}" is a local name, the SQL Server of the machine that reads it, and both "{{first}}" and "{{second}}" read it (neither gives a `connection`): each SAM would use a database on its own machine, not the one database, and pooltopo cannot tell which machine holds it; write the name of the machine or server that holds the database.',
      localUnread:
        '`database.server` "{{server}}" is a local name, the SQL Server of the machine that reads it, but no machine reads it (each gives its own `connection`), so it names no machine and pooltopo cannot tell where the database is; write the name of the machine or server that holds the database.',
    },
  },
  *check({ model, analysis }): Iterable<Problem> {
    const { primary: p, secondary: s } = analysis;
    for (const h of databaseHosts(model, analysis)) {
      if (h.unplaced) {
        const [first, second] = databaseServerReaders(model, analysis);
        yield first && second
          ? { messageId: 'localOnEach', data: { server: h.server, first: first.name, second: second.name }, path: h.path }
          : { messageId: 'localUnread', data: { server: h.server }, path: h.path };
        continue;
      }
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
