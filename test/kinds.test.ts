import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOpconResult } from '../src/kinds/results.js';
import { lintText } from '../src/api/lint.js';
import { REGISTRY } from '../src/kinds/registry.js';
import { runCli } from './support/run-cli.js';

describe('kinds', () => {
  it.each([
    ['docker-compose.yml', 'version: "3.8"\nservices:\n  web:\n    image: nginx\n', 4],
    ['.github/workflows/ci.yml', 'name: CI\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n', 4],
    ['mkdocs.yml', 'site_name: Docs\nnav: []\n', 5],
  ])("tells another tool's YAML (%s) that it is not a topology, in the first of its schema findings", async (file, text, count) => {
    const { result } = await lintText(text, file);
    // One finding per violation, as CLI.md has it; the first says what the file is not.
    expect(result.findings).toHaveLength(count);
    expect(result.findings.every((f) => f.ruleId === 'schema' && f.severity === 'error')).toBe(true);
    const told = result.findings.filter((f) => f.messageId === 'notATopology');
    expect(told).toHaveLength(1);
    expect(result.kind).toBeUndefined();
  });

  it('reads a file with version: 1 or any topology key as a topology, with a finding per schema violation', async () => {
    const typo = await lintText('version: 1\nname: x\nmanagementServer:\n  - name: ms01\n', 't.yaml');
    expect(typo.result.findings.map((f) => f.message)).toEqual(
      [
        'The document is missing the required key "managementServers".',
        'Unknown key "managementServer" in the document; did you mean "managementServers"?',
      ].map((m) => expect.stringContaining(m.split(';')[0]!)),
    );
    // Keys a slip from a topology's, or version "1", are a topology mistyped: no word of another tool.
    for (const text of ['Version: 1\nName: x\nManagementServers: []\n', 'versio: 1\nnam: x\n', 'version: "1"\nname: x\n', 'version: 2\nname: x\n']) {
      expect(
        (await lintText(text, 'near.yaml')).result.findings.map((f) => f.messageId),
        text,
      ).not.toContain('notATopology');
    }
    const noVersion = await lintText('name: x\nmanagementServers:\n  - name: ms01\n', 'n.yaml');
    expect(noVersion.result.findings.map((f) => f.message)).toEqual(['The document is missing the required key "version".']);
  });

  it("has each kind declare its schema's top-level keys but version, name and $schema, and knows them all as a topology's", () => {
    const schema = JSON.parse(readFileSync(path.join(import.meta.dirname, '../schemas/topology.schema.json'), 'utf8')) as {
      definitions: Record<string, { properties?: Record<string, unknown> }>;
    };
    const all = new Set<string>(['kind']);
    for (const folder of readdirSync(path.join(import.meta.dirname, '../src/kinds'), { withFileTypes: true }).filter((e) => e.isDirectory())) {
      const part = JSON.parse(readFileSync(path.join(import.meta.dirname, '../src/kinds', folder.name, 'schema.json'), 'utf8')) as {
        kind: string;
        root: string;
      };
      // Any JSON file an editor wrote may have $schema: it tells no topology from another tool's file.
      const keys = Object.keys(schema.definitions[part.root]!.properties!).filter((k) => !['version', 'name', '$schema', 'kind'].includes(k));
      expect([...REGISTRY.kind(part.kind)!.topLevelKeys].sort(), part.kind).toEqual(keys.sort());
      for (const k of keys) all.add(k);
    }
    expect([...REGISTRY.topologyKeys].sort()).toEqual([...all].sort());
  });

  it('reports an unknown kind as one schema finding listing the known ones', async () => {
    const { result } = await lintText('version: 1\nkind: skype\nname: x\n', 'k.yaml');
    expect(result.findings.map((f) => [f.ruleId, f.line, f.column, f.messageId, f.data])).toEqual([
      ['schema', 2, 7, 'unknownKind', { kind: 'skype', known: 'scom, skype-pool-pair, opcon-failover' }],
    ]);
    expect(result.kind).toBeUndefined();
  });

  it.each([
    ['kind: [skype-pool-pair]', 'a list'],
    ['kind: {a: 1}', 'a mapping'],
    ['kind: 3', 'the number 3'],
    ['kind: true', 'true'],
    ['kind:', 'empty'],
  ])('names a kind that is no text by its type (%s)', async (line, actual) => {
    const { result } = await lintText(`version: 1\n${line}\nname: x\n`, 'k.yaml');
    expect(result.findings.map((f) => [f.ruleId, f.line, f.messageId, f.data])).toEqual([
      ['schema', 2, 'kindNotText', { actual, known: 'scom, skype-pool-pair, opcon-failover' }],
    ]);
  });

  it.each([
    [
      'two Primaries and a StandAlone',
      ['Primary', 'Primary', 'StandAlone'],
      { scenario: null, mode: 'none', primary: 'a', secondary: null },
      ['several', 'missing', 'mixed'],
    ],
    ['a Secondary and a StandAlone', ['Secondary', 'StandAlone'], { scenario: null, mode: 'none', primary: null, secondary: null }, ['missing', 'mixed']],
    ['three StandAlone machines', ['StandAlone', 'StandAlone', 'StandAlone'], { scenario: 1, mode: 'manual', primary: 'a', secondary: 'b' }, ['third']],
  ])('gives OpCon machines whose modes conflict (%s) no failover they do not set up', async (_name, modes, failover, messages) => {
    const machines = modes.map((mode, i) => `  - {name: ${'abc'[i]}, mode: ${mode}, serviceStartType: ${i === 0 ? 'automatic' : 'manual'}}`).join('\n');
    const { result } = await lintText(`version: 1\nkind: opcon-failover\nname: x\nmachines:\n${machines}\n`, 'o.yaml');
    expect(result.kind === 'opcon-failover' && result.failover).toMatchObject({ ...failover, machines: modes.length });
    const conflicts = result.findings.filter((f) => f.ruleId === 'opcon/mode-conflict');
    expect(conflicts.map((f) => f.messageId).sort()).toEqual([...messages].sort());
    if (messages.includes('third')) expect(conflicts[0]!.data).toEqual({ name: 'c' });
  });

  it("gives CLI.md's JSON for an OpCon file: no pools, the failover figures", async () => {
    const r = await runCli(['validate', 'examples/opcon-automatic-recommended.yaml', '--format', 'json']);
    expect(r.code).toBe(0);
    const [file] = JSON.parse(r.stdout).files;
    expect(file).toMatchObject({ kind: 'opcon-failover', findings: [], pools: [] });
    expect(file.failover).toEqual({
      scenario: 3,
      mode: 'automatic',
      primary: 'opcon01',
      secondary: 'opcon02',
      database: 'none',
      triggers: ['primary-abnormal-shutdown'],
      machines: 2,
      detectionSeconds: 30.5,
    });
  });

  it('checks an OpCon file against its own part of the schema', async () => {
    const { result } = await lintText('version: 1\nkind: opcon-failover\nname: x\nmachines:\n  - name: a\n    mode: Boss\nmanagementServers: []\n', 'o.yaml');
    expect(result.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([
      ['schema', 6, 11],
      ['schema', 7, 1],
    ]);
  });

  it('refuses an OpCon numeric setting that is no number, rather than take its default', async () => {
    const { readFileSync } = await import('node:fs');
    const example = readFileSync('examples/opcon-automatic-recommended.yaml', 'utf8');
    const text = example
      .replace('SecondsBetweenPings: 15', 'SecondsBetweenPings: fifteen')
      .replace('PingRetryCount: 1', 'PingRetryCount: 1e400')
      .replace('TimeOutInSecondsForSync: 60', 'TimeOutInSecondsForSync: -60');
    const { result } = await lintText(text, 'o.yaml');
    expect('failover' in result).toBe(false);
    expect(result.findings.map((f) => [f.ruleId, f.path, f.message])).toEqual([
      ['schema', '/machines/0/settings/TimeOutInSecondsForSync', '`machines[0].settings.TimeOutInSecondsForSync` must be 0 or more, not -60.'],
      ['schema', '/machines/1/settings/SecondsBetweenPings', '`machines[1].settings.SecondsBetweenPings` must be a number, not "fifteen".'],
      ['schema', '/machines/1/settings/PingRetryCount', '`machines[1].settings.PingRetryCount` must be a number in range, not "1e400".'],
    ]);
    // Empty, it is the default, as SMAServMan takes it; a number in quotes is that number.
    const empty = await lintText(
      example.replace('SecondsBetweenPings: 15', 'SecondsBetweenPings: ""').replace('PingRetryCount: 1', 'PingRetryCount: "1"'),
      'o.yaml',
    );
    expect(empty.result.findings).toEqual([]);
    expect(isOpconResult(empty.result) && empty.result.failover?.detectionSeconds).toBe(30.5);
  });

  it('reads a Skype pool of several front ends without an edition as enterprise, in every check', async () => {
    const text =
      'version: 1\nkind: skype-pool-pair\nname: x\nproductVersion: "2019"\npools:\n  - name: p.x\n    frontEnds: [a1, a2]\n  - name: q.x\n    frontEnds: [b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12, b13, b14, b15, b16, b17]\n  - name: r.x\n    frontEnds: [c1]\n';
    const { result } = await lintText(text, 's.yaml');
    const sizes = result.findings
      .filter((f) => f.ruleId === 'skype/unsupported-pool-size' || f.ruleId === 'skype/too-few-front-ends')
      .map((f) => `${f.ruleId} ${f.pool}`);
    expect(sizes).toEqual(['skype/too-few-front-ends p.x', 'skype/unsupported-pool-size p.x', 'skype/unsupported-pool-size q.x']);
  });

  it('warns of an unpaired Skype pool over its sizing: its usersAfterFailover is its own users', async () => {
    const text =
      'version: 1\nkind: skype-pool-pair\nname: x\npools:\n  - name: solo.contoso.com\n    edition: enterprise\n    users: 9000\n    maxUsers: 5000\n    frontEnds: [fe1, fe2, fe3]\n';
    const { result } = await lintText(text, 's.yaml');
    expect(result.findings.filter((f) => f.ruleId === 'skype/pair-capacity').map((f) => [f.line, f.messageId, f.data])).toEqual([
      [8, 'overUnpaired', { pool: 'solo.contoso.com', users: 9000, max: 5000 }],
    ]);
  });

  it("gives CLI.md's JSON for a Skype file: the Front End figures as pools", async () => {
    const r = await runCli(['validate', 'examples/skype-paired-enterprise.yaml', '--format', 'json']);
    expect(r.code).toBe(0);
    const [file] = JSON.parse(r.stdout).files;
    expect(file.kind).toBe('skype-pool-pair');
    expect(file.pools[0]).toEqual({
      name: 'pool-east.contoso.com',
      frontEnds: 8,
      startupNeeded: 6,
      quorumNeeded: 4,
      quorumFrom: 7,
      tolerableFailures: 3,
      tolerableSimultaneousFailures: 1,
      backEndWitness: true,
      pairedWith: 'pool-west.contoso.com',
      poolState: 'Active',
      usersAfterFailover: 25000,
      usersNow: 16000,
    });
  });

  it('names a front end listed in two pools as it was first spelled', async () => {
    const pool = (name: string, frontEnds: string) => `  - {name: ${name}, site: s, edition: enterprise, users: 100, frontEnds: [${frontEnds}]}\n`;
    const text = `version: 1\nkind: skype-pool-pair\nname: x\nproductVersion: "2019"\npools:\n${pool('pool-east', 'fe01, fe02, fe03')}${pool('pool-west', 'fe11, FE01, fe12')}`;
    const { result } = await lintText(text, 's.yaml');
    const duplicate = result.findings.find((f) => f.ruleId === 'duplicate-name');
    expect([duplicate?.messageId, duplicate?.data]).toEqual(['duplicateFrontEnd', { name: 'FE01', first: 'fe01', firstPool: 'pool-east' }]);
  });

  it("reads every size of DOMAIN.md's Front End table", async () => {
    const { frontEndRow } = await import('../src/kinds/skype/index.js');
    const table = [
      [2, 1, 1, 2],
      [3, 3, 2, 3],
      [4, 3, 2, 4],
      [5, 4, 3, 5],
      [6, 5, 3, 6],
      [7, 5, 4, 7],
      [8, 6, 4, 7],
      [9, 7, 4, 7],
      [10, 8, 5, 9],
      [11, 9, 5, 9],
      [12, 10, 5, 9],
      [16, 12, 7, 12],
    ];
    for (const [n, startup, needed, from] of table)
      expect(frontEndRow(n!), `${n} front ends`).toEqual({ startupNeeded: startup, quorumNeeded: needed, quorumFrom: from });
  });

  it('lets plan say plainly that it plans SCOM only for now', async () => {
    for (const args of [
      ['plan', 'examples/opcon-manual-failover.yaml'],
      ['plan', 'examples/skype-standard-pair.yaml'],
    ]) {
      const r = await runCli(args);
      expect(r.code, args[1]).toBe(2);
      expect(r.stderr).toMatch(/kind scom only for now; "examples\/(opcon|skype)-[a-z-]+\.yaml" is (opcon-failover|skype-pool-pair)/);
    }
  });
});

describe('simulate for the other kinds', () => {
  it("fails a Skype pool over to its partner, with the registrar states and the partner's load", async () => {
    const r = await runCli(['simulate', 'examples/skype-paired-enterprise.yaml', '--down', 'POOL-WEST.contoso.com', '--format', 'json']);
    const [s] = JSON.parse(r.stdout).scenarios;
    expect(s.poolsDown).toEqual([
      {
        pool: 'pool-west.contoso.com',
        downBy: 'pool',
        partner: 'pool-east.contoso.com',
        partnerState: 'Active',
        partnerDown: false,
        partnerTakesOver: true,
        runFirst: [],
        restoreBy: [],
        fillIn: [],
        cmdlet: 'Invoke-CsPoolFailOver -PoolFqdn pool-west.contoso.com -DisasterMode',
        registrarStates: ['Active', 'FailingOver', 'FailedOver', '(after Invoke-CsPoolFailBack) FailingBack', 'Active'],
        partnerUsers: 25000,
        partnerMaxUsers: 53280,
        partnerOverCapacity: false,
        usersWithoutService: [],
        breaks: [],
      },
    ]);
    expect(r.code).toBe(0);
  });

  it('fails neither pool of a pair over when both are down', async () => {
    const r = await runCli(['simulate', 'examples/skype-paired-enterprise.yaml', '--down', 'pool-east.contoso.com,pool-west.contoso.com']);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/fails over to|then carries/);
    expect(r.stdout).toContain(
      'pool pool-east.contoso.com is down, and its backup pool pool-west.contoso.com cannot take it over\n    breaks: nowhere to fail over (pool-west.contoso.com is down too): its 16,000 users and the 9,000 of pool-west.contoso.com are without service until one of the two pools is back',
    );
    // A partner that loses pool-level quorum in the same scenario cannot take the pool over either.
    const quorum = await runCli(['simulate', 'examples/skype-paired-enterprise.yaml', '--down', 'pool-east.contoso.com,fe11,fe12,fe13']);
    expect(quorum.stdout).not.toMatch(/fails over to|then carries/);
    expect(quorum.stdout).toContain('breaks: nowhere to fail over (pool-west.contoso.com loses pool-level quorum to its front ends down)');
  });

  /** Two Enterprise pools of 40,000 and 30,000 users, each sized for 60,000. */
  const overloaded = (poolState: string) =>
    [
      'version: 1',
      'kind: skype-pool-pair',
      'name: s',
      'productVersion: "2015"',
      'pools:',
      `  - {name: p1.x.com, edition: enterprise, users: 40000, maxUsers: 60000, frontEnds: [a1, a2, a3], poolState: ${poolState}}`,
      '  - {name: p2.x.com, edition: enterprise, users: 30000, maxUsers: 60000, frontEnds: [b1, b2, b3]}',
      'pairs:',
      '  - {pools: [p1.x.com, p2.x.com]}',
      '',
    ].join('\n');

  it('writes the users a partner would carry with thousands separators, in the summary and in what breaks', async () => {
    const { simulateSkypeDown, formatSkypeScenarios } = await import('../src/kinds/skype/commands/simulate.js');
    const o = await lintText(overloaded('Active'), 'x.yaml');
    const { scenario } = simulateSkypeDown(o.skype!.model, o.skype!.analysis, 'p1.x.com down', ['p1.x.com']);
    const text = formatSkypeScenarios('x.yaml', [scenario], 'stylish');
    expect(text).toContain('p2.x.com then carries 70,000 users of the 60,000 it is sized for: OVER');
    expect(text).toContain('breaks: p2.x.com would carry 70,000 users, more than the 60,000 it is sized for');
  });

  it('takes a pool already failing or failed over from the state it is in, not through FailingOver again', async () => {
    const { simulateSkypeDown, formatSkypeScenarios } = await import('../src/kinds/skype/commands/simulate.js');
    const statesOf = async (poolState: string) => {
      const o = await lintText(overloaded(poolState), 'x.yaml');
      const { scenario } = simulateSkypeDown(o.skype!.model, o.skype!.analysis, 'p1.x.com down', ['p1.x.com']);
      return { states: scenario.poolsDown[0]!.registrarStates, text: formatSkypeScenarios('x.yaml', [scenario], 'stylish') };
    };
    const failback = '(after Invoke-CsPoolFailBack) FailingBack';
    expect((await statesOf('Active')).states).toEqual(['Active', 'FailingOver', 'FailedOver', failback, 'Active']);
    expect((await statesOf('FailingOver')).states).toEqual(['FailingOver', 'FailedOver', failback, 'Active']);
    const failedOver = await statesOf('FailedOver');
    expect(failedOver.states).toEqual(['FailedOver', failback, 'Active']);
    expect(failedOver.text).toContain(
      'pool p1.x.com has already failed over to p2.x.com: registrar PoolState FailedOver -> (after Invoke-CsPoolFailBack) FailingBack -> Active',
    );
    // Failing back when it goes down: it fails over again.
    expect((await statesOf('FailingBack')).states).toEqual(['FailingBack', 'FailingOver', 'FailedOver', failback, 'Active']);
  });

  it('counts front ends down among "the first" ones for pool-level quorum', async () => {
    // pool-east has 8 front ends: quorum is 4 of the first 7. fe08 is not among them.
    const keeps = JSON.parse((await runCli(['simulate', 'examples/skype-paired-enterprise.yaml', '--down', 'fe01,fe02,fe03,fe08', '--format', 'json'])).stdout);
    expect(keeps.scenarios[0].frontEnds[0]).toMatchObject({ runningAmongFirst: 4, quorumNeeded: 4, quorumFrom: 7, keepsQuorum: true });
    const loses = await runCli(['simulate', 'examples/skype-paired-enterprise.yaml', '--down', 'fe01,fe02,fe03,fe04']);
    expect(loses.stdout).toMatch(/3 of the first 7 running, 4 needed: LOSES pool-level quorum/);
    // pool-west, Active and sized for both, takes its users: they keep service.
    expect(loses.code).toBe(0);
    const unknown = await runCli(['simulate', 'examples/skype-paired-enterprise.yaml', '--down', 'fe99']);
    expect(unknown.code).toBe(2);
  });

  it('walks the OpCon process flow for an event', async () => {
    const abnormal = JSON.parse(
      (await runCli(['simulate', 'examples/opcon-automatic-recommended.yaml', '--event', 'abnormal-shutdown', '--format', 'json'])).stdout,
    ).events[0];
    expect(abnormal).toMatchObject({ event: 'abnormal-shutdown', active: ['opcon02'], failedOver: true, twoSams: false });
    expect(abnormal.recovery.join(' ')).toMatch(/Stop the SMA Service Manager on opcon02\. Start the SMA Service Manager on opcon01/);
    const normal = JSON.parse(
      (await runCli(['simulate', 'examples/opcon-automatic-recommended.yaml', '--event', 'normal-shutdown', '--format', 'json'])).stdout,
    ).events[0];
    expect(normal).toMatchObject({ active: [], failedOver: false });
    const manual = JSON.parse((await runCli(['simulate', 'examples/opcon-manual-failover.yaml', '--event', 'abnormal-shutdown', '--format', 'json'])).stdout)
      .events[0];
    expect(manual).toMatchObject({ active: [], failedOver: false, twoSams: false });
    expect(manual.manualActions.at(-1)).toMatch(
      /^On the backup StandAlone machine opcon02, set the SMAServMan startup type to Automatic and start the service/,
    );
  });

  it('shows two SAMs when communication loss triggers failover', async () => {
    const { lintText } = await import('../src/api/lint.js');
    const { simulateOpconEvent } = await import('../src/kinds/opcon/commands/simulate.js');
    const text =
      'version: 1\nkind: opcon-failover\nname: x\nmachines:\n  - {name: a, mode: Primary, settings: {FailOverSocketNumber: 1}}\n  - {name: b, mode: Secondary, settings: {FailOverSocketNumber: 1, PrimaryMachine: a, SyncLostFailover: Y}}\n';
    const o = await lintText(text, 'x.yaml');
    const r = simulateOpconEvent(o.opcon!.model, o.opcon!.analysis, 'communication-loss');
    expect(r).toMatchObject({ active: ['a', 'b'], twoSams: true, failedOver: true });
  });

  it('rejects options of another kind with exit 2', async () => {
    expect((await runCli(['simulate', 'examples/opcon-manual-failover.yaml', '--partition', 'opcon01|opcon02'])).code).toBe(2);
    expect((await runCli(['simulate', 'examples/opcon-manual-failover.yaml', '--event', 'meteor'])).code).toBe(2);
    expect((await runCli(['simulate', 'examples/skype-paired-enterprise.yaml', '--event', 'abnormal-shutdown'])).code).toBe(2);
    expect((await runCli(['simulate', 'examples/stretched-two-sites.yaml', '--event', 'abnormal-shutdown'])).code).toBe(2);
  });
});
