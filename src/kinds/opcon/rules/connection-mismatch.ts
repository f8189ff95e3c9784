import { defineRule, type Problem } from '../../../core/rule.js';
import type { OpconContext } from './context.js';
import { connectionsDiffer, connectionText } from '../model/model.js';

export default defineRule<OpconContext>({
  meta: {
    id: 'opcon/connection-mismatch',
    severity: 'error',
    category: 'failover',
    description: "the machines' `connection` servers contradict `database.replication`",
    rationale:
      "Which database each SAM uses is its SMA Connection Configuration: in the vendor's scenarios 1 and 3 both machines connect to the same server (one database), in 2 and 4 the standby connects to the subscriber on another server. A design that says otherwise describes a failover the machines would not perform: the standby's SAM would take over a database other than the one the file's figures assume. Servers compare as SQL Server names, as opcon/database-on-machine reads their host: `SQL01\\OPCON` and `sql01.corp.local\\OPCON` are one server (as is `via:SQL01\\OPCON,0:1433`: the VIA protocol's prefix, and its NIC and port), another instance is another; a named pipe's path names its host and instance (`np:\\\\SQL01\\pipe\\MSSQL$OPCON\\sql\\query` is `SQL01\\OPCON`); a local name (`.`, `(local)`, `localhost`, a loopback address such as `127.0.0.1` or `::1`, shared memory `lpc:`, a pipe on `\\\\.\\pipe\\`, with or without `\\INSTANCE` or `,port`, or a LocalDB instance `(localdb)\\NAME`, which is no service's instance `NAME`) is the SQL Server of the machine whose connection gives it, as the SQL Server client reads it, so `(local)\\OPCON` on both machines is two servers, one on each.",
    remediation:
      'Make `database.replication` say what the connections do (replicated where they name two servers, none where they name one), or correct the connection of the machine that is wrong.',
    sources: ['OPC-FS', 'SQL-CONN'],
    messages: {
      oneDatabase:
        'Both machines connect to {{connection}} (one database), but `database.replication` is replicated; set it to none, or connect the standby to the subscriber.',
      twoDatabases:
        '"{{first}}" connects to {{firstConnection}} and "{{second}}" to {{secondConnection}} (two databases), but `database.replication` is none; set it to replicated, or connect both to the same database.',
    },
  },
  *check({ model }): Iterable<Problem> {
    const [a, b] = model.machines;
    if (!a?.connection || !b?.connection || model.replicationGiven === undefined) return;
    const differ = connectionsDiffer(model.machines);
    if (differ && model.replicationGiven === 'none') {
      yield {
        messageId: 'twoDatabases',
        data: { first: a.name, firstConnection: connectionText(a.connection), second: b.name, secondConnection: connectionText(b.connection) },
        path: b.connection.path,
      };
    } else if (!differ && model.replicationGiven === 'replicated') {
      yield { messageId: 'oneDatabase', data: { connection: connectionText(a.connection) }, path: b.connection.path };
    }
  },
});
