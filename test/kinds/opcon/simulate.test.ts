/**
 * `simulate` for OpCon as the vendor's process flows say (seed 004): each event and `--down MACHINE`
 * on the four seed scenarios, what is ACTIVE at the end, two SAMs, the manual steps in the vendor's
 * order and the failback.
 */
import { describe, expect, it } from 'vitest';
import { lintText } from '../../../src/api/lint.js';
import { runCli } from '../../support/run-cli.js';

const seed = (n: number) => `test/fixtures/kinds/opcon-seed-scenario-${n}.yaml`;
const events = async (args: string[]) => {
  const r = await runCli(['simulate', ...args, '--format', 'json']);
  return { code: r.code, stderr: r.stderr, events: r.stdout ? JSON.parse(r.stdout).events : [] };
};

describe("OpCon events as the vendor's process flows say", () => {
  it('leaves nothing ACTIVE when the Primary machine crashes with the recommended settings, says so, and exits 1', async () => {
    const crash = await events([seed(3), '--event', 'machine-crash']);
    expect(crash.code).toBe(1);
    expect(crash.events[0]).toMatchObject({ event: 'machine-crash', down: ['OpConxps1'], active: [], failedOver: false, twoSams: false });
    expect(crash.events[0].steps.join('\n')).toContain('To the Secondary this is a communication loss');
    expect(crash.events[0].steps.join('\n')).toContain(
      "No SMAServMan is ACTIVE: with these settings (the vendor's recommended: only PrimaryAbnormalShutdownFailover) a crash of the Primary machine stops OpCon until someone fails over by hand.",
    );
    // --down names the machine, case-insensitively or fully qualified: the same flow.
    const down = await events([seed(3), '--down', 'opconxps1.corp.local']);
    expect(down.events).toEqual(crash.events);
    const stylish = await runCli(['simulate', seed(3), '--down', 'OPCONXPS1']);
    expect(stylish.code).toBe(1);
    expect(stylish.stdout).toContain(
      'ACTIVE at the end: no SAM processing (a SAM-SS needs its machine and its database up): no schedule runs until someone acts',
    );
  });

  it("says that the detection time is pooltopo's model, not the vendor's figure", async () => {
    const {
      events: [loss],
    } = await events([seed(3), '--event', 'communication-loss']);
    expect(loss).toMatchObject({ active: ['OpConxps1'], failedOver: false, twoSams: false });
    expect(loss.steps[1]).toBe(
      "The Secondary SMAServMan on OpConxps2 gets no answer to its pings and gives up on the Primary after 30.5 s (pooltopo's model: SecondsBetweenPings x (PingRetryCount + 1) + PingTimeOutInMilliseconds / 1000, 15 x 2 + 500 / 1000; the vendor gives no figure).",
    );
  });

  it("walks scenario 4's critical application failure step by step: StopRepl, ACTIVE, the subscriber", async () => {
    const {
      code,
      events: [e],
    } = await events([seed(4), '--event', 'abnormal-shutdown']);
    expect(code).toBe(0);
    expect(e).toMatchObject({ active: ['OpConxps2'], failedOver: true, twoSams: false, manualActions: [] });
    expect(e.steps.slice(2, 5)).toEqual([
      'Critical application fails on Primary machine OpConxps1 one time more than the RestartApplicationLimit.',
      'Primary SMAServMan shuts down SAM-SS.',
      'Primary SMAServMan sets Primary Application Group to INACTIVE.',
    ]);
    expect(e.steps.slice(6, 10)).toEqual([
      'Secondary SMAServMan runs the PrimaryAbnormalShutdownScript (C:\\ProgramData\\OpConxps\\Utilities\\Database\\StopRepl.cmd), which stops replication: it disconnects any users attached to the publishing database, deletes the subscriptions and the publication, and marks the publishing database as read-only.',
      'Secondary SMAServMan sets Secondary Application Group to ACTIVE because of the abnormal shutdown on the Primary.',
      'Secondary SMAServMan starts Secondary SAM-SS.',
      'Secondary SAM-SS connects to what was the Subscribing Database (SMABckupDBServer/OpConxps).',
    ]);
    // Failback with replication: replication is set up again before the Primary takes over.
    expect(e.recovery[1]).toMatch(/^Set up replication again, following the vendor's "Failover and Recovery with Replication".*before OpConxps1 takes over\.$/);
    expect(e.recovery[2]).toBe('Stop the SMA Service Manager on OpConxps2.');
  });

  it("gives scenario 2's manual failover in the vendor's order, the standby on its own connection's database", async () => {
    const {
      code,
      events: [e],
    } = await events([seed(2), '--event', 'abnormal-shutdown']);
    expect(code).toBe(1);
    expect(e).toMatchObject({ active: [], failedOver: false, twoSams: false });
    expect(e.steps).toContain('Primary StandAlone SMAServMan runs the TerminationScript (<Termination Event Script>).');
    expect(e.manualActions).toEqual([
      'Review all SAM-SS logs on OpConxps1 to determine the cause of the failure (Logging in the Server Programs online help).',
      'If possible, correct the issue on OpConxps1 and start its SMA Service Manager again; if it cannot be resolved quickly, fail over:',
      'Set the Primary SMAServMan service startup type on OpConxps1 to Manual and confirm the service is stopped.',
      'Run the StopRepl.cmd file (or StopRepl_WinAuth.cmd) on the backup StandAlone machine OpConxps2.',
      'On the backup StandAlone machine OpConxps2, set the SMAServMan startup type to Automatic and start the service; its SAM-SS connects to the subscribing database, SMABckupDBServer/OpConxps.',
    ]);
    // Scenario 1: no StopRepl, the same database.
    const one = (await events([seed(1), '--event', 'abnormal-shutdown'])).events[0];
    expect(one.manualActions).toHaveLength(4);
    expect(one.manualActions[3]).toMatch(/its SAM-SS connects to SMAProdDBServer\/OpConxps\.$/);
    expect(one.recovery).toEqual([
      'Remedy the problem that caused the failover on OpConxps1.',
      'Stop the SMA Service Manager on OpConxps2 and set its startup type back to Manual.',
      "Start the SMA Service Manager on OpConxps1 and set its startup type back to Automatic (Delayed Start), only once OpConxps2's is stopped (only one SAM should access the OpCon database at a time).",
    ]);
  });

  it('shows both SAMs ACTIVE from the start where a StandAlone standby starts by itself, and two SAMs only while both run', async () => {
    const text = (await import('node:fs')).readFileSync(seed(1), 'utf8').replace('serviceStartType: manual', 'serviceStartType: automatic');
    const { opcon } = await lintText(text, 'x.yaml');
    const { simulateOpconEvent } = await import('../../../src/kinds/opcon/commands/simulate.js');
    const loss = simulateOpconEvent(opcon!.model, opcon!.analysis, 'communication-loss');
    expect(loss).toMatchObject({ active: ['OpConxps1', 'OpConxps2'], twoSams: true });
    expect(loss.steps[0]).toMatch(/two SAMs run from the start\.$/);
    // The primary's SMAServMan shut itself down: one SAM runs at the end, the standby's (FORMAT.md: two at the end of the event).
    const abnormal = simulateOpconEvent(opcon!.model, opcon!.analysis, 'abnormal-shutdown');
    expect(abnormal).toMatchObject({ active: ['OpConxps2'], twoSams: false });
    expect(abnormal.manualActions.at(-1)).toBe(
      "OpConxps2's SMAServMan already runs (it starts by itself), its SAM-SS on SMAProdDBServer/OpConxps: confirm it is the only SAM on the database now, and set its startup type to Manual once processing is back on OpConxps1.",
    );
  });

  it('runs two SAMs when communication loss triggers failover, and none when the database was on the crashed machine', async () => {
    const text = (await import('node:fs'))
      .readFileSync(seed(3), 'utf8')
      .replace('PrimaryAbnormalShutdownFailover: Y', 'PrimaryAbnormalShutdownFailover: Y\n      SyncLostFailover: Y');
    const { opcon } = await lintText(text, 'x.yaml');
    const { simulateOpconEvent } = await import('../../../src/kinds/opcon/commands/simulate.js');
    const loss = simulateOpconEvent(opcon!.model, opcon!.analysis, 'communication-loss');
    expect(loss).toMatchObject({ active: ['OpConxps1', 'OpConxps2'], twoSams: true, failedOver: true });
    // Either SAM may be the one kept: the way back for each, the Primary's startup type set back where it was stopped.
    expect(loss.recovery[0]).toBe(
      "If OpConxps1 was kept (OpConxps2's SMA Service Manager stopped): repair the network, set OpConxps2's startup type back to Automatic and start its SMA Service Manager, so that it synchronizes and watches OpConxps1 in STANDBY. If OpConxps2 was kept, fail back as follows.",
    );
    expect(loss.recovery).toContain(
      "Start the SMA Service Manager on OpConxps1 and set its startup type back to Automatic, only once OpConxps2's is stopped (while OpConxps2's application group is ACTIVE, starting it has no effect).",
    );
    expect(simulateOpconEvent(opcon!.model, opcon!.analysis, 'machine-crash')).toMatchObject({ active: ['OpConxps2'], twoSams: false, failedOver: true });
    const onPrimary = await lintText(text.replaceAll('server: SMAProdDBServer', 'server: OpConxps1'), 'x.yaml');
    const crash = simulateOpconEvent(onPrimary.opcon!.model, onPrimary.opcon!.analysis, 'machine-crash');
    expect(crash).toMatchObject({ active: [], failedOver: true });
    expect(crash.steps).toContain('The OpCon database on "OpConxps1" was on OpConxps1: it is gone too.');
    expect(crash.recovery).toEqual([]);
  });

  it('keeps the Primary running when the Secondary machine crashes', async () => {
    const {
      code,
      events: [e],
    } = await events([seed(4), '--down', 'OpConxps2']);
    expect(code).toBe(0);
    expect(e).toMatchObject({ down: ['OpConxps2'], active: ['OpConxps1'], failedOver: false });
  });

  it('refuses an unknown machine or event with the closest names, and --partition, with exit 2', async () => {
    const machine = await runCli(['simulate', seed(3), '--down', 'OpConxps9']);
    expect(machine.code).toBe(2);
    expect(machine.stderr).toBe(
      'pooltopo: unknown machine "OpConxps9"; did you mean "OpConxps1" or "OpConxps2"? (machines: OpConxps1, OpConxps2; database servers: SMAProdDBServer)\n',
    );
    const event = await runCli(['simulate', seed(3), '--event', 'machine-crsh']);
    expect(event.stderr).toBe(
      'pooltopo: unknown event "machine-crsh"; did you mean "machine-crash"? (events: abnormal-shutdown, normal-shutdown, communication-loss, machine-crash)\n',
    );
    expect((await runCli(['simulate', seed(3), '--partition', 'a|b'])).code).toBe(2);
  });

  it('keeps a machine alone up when only its database server crashes: that server is what to bring back', async () => {
    const { simulateOpconEvent } = await import('../../../src/kinds/opcon/commands/simulate.js');
    const { opcon } = await lintText(
      'version: 1\nkind: opcon-failover\nname: Alone\ndatabase: {replication: none, server: sql01}\nmachines:\n  - {name: opcon01, mode: StandAlone, serviceStartType: automatic-delayed}\n',
      'alone.yaml',
    );
    const e = simulateOpconEvent(opcon!.model, opcon!.analysis, 'machine-crash', ['sql01']);
    expect(e).toMatchObject({ down: ['sql01'], active: [], failedOver: false });
    expect(e.steps).toEqual([
      'Database server sql01 crashes: no SMAServMan of this failover runs on it.',
      'The OpCon database on "sql01" is gone with it.',
      "opcon01's SAM-SS has lost its database: it stops processing.",
    ]);
    expect(e.manualActions).toEqual([
      "Bring sql01 back, or restore the OpCon database elsewhere and point opcon01's SMA Connection Configuration at it; no schedule runs until then.",
    ]);
    // The machine and its database server both down: both come back.
    const both = simulateOpconEvent(opcon!.model, opcon!.analysis, 'machine-crash', [opcon!.model.machines[0]!, 'sql01']);
    expect(both.manualActions).toEqual([
      'Bring opcon01 back and start its SMA Service Manager again; no schedule runs until then.',
      "Bring sql01 back, or restore the OpCon database elsewhere and point opcon01's SMA Connection Configuration at it; no schedule runs until then.",
    ]);
  });

  it('takes down a SQL Server the file puts a database on, the third machine of the seed, as --down names it', async () => {
    // Scenario 1: the one database on its own server; its crash leaves no SAM, and failover cannot help.
    const one = await events([seed(1), '--down', 'smaproddbserver.corp.local']);
    expect(one.code).toBe(1);
    expect(one.events[0]).toMatchObject({ down: ['SMAProdDBServer'], active: [], failedOver: false, recovery: [] });
    expect(one.events[0].steps).toEqual([
      'Database server SMAProdDBServer crashes: no SMAServMan of this failover runs on it.',
      'The OpCon database on "SMAProdDBServer" is gone with it.',
      "OpConxps1's SAM-SS has lost its database: it stops processing.",
    ]);
    expect(one.events[0].manualActions).toEqual([
      "Bring SMAProdDBServer back, or restore the OpCon database elsewhere and point OpConxps1's SMA Connection Configuration at it; no schedule runs until then.",
    ]);
    // Scenario 2: the publishing database server fails; the standby takes over by hand on the subscriber.
    const [publisher, subscriber] = (await events([seed(2), '--down', 'SMAProdDBServer', '--down', 'SMABckupDBServer'])).events;
    expect(publisher).toMatchObject({ down: ['SMAProdDBServer'], active: [] });
    expect(publisher.manualActions[0]).toBe('Set the Primary SMAServMan service startup type on OpConxps1 to Manual and confirm the service is stopped.');
    expect(publisher.manualActions[1]).toMatch(
      /^Run the StopRepl\.cmd file .* on the backup StandAlone machine OpConxps2, .*The publishing database went down with SMAProdDBServer, /,
    );
    expect(publisher.manualActions[2]).toMatch(/its SAM-SS connects to the subscribing database, SMABckupDBServer\/OpConxps\.$/);
    // The subscriber's server: the primary keeps processing on the publisher, but a failover has no database until it is back.
    expect(subscriber).toMatchObject({
      down: ['SMABckupDBServer'],
      active: ['OpConxps1'],
      manualActions: ["Bring SMABckupDBServer back; until then OpConxps2's SAM-SS has no database to fail over to, so a failure of OpConxps1 is not covered."],
    });
    // So in automatic failover, whose Secondary would fail over onto it by itself.
    const automatic = (await events([seed(4), '--down', 'SMABckupDBServer'])).events[0];
    expect(automatic).toMatchObject({
      active: ['OpConxps1'],
      manualActions: [expect.stringMatching(/^Bring SMABckupDBServer back; until then OpConxps2's SAM-SS has no database/)],
    });
    // A Secondary that fails over onto a database that went down names where it was, not the primary's machine.
    const { readFileSync } = await import('node:fs');
    const { simulateOpconEvent } = await import('../../../src/kinds/opcon/commands/simulate.js');
    const { opcon } = await lintText(
      readFileSync(seed(3), 'utf8').replace('PrimaryAbnormalShutdownFailover: Y', 'PrimaryAbnormalShutdownFailover: Y\n      SyncLostFailover: Y'),
      'x.yaml',
    );
    const both = simulateOpconEvent(opcon!.model, opcon!.analysis, 'machine-crash', [opcon!.model.machines[0]!, 'SMAProdDBServer']);
    expect(both).toMatchObject({ down: ['OpConxps1', 'SMAProdDBServer'], active: [], failedOver: true });
    expect(both.steps).toContain(
      'Secondary SAM-SS cannot connect to SMAProdDBServer/OpConxps: it was on SMAProdDBServer. No SAM runs; failover cannot help while the database is gone.',
    );
  });

  it('fails over to the one database that the connections name two ways, and runs no StopRepl against it', async () => {
    const {
      events: [e],
    } = await events(['test/fixtures/kinds/opcon/one-database-written-two-ways.yaml', '--down', 'opcon01']);
    expect(e.manualActions.join('\n')).not.toContain('StopRepl');
    expect(e.manualActions.at(-1)).toBe(
      'On the backup StandAlone machine opcon02, set the SMAServMan startup type to Automatic and start the service; its SAM-SS connects to sqlprod01.corp.example.com\\OPCON/OpConxps.',
    );
  });
});

const fixture = (name: string) => `test/fixtures/kinds/opcon/${name}.yaml`;

describe('OpCon events on the designs a tester found wrong', () => {
  it('refuses a lone Primary or a lone Secondary in one line, as modes that set up no failover (KINDS.md)', async () => {
    const primary = await runCli(['simulate', fixture('primary-alone'), '--event', 'communication-loss']);
    expect(primary).toMatchObject({ code: 2, stdout: '' });
    expect(primary.stderr).toBe(
      `pooltopo: "${fixture('primary-alone')}" sets up no failover: its one machine, opcon01, is in mode Primary, which works only beside a Secondary; pooltopo validate shows where\n`,
    );
    const secondary = await runCli(['simulate', fixture('secondary-alone'), '--down', 'opcon02']);
    expect(secondary.code).toBe(2);
    expect(secondary.stderr).toMatch(/its one machine, opcon02, is in mode Secondary, which works only beside a Primary/);
  });

  it('narrates the crash of the machine named, a third one outside the pair too', async () => {
    for (const [file, down, keeps] of [
      ['pair-beside-standalone', 'opcondr', 'The Primary SMAServMan keeps its application group ACTIVE on opcon01.'],
      ['three-standalone', 'opcon03', 'opcon01 keeps processing.'],
    ] as const) {
      const { code, events: e } = await events([fixture(file), '--down', down]);
      expect(code, file).toBe(0);
      expect(e[0]).toMatchObject({ down: [down], active: ['opcon01'], failedOver: false, twoSams: false, manualActions: [] });
      expect(e[0].steps[0]).toMatch(new RegExp(`^Machine ${down} crashes: it is neither the primary \\(opcon01\\) nor the standby \\(opcon02\\)`));
      expect(e[0].steps).toContain(keeps);
    }
  });

  it('runs no SAM, and says so once, when the crash takes the database the standby also uses', async () => {
    const {
      code,
      events: [e],
    } = await events([fixture('manual-database-on-primary-standby-starts'), '--down', 'opcon01']);
    expect(code).toBe(1);
    expect(e).toMatchObject({ active: [], twoSams: false, failedOver: false, recovery: [] });
    expect(e.steps.slice(1)).toEqual([
      'Machine opcon01 crashes: the primary StandAlone SMAServMan and its SAM-SS are gone at once.',
      'The OpCon database on "opcon01" was on opcon01: it is gone too.',
      "opcon02's SAM-SS has lost its database too (it was on opcon01): no SAM runs.",
    ]);
    expect(e.manualActions).toEqual([
      "Bring opcon01 back, or restore the OpCon database elsewhere and point opcon02's SMA Connection Configuration at it; no schedule runs until then.",
    ]);
  });

  it('reads a local SQL Server name as the machine whose connection gives it, so the crash of that machine takes its database', async () => {
    // One database on opcon01, which opcon01 names .\OPCON: scenario 3, no StopRepl, and its crash takes the database.
    const {
      events: [abnormal, crash],
    } = await events([fixture('one-database-local-on-primary'), '--event', 'abnormal-shutdown', '--down', 'opcon01']);
    expect(abnormal).toMatchObject({ active: ['opcon02'], failedOver: true, manualActions: [] });
    expect(abnormal.steps).toContain('Secondary SAM-SS connects to the Primary Database (opcon01.corp.local\\OPCON/OpConxps).');
    expect(abnormal.steps.join('\n')).not.toContain('StopRepl');
    expect(crash).toMatchObject({ active: [], failedOver: false });
    expect(crash.steps[1]).toBe('The OpCon database on ".\\OPCON" (the SQL Server of opcon01 itself) was on opcon01: it is gone too.');
    // SQL Server on each machine, both named (local)\OPCON: the publisher goes with opcon01, the subscriber with opcon02.
    const each = (await events([fixture('sql-on-each-machine-local-names'), '--down', 'opcon01', '--down', 'opcon02'])).events;
    expect(each[0].steps[1]).toBe('The publishing database on "(local)\\OPCON" (the SQL Server of opcon01 itself) was on opcon01: it is gone too.');
    expect(each[1].steps[1]).toBe('The subscribing database on "(local)\\OPCON" (the SQL Server of opcon02 itself) was on opcon02: it is gone too.');
    expect(each[1]).toMatchObject({ active: ['opcon01'] });
    // The steps by hand name the machine whose own SQL Server the standby's local name means.
    expect(each[0].manualActions.at(-1)).toMatch(
      /its SAM-SS connects to the subscribing database, \(local\)\\OPCON\/OpConxps \(the SQL Server of opcon02 itself\)\.$/,
    );
  });

  it('says once that the database went with the crashed machine where the two connections write its server two ways', async () => {
    const { readFileSync } = await import('node:fs');
    const { simulateOpconEvent } = await import('../../../src/kinds/opcon/commands/simulate.js');
    for (const [primary, standby] of [
      ['opcon02\\OPCON', 'opcon02.corp.local\\OPCON'],
      ['opcon02\\OPCON', '(local)\\OPCON'],
    ] as const) {
      const text = readFileSync(fixture('one-database-local-on-primary'), 'utf8')
        .replace("server: '.\\OPCON'", `server: '${primary}'`)
        .replace("server: 'opcon01.corp.local\\OPCON'", `server: '${standby}'`);
      const { opcon } = await lintText(text, 'x.yaml');
      const crash = simulateOpconEvent(opcon!.model, opcon!.analysis, 'machine-crash', [opcon!.model.machines[1]!]);
      expect(
        crash.steps.filter((step) => step.startsWith('The OpCon database on')),
        standby,
      ).toEqual([`The OpCon database on "${primary}" was on opcon02: it is gone too.`]);
      expect(crash).toMatchObject({ active: [] });
    }
  });

  it('fails over by hand to the subscriber when the publisher goes with the primary machine, as database-on-machine says', async () => {
    const {
      events: [e],
    } = await events([fixture('publisher-on-primary'), '--down', 'opcon01']);
    expect(e.steps).toContain('The publishing database on "opcon01" was on opcon01: it is gone too.');
    expect(e.manualActions.at(-1)).toMatch(
      /^On opcon02, stop the Secondary SMAServMan, set Mode=StandAlone .*its SAM-SS connects to the subscribing database\.$/,
    );
    // The subscriber on the Secondary's own machine: its crash leaves the Primary processing.
    const secondary = await events([fixture('publisher-on-primary'), '--down', 'opcon02']);
    expect(secondary.events[0]).toMatchObject({ active: ['opcon01'] });
  });

  it("tells the admin to run StopRepl by hand when the trigger's script does not, from the same reading as the crash", async () => {
    for (const [file, reason] of [
      ['replicated-script-not-stoprepl', 'its PrimaryAbnormalShutdownScript, C:\\Scripts\\WriteEvent.cmd, does not stop replication'],
      ['replicated-stoprepl-lookalike', 'its PrimaryAbnormalShutdownScript, C:\\Scripts\\NoStopRepl\\WriteEvent.cmd, does not stop replication'],
    ] as const) {
      const {
        code,
        events: [abnormal, crash],
      } = await events([fixture(file), '--event', 'abnormal-shutdown', '--down', 'opcon01']);
      expect(code, file).toBe(1);
      expect(abnormal).toMatchObject({ active: ['opcon02'], failedOver: true });
      expect(abnormal.steps.join('\n')).toContain('which does not stop replication (StopRepl)');
      expect(abnormal.manualActions).toEqual([
        `Run the StopRepl.cmd file (or StopRepl_WinAuth.cmd) on the Secondary machine opcon02 at once (${reason}): until then the publisher can keep replicating into what was the subscribing database, which opcon02's SAM-SS now uses.`,
      ]);
      expect(crash.manualActions).toContain(
        "Run the StopRepl.cmd file (or StopRepl_WinAuth.cmd) on the Secondary machine opcon02 (the trigger's script did not run).",
      );
    }
  });

  it('says what StopRepl cannot do while the publishing database is down with the crashed machine, and to run it again once it is back', async () => {
    const again =
      "run it again as soon as opcon01 is started again, so that it reaches the publishing database before opcon01's SQL Server can replicate into what was the subscribing database, on which opcon02's SAM-SS runs after the failover.";
    // Failed over by hand: StopRepl now, as the vendor does for a failed publishing server, and again once opcon01 is back.
    const {
      events: [byHand],
    } = await events([fixture('publisher-on-primary'), '--down', 'opcon01']);
    expect(byHand.manualActions[1]).toBe(
      `Run the StopRepl.cmd file (or StopRepl_WinAuth.cmd) on the Secondary machine opcon02 (the trigger's script did not run), as the vendor's "Failover and Recovery with Replication" does when the publishing database server has failed. The publishing database went down with opcon01, so StopRepl cannot reach it now to disconnect its users, delete its publication and mark it read-only: ${again}`,
    );
    const { readFileSync } = await import('node:fs');
    const { simulateOpconEvent } = await import('../../../src/kinds/opcon/commands/simulate.js');
    const crash = async (switches: string) => {
      const { opcon } = await lintText(
        readFileSync(fixture('publisher-on-primary'), 'utf8').replace(
          'PrimaryAbnormalShutdownFailover: Y,',
          `PrimaryAbnormalShutdownFailover: Y, ${switches},`,
        ),
        'x.yaml',
      );
      return simulateOpconEvent(opcon!.model, opcon!.analysis, 'machine-crash');
    };
    // Failed over by a trigger whose script is StopRepl: it ran, but could not reach the publisher.
    const script = await crash('SyncLostFailover: Y, SyncLostScript: StopRepl.cmd');
    expect(script).toMatchObject({ active: ['opcon02'], failedOver: true });
    expect(script.steps.join('\n')).not.toContain('it disconnects any users attached to the publishing database');
    expect(script.steps).toContain(
      'Secondary SMAServMan runs the SyncLostScript (StopRepl.cmd), which runs StopRepl; but the publishing database went down with opcon01, so StopRepl cannot disconnect its users, delete its publication or mark it read-only: replication has stopped with the publisher.',
    );
    expect(script.manualActions).toEqual([
      'StopRepl ran (the SyncLostScript) while the publishing database was down with opcon01, so it could not disconnect its users, delete its publication or mark it read-only: ' +
        again.replace('run it again', 'run the StopRepl.cmd file (or StopRepl_WinAuth.cmd) on opcon02 again'),
    ]);
    // Failed over by a trigger without a script: the publisher, down, replicates nothing meanwhile.
    const none = await crash('SyncLostFailover: Y');
    expect(none.steps.join('\n')).not.toContain('the publisher can keep replicating');
    expect(none.manualActions).toHaveLength(1);
    expect(none.manualActions[0]).not.toContain('until then the publisher can keep replicating');
    expect(none.manualActions[0]).toContain(again);
    // The publisher on a server of its own is still up: StopRepl does all it does, as before.
    const { opcon } = await lintText(
      readFileSync(seed(4), 'utf8').replace(
        'PrimaryAbnormalShutdownFailover: Y',
        'PrimaryAbnormalShutdownFailover: Y\n      SyncLostFailover: Y\n      SyncLostScript: StopRepl.cmd',
      ),
      'x.yaml',
    );
    const up = simulateOpconEvent(opcon!.model, opcon!.analysis, 'machine-crash');
    expect(up.steps.join('\n')).toContain('which stops replication: it disconnects any users attached to the publishing database');
    expect(up.manualActions).toEqual([]);
  });

  it('fails back by undoing exactly what the steps by hand changed', async () => {
    // Failed over by hand: the Primary's start type was set to Manual, so failback sets it back.
    const {
      events: [shutdown],
    } = await events([seed(3), '--event', 'normal-shutdown']);
    expect(shutdown.manualActions).toContain('Set the Primary SMAServMan service startup type on OpConxps1 to Manual and confirm the service is stopped.');
    expect(shutdown.recovery).toContain(
      "Start the SMA Service Manager on OpConxps1 and set its startup type back to Automatic, only once OpConxps2's is stopped (only one SAM should access the OpCon database at a time).",
    );
    expect(shutdown.recovery.at(-1)).toBe(
      "Start OpConxps2's SMA Service Manager with Mode=Secondary again in its SMAServMan.ini, so that it synchronizes and watches OpConxps1 in STANDBY.",
    );
    const {
      events: [abnormal, crash],
    } = await events([fixture('communication-loss-only'), '--event', 'abnormal-shutdown', '--down', 'opcon01']);
    expect(abnormal.recovery).toContain(
      "Start the SMA Service Manager on opcon01 and set its startup type back to Automatic, only once opcon02's is stopped (only one SAM should access the OpCon database at a time).",
    );
    // Failed over by itself: nothing was changed by hand, so nothing is set back.
    expect(crash).toMatchObject({ failedOver: true, manualActions: [] });
    expect(crash.recovery).toEqual([
      'Remedy the problem that caused the failover on opcon01.',
      'Stop the SMA Service Manager on opcon02.',
      "Start the SMA Service Manager on opcon01, only once opcon02's is stopped (while opcon02's application group is ACTIVE, starting it has no effect).",
      "Start opcon02's SMA Service Manager, so that it synchronizes and watches opcon01 in STANDBY.",
    ]);
  });

  it('asks for the start type of a crashed primary when it is started again, since it cannot be set while it is down', async () => {
    const {
      events: [e],
    } = await events([seed(1), '--down', 'OpConxps1']);
    expect(e.manualActions[0]).toBe(
      "OpConxps1 is down, so its SMAServMan is stopped; as soon as OpConxps1 is started again, set the Primary SMAServMan service startup type to Manual and confirm the service is stopped (stop it if it has started): otherwise its SAM runs beside OpConxps2's.",
    );
  });

  it('words a crash step with the verb its caller gives, whatever the words of what was lost', async () => {
    const { readFileSync } = await import('node:fs');
    const { crashSteps } = await import('../../../src/kinds/opcon/analysis/crash.js');
    const { opcon } = await lintText(readFileSync(seed(3), 'utf8'), 'x.yaml');
    const { model, analysis } = opcon!;
    const [P, S] = model.machines;
    const steps: string[] = [];
    crashSteps(
      {
        model,
        analysis,
        event: 'machine-crash',
        P: P!,
        S,
        crashed: [P!, S!].map((m) => ({ name: m.name, host: m.name.toLowerCase(), machine: m })),
        steps,
        manual: [],
        recovery: [],
        changed: { primaryStartType: false, standbyStartType: false, standbyMode: false },
      },
      (m) => (m === P ? { what: 'the SAM-SS', verb: 'is' } : { what: 'the watcher of pings and triggers', verb: 'is' }),
    );
    expect(steps).toEqual([
      'Machine OpConxps1 crashes: the SAM-SS is gone at once.',
      'Machine OpConxps2 crashes: the watcher of pings and triggers is gone at once.',
    ]);
  });

  it('reads a local database.server on the one machine that reads it, and offers no server called localhost to --down', async () => {
    const { simulateOpconEvent } = await import('../../../src/kinds/opcon/commands/simulate.js');
    const alone = (server: string) =>
      `version: 1\nkind: opcon-failover\nname: Alone\ndatabase: {server: '${server}'}\nmachines:\n  - {name: opcon01, mode: StandAlone, serviceStartType: automatic-delayed}\n`;
    // A machine alone reads database.server: (local) is its own SQL Server, so its crash takes the database.
    const { opcon } = await lintText(alone('(local)'), 'alone.yaml');
    expect(simulateOpconEvent(opcon!.model, opcon!.analysis, 'machine-crash').steps).toContain(
      'The OpCon database on "(local)" (the SQL Server of opcon01 itself) was on opcon01: it is gone too.',
    );
    // Both StandAlone machines read it: it names no machine, and no server beside them either.
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'opcon-')), 'two.yaml');
    writeFileSync(
      file,
      alone('localhost\\OPCON').replace(
        '  - {name: opcon01, mode: StandAlone, serviceStartType: automatic-delayed}\n',
        '  - {name: opcon01, mode: StandAlone, serviceStartType: automatic-delayed}\n  - {name: opcon02, mode: StandAlone, serviceStartType: manual}\n',
      ),
    );
    const refused = await runCli(['simulate', file, '--down', 'localhost']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/unknown machine "localhost" \(machines: opcon01, opcon02\)\n$/);
  });

  it("says what a normal shutdown of the Primary's machine adds where it holds a database the flow uses, and keeps the service stop's exit code", async () => {
    const { readFileSync, mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const both = '(through the Windows Service Control Manager, net stop, or a normal machine shutdown)';
    const serviceOnly =
      'through the Windows Service Control Manager or net stop, with opcon01 itself left running (a normal shutdown of machine opcon01 stops its SQL Server too: see the last step)';
    const machine =
      'If machine opcon01 itself is shut down normally (Start > Shutdown), not only its SMA Service Manager, its SQL Server stops too, and with it ';
    // Scenario 3, the one database on the Primary machine: the service's stop leaves nothing ACTIVE (exit 1), and the machine's leaves no database to fail over to.
    const one = await events([fixture('one-database-local-on-primary'), '--event', 'normal-shutdown']);
    expect(one.code).toBe(1);
    expect(one.events[0]).toMatchObject({ active: [], failedOver: false, twoSams: false });
    expect(one.events[0].steps[2]).toBe(`The Primary SMAServMan on opcon01 is shut down normally ${serviceOnly}.`);
    expect(one.events[0].steps.at(-1)).toBe(
      `${machine}the OpCon database on ".\\OPCON" (the SQL Server of opcon01 itself): opcon02's SAM-SS has no database to connect to, so failing over by hand cannot help, and no SAM runs until opcon01 is started again.`,
    );
    // simulate --help says that a normal shutdown's last step may be about the machine's own shutdown.
    const help = await runCli(['simulate', '--help']);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain(
      "--event normal-shutdown is the service's stop, the machine left running; where a normal shutdown of the primary's machine itself would do more (it stops a SQL Server the flow uses) or the machine is alone (when OpCon then runs again), the flow's last step says what",
    );
    // The same with PrimaryNormalShutdownFailover: the service's stop fails over (exit 0, as the event is defined); the machine's would not help.
    const dir = mkdtempSync(join(tmpdir(), 'opcon-'));
    const trigger = join(dir, 'trigger.yaml');
    writeFileSync(
      trigger,
      readFileSync(fixture('one-database-local-on-primary'), 'utf8').replace(
        'PrimaryAbnormalShutdownFailover: Y',
        'PrimaryAbnormalShutdownFailover: Y, PrimaryNormalShutdownFailover: Y',
      ),
    );
    const failed = await events([trigger, '--event', 'normal-shutdown']);
    expect(failed.code).toBe(0);
    expect(failed.events[0]).toMatchObject({ active: ['opcon02'], failedOver: true });
    expect(failed.events[0].steps.at(-1)).toMatch(
      /: opcon02's SAM-SS has no database to connect to, so failing over, by the trigger or by hand, cannot help, /,
    );
    // Scenario 4, the publisher on the Primary machine: the standby can still take over on the subscriber, but StopRepl must be run again.
    const publisher = (await events([fixture('publisher-on-primary'), '--event', 'normal-shutdown'])).events[0];
    expect(publisher.steps.at(-1)).toBe(
      `${machine}the publishing database on "opcon01": StopRepl cannot reach it to mark it read-only. opcon02 can still take over by hand on what was the subscribing database, but run the StopRepl.cmd file (or StopRepl_WinAuth.cmd) on opcon02 again as soon as opcon01 is started again, before opcon01's SQL Server can replicate into what was the subscribing database.`,
    );
    // A StandAlone standby already running on the database on the primary's machine loses it too.
    const running = (await events([fixture('manual-database-on-primary-standby-starts'), '--event', 'normal-shutdown'])).events[0];
    expect(running).toMatchObject({ active: ['opcon02'] });
    expect(running.steps.at(-1)).toMatch(/: opcon02's SAM-SS loses its database too, and no SAM runs until opcon01 is started again\.$/);
    // The database on a server of its own (the seed's third machine): both ways are one flow, and no note.
    for (const file of [seed(3), seed(1), seed(4)]) {
      const e = (await events([file, '--event', 'normal-shutdown'])).events[0];
      expect(e.steps.join('\n'), file).not.toContain('If machine');
      expect(e.steps.join('\n'), file).toContain(both);
    }
  });

  it('tells a machine alone what a normal shutdown of the machine itself means: nothing fails over, its database stops with it, and whether its service comes back by itself', async () => {
    const { simulateOpconEvent } = await import('../../../src/kinds/opcon/commands/simulate.js');
    const alone = async (database: string, startType: string) => {
      const { opcon } = await lintText(
        `version: 1\nkind: opcon-failover\nname: Alone\ndatabase: {server: '${database}'}\nmachines:\n  - {name: opcon01, mode: StandAlone, serviceStartType: ${startType}}\n`,
        'alone.yaml',
      );
      return simulateOpconEvent(opcon!.model, opcon!.analysis, 'normal-shutdown');
    };
    const machine = 'If machine opcon01 itself is shut down normally (Start > Shutdown), not only its SMA Service Manager, ';
    // Its database on its own SQL Server: the machine's shutdown stops it too.
    const own = await alone('(local)\\OPCON', 'automatic-delayed');
    expect(own).toMatchObject({ active: [], failedOver: false, twoSams: false });
    expect(own.steps[0]).toBe(
      'The StandAlone SMAServMan on opcon01 is shut down normally through the Windows Service Control Manager or net stop, with opcon01 itself left running (a normal shutdown of machine opcon01 stops its SQL Server too: see the last step).',
    );
    expect(own.steps.at(-1)).toBe(
      `${machine}its SQL Server stops too, and with it the OpCon database on "(local)\\OPCON" (the SQL Server of opcon01 itself): nothing fails over, and no schedule runs until opcon01 is started again; its SMA Service Manager then starts by itself (start type automatic-delayed).`,
    );
    // A normal shutdown is no failure: there is no issue to correct, only the service to start again.
    expect(own.manualActions).toEqual(["Start opcon01's SMA Service Manager again when the work it was stopped for is done; no schedule runs until then."]);
    // Its database on a server of its own, and a service started by hand: the machine's start leaves OpCon down.
    const elsewhere = await alone('sql01', 'manual');
    expect(elsewhere.steps[0]).toBe(
      'The StandAlone SMAServMan on opcon01 is shut down normally through the Windows Service Control Manager or net stop, with opcon01 itself left running (a normal shutdown of machine opcon01: see the last step).',
    );
    expect(elsewhere.steps.at(-1)).toBe(
      `${machine}nothing fails over, and no schedule runs until opcon01 is started again; its SMA Service Manager then stays stopped until someone starts it (start type manual).`,
    );
  });

  it("takes the one database for the standby that gives no connection from the primary's, so its crash leaves the standby none", async () => {
    const { readFileSync } = await import('node:fs');
    const { simulateOpconEvent } = await import('../../../src/kinds/opcon/commands/simulate.js');
    // One database on opcon01 (.\OPCON), named only in opcon01's connection: opcon02's SAM uses it too.
    const text = readFileSync(fixture('one-database-local-on-primary'), 'utf8').replace(
      "    connection: {server: 'opcon01.corp.local\\OPCON', database: OpConxps}\n",
      '',
    );
    expect(text).not.toContain('opcon01.corp.local');
    const { opcon } = await lintText(text, 'x.yaml');
    const crash = simulateOpconEvent(opcon!.model, opcon!.analysis, 'machine-crash');
    expect(crash).toMatchObject({ active: [], failedOver: false, recovery: [] });
    expect(crash.manualActions).toEqual([
      "Bring opcon01 back, or restore the OpCon database elsewhere and point opcon02's SMA Connection Configuration at it; no schedule runs until then.",
    ]);
    expect(simulateOpconEvent(opcon!.model, opcon!.analysis, 'normal-shutdown').steps.at(-1)).toMatch(
      /: opcon02's SAM-SS has no database to connect to, so failing over by hand cannot help, /,
    );
  });
});
