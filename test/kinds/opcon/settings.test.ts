/**
 * OpCon settings as SMAServMan.ini has them (FORMAT.md, `kind: opcon-failover`): keys in any case,
 * Mode in settings, fully qualified machine names, script values in the ini's doubled quotes, the
 * connection of each machine and a database on one of the machines.
 */
import { describe, expect, it } from 'vitest';
import { isOpconResult } from '../../../src/kinds/results.js';
import { lintText } from '../../../src/api/lint.js';

const secondary = (settings: string, extra = '') =>
  [
    'version: 1',
    'kind: opcon-failover',
    'name: x',
    extra,
    'machines:',
    '  - name: OpConxps1',
    '    serviceStartType: automatic',
    '    settings: {Mode: Primary, FailOverSocketNumber: 6500}',
    '  - name: OpConxps2',
    '    serviceStartType: automatic',
    `    settings: {Mode: Secondary, FailOverSocketNumber: 6500, ${settings}}`,
    '',
  ]
    .filter((l) => l !== '')
    .join('\n');

const lint = async (text: string) => {
  const { result, opcon } = await lintText(text, 'o.yaml');
  return { findings: result.findings.map((f) => [f.ruleId, f.message]), failover: isOpconResult(result) ? result.failover : undefined, opcon };
};

/** Scenario 3 or 4 by the connections: OpConxps1's SQL Server name `a`, OpConxps2's `b` (quoted in the YAML). */
const connections = (a: string, b: string) =>
  secondary('PrimaryMachine: OpConxps1, PrimaryAbnormalShutdownFailover: Y, PrimaryAbnormalShutdownScript: StopRepl.cmd')
    .replace('  - name: OpConxps1\n', `  - name: OpConxps1\n    connection: {server: '${a}', database: OpConxps}\n`)
    .replace('  - name: OpConxps2\n', `  - name: OpConxps2\n    connection: {server: '${b}', database: OpConxps}\n`);

/** A local name on both machines is a SQL Server on each: two databases, the publisher on the primary's machine. */
async function expectOneOnEachMachine(local: string): Promise<void> {
  const r = await lint(connections(local, local));
  expect(r.failover, local).toMatchObject({ scenario: 4, database: 'replicated' });
  expect(
    r.findings.map(([id]) => id),
    local,
  ).toEqual(['opcon/database-on-machine']);
  expect(r.findings[0]![1], local).toMatch(/^The publishing database on ".*" lives on machine "OpConxps1": /);
}

/** Two names of one SQL Server, one in each machine's connection: one database, seed 004's scenario 3. */
async function expectOneSqlServer(pairs: readonly (readonly [string, string])[]): Promise<void> {
  for (const [a, b] of pairs) expect((await lint(connections(a, b))).failover, `${a} ${b}`).toMatchObject({ scenario: 3, database: 'none' });
}

describe('OpCon settings read as Windows reads an ini file', () => {
  it("reads Mode in settings, every key in any case, and an FQDN PrimaryMachine as seed 004's scenario 3", async () => {
    const r = await lint(
      secondary(
        'primarymachine: OPCONXPS1.corp.local, FAILOVERSOCKETNUMBER: 6500, primaryAbnormalShutdownFailover: y, PingRetryCount: 1, pingtimeoutinmilliseconds: 500',
      ),
    );
    expect(r.findings).toEqual([]);
    expect(r.failover).toMatchObject({
      scenario: 3,
      mode: 'automatic',
      primary: 'OpConxps1',
      secondary: 'OpConxps2',
      triggers: ['primary-abnormal-shutdown'],
      detectionSeconds: 30.5,
    });
  });

  it('says which key was meant for a mistyped one, and stays quiet for a key near none', async () => {
    const r = await lint(secondary('PrimaryMachine: OpConxps1, PrimaryAbnormalShutdownFailover: Y, PingRetryCont: 2, Owner: ops-team'));
    expect(r.findings).toEqual([
      ['opcon/unknown-setting', 'Machine "OpConxps2" has setting "PingRetryCont", which SMAServMan does not know; did you mean "PingRetryCount"?'],
    ]);
    // The mistyped key is not read: PingRetryCount keeps its default (0).
    expect(r.failover?.detectionSeconds).toBe(16);
  });

  it('checks a switch or a Mode in any spelling for its values', async () => {
    const r = await lint(secondary('PrimaryMachine: OpConxps1, primaryabnormalshutdownfailover: maybe'));
    expect(r.findings).toEqual([['schema', '`machines[1].settings.primaryabnormalshutdownfailover` must be Y or N, not "maybe".']]);
    const mode = await lint(secondary('PrimaryMachine: OpConxps1, PrimaryAbnormalShutdownFailover: Y').replace('Mode: Secondary', 'MODE: Backup'));
    expect(mode.findings).toEqual([['schema', '`machines[1].settings.MODE` must be Primary, Secondary or StandAlone, not "Backup".']]);
  });

  it("is a mode conflict where mode and the ini's Mode differ, and follows the ini's", async () => {
    const text = secondary('PrimaryMachine: OpConxps1, PrimaryAbnormalShutdownFailover: Y').replace(
      '  - name: OpConxps2\n',
      '  - name: OpConxps2\n    mode: StandAlone\n',
    );
    const r = await lint(text);
    expect(r.findings).toEqual([
      [
        'opcon/mode-conflict',
        'Machine "OpConxps2" has mode StandAlone but its settings say Mode=Secondary; SMAServMan reads the ini file\'s Mode (Secondary, as pooltopo does): make the two agree.',
      ],
    ]);
    expect(r.failover?.scenario).toBe(3);
    // The same mode written twice is no conflict.
    expect((await lint(text.replace('mode: StandAlone', 'mode: Secondary'))).findings).toEqual([]);
  });

  it("reads a script in the ini's doubled quotes without them: StopRepl is StopRepl", async () => {
    const stop = 'PrimaryAbnormalShutdownScript: \'""C:\\ProgramData\\OpConxps\\Utilities\\Database\\StopRepl.cmd""\'';
    const r = await lint(secondary(`PrimaryMachine: OpConxps1, PrimaryAbnormalShutdownFailover: Y, ${stop}`, 'database: {replication: replicated}'));
    expect(r.findings).toEqual([]);
    expect(r.opcon!.model.machines[1]!.primaryAbnormalShutdownScript).toBe('C:\\ProgramData\\OpConxps\\Utilities\\Database\\StopRepl.cmd');
  });

  it('keeps the quotes of a command line whose parts are quoted: StopRepl with an argument is StopRepl', async () => {
    const script = (value: string) =>
      lint(
        secondary(
          `PrimaryMachine: OpConxps1, PrimaryAbnormalShutdownFailover: Y, PrimaryAbnormalShutdownScript: '${value}'`,
          'database: {replication: replicated}',
        ),
      );
    for (const [value, read] of [
      [
        '"C:\\ProgramData\\OpConxps\\Utilities\\Database\\StopRepl.cmd" "OpConxps1"',
        '"C:\\ProgramData\\OpConxps\\Utilities\\Database\\StopRepl.cmd" "OpConxps1"',
      ],
      ['""C:\\Scripts\\StopRepl.cmd" "OpConxps1""', '"C:\\Scripts\\StopRepl.cmd" "OpConxps1"'],
      ['""C:\\Program Files\\OpConxps\\StopRepl.cmd""', 'C:\\Program Files\\OpConxps\\StopRepl.cmd'],
    ] as const) {
      const r = await script(value);
      expect(r.findings, value).toEqual([]);
      expect(r.opcon!.model.machines[1]!.primaryAbnormalShutdownScript, value).toBe(read);
    }
    // A quoted command line that does not run StopRepl is still not StopRepl.
    expect((await script('"C:\\Scripts\\WriteEvent.cmd" "StopRepl.cmd"')).findings.map(([id]) => id)).toEqual(['opcon/replication-not-stopped']);
  });

  it('checks the script of every enabled trigger for StopRepl with a replicated database', async () => {
    const r = await lint(
      secondary(
        'PrimaryMachine: OpConxps1, PrimaryAbnormalShutdownFailover: Y, PrimaryAbnormalShutdownScript: StopRepl.cmd, SyncLostFailover: Y, SyncLostScript: WriteEvent.cmd',
        'database: {replication: replicated}',
      ),
    );
    expect(r.findings.filter(([id]) => id === 'opcon/replication-not-stopped')).toEqual([
      [
        'opcon/replication-not-stopped',
        'Secondary "OpConxps2" fails over on SyncLostFailover (a replicated database) without stopping replication: SyncLostScript runs "WriteEvent.cmd"; set it to the StopRepl command file.',
      ],
    ]);
  });

  it('takes the replication from the connections where database.replication is not given, and says where they contradict it', async () => {
    expect((await lint(connections('SMAProdDBServer', 'SMABckupDBServer'))).failover).toMatchObject({ scenario: 4, database: 'replicated' });
    expect((await lint(connections('SMAProdDBServer', 'smaproddbserver'))).failover).toMatchObject({ scenario: 3, database: 'none' });
    // One host normalisation for every comparison: the name in full, a port or tcp: is the same SQL Server; another instance is not.
    await expectOneSqlServer([
      ['SQL01\\OPCON', 'sql01.corp.local\\OPCON'],
      ['tcp:sql01,1433', 'SQL01.corp.local'],
    ]);
    expect((await lint(connections('SQL01\\OPCON', 'SQL01\\BACKUP'))).failover).toMatchObject({ scenario: 4, database: 'replicated' });
    const contradicted = await lint(connections('SMAProdDBServer', 'SMAProdDBServer').replace('name: x\n', 'name: x\ndatabase: {replication: replicated}\n'));
    expect(contradicted.findings).toEqual([
      [
        'opcon/connection-mismatch',
        'Both machines connect to SMAProdDBServer/OpConxps (one database), but `database.replication` is replicated; set it to none, or connect the standby to the subscriber.',
      ],
    ]);
  });

  it('reads a local SQL Server name (., (local), localhost, 127.0.0.1) as the machine whose connection gives it', async () => {
    for (const local of ['.', '(local)\\OPCON', 'LOCALHOST,1433', 'tcp:127.0.0.1\\OPCON,1433', '(LOCAL)']) await expectOneOnEachMachine(local);
    // A local name on one machine and that machine's name on the other: one SQL Server, on that machine.
    const one = await lint(connections('.\\OPCON', 'opconxps1.corp.local\\OPCON'));
    expect(one.failover).toMatchObject({ scenario: 3, database: 'none' });
    expect(one.findings).toEqual([
      [
        'opcon/database-on-machine',
        'The OpCon database on ".\\OPCON" lives on machine "OpConxps1": a crash of OpConxps1 takes the database too, and failover cannot help; put the database on a server of its own.',
      ],
    ]);
    // Not a local name: a host that only starts like one.
    expect((await lint(connections('localhost2', 'localhost2'))).failover).toMatchObject({ scenario: 3, database: 'none' });
  });

  it('reads ::1, [::1], shared memory (lpc:) and a pipe on the local machine (np:) as the SQL Server of the machine that gives them', async () => {
    // Each a SQL Server on the machine that reads it: the same name on both machines is two databases, the publisher on OpConxps1.
    for (const local of [
      '::1',
      '[::1]\\OPCON',
      'tcp:[::1],1433',
      '0:0:0:0:0:0:0:1',
      'lpc:.',
      'lpc:OpConxps2\\OPCON',
      'np:\\\\.\\pipe\\MSSQL$OPCON\\sql\\query',
      'np:(local)\\OPCON',
      '\\\\localhost\\pipe\\sql\\query',
    ]) {
      await expectOneOnEachMachine(local);
    }
    // A local pipe on one machine and that machine's name on the other: one SQL Server, one instance, on OpConxps1.
    for (const [a, b] of [
      ['np:\\\\.\\pipe\\MSSQL$OPCON\\sql\\query', 'OpConxps1\\OPCON'],
      ['lpc:OpConxps1\\OPCON', 'np:\\\\opconxps1.corp.local\\pipe\\MSSQL$OPCON\\sql\\query'],
      ['[::1]', 'np:OpConxps1'],
    ] as const) {
      const one = await lint(connections(a, b));
      expect(one.failover, a).toMatchObject({ scenario: 3, database: 'none' });
      expect(one.findings, a).toEqual([
        [
          'opcon/database-on-machine',
          expect.stringMatching(/^The OpCon database on ".*" lives on machine "OpConxps1": a crash of OpConxps1 takes the database too/),
        ],
      ]);
    }
    // Another instance's pipe on the same machine is another SQL Server; an address that is not the loopback is a host like any other.
    expect((await lint(connections('np:\\\\.\\pipe\\MSSQL$OPCON\\sql\\query', 'OpConxps1\\BACKUP'))).failover).toMatchObject({ scenario: 4 });
    expect((await lint(connections('fe80::1', 'fe80::1'))).failover).toMatchObject({ scenario: 3, database: 'none' });
  });

  it('reads a LocalDB instance, (localdb)\\NAME or a shared (localdb)\\.\\NAME, as the machine that gives it, and via: as a protocol before the host', async () => {
    // LocalDB runs on the machine that connects to it, never on another: on both machines it is two SQL Servers, one on each.
    for (const local of ['(localdb)\\MSSQLLocalDB', '(LocalDB)\\.\\OpConShared']) await expectOneOnEachMachine(local);
    // A LocalDB instance is not the named instance of a SQL Server service on that machine.
    expect((await lint(connections('(localdb)\\OPCON', 'OpConxps1\\OPCON'))).failover).toMatchObject({ scenario: 4, database: 'replicated' });
    // via:HOST[\INSTANCE],NIC:PORT (the deprecated VIA protocol): the host after the prefix, the same server as its other names.
    await expectOneSqlServer([
      ['via:SQL01\\OPCON,0:1433', 'sql01.corp.local\\OPCON'],
      ['VIA:sql01,0:1433', 'tcp:SQL01,1433'],
    ]);
    const onPrimary = await lint(connections('via:OpConxps1\\OPCON,0:1433', 'OpConxps1\\OPCON'));
    expect(onPrimary.failover).toMatchObject({ scenario: 3, database: 'none' });
    expect(onPrimary.findings.map(([id]) => id)).toEqual(['opcon/database-on-machine']);
  });

  it('reads a server name with no host but a port or an instance (,1433, tcp: ,1433, \\OPCON) as the SQL Server of the machine that gives it', async () => {
    // The SQL Server client documents `Server=;` as the default instance on the local computer, and the Server keyword as [protocol:]Server[,port]:
    // an empty host with a port or an instance is the machine's own SQL Server, as `.,1433` is.
    for (const local of [',1433', 'tcp: ,1433', 'tcp:,1433', '\\OPCON', ' ,1433']) await expectOneOnEachMachine(local);
    // One machine's `,1433` and that machine's name on the other: one SQL Server, on OpConxps1.
    const one = await lint(connections(',1433', 'opconxps1.corp.local,1433'));
    expect(one.failover).toMatchObject({ scenario: 3, database: 'none' });
    expect(one.findings.map(([id]) => id)).toEqual(['opcon/database-on-machine']);
  });

  it('reads a VIA server name with no host (via: alone, via: ,0:1433) as naming no SQL Server, not as one database', async () => {
    // The VIA form needs the server's name (via:SERVER[\INSTANCE],NIC:PORT): with none, the file does not say which SQL Server it means.
    for (const [a, b] of [
      ['via:', 'via: ,0:1433'],
      ['via: \\OPCON,0:1433', 'via:'],
    ] as const) {
      const r = await lint(connections(a, b));
      expect(
        r.findings.map(([id]) => id),
        `${a} ${b}`,
      ).toEqual(['schema', 'schema']);
      expect(r.findings[0]![1], a).toContain('`machines[0].connection.server` must name a SQL Server');
      // A schema problem: no scenario is read from them, neither "one database" nor two.
      expect(r.failover, a).toBeUndefined();
    }
    const db = await lint(secondary('PrimaryMachine: OpConxps1, PrimaryAbnormalShutdownFailover: Y', "database: {server: 'via:'}"));
    expect(db.findings.map(([id, message]) => [id, message?.includes('`database.server` must name a SQL Server')])).toEqual([['schema', true]]);
    expect(db.failover).toBeUndefined();
  });

  it('warns of a database on one of the machines, named in full or by its first label', async () => {
    const r = await lint(secondary('PrimaryMachine: OpConxps1, PrimaryAbnormalShutdownFailover: Y', 'database: {server: opconxps2.corp.local\\OPCON}'));
    expect(r.findings).toEqual([
      [
        'opcon/database-on-machine',
        'The OpCon database on "opconxps2.corp.local\\OPCON" lives on machine "OpConxps2": a crash of OpConxps2 takes the database too, and failover cannot help; put the database on a server of its own.',
      ],
    ]);
  });

  it("gives only duplicate-name for a machine named twice, and no figures: the pair it would leave is not the file's", async () => {
    const r = await lint(
      'version: 1\nkind: opcon-failover\nname: x\nmachines:\n  - {name: opcon01, mode: Primary, settings: {FailOverSocketNumber: 6500}}\n' +
        '  - {name: OPCON01.corp.local, mode: Secondary, settings: {FailOverSocketNumber: 6500, PrimaryMachine: opcon01, PrimaryAbnormalShutdownFailover: Y}}\n',
    );
    expect(r.findings).toEqual([
      ['duplicate-name', '"OPCON01.corp.local" (machine) has the same name as machine "opcon01"; names are unique case-insensitively.'],
    ]);
    expect(r.failover).toBeUndefined();
    expect(r.opcon).toBeUndefined();
  });
});
