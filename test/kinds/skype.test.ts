/** Skype for Business pool pairs as seed 003 and Microsoft's pages describe them (issue 22): what a user sees. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/api/lint.js';
import { runCli } from '../support/run-cli.js';

/** A pair of Enterprise pools; `a` and `b` are extra lines under each pool. */
function pair(a: readonly string[] = [], b: readonly string[] = [], head: readonly string[] = []): string {
  return [
    'version: 1',
    'kind: skype-pool-pair',
    'name: s',
    ...head,
    'pools:',
    '  - name: pool-a.contoso.com',
    '    edition: enterprise',
    '    users: 4000',
    '    maxUsers: 20000',
    '    frontEnds: [a1, a2, a3, a4]',
    ...a.map((l) => `    ${l}`),
    '  - name: pool-b.contoso.com',
    '    edition: enterprise',
    '    users: 3000',
    '    maxUsers: 20000',
    '    frontEnds: [b1, b2, b3]',
    ...b.map((l) => `    ${l}`),
    'pairs:',
    '  - [pool-a.contoso.com, pool-b.contoso.com]',
    '',
  ].join('\n');
}

const LAB = (state: string) => `examples/skype-lab-pair-${state}.yaml`;

/** What Microsoft's procedure checks once the Central Management Store has failed over to `partner` (SFB-FOP). */
const CHECKS = (partner: string) => [
  `check that the store's failover is complete: Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus (ActiveMasterFQDN and ActiveFileTransferAgents name ${partner})`,
  "check each Front End Server's replica: Get-CsManagementStoreReplicationStatus (every replica up to date, True)",
];

/** Where the Central Management Store is, first, where no pool declares it. */
const FIND_STORE =
  'Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus (the file does not say which pool hosts the Central Management Store, as no pool declares centralManagementStore: ActiveMasterFQDN and ActiveFileTransferAgents name it while the Central Management Server is available, and are empty when it is not, and Get-CsService -CentralManagement names the pool the topology gives it; if they name another pool, the store stays there)';

/** The store's steps where no pool declares it, `pool` down with its back end and `partner` a Standard Edition server (the lab pair). */
const UNPLACED = (pool: string, partner: string) => [
  FIND_STORE,
  `if they are empty or name ${pool}, on ${partner}, Invoke-CsManagementServerFailover -BackupSqlServerFqdn ${partner} -BackupSqlInstanceName rtc -Force`,
  ...CHECKS(partner).map((c) => `if it failed over, ${c}`),
];

/** The same where `partner` is FailedOver: its services, stopped when it failed over, are started before the store goes to it. */
const UNPLACED_TO_FAILED_OVER = (pool: string, partner: string) => {
  const [find, ...rest] = UNPLACED(pool, partner);
  const start = `if they are empty or name ${pool}, on ${partner}, Start-CsWindowsService (its services were stopped when it failed over; started, it stays FailedOver until it is failed back)`;
  return [find!, start, ...rest];
};

/** A fixture of test/fixtures/kinds/ (the tester's minimal designs). */
const FIXTURE = (name: string) => `test/fixtures/kinds/skype-${name}.yaml`;

describe('Skype PoolState', () => {
  it('accepts FailedBack, which the cmdlet reference names, and reads it as Active', async () => {
    const { result } = await lintText(pair([], ['poolState: FailedBack']), 's.yaml');
    expect(result.findings).toEqual([]);
    expect(result.pools.map((p) => 'poolState' in p && p.poolState)).toEqual(['Active', 'Active']);
    const r = await runCli(['validate', LAB('failed-back'), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0].pools[1]).toMatchObject({ name: 'lyncfe04.thelab.info', poolState: 'Active' });
  });

  it('says what to do in each state that is not Active, with the cmdlet as it must be run', async () => {
    const messages = async (state: string) =>
      (await lintText(pair([], [`poolState: ${state}`]), 's.yaml')).result.findings.map((f) => [f.ruleId, f.line, f.message]);
    expect(await messages('FailingOver')).toEqual([
      [
        'skype/pool-not-active',
        15,
        'Pool "pool-b.contoso.com" is in PoolState FailingOver: a failover is under way or stopped half-way; let `Invoke-CsPoolFailOver` finish, then fail the pool back (`Invoke-CsPoolFailBack -PoolFqdn pool-b.contoso.com`) once it is healthy.',
      ],
    ]);
    expect(await messages('FailedOver')).toEqual([
      [
        'skype/pool-not-active',
        15,
        'Pool "pool-b.contoso.com" is in PoolState FailedOver; fail it back (`Invoke-CsPoolFailBack -PoolFqdn pool-b.contoso.com`) once it is healthy.',
      ],
    ]);
    expect(await messages('FailingBack')).toEqual([
      [
        'skype/pool-not-active',
        15,
        'Pool "pool-b.contoso.com" is in PoolState FailingBack: a failback is under way or stopped half-way; let `Invoke-CsPoolFailBack` finish (or run it again: `Invoke-CsPoolFailBack -PoolFqdn pool-b.contoso.com`) until the PoolState is Active.',
      ],
    ]);
    const unknown = await lintText(pair([], ['poolState: Failed']), 's.yaml');
    expect(unknown.result.findings.map((f) => f.ruleId)).toEqual(['schema']);
    expect(unknown.result.findings[0]!.message).toContain('FailedBack');
  });
});

describe('Skype PoolState that no failover can have left', () => {
  const findingsOf = async (name: string) =>
    (await lintText(readFileSync(FIXTURE(name), 'utf8'), 'x.yaml')).result.findings.map((f) => [f.ruleId, f.messageId, f.pool]);

  it('calls a pool FailedOver with no backup pool inconsistent, without advising a failback it cannot have', async () => {
    expect(await findingsOf('unpaired-failed-over')).toEqual([['skype/pool-not-active', 'noBackupPool', 'a.contoso.com']]);
    const { result } = await lintText(readFileSync(FIXTURE('unpaired-failed-over'), 'utf8'), 'x.yaml');
    expect(result.findings[0]!.message).not.toMatch(/fail it back/);
    expect(result.findings[0]!.message).toContain('Set-CsRegistrarConfiguration -Identity service:Registrar:a.contoso.com -PoolState Active');
  });

  it('gives both pools of a pair FailedOver one finding for the pair, not two independent ones', async () => {
    expect(await findingsOf('both-failed-over')).toEqual([['skype/pool-not-active', 'pairNotActive', 'b.contoso.com']]);
  });
});

describe('Skype routing-group quorum and the Front End table', () => {
  it('gives tolerableSimultaneousFailures = min(tolerableFailures, 1) in the JSON and says why in the stylish line', async () => {
    const r = await runCli(['validate', 'examples/skype-paired-enterprise.yaml', '--format', 'json']);
    expect(
      JSON.parse(r.stdout).files[0].pools.map((p: { tolerableFailures: number; tolerableSimultaneousFailures: number }) => [
        p.tolerableFailures,
        p.tolerableSimultaneousFailures,
      ]),
    ).toEqual([
      [3, 1],
      [2, 1],
    ]);
    const stylish = await runCli(['validate', 'examples/skype-paired-enterprise.yaml']);
    expect(stylish.stdout).toContain(
      'pool-east.contoso.com  8 front ends, 4 of the first 7 needed (6 without its back end), tolerates 3 one after another but 1 at once (3 replicas per routing group), paired with pool-west.contoso.com (25,000 users after failover)',
    );
    // The table assumes the back end runs: an even pool says what it takes where the back end is
    // the witness (a pool of two keeps its figure only with it up), an odd pool says nothing more.
    const two = await runCli(['validate', 'test/fixtures/kinds/skype-two-front-ends.yaml']);
    expect(two.stdout).toContain('  a.contoso.com  2 front ends, 1 of 2 needed with its back end up, tolerates 1, ');
    expect(two.stdout).toContain('  b.contoso.com  3 front ends, 2 of 3 needed, tolerates 1, ');
    // A pool that tolerates one or none says it once.
    const lab = await runCli(['validate', LAB('active')]);
    expect(lab.stdout).toContain(
      'lyncfe03.thelab.info  1 front end, 1 of 1 needed, tolerates 0, paired with lyncfe04.thelab.info (2,100 users after failover)',
    );
    const { result } = await lintText(pair([], [], []).replace('frontEnds: [b1, b2, b3]', 'frontEnds: [b1, b2]'), 's.yaml');
    expect(result.pools[1]).toMatchObject({ startupNeeded: 1, tolerableFailures: 1, tolerableSimultaneousFailures: 1 });
  });

  it('gives a 2019 pool of 12 the 2019 row: 7 of the first 12, and 5 of the first 9 before 2019', async () => {
    const twelve = (version: string) =>
      pair([], [], [`productVersion: "${version}"`]).replace(
        'frontEnds: [a1, a2, a3, a4]',
        `frontEnds: [${Array.from({ length: 12 }, (_, i) => `a${i + 1}`).join(', ')}]`,
      );
    const on2019 = (await lintText(twelve('2019'), 's.yaml')).result.pools[0];
    expect(on2019).toMatchObject({ frontEnds: 12, startupNeeded: 10, quorumNeeded: 7, quorumFrom: 12, tolerableFailures: 5, tolerableSimultaneousFailures: 1 });
    const on2015 = (await lintText(twelve('2015'), 's.yaml')).result.pools[0];
    expect(on2015).toMatchObject({ frontEnds: 12, startupNeeded: 10, quorumNeeded: 5, quorumFrom: 9, tolerableFailures: 4 });
    // simulate counts the 2019 pool's quorum among its first 12: with a1 to a5 down, a6 to a12 are 7.
    const { simulateSkypeDown } = await import('../../src/kinds/skype/commands/simulate.js');
    const o = await lintText(twelve('2019'), 's.yaml');
    const down = (names: string[]) => simulateSkypeDown(o.skype!.model, o.skype!.analysis, 'x', names).scenario.frontEnds[0];
    expect(down(['a1', 'a2', 'a3', 'a4', 'a5'])).toMatchObject({ runningAmongFirst: 7, quorumNeeded: 7, quorumFrom: 12, keepsQuorum: true });
    expect(down(['a1', 'a2', 'a3', 'a4', 'a5', 'a12'])).toMatchObject({ runningAmongFirst: 6, keepsQuorum: false });
  });

  it("puts the two-front-end cold start in the rule text and keeps startupNeeded 1 as Microsoft's table says", async () => {
    const text = pair().replace('frontEnds: [b1, b2, b3]', 'frontEnds: [b1, b2]');
    const { result } = await lintText(text, 's.yaml');
    expect(result.pools[1]).toMatchObject({ frontEnds: 2, startupNeeded: 1, quorumNeeded: 1 });
    expect(result.findings.map((f) => [f.ruleId, f.message])).toEqual([
      [
        'skype/too-few-front-ends',
        'Enterprise pool "pool-b.contoso.com" has 2 front ends and is paired with "pool-a.contoso.com": a paired pool must have had 3 front ends running at once to synchronise its data with its backup pool, which it cannot with 2, so a failover may find its data missing on "pool-a.contoso.com"; give it at least 3 (and once both have stopped they must start together, or the pool be reset with QuorumLossRecovery).',
      ],
    ]);
    // Unpaired, there is no backup pool to synchronise with: the cold start alone.
    const alone = await lintText(text.slice(0, text.indexOf('pairs:')), 's.yaml');
    expect(alone.result.findings.map((f) => [f.ruleId, f.messageId, f.message])).toEqual([
      [
        'skype/too-few-front-ends',
        'two',
        'Enterprise pool "pool-b.contoso.com" has 2 front ends; at least 3 are recommended: once both have stopped they must start together (or the pool be reset with QuorumLossRecovery), although one is enough to start it the first time.',
      ],
    ]);
    const rule = await runCli(['rules', 'skype/too-few-front-ends']);
    expect(rule.stdout).toMatch(/must start together/);
    expect(rule.stdout).toMatch(/QuorumLossRecovery/);
  });
});

describe('skype/several-cms', () => {
  it('is an error at the second pool that declares the Central Management Store', async () => {
    const { result } = await lintText(pair(['centralManagementStore: true'], ['centralManagementStore: true']), 's.yaml');
    expect(result.findings.map((f) => [f.ruleId, f.severity, f.line, f.pool, f.message])).toEqual([
      [
        'skype/several-cms',
        'error',
        16,
        'pool-b.contoso.com',
        'Pool "pool-b.contoso.com" declares the Central Management Store, which pool "pool-a.contoso.com" already hosts; a deployment has one, so keep it on the pool that hosts it.',
      ],
    ]);
    expect((await runCli(['validate', 'test/fixtures/rules/skype/several-cms.fires.yaml'])).code).toBe(1);
    expect((await runCli(['rules', 'skype/several-cms'])).stdout).toMatch(/One deployment has one Central Management Store/);
  });
});

describe('skype/backup-not-ready per backup module', () => {
  const modules = (rows: Record<string, readonly [string, string]>) => [
    'backupService:',
    '  modules:',
    ...Object.entries(rows).map(([m, [e, i]]) => `    ${m}: {exportStatus: ${e}, importStatus: ${i}}`),
  ];
  const READY = { 'UserServices.PresenceFocus': ['FinalState', 'NormalState'], 'ConfServices.DataConf': ['FinalState', 'NormalState'] } as const;

  it('takes CMSMaster at NotInitialized as normal on a pool without the CMS, and SteadyState as no fault', async () => {
    const notCms = modules({ ...READY, 'CentralMgmt.CMSMaster': ['NotInitialized', 'NormalState'], 'ConfServices.DataConf': ['SteadyState', 'NormalState'] });
    const { result } = await lintText(
      pair(['centralManagementStore: true', ...modules({ ...READY, 'CentralMgmt.CMSMaster': ['FinalState', 'NormalState'] })], notCms),
      's.yaml',
    );
    expect(result.findings).toEqual([]);
  });

  it('names each module that is not ready, at its key; CMSMaster not initialised on the CMS pool is one', async () => {
    const { result } = await lintText(
      pair(
        ['centralManagementStore: true', ...modules({ ...READY, 'CentralMgmt.CMSMaster': ['NotInitialized', 'NormalState'] })],
        modules({ 'UserServices.PresenceFocus': ['NonSteadyState', 'ErrorState'] }),
      ),
      's.yaml',
    );
    expect(result.findings.map((f) => [f.ruleId, f.line, f.path, f.message])).toEqual([
      [
        'skype/backup-not-ready',
        15,
        '/pools/0/backupService/modules/CentralMgmt.CMSMaster',
        'Backup module CentralMgmt.CMSMaster of pool "pool-a.contoso.com" reports export NotInitialized and import NormalState; failover is safe at export FinalState (or SteadyState) and import NormalState.',
      ],
      [
        'skype/backup-not-ready',
        23,
        '/pools/1/backupService/modules/UserServices.PresenceFocus',
        'Backup module UserServices.PresenceFocus of pool "pool-b.contoso.com" reports export NonSteadyState and import ErrorState; failover is safe at export FinalState (or SteadyState) and import NormalState.',
      ],
    ]);
  });

  it("reads a module named like an object's own property as any other name", async () => {
    for (const name of ['__proto__', 'constructor', 'toString']) {
      const { result } = await lintText(
        pair([], ['backupService:', '  modules:', `    ${name}: {exportStatus: ErrorState, importStatus: NormalState}`]),
        's.yaml',
      );
      expect(
        result.findings.map((f) => [f.ruleId, f.path]),
        name,
      ).toEqual([['skype/backup-not-ready', `/pools/1/backupService/modules/${name}`]]);
    }
  });

  it('refuses a module status that is not a mapping of the two statuses', async () => {
    const { result } = await lintText(
      pair([], ['backupService:', '  modules:', '    UserServices.PresenceFocus: {exportStatus: FinalState, lastSync: today}']),
      's.yaml',
    );
    expect(result.findings.map((f) => f.ruleId)).toEqual(['schema']);
  });
});

describe('simulate a Skype pair', () => {
  it('fails a down pool over with -DisasterMode and names the cmdlet as it must be run', async () => {
    const r = await runCli(['simulate', LAB('active'), '--down', 'lyncfe04.thelab.info']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'examples/skype-lab-pair-active.yaml: lyncfe04.thelab.info down',
        '  pool lyncfe04.thelab.info fails over to lyncfe03.thelab.info: registrar PoolState Active -> FailingOver -> FailedOver -> (after Invoke-CsPoolFailBack) FailingBack -> Active',
        // The lab declares no Central Management Store: where it is comes first, as either server may host it.
        ...UNPLACED('lyncfe04.thelab.info', 'lyncfe03.thelab.info').map((step) => `    run first: ${step}`),
        '    run: Invoke-CsPoolFailOver -PoolFqdn lyncfe04.thelab.info -DisasterMode',
        '    lyncfe03.thelab.info then carries 2,100 users of the 2,500 it is sized for',
        '',
        "✔ every pool's users keep service",
        '',
      ].join('\n'),
    );
  });

  it("does not fail a pool over onto a partner that is FailedOver: both pools' users are without service, exit 1", async () => {
    const r = await runCli(['simulate', LAB('failed-over'), '--down', 'lyncfe03.thelab.info', '--format', 'json']);
    expect(r.code).toBe(1);
    const [down] = JSON.parse(r.stdout).scenarios[0].poolsDown;
    expect(down).toMatchObject({
      pool: 'lyncfe03.thelab.info',
      partner: 'lyncfe04.thelab.info',
      partnerState: 'FailedOver',
      partnerTakesOver: false,
      cmdlet: null,
      partnerUsers: null,
      usersWithoutService: [
        { pool: 'lyncfe03.thelab.info', users: 1200 },
        { pool: 'lyncfe04.thelab.info', users: 900 },
      ],
    });
    const text = await runCli(['simulate', LAB('failed-over'), '--down', 'lyncfe03.thelab.info']);
    expect(text.stdout).not.toMatch(/then carries|run: /);
    expect(text.stdout).toContain('pool lyncfe03.thelab.info is down, and its backup pool lyncfe04.thelab.info cannot take it over');
    expect(text.stdout).toContain(
      'nowhere to fail over (lyncfe04.thelab.info is FailedOver, not Active): its 1,200 users and the 900 of lyncfe04.thelab.info, which it serves since that pool failed over, are without service until it is back',
    );
    expect(text.stdout).toContain('✖ 2,100 users of 2 pools without service (lyncfe03.thelab.info, lyncfe04.thelab.info)');
  });

  it.each([
    ['failing-over', 'failing over to it'],
    ['failing-back', 'failing back from it'],
  ])('takes no failover onto a partner that is %s either, and says how its users came to be on the pool', async (state, how) => {
    const r = await runCli(['simulate', LAB(state), '--down', 'lyncfe03.thelab.info', '--format', 'json']);
    expect(r.code).toBe(1);
    const [down] = JSON.parse(r.stdout).scenarios[0].poolsDown;
    expect(down).toMatchObject({ partnerTakesOver: false, partnerDown: false });
    // Not "which it serves since that pool failed over" for a failover still under way.
    expect(down.breaks[0]).toContain(`the 900 of lyncfe04.thelab.info, ${how}, are without service`);
  });

  it('keeps the users of a pool failed over to a pool that loses quorum to its front ends down', async () => {
    const r = await runCli(['simulate', LAB('failed-over'), '--down', 'lyncfe03', '--format', 'json']);
    expect(r.code).toBe(1);
    const [s] = JSON.parse(r.stdout).scenarios;
    expect(s.frontEnds[0]).toMatchObject({ pool: 'lyncfe03.thelab.info', keepsQuorum: false, recovery: ['start lyncfe03 again'] });
    // Lost to its front end, the pool is down as if named: its FailedOver partner takes no one.
    expect(s.poolsDown[0]).toMatchObject({ pool: 'lyncfe03.thelab.info', downBy: 'front-ends', partnerTakesOver: false, cmdlet: null });
    expect(s.usersWithoutService.map((u: { pool: string }) => u.pool)).toEqual(['lyncfe03.thelab.info', 'lyncfe04.thelab.info']);
  });

  it('fails a pool that loses quorum over as one named down, and warns of routing groups when two front ends go down at once', async () => {
    const lost = await runCli(['simulate', 'examples/skype-paired-enterprise.yaml', '--down', 'fe11,fe12,fe13']);
    expect(lost.code).toBe(0);
    expect(lost.stdout).toContain(
      [
        '  pool pool-west.contoso.com fails over to pool-east.contoso.com: registrar PoolState Active -> FailingOver -> FailedOver -> (after Invoke-CsPoolFailBack) FailingBack -> Active',
        '    run: Invoke-CsPoolFailOver -PoolFqdn pool-west.contoso.com -DisasterMode',
        '    pool-east.contoso.com then carries 25,000 users of the 53,280 it is sized for',
      ].join('\n'),
    );
    const two = await runCli(['simulate', 'examples/skype-paired-enterprise.yaml', '--down', 'fe01,fe02', '--format', 'json']);
    expect(two.code).toBe(0);
    expect(JSON.parse(two.stdout).scenarios[0].frontEnds[0]).toMatchObject({
      keepsQuorum: true,
      routingGroupsAtRisk: true,
      recovery: ['should a routing group lose its quorum: Reset-CsPoolRegistrarState -PoolFqdn pool-east.contoso.com -ResetType QuorumLossRecovery'],
    });
    const one = await runCli(['simulate', 'examples/skype-paired-enterprise.yaml', '--down', 'fe01', '--format', 'json']);
    expect(JSON.parse(one.stdout).scenarios[0].frontEnds[0]).toMatchObject({ keepsQuorum: true, routingGroupsAtRisk: false, recovery: [] });
  });

  it.each(['', ',', ' , '])('refuses --down %j, which names nothing, as bad usage: one line, exit 2', async (list) => {
    const r = await runCli(['simulate', LAB('active'), '--down', list]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--down');
  });

  it('puts several --down side by side, a row per pool', async () => {
    const r = await runCli(['simulate', LAB('failed-over'), '--down', 'lyncfe04.thelab.info', '--down', 'lyncfe03.thelab.info', '--down', 'lyncfe04']);
    expect(r.code).toBe(1);
    const table = r.stdout.slice(r.stdout.indexOf('Side by side:'));
    expect(r.stdout).toContain(
      [
        // A Standard Edition pool is one server: no quorum to count, its server down is the pool down.
        '  pool lyncfe04.thelab.info: lyncfe04, its only server, down: the pool is down',
        '    recovery: start lyncfe04 again',
        '  pool lyncfe04.thelab.info has already failed over to lyncfe03.thelab.info: registrar PoolState FailedOver -> (after Invoke-CsPoolFailBack) FailingBack -> Active',
        ...UNPLACED('lyncfe04.thelab.info', 'lyncfe03.thelab.info').map((step) => `    run: ${step}`),
        // Failed over already: its partner carries the users now, nothing happens "then".
        '    lyncfe03.thelab.info carries 2,100 users already, of the 2,500 it is sized for',
        '',
      ].join('\n'),
    );
    expect(table).toBe(
      [
        'Side by side:',
        '  pool                  lyncfe04.thelab.info down  lyncfe03.thelab.info down  lyncfe04 down',
        '  lyncfe03.thelab.info  carries 2,100              NO SERVICE                 carries 2,100',
        '  lyncfe04.thelab.info  failed over                NO SERVICE                 server down, failed over',
        '',
        '✖ users without service, a failover that breaks something, or a pool over its sizing, in 1 of 3 scenarios',
        '',
      ].join('\n'),
    );
    const paired = await runCli(['simulate', 'examples/skype-paired-enterprise.yaml', '--down', 'pool-west.contoso.com', '--down', 'fe01,fe02']);
    expect(paired.code).toBe(0);
    expect(paired.stdout).toContain('  pool-east.contoso.com  carries 25,000              quorum, routing groups at risk');
    // Not "every pool's users keep service" without a word: the lines above say a routing group's users may not.
    expect(paired.stdout).toMatch(
      /✔ every pool's users keep service, unless a routing group loses its quorum in pool-east\.contoso\.com \(front ends down at once\)\n$/,
    );
    const one = await runCli(['simulate', 'examples/skype-paired-enterprise.yaml', '--down', 'fe01,fe02']);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain(
      "    2 front ends down at once may take two of a routing group's three replicas: that routing group's users lose service although the pool keeps pool-level quorum\n",
    );
    expect(one.stdout).toMatch(/✔ every pool's users keep service, unless a routing group loses its quorum in pool-east\.contoso\.com/);
    expect((await runCli(['simulate', 'examples/skype-paired-enterprise.yaml', '--down', 'fe01'])).stdout).toMatch(/✔ every pool's users keep service\n$/);
  });
});

describe('the Skype report', () => {
  const reportOptions = async () => {
    const { describeRule } = await import('../../src/rules/descriptors.js');
    const { RULES } = await import('../../src/rules/index.js');
    const { DEFAULT_SETTINGS } = await import('../../src/core/settings.js');
    return { rules: RULES.map((r) => describeRule(r)), settings: DEFAULT_SETTINGS, failOn: 'error' as const, version: 'test' };
  };
  const report = async (file: string) => {
    const { validateOutcomes } = await import('../../src/api/validate.js');
    const { buildReportView } = await import('../../src/report/view-model.js');
    const { renderReport } = await import('../../src/report/render.js');
    const { ROOT } = await import('../support/run-cli.js');
    const [outcome] = await validateOutcomes([file], { cwd: ROOT });
    const view = await buildReportView(outcome!, await reportOptions());
    return {
      view: view.kindView as import('../../src/kinds/skype/report/report.js').SkypeView,
      headline: view.summary.headline,
      summary: view.summary,
      html: await renderReport(view),
    };
  };

  it('leads the summary with the users without service now, from the model the what-if reads, leaving the exit code and severities as they are', async () => {
    const both = await report(FIXTURE('both-failed-over'));
    expect(both.summary).toMatchObject({
      outage: '20,000 users of 2 pools without service now (a.contoso.com, b.contoso.com)',
      verdict: 'Passes the checks, with findings to review',
      verdictClass: 'fail',
    });
    expect(both.html).toContain('<p class="verdict-text verdict-outage">20,000 users of 2 pools without service now (a.contoso.com, b.contoso.com)</p>');
    // The what-if table gives the same users, from the same failure model.
    for (const row of both.view.whatIf) expect(row.outcome).toContain('20,000 users of 2 pools without service');
    const validate = await runCli(['validate', FIXTURE('both-failed-over'), '--format', 'json']);
    expect(validate.code).toBe(0);
    expect(JSON.parse(validate.stdout).files[0].findings.map((f: { ruleId: string; severity: string }) => [f.ruleId, f.severity])).toEqual([
      ['skype/pool-not-active', 'warning'],
    ]);
    expect((await report(FIXTURE('unpaired-failed-over'))).summary.outage).toBe('30,000 users of 1 pool without service now (a.contoso.com)');
    // Past three pools the line names three and counts the rest, as the headline's ties do: it does not grow with the file.
    const dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-outage-'));
    try {
      const pools = [1, 2, 3, 4, 5].map((i) => `  - {name: p${i}.contoso.com, users: 100, frontEnds: [f${i}a, f${i}b, f${i}c], poolState: FailedOver}`);
      writeFileSync(
        path.join(dir, 'five.yaml'),
        ['version: 1', 'kind: skype-pool-pair', 'name: Five', 'productVersion: "2019"', 'pools:', ...pools, ''].join('\n'),
      );
      expect((await report(path.join(dir, 'five.yaml'))).summary.outage).toBe(
        '500 users of 5 pools without service now (p1.contoso.com, p2.contoso.com, p3.contoso.com and 2 more)',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Every pool Active and paired: nothing out now, and the verdict as before.
    const clean = await report('examples/skype-paired-enterprise.yaml');
    expect(clean.summary.outage).toBeUndefined();
    expect(clean.summary).toMatchObject({ verdict: 'Passes: no findings', verdictClass: 'pass' });
    expect(clean.html).not.toContain('class="verdict-text verdict-outage"');
  });

  it("counts in a what-if row the users that pool down leaves without service, not a pool without service now elsewhere (the summary's)", async () => {
    // a and b paired, b FailedOver onto a; x unpaired and FailedOver, so without service whatever is down.
    const text = [
      'version: 1',
      'kind: skype-pool-pair',
      'name: Stranded elsewhere',
      'productVersion: "2019"',
      'pools:',
      '  - {name: a.contoso.com, site: east, users: 1000, frontEnds: [a1, a2, a3], poolState: Active}',
      '  - {name: b.contoso.com, site: west, users: 2000, frontEnds: [b1, b2, b3], poolState: FailedOver}',
      '  - {name: x.contoso.com, site: north, users: 5000, frontEnds: [x1, x2, x3], poolState: FailedOver}',
      'pairs:',
      '  - {pools: [a.contoso.com, b.contoso.com]}',
      '',
    ].join('\n');
    const { skypeView } = await import('../../src/kinds/skype/report/report.js');
    const o = await lintText(text, 'x.yaml');
    const view = skypeView(o.skype!.model, o.skype!.analysis);
    // a back brings back a's and b's users, not x's: the row said 8,000 users of 3 pools.
    expect(view.whatIf[0]!.outcome).toMatch(
      /^cannot take over \(b\.contoso\.com is FailedOver\): 3,000 users of 2 pools without service until a\.contoso\.com is back/,
    );
  });

  it('takes each paired pool down for the what-if in work that grows with the pools, not with their square', async () => {
    const { skypeView } = await import('../../src/kinds/skype/report/report.js');
    const { operations } = await import('../support/operations.js');
    const work = async (pairs: number) => {
      const lines = ['version: 1', 'kind: skype-pool-pair', 'name: Many', 'productVersion: "2019"', 'pools:'];
      for (let i = 0; i < 2 * pairs; i++) lines.push(`  - {name: p${i}.contoso.com, site: s${i}, users: 100, frontEnds: [f${i}a, f${i}b, f${i}c]}`);
      lines.push('pairs:');
      for (let i = 0; i < pairs; i++) lines.push(`  - {pools: [p${2 * i}.contoso.com, p${2 * i + 1}.contoso.com]}`);
      const o = await lintText(lines.join('\n') + '\n', 'many.yaml');
      return operations(() => skypeView(o.skype!.model, o.skype!.analysis));
    };
    // 16 times the pools: a linear view grows about 16 times, one that simulates the whole file per pool 256.
    expect((await work(800)) / (await work(50))).toBeLessThan(16 * 1.5);
  });

  it('says a pair with neither pool Active is without service until its PoolState is corrected, not until a pool is back', async () => {
    const { view } = await report('test/fixtures/kinds/skype-both-failed-over.yaml');
    expect(view.whatIf.map((r) => r.outcome)).toEqual([
      expect.stringMatching(/without service until the pair's PoolState is corrected \(skype\/pool-not-active\)$/),
      expect.stringMatching(/without service until the pair's PoolState is corrected \(skype\/pool-not-active\)$/),
    ]);
  });

  it.each([
    'examples/skype-paired-enterprise.yaml',
    'examples/skype-lab-pair-active.yaml',
    'examples/skype-lab-pair-failed-over.yaml',
    'test/fixtures/kinds/skype-cms-pool-failover.yaml',
    'test/fixtures/kinds/skype-partner-failing-back.yaml',
    'test/fixtures/rules/skype/registrar-configuration-missing.fires.yaml',
    'test/fixtures/rules/skype/backup-not-ready.fires.yaml',
    'test/fixtures/rules/skype/pair-capacity.fires.yaml',
  ])('marks a what-if row ok exactly where simulate --down POOL exits 0, and lists what the failover breaks (%s)', async (file) => {
    const { view } = await report(file);
    expect(view.whatIf.length).toBeGreaterThan(0);
    for (const row of view.whatIf) {
      const r = await runCli(['simulate', file, '--down', row.pool, '--format', 'json']);
      expect(row.ok, `${row.pool} down`).toBe(r.code === 0);
      const [down] = JSON.parse(r.stdout).scenarios[0].poolsDown;
      // Every break simulate gives is in the row: in its list, or (the sizing) in its outcome.
      const shown = [...row.breaks, ...(down.partnerOverCapacity ? [down.breaks[0]] : [])];
      if (down.partnerTakesOver) expect(shown).toEqual(expect.arrayContaining(down.breaks));
    }
  });

  it('shows a failover that loses the customised registrar settings, or data not yet backed up, as one that breaks something', async () => {
    const { view, html } = await report('test/fixtures/kinds/skype-cms-pool-failover.yaml');
    expect(view.whatIf[0]).toMatchObject({
      pool: 'a.contoso.com',
      ok: false,
      breaks: [
        'the registrar configuration is created on the fly with default settings: the customised global settings are lost',
        "a.contoso.com's backup service is at export NonSteadyState / import NormalState: data not yet synchronised may be lost",
      ],
    });
    expect(html).toContain('<li>breaks: the registrar configuration is created on the fly with default settings');
  });

  it('says under the diagram that neither pool of a pair not Active serves the other now, not "should that pool go down"', async () => {
    const { view } = await report(FIXTURE('both-failed-over'));
    expect(view.noTakeover).toEqual([
      "Neither a.contoso.com (FailedOver) nor b.contoso.com (FailedOver) is Active: neither serves the other's users, so the users of both are without service now.",
    ]);
    expect(view.links).toMatchObject([{ label: 'no takeover', noTakeover: true }]);
  });

  it('draws a partner that cannot take over as such, in the diagram and in the what-if', async () => {
    const { view, html } = await report(LAB('failed-over'));
    expect(view.links).toMatchObject([{ label: 'no takeover', noTakeover: true }]);
    expect(view.noTakeover).toEqual([
      "lyncfe04.thelab.info is FailedOver, not Active: it cannot take over lyncfe03.thelab.info's users should that pool go down.",
    ]);
    expect(html).toMatch(
      /<g class="link link-over link-dashed"><title>lyncfe04\.thelab\.info is FailedOver, not Active: it cannot take over lyncfe03\.thelab\.info&#x27;s users should that pool go down\.<\/title>/,
    );
    expect(view.whatIf).toEqual([
      {
        pool: 'lyncfe03.thelab.info',
        partner: 'lyncfe04.thelab.info',
        // Printed, a name breaks only at its dots (<wbr>): the Run cell's cmdlets leave it little room.
        poolParts: ['lyncfe03.', 'thelab.', 'info'],
        partnerParts: ['lyncfe04.', 'thelab.', 'info'],
        ok: false,
        outcome:
          'cannot take over (lyncfe04.thelab.info is FailedOver): 2,100 users of 2 pools without service until lyncfe03.thelab.info is back, or until lyncfe04.thelab.info is failed back without it, losing the data its users made on lyncfe03.thelab.info (Run)',
        breaks: [],
        // One step a line, numbered, as simulate prints them: one cell of steps joined by "then" is unreadable.
        run: [
          ...UNPLACED_TO_FAILED_OVER('lyncfe03.thelab.info', 'lyncfe04.thelab.info'),
          'Invoke-CsPoolFailBack -PoolFqdn lyncfe04.thelab.info -DisasterMode',
          'Invoke-CsPoolFailOver -PoolFqdn lyncfe03.thelab.info -DisasterMode',
        ],
        numbered: true,
        runNote: null,
        fillIn: [],
      },
      {
        pool: 'lyncfe04.thelab.info',
        partner: 'lyncfe03.thelab.info',
        poolParts: ['lyncfe04.', 'thelab.', 'info'],
        partnerParts: ['lyncfe03.', 'thelab.', 'info'],
        ok: true,
        outcome: 'already carries its users: 2,100 in all of the 2,500 it is sized for',
        breaks: [],
        run: UNPLACED('lyncfe04.thelab.info', 'lyncfe03.thelab.info'),
        numbered: true,
        runNote: 'its users have failed over already',
        fillIn: [],
      },
    ]);
    expect(html).toContain(
      '<tr class="bad"><th scope="row">lyncfe03.<wbr>thelab.<wbr>info</th><td>lyncfe04.<wbr>thelab.<wbr>info</td><td class="cell-bad">cannot take over',
    );
    // Each step its own item of a numbered list, and the note beneath them.
    expect(html).toContain('<td><ol class="steps"><li><code>Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus (the file');
    expect(html).toContain('</code></li><li><code>Invoke-CsPoolFailOver -PoolFqdn lyncfe03.thelab.info -DisasterMode</code></li></ol></td>');
    expect(html).toContain('</code></li></ol><p class="muted run-note">its users have failed over already</p>');
    const active = await report(LAB('active'));
    expect(active.view.links).toMatchObject([{ label: 'manual failover', noTakeover: false }]);
    expect(active.view.whatIf.map((r) => [r.ok, r.run])).toEqual([
      [true, [...UNPLACED('lyncfe03.thelab.info', 'lyncfe04.thelab.info'), 'Invoke-CsPoolFailOver -PoolFqdn lyncfe03.thelab.info -DisasterMode']],
      [true, [...UNPLACED('lyncfe04.thelab.info', 'lyncfe03.thelab.info'), 'Invoke-CsPoolFailOver -PoolFqdn lyncfe04.thelab.info -DisasterMode']],
    ]);
  });

  it('gives the at-once figure with the routing-group caveat, in the table and under the headline', async () => {
    const { view, headline, html } = await report('examples/skype-paired-enterprise.yaml');
    expect(view.rows.map((r) => r.cells)).toEqual([
      ['8', '6', '4 of the first 7; 6 without its back end', '3', '1', 'pool-west.contoso.com', 'Active'],
      ['4', '3', '2 of 4; 3 without its back end', '2', '1', 'pool-east.contoso.com', 'Active'],
    ]);
    expect(view.routingGroupCaveat).toBe(true);
    expect(html).toContain('<th scope="col">Tolerates</th><th scope="col">At once</th>');
    expect(html).toContain('<code>Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery</code>');
    expect(headline).toMatchObject({ figure: 2, caveat: "1 at once: two front ends lost together may hold two of a routing group's 3 replicas" });
    // Standard Edition pools tolerate none either way: no caveat to make.
    const lab = await report(LAB('active'));
    expect(lab.view.routingGroupCaveat).toBe(false);
    expect(lab.html).not.toContain('QuorumLossRecovery</code>');
  });

  it("says what each pool's back end down does to its quorum, as simulate --down POOL/back-end models it", async () => {
    const { view, html } = await report(FIXTURE('two-front-ends'));
    expect(view.rows.map((r) => r.cells[2])).toEqual(['1 of 2, with its back end up', '2 of 3']);
    expect(view.backEndWitness).toBe(true);
    expect(html).toContain('a pool of two would likely soon go down with it');
    expect(html).toContain('<code>pooltopo simulate FILE --down POOL/back-end</code>');
    // A Standard Edition server is one (odd) front end: its back end is no witness, and there is no caveat.
    const lab = await report(LAB('active'));
    expect(lab.view.rows.map((r) => r.cells[2])).toEqual(['1 of 1', '1 of 1']);
    expect(lab.view.backEndWitness).toBe(false);
    expect(lab.html).not.toContain('--down POOL/back-end');
  });

  it('lists each backup module, marks the ones skype/backup-not-ready found, and says FailedBack reads as Active', async () => {
    const back = await report(LAB('failed-back'));
    expect(back.view.rows[1]!.cells[6]).toBe('Active (FailedBack)');
    expect(back.view.sizing[0]!.backupModules).toEqual([
      { module: 'UserServices.PresenceFocus', status: 'FinalState / NormalState', bad: false },
      { module: 'ConfServices.DataConf', status: 'SteadyState / NormalState', bad: false },
      { module: 'CentralMgmt.CMSMaster', status: 'NotInitialized / NormalState', bad: false, note: 'normal: the pool does not host the CMS' },
    ]);
    const fires = await report('test/fixtures/rules/skype/backup-not-ready-modules.fires.yaml');
    expect(fires.view.sizing.map((r) => r.backupModules.filter((m) => m.bad).map((m) => m.module))).toEqual([
      ['UserServices.PresenceFocus', 'CentralMgmt.CMSMaster'],
      ['UserServices.PresenceFocus'],
    ]);
    expect(fires.html).toContain('<li class="cell-bad"><code>CentralMgmt.CMSMaster</code> NotInitialized / NormalState ⚠</li>');
  });

  it.each(['active', 'failing-over', 'failed-over', 'failing-back', 'failed-back'])('labels every table, header and scrolling region (%s)', async (state) => {
    const { html } = await report(LAB(state));
    const tables = html.match(/<table[^]*?<\/table>/g) ?? [];
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const table of tables) {
      expect(table).toMatch(/<caption/);
      // Every header cell names its scope, and every body row is headed by its row's name.
      expect(table.match(/<th(?=[\s>])(?![^>]*scope=)[^>]*>/g), 'a th without a scope').toBeNull();
      const body = table.match(/<tbody>[^]*<\/tbody>/)![0];
      // The kind's own tables head each row with its pool (the findings' rows are headed by their columns).
      if (table.startsWith('<table class="findings"')) continue;
      expect(body.match(/<tr[^>]*><th scope="row">/g)?.length).toBe(body.match(/<tr[\s>]/g)?.length);
    }
    for (const region of html.match(/<div[^>]*role="region"[^>]*>/g) ?? []) expect(region).toMatch(/aria-label="[^"]+"/);
    expect(html).toMatch(/<svg [^>]*role="img" aria-labelledby="diagram-title diagram-desc"/);
    expect(html).toMatch(/<desc id="diagram-desc">[^<]+<\/desc>/);
  });
});

/** `simulate FILE --down LIST --format json`: its exit code and its one scenario. */
async function scenarioOf(file: string, list: string) {
  const r = await runCli(['simulate', file, '--down', list, '--format', 'json']);
  return { code: r.code, scenario: JSON.parse(r.stdout).scenarios[0] };
}

describe('simulate: a pool down is one computation, named or lost to its front ends', () => {
  /** What a pool down gives, whatever took it down. */
  const outcome = ({ code, scenario }: Awaited<ReturnType<typeof scenarioOf>>) => ({
    code,
    usersWithoutService: scenario.usersWithoutService,
    poolsDown: scenario.poolsDown.map(({ downBy: _, ...d }: { downBy: string }) => d),
  });

  it('loses the users of a partner FailingBack from the pool, however the pool goes down', async () => {
    const byPool = await scenarioOf(FIXTURE('partner-failing-back'), 'b.contoso.com');
    const byFrontEnds = await scenarioOf(FIXTURE('partner-failing-back'), 'b1,b2');
    // All but the Central Management Store's steps, which no pool declares: named down, the pool's back
    // end is down too; lost to its front ends, its back end is up as far as the design knows.
    const withoutStore = (o: ReturnType<typeof outcome>) => ({
      ...o,
      poolsDown: o.poolsDown.map(({ restoreBy, fillIn: _f, ...d }: { restoreBy: string[]; fillIn: string[] }) => ({ ...d, restoreBy: restoreBy.slice(-2) })),
    });
    expect(withoutStore(outcome(byFrontEnds))).toEqual(withoutStore(outcome(byPool)));
    expect(byPool.scenario.poolsDown[0].restoreBy[0]).toBe(FIND_STORE);
    expect(byPool.scenario.usersWithoutService).toEqual([
      { pool: 'a.contoso.com', users: 12000 },
      { pool: 'b.contoso.com', users: 8000 },
    ]);
    expect(byFrontEnds.scenario.poolsDown[0]).toMatchObject({ pool: 'b.contoso.com', downBy: 'front-ends', partnerTakesOver: false });
    expect(byPool.code).toBe(1);
  });

  it('leaves the users of an unpaired pool without service, FailedOver or not, however it goes down', async () => {
    const byPool = await scenarioOf(FIXTURE('unpaired-failed-over'), 'a.contoso.com');
    const byFrontEnds = await scenarioOf(FIXTURE('unpaired-failed-over'), 'a1,a2,a3');
    expect(outcome(byFrontEnds)).toEqual(outcome(byPool));
    expect(byFrontEnds).toMatchObject({ code: 1, scenario: { usersWithoutService: [{ pool: 'a.contoso.com', users: 30000 }] } });
    // FailedOver with no backup pool, it serves no one even while it keeps quorum.
    expect(await scenarioOf(FIXTURE('unpaired-failed-over'), 'a1')).toMatchObject({
      code: 1,
      scenario: { usersWithoutService: [{ pool: 'a.contoso.com', users: 30000 }], stranded: [{ pool: 'a.contoso.com' }] },
    });
  });

  it("counts no pool that is not Active as serving its partner's users: both FailedOver, both without service", async () => {
    const both = [
      { pool: 'a.contoso.com', users: 12000 },
      { pool: 'b.contoso.com', users: 8000 },
    ];
    const byPool = await scenarioOf(FIXTURE('both-failed-over'), 'a.contoso.com');
    const byFrontEnds = await scenarioOf(FIXTURE('both-failed-over'), 'a1,a2');
    expect(outcome(byFrontEnds)).toEqual(outcome(byPool));
    expect(byFrontEnds).toMatchObject({ code: 1, scenario: { usersWithoutService: both } });
    const text = await runCli(['simulate', FIXTURE('both-failed-over'), '--down', 'a1,a2']);
    expect(text.stdout).not.toContain('served by');
    expect(await scenarioOf(FIXTURE('both-failed-over'), 'b1')).toMatchObject({ code: 1, scenario: { usersWithoutService: both } });
  });

  it('gives the failover after quorum loss what the pool-down path gives: the same breaks, cmdlet and users', async () => {
    const byPool = await scenarioOf(FIXTURE('cms-pool-failover'), 'a.contoso.com');
    const byFrontEnds = await scenarioOf(FIXTURE('cms-pool-failover'), 'a1,a2');
    // All but the Central Management Store's step: named down, the pool's back end is down too; lost to
    // its front ends, its back end is up as far as the design knows, and the store is checked first.
    const withoutCms = (o: ReturnType<typeof outcome>) => ({
      ...o,
      poolsDown: o.poolsDown.map(({ runFirst: _r, fillIn: _f, ...d }: { runFirst: string[]; fillIn: string[] }) => d),
    });
    expect(withoutCms(outcome(byFrontEnds))).toEqual(withoutCms(outcome(byPool)));
    expect(byFrontEnds.scenario.poolsDown[0]).toMatchObject({
      pool: 'a.contoso.com',
      downBy: 'front-ends',
      partnerTakesOver: true,
      cmdlet: 'Invoke-CsPoolFailOver -PoolFqdn a.contoso.com -DisasterMode',
      partnerUsers: 20000,
    });
    expect(byFrontEnds.scenario.poolsDown[0].breaks.join('\n')).toMatch(
      /registrar configuration is created on the fly[^]*backup service is at export NonSteadyState/,
    );
    expect(byFrontEnds.scenario.usersWithoutService).toEqual([]);
  });
});

describe('simulate: what starts a pool again after it loses pool-level quorum', () => {
  it('starts both front ends of a pool of two together, or resets it with QuorumLossRecovery', async () => {
    const { scenario } = await scenarioOf(FIXTURE('two-front-ends'), 'a1,a2');
    expect(scenario.frontEnds[0]).toMatchObject({
      pool: 'a.contoso.com',
      keepsQuorum: false,
      runningToStart: 2,
      recovery: [
        'start a1 and a2 together (Start-CsPool -PoolFqdn a.contoso.com), or one after the other in the reverse order they went down',
        'if neither can be done, reset the pool before starting it: Reset-CsPoolRegistrarState -PoolFqdn a.contoso.com -ResetType QuorumLossRecovery',
      ],
    });
  });

  it("asks for the pool's start figure (the model's startupNeeded), not its quorum, and names the reset where it applies", async () => {
    const { result } = await lintText(readFileSync(FIXTURE('eight-front-ends'), 'utf8'), 'x.yaml');
    const startupNeeded = result.pools[0] && 'startupNeeded' in result.pools[0] ? result.pools[0].startupNeeded : undefined;
    expect(startupNeeded).toBe(6);
    const { scenario } = await scenarioOf(FIXTURE('eight-front-ends'), 'a1,a2,a3,a4');
    expect(scenario.frontEnds[0]).toMatchObject({
      runningAmongFirst: 3,
      runningToStart: startupNeeded,
      recovery: [
        'start at least 2 of a1, a2, a3, a4 again (Start-CsPool -PoolFqdn a.contoso.com): the pool starts with 6 of its 8 front ends running, every time it starts',
        'if fewer can be started, but 4 of the first 7 run, reset the pool before starting it: Reset-CsPoolRegistrarState -PoolFqdn a.contoso.com -ResetType QuorumLossRecovery',
      ],
    });
    // While the pool keeps quorum there is nothing to start.
    expect((await scenarioOf(FIXTURE('eight-front-ends'), 'a1')).scenario.frontEnds[0]).toMatchObject({
      keepsQuorum: true,
      runningToStart: null,
      recovery: [],
    });
  });

  /** A lone enterprise pool of `n` front ends, f1 first brought up. */
  const lonePool = (n: number, version: string) =>
    [
      'version: 1',
      'kind: skype-pool-pair',
      'name: s',
      `productVersion: "${version}"`,
      'pools:',
      '  - name: p.contoso.com',
      '    edition: enterprise',
      `    frontEnds: [${Array.from({ length: n }, (_, i) => `f${i + 1}`).join(', ')}]`,
      '',
    ].join('\n');

  it.each([
    [8, '2015'],
    [9, '2015'],
    [12, '2015'],
    [12, '2019'],
    [16, '2019'],
    // Past the most a pool holds (skype/unsupported-pool-size), the model's last row, 12 to start and 7 of the first 12:
    // a start of any 12 of 20 may leave only 4 of the first 12 running.
    [18, '2019'],
    [20, '2015'],
  ])(
    'names the front ends among "the first" that a restart must include, so that any choice it allows keeps pool-level quorum (%i on %s)',
    async (n, version) => {
      const o = await lintText(lonePool(n, version), 's.yaml');
      const { simulateSkypeDown } = await import('../../src/kinds/skype/commands/simulate.js');
      const scenario = (down: readonly string[]) => simulateSkypeDown(o.skype!.model, o.skype!.analysis, 'x', down).scenario.frontEnds[0]!;
      const names = o.skype!.model.pools[0]!.frontEnds;
      // The whole pool down, and the pool down to all but its last front ends.
      for (const down of [names, names.slice(0, n - 2), names.slice(0, n - 3)]) {
        const lost = scenario(down);
        if (lost.keepsQuorum) continue;
        const { count, of, amongFirst, first } = lost.toStart!;
        // The worst choice the advice allows: as few of "the first" as it says, the rest from the others.
        const others = of.filter((fe) => !first.includes(fe));
        const fromOthers = others.slice(0, count - amongFirst);
        const started = [...fromOthers, ...first.slice(first.length - (count - fromOthers.length))];
        expect(started).toHaveLength(count);
        const after = scenario(down.filter((fe) => !started.includes(fe)));
        expect(after.keepsQuorum, `${n} on ${version}, ${down.length} down, start ${started.join(',')}`).toBe(true);
        expect(n - down.length + count).toBeGreaterThanOrEqual(lost.runningToStart!);
      }
    },
  );

  it('says which of the front ends down must be among those started, where some are not among the first', async () => {
    const { scenario } = await scenarioOf('test/fixtures/kinds/skype-eight-front-ends.yaml', 'a1,a2,a3,a4,a5,a6,a7,a8');
    expect(scenario.frontEnds[0].toStart).toEqual({
      count: 6,
      of: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8'],
      amongFirst: 4,
      first: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'],
    });
    expect(scenario.frontEnds[0].recovery[0]).toBe(
      'start at least 6 of a1, a2, a3, a4, a5, a6, a7, a8 again (Start-CsPool -PoolFqdn a.contoso.com), at least 4 of a1, a2, a3, a4, a5, a6, a7 among them (pool-level quorum needs 4 of the first 7 brought up): the pool starts with 6 of its 8 front ends running, every time it starts',
    );
    // Twenty front ends (more than any version holds) with all but the last two down: 10 of those down make the 12 to start,
    // and 7 of them must be among the first 12, which the last two are not.
    const twenty = await lintText(lonePool(20, '2015'), 's.yaml');
    const { simulateSkypeDown } = await import('../../src/kinds/skype/commands/simulate.js');
    const names = twenty.skype!.model.pools[0]!.frontEnds;
    const fe = simulateSkypeDown(twenty.skype!.model, twenty.skype!.analysis, 'x', names.slice(0, 18)).scenario.frontEnds[0]!;
    expect(fe.toStart).toEqual({ count: 10, of: names.slice(0, 18), amongFirst: 7, first: names.slice(0, 12) });
    expect(fe.recovery[0]).toContain(`at least 7 of ${names.slice(0, 12).join(', ')} among them (pool-level quorum needs 7 of the first 12 brought up)`);
  });

  it('starts a Standard Edition server again, with no reset to offer and no Start-CsPool before 2015', async () => {
    const { scenario } = await scenarioOf(LAB('active'), 'lyncfe03');
    expect(scenario.frontEnds[0]).toMatchObject({ runningToStart: 1, recovery: ['start lyncfe03 again'] });
    const on2013 = await lintText(pair([], [], ['productVersion: "2013"']), 's.yaml');
    const { simulateSkypeDown } = await import('../../src/kinds/skype/commands/simulate.js');
    const fe = simulateSkypeDown(on2013.skype!.model, on2013.skype!.analysis, 'x', ['b1', 'b2']).scenario.frontEnds[0]!;
    expect(fe.recovery).toEqual([
      'start b1, b2 again: the pool starts with 3 of its 3 front ends running, every time it starts',
      'if fewer can be started, but 2 of 3 run, reset the pool before starting it: Reset-CsPoolRegistrarState -PoolFqdn pool-b.contoso.com -ResetType QuorumLossRecovery',
    ]);
  });
});

describe('simulate: the registrar configuration of a pool failed over already', () => {
  it('does not say a failover creates what the failover under way has created', async () => {
    const text = pair(['poolState: FailingBack'], [], ['registrarSettingsCustomized: true']);
    const o = await lintText(text, 's.yaml');
    const { simulateSkypeDown } = await import('../../src/kinds/skype/commands/simulate.js');
    const [down] = simulateSkypeDown(o.skype!.model, o.skype!.analysis, 'x', ['pool-a.contoso.com']).scenario.poolsDown;
    expect(down).toMatchObject({ partnerTakesOver: true, breaks: [] });
    // Active and never failed over, it has none yet: failing it over creates one with defaults.
    const active = await lintText(pair([], [], ['registrarSettingsCustomized: true']), 's.yaml');
    const [first] = simulateSkypeDown(active.skype!.model, active.skype!.analysis, 'x', ['pool-a.contoso.com']).scenario.poolsDown;
    expect(first!.breaks).toEqual(['the registrar configuration is created on the fly with default settings: the customised global settings are lost']);
  });
});

describe('simulate: the pool that hosts the Central Management Store', () => {
  it('fails the CMS over first, as a step to run, not a failure: its users keep service, exit 0', async () => {
    const r = await runCli(['simulate', 'examples/skype-paired-enterprise.yaml', '--down', 'pool-east.contoso.com']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      [
        '    run first: on a front end of pool-west.contoso.com, Invoke-CsManagementServerFailover -BackupSqlServerFqdn <Back End Server FQDN> -BackupSqlInstanceName <SQL instance> -BackupMirrorSqlServerFqdn <mirror FQDN> -BackupMirrorSqlInstanceName <mirror SQL instance> -Force',
        "      fill in: <Back End Server FQDN> and <SQL instance> with pool-west.contoso.com's Back End Server and its SQL Server instance, <mirror FQDN> and <mirror SQL instance> with its mirror's, as Topology Builder shows them: the file does not hold them (Get-CsDatabaseMirrorState -DatabaseType Centralmgmt -PoolFqdn pool-west.contoso.com says which of the two holds the principal copy of the store)",
        ...CHECKS('pool-west.contoso.com').map((step) => `    run first: ${step}`),
        '    run: Invoke-CsPoolFailOver -PoolFqdn pool-east.contoso.com -DisasterMode',
      ].join('\n'),
    );
    expect(r.stdout).not.toContain('breaks:');
    expect(r.stdout).toMatch(/✔ every pool's users keep service\n$/);
    // The report's what-if gives the same steps in the same order, and what to fill in under them.
    const { skypeView } = await import('../../src/kinds/skype/report/report.js');
    const o = await lintText(readFileSync('examples/skype-paired-enterprise.yaml', 'utf8'), 'x.yaml');
    const [row] = skypeView(o.skype!.model, o.skype!.analysis).whatIf;
    expect(row!.run).toEqual([
      expect.stringMatching(/^on a front end of pool-west\.contoso\.com, Invoke-CsManagementServerFailover .* -Force$/),
      expect.stringMatching(/^check that the store's failover is complete: /),
      expect.stringMatching(/^check each Front End Server's replica: /),
      'Invoke-CsPoolFailOver -PoolFqdn pool-east.contoso.com -DisasterMode',
    ]);
    expect(row!.fillIn).toEqual([expect.stringMatching(/^<Back End Server FQDN> and <SQL instance> with pool-west\.contoso\.com's Back End Server/)]);
  });

  it('leaves as <…> only what the file does not hold, each said in words, and names a Standard Edition back end from the file', async () => {
    /** Every <…> of a step, and whether its fill-in note says what each stands for. */
    const placeholders = (run: string) => run.match(/<[^>]*>/g) ?? [];
    for (const [file, down] of [
      ['examples/skype-paired-enterprise.yaml', 'pool-east.contoso.com'],
      [FIXTURE('cms-pool-failover'), 'a1,a2'],
    ] as const) {
      const [d] = (await scenarioOf(file, down)).scenario.poolsDown;
      expect(d.fillIn).toHaveLength(1);
      // No placeholder holds a name of the design (it would read as the value to give).
      for (const p of d.runFirst.flatMap(placeholders)) {
        expect(p).not.toMatch(/contoso|\.com/);
        expect(d.fillIn[0]).toContain(p);
      }
      expect(d.fillIn[0]).toMatch(/the file does not hold them/);
    }
    // A Standard Edition server holds its own back-end databases, in the SQL Server Express instance rtc
    // (SFB-SE): the server is the pool, as the file gives it, and nothing is left to fill in.
    const text = readFileSync(LAB('active'), 'utf8').replace('    frontEnds: [lyncfe03]\n', '    frontEnds: [lyncfe03]\n    centralManagementStore: true\n');
    const o = await lintText(text, 'lab.yaml');
    const { simulateSkypeDown } = await import('../../src/kinds/skype/commands/simulate.js');
    const [d] = simulateSkypeDown(o.skype!.model, o.skype!.analysis, 'x', ['lyncfe03.thelab.info']).scenario.poolsDown;
    expect(d).toMatchObject({
      runFirst: [
        'on lyncfe04.thelab.info, Invoke-CsManagementServerFailover -BackupSqlServerFqdn lyncfe04.thelab.info -BackupSqlInstanceName rtc -Force',
        ...CHECKS('lyncfe04.thelab.info'),
      ],
      fillIn: [],
    });
    // A mirror of it is not in the file: that alone is left to fill in.
    const mirrored = await lintText(text.replace('    frontEnds: [lyncfe04]\n', '    frontEnds: [lyncfe04]\n    backEnd: {mirrored: true}\n'), 'lab.yaml');
    const [m] = simulateSkypeDown(mirrored.skype!.model, mirrored.skype!.analysis, 'x', ['lyncfe03.thelab.info']).scenario.poolsDown;
    expect(m!.runFirst[0]).toContain('-BackupSqlServerFqdn lyncfe04.thelab.info -BackupSqlInstanceName rtc -BackupMirrorSqlServerFqdn <mirror FQDN>');
    expect(m!.fillIn).toEqual([expect.stringMatching(/^<mirror FQDN> and <mirror SQL instance> with /)]);
  });

  it('fails the store over when the pool that hosts it goes down after its users failed over already', async () => {
    // lyncfe04 FailedOver (its users on lyncfe03) but, as the file says, still the store's host: down, it takes the store with it.
    const text = readFileSync(LAB('failed-over'), 'utf8').replace(
      '    frontEnds: [lyncfe04]\n',
      '    frontEnds: [lyncfe04]\n    centralManagementStore: true\n',
    );
    const o = await lintText(text, 'lab.yaml');
    const { simulateSkypeDown, formatSkypeScenarios } = await import('../../src/kinds/skype/commands/simulate.js');
    const { scenario } = simulateSkypeDown(o.skype!.model, o.skype!.analysis, 'lyncfe04.thelab.info down', ['lyncfe04.thelab.info']);
    expect(scenario.poolsDown[0]).toMatchObject({
      partnerTakesOver: true,
      cmdlet: null,
      runFirst: [
        'on lyncfe03.thelab.info, Invoke-CsManagementServerFailover -BackupSqlServerFqdn lyncfe03.thelab.info -BackupSqlInstanceName rtc -Force',
        ...CHECKS('lyncfe03.thelab.info'),
      ],
      fillIn: [],
      breaks: [],
    });
    expect(scenario.usersWithoutService).toEqual([]);
    const stylish = formatSkypeScenarios('lab.yaml', [scenario], 'stylish');
    expect(stylish).toContain('    run: on lyncfe03.thelab.info, Invoke-CsManagementServerFailover -BackupSqlServerFqdn lyncfe03.thelab.info');
    const { skypeView } = await import('../../src/kinds/skype/report/report.js');
    expect(skypeView(o.skype!.model, o.skype!.analysis).whatIf[1]).toMatchObject({
      pool: 'lyncfe04.thelab.info',
      ok: true,
      run: [
        'on lyncfe03.thelab.info, Invoke-CsManagementServerFailover -BackupSqlServerFqdn lyncfe03.thelab.info -BackupSqlInstanceName rtc -Force',
        ...CHECKS('lyncfe03.thelab.info'),
      ],
      runNote: 'its users have failed over already',
      fillIn: [],
    });
  });

  it('puts the CMS first after quorum loss too, and still fails a failover that breaks something', async () => {
    const byFrontEnds = await scenarioOf(FIXTURE('cms-pool-failover'), 'a1,a2');
    const [down] = byFrontEnds.scenario.poolsDown;
    expect(down.runFirst[0]).toMatch(/^Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus /);
    expect(down.breaks.join('\n')).not.toMatch(/Central Management Store/);
    // The backup service not ready and the registrar settings lost still break the failover.
    expect(byFrontEnds.code).toBe(1);
  });

  it('fails the store over in the disaster-recovery form only where the scenario took its back end down, else checks it first (SFB-FOP)', async () => {
    const disaster =
      'on a front end of b.contoso.com, Invoke-CsManagementServerFailover -BackupSqlServerFqdn <Back End Server FQDN> -BackupSqlInstanceName <SQL instance> -Force';
    // The pool named down, or its site: everything in it, its back end too, is down; the store is not available.
    expect((await scenarioOf(FIXTURE('cms-pool-failover'), 'a.contoso.com')).scenario.poolsDown[0].runFirst).toEqual([disaster, ...CHECKS('b.contoso.com')]);
    expect((await scenarioOf('examples/skype-paired-enterprise.yaml', 'east')).scenario.poolsDown[0].runFirst).toEqual([
      expect.stringMatching(/^on a front end of pool-west\.contoso\.com, Invoke-CsManagementServerFailover -BackupSqlServerFqdn .* -Force$/),
      ...CHECKS('pool-west.contoso.com'),
    ]);
    // Its front ends down cost it its quorum, but its back end is up as far as the design knows: Microsoft's
    // procedure checks whether the Central Management Server is available, then uses the form that fits.
    const { scenario } = await scenarioOf(FIXTURE('cms-pool-failover'), 'a1,a2');
    expect(scenario.poolsDown[0]).toMatchObject({
      downBy: 'front-ends',
      runFirst: [
        'Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus (ActiveMasterFQDN and ActiveFileTransferAgents name a.contoso.com while the Central Management Server is available, and are empty when it is not)',
        'if they name a.contoso.com, on a front end of b.contoso.com, Invoke-CsManagementServerFailover',
        `if they are empty, ${disaster}`,
        ...CHECKS('b.contoso.com'),
      ],
      fillIn: [expect.stringMatching(/^<Back End Server FQDN> and <SQL instance> with b\.contoso\.com's Back End Server/)],
    });
    // The form for an available store has no -Force: it makes sure replication is done before it sets the store read-only (PS-CS).
    expect(scenario.poolsDown[0].runFirst[1]).not.toMatch(/-Force|-Backup/);
    const stylish = await runCli(['simulate', FIXTURE('cms-pool-failover'), '--down', 'a1,a2']);
    expect(stylish.stdout).toContain(
      [
        '    run first: Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus (ActiveMasterFQDN and ActiveFileTransferAgents name a.contoso.com while the Central Management Server is available, and are empty when it is not)',
        '    run first: if they name a.contoso.com, on a front end of b.contoso.com, Invoke-CsManagementServerFailover',
        `    run first: if they are empty, ${disaster}`,
        "      fill in: <Back End Server FQDN> and <SQL instance> with b.contoso.com's Back End Server and its SQL Server instance, as Topology Builder shows them: the file does not hold them",
        ...CHECKS('b.contoso.com').map((step) => `    run first: ${step}`),
        '    run: Invoke-CsPoolFailOver -PoolFqdn a.contoso.com -DisasterMode',
      ].join('\n'),
    );
  });
});

describe('simulate: a pair where no pool declares the Central Management Store', () => {
  const scenario = async (text: string, down: readonly string[]) => {
    const o = await lintText(text, 's.yaml');
    const { simulateSkypeDown } = await import('../../src/kinds/skype/commands/simulate.js');
    return simulateSkypeDown(o.skype!.model, o.skype!.analysis, 'x', down).scenario;
  };
  const DISASTER =
    'on a front end of pool-b.contoso.com, Invoke-CsManagementServerFailover -BackupSqlServerFqdn <Back End Server FQDN> -BackupSqlInstanceName <SQL instance> -Force';

  it('says where to find the store, and fails it over first where the pool down hosts it, rather than saying nothing', async () => {
    // The pool named down: its back end too, so a store it hosts is not available.
    const named = (await scenario(pair(), ['pool-a.contoso.com'])).poolsDown[0]!;
    expect(named.runFirst).toEqual([
      FIND_STORE,
      `if they are empty or name pool-a.contoso.com, ${DISASTER}`,
      ...CHECKS('pool-b.contoso.com').map((c) => `if it failed over, ${c}`),
    ]);
    expect(named.fillIn).toEqual([expect.stringMatching(/^<Back End Server FQDN> and <SQL instance> with pool-b\.contoso\.com's Back End Server/)]);
    expect(named.cmdlet).toBe('Invoke-CsPoolFailOver -PoolFqdn pool-a.contoso.com -DisasterMode');
    // Its front ends down: its back end is up as far as the design knows, so both forms, as for a pool that declares it.
    const byFrontEnds = (await scenario(pair(), ['a1', 'a2', 'a3'])).poolsDown[0]!;
    expect(byFrontEnds.runFirst).toEqual([
      FIND_STORE,
      'if they name pool-a.contoso.com, on a front end of pool-b.contoso.com, Invoke-CsManagementServerFailover',
      `if they are empty, ${DISASTER}`,
      ...CHECKS('pool-b.contoso.com').map((c) => `if it failed over, ${c}`),
    ]);
    // A pool that declares it settles where it is: the other pool's failover has nothing of the store to run.
    expect((await scenario(pair(['centralManagementStore: true']), ['pool-b.contoso.com'])).poolsDown[0]!.runFirst).toEqual([]);
    // A Standard Edition partner holds its back end: the disaster-recovery form names it from the file.
    const r = await runCli(['simulate', 'examples/skype-standard-pair.yaml', '--down', 'lyncfe03.thelab.info']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      [
        '    run first: Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus (the file does not say which pool hosts the Central Management Store',
        '    run first: if they are empty or name lyncfe03.thelab.info, on lyncfe04.thelab.info, Invoke-CsManagementServerFailover -BackupSqlServerFqdn lyncfe04.thelab.info -BackupSqlInstanceName rtc -Force',
      ].join(
        ', as no pool declares centralManagementStore: ActiveMasterFQDN and ActiveFileTransferAgents name it while the Central Management Server is available, and are empty when it is not, and Get-CsService -CentralManagement names the pool the topology gives it; if they name another pool, the store stays there)\n',
      ),
    );
  });
});

describe('simulate: the checks after the Central Management Store fails over (SFB-FOP)', () => {
  it('checks the store on the partner and every replica after either form, before the pool fails over', async () => {
    // The disaster-recovery form (the pool named down), then the checks, then the pool's failover.
    const named = (await scenarioOf(FIXTURE('cms-pool-failover'), 'a.contoso.com')).scenario.poolsDown[0];
    expect(named.runFirst).toHaveLength(3);
    expect(named.runFirst.slice(1)).toEqual(CHECKS('b.contoso.com'));
    // After the check and the form that fits (its front ends down).
    const checked = (await scenarioOf(FIXTURE('cms-pool-failover'), 'a1,a2')).scenario.poolsDown[0];
    expect(checked.runFirst).toHaveLength(5);
    expect(checked.runFirst.slice(3)).toEqual(CHECKS('b.contoso.com'));
    // The same in the restore of a pool down whose partner is FailedOver onto it, before the failback.
    const text = readFileSync(LAB('failed-over'), 'utf8').replace(
      '    frontEnds: [lyncfe03]\n',
      '    frontEnds: [lyncfe03]\n    centralManagementStore: true\n',
    );
    const o = await lintText(text, 'lab.yaml');
    const { simulateSkypeDown } = await import('../../src/kinds/skype/commands/simulate.js');
    const [d] = simulateSkypeDown(o.skype!.model, o.skype!.analysis, 'x', ['lyncfe03.thelab.info']).scenario.poolsDown;
    expect(d!.restoreBy.slice(2, 4)).toEqual(CHECKS('lyncfe04.thelab.info'));
    expect(d!.restoreBy[4]).toBe('Invoke-CsPoolFailBack -PoolFqdn lyncfe04.thelab.info -DisasterMode');
    const r = await runCli(['simulate', FIXTURE('cms-pool-failover'), '--down', 'a.contoso.com']);
    expect(r.stdout).toContain(`    run first: ${CHECKS('b.contoso.com')[1]}\n    run: Invoke-CsPoolFailOver -PoolFqdn a.contoso.com -DisasterMode\n`);
  });
});

describe('simulate: the restore of a pool down whose partner is FailedOver onto it (SFB-FO, SFB-FOP)', () => {
  it("starts the partner's services, stopped when it failed over, before the store fails over to it and the failback", async () => {
    const { simulateSkypeDown } = await import('../../src/kinds/skype/commands/simulate.js');
    const restoreOf = async (text: string) => {
      const o = await lintText(text, 'lab.yaml');
      return simulateSkypeDown(o.skype!.model, o.skype!.analysis, 'x', ['lyncfe03.thelab.info']).scenario.poolsDown[0]!.restoreBy;
    };
    const lab = readFileSync(LAB('failed-over'), 'utf8');
    const start = 'on lyncfe04.thelab.info, Start-CsWindowsService';
    // The store on the pool down: the services first, then the store's steps, the failback, the failover.
    const placed = await restoreOf(lab.replace('    frontEnds: [lyncfe03]\n', '    frontEnds: [lyncfe03]\n    centralManagementStore: true\n'));
    expect(placed[0]).toMatch(new RegExp(`^${start} `));
    expect(placed[1]).toMatch(/^on lyncfe04\.thelab\.info, Invoke-CsManagementServerFailover /);
    expect(placed.slice(-2)).toEqual([
      'Invoke-CsPoolFailBack -PoolFqdn lyncfe04.thelab.info -DisasterMode',
      'Invoke-CsPoolFailOver -PoolFqdn lyncfe03.thelab.info -DisasterMode',
    ]);
    // Not placed: found first, then (if it goes over) the services before the store's failover.
    const unplaced = await restoreOf(lab);
    expect(unplaced[0]).toBe(FIND_STORE);
    expect(unplaced[1]).toMatch(new RegExp(`^if they are empty or name lyncfe03\\.thelab\\.info, ${start} `));
    // The store declared on the partner itself stays there: no step of it, and the failback starts the services itself.
    const onPartner = await restoreOf(lab.replace('    frontEnds: [lyncfe04]\n', '    frontEnds: [lyncfe04]\n    centralManagementStore: true\n'));
    expect(onPartner).toEqual([
      'Invoke-CsPoolFailBack -PoolFqdn lyncfe04.thelab.info -DisasterMode',
      'Invoke-CsPoolFailOver -PoolFqdn lyncfe03.thelab.info -DisasterMode',
    ]);
  });
});

describe("simulate: a pool's back end down (POOL/back-end)", () => {
  const scenario = async (text: string, down: readonly string[]) => {
    const o = await lintText(text, 's.yaml');
    const { simulateSkypeDown } = await import('../../src/kinds/skype/commands/simulate.js');
    return simulateSkypeDown(o.skype!.model, o.skype!.analysis, 'x', down);
  };

  it('takes a pool of two down with its back end, the witness of its pool-level quorum, both front ends up or one', async () => {
    for (const down of ['a.contoso.com/back-end', 'a1,a.contoso.com/back-end', 'A.CONTOSO.COM/Backend']) {
      const { code, scenario: s } = await scenarioOf(FIXTURE('two-front-ends'), down);
      expect(code, down).toBe(0);
      expect(s.frontEnds[0], down).toMatchObject({ pool: 'a.contoso.com', backEndDown: true, keepsQuorum: false, withoutBackEnd: { needed: null } });
      expect(s.poolsDown[0], down).toMatchObject({
        pool: 'a.contoso.com',
        downBy: 'back-end',
        partnerTakesOver: true,
        cmdlet: 'Invoke-CsPoolFailOver -PoolFqdn a.contoso.com -DisasterMode',
      });
      // Its back end first, then both front ends together, whichever is down: both have stopped.
      expect(s.frontEnds[0].recovery[0], down).toMatch(/^bring its back end back first/);
      expect(s.frontEnds[0].recovery[1], down).toMatch(/^start a1 and a2 together/);
    }
    // Without its back end named, one front end of two keeps the pool up, as Microsoft's table says.
    expect((await scenarioOf(FIXTURE('two-front-ends'), 'a1')).scenario.frontEnds[0]).toMatchObject({ backEndDown: false, keepsQuorum: true });
    const text = await runCli(['simulate', FIXTURE('two-front-ends'), '--down', 'a.contoso.com/back-end']);
    expect(text.stdout).toContain(
      '  pool a.contoso.com: its back end down; 2 of 2 running, but a pool of two would likely soon go down with its back end, the witness of its pool-level quorum: counted as LOSING pool-level quorum, as the worst case\n',
    );
    // Its partner down with its back end cannot take a pool over.
    const both = await scenarioOf(FIXTURE('two-front-ends'), 'a.contoso.com/back-end,b.contoso.com');
    expect(both.code).toBe(1);
    expect(both.scenario.poolsDown[1].breaks[0]).toMatch(/a\.contoso\.com loses pool-level quorum with its back end down/);
  });

  it("asks a larger even pool for its start figure while its back end is down, and leaves an odd pool's quorum as it is", async () => {
    // Four front ends: 2 of 4 keep pool-level quorum with the back end; without it, 3 (the start figure) must run.
    const a = (await scenario(pair(), ['a1', 'a2'])).scenario.frontEnds[0]!;
    expect(a).toMatchObject({ keepsQuorum: true, backEndDown: false, withoutBackEnd: null });
    const withBackEnd = (await scenario(pair(), ['a1', 'a2', 'pool-a.contoso.com/back-end'])).scenario;
    expect(withBackEnd.frontEnds[0]).toMatchObject({ keepsQuorum: false, backEndDown: true, withoutBackEnd: { running: 2, needed: 3 } });
    expect(withBackEnd.poolsDown[0]).toMatchObject({ pool: 'pool-a.contoso.com', downBy: 'back-end', partnerTakesOver: true });
    expect((await scenario(pair(), ['a1', 'pool-a.contoso.com/back-end'])).scenario.frontEnds[0]).toMatchObject({
      keepsQuorum: true,
      withoutBackEnd: { running: 3, needed: 3 },
    });
    // Front ends down that cost it its quorum with the back end up are what took it down.
    expect((await scenario(pair(), ['a1', 'a2', 'a3', 'pool-a.contoso.com/back-end'])).scenario.poolsDown[0]).toMatchObject({ downBy: 'front-ends' });
    // Three front ends: the back end is no witness; users go to Resiliency mode without it (SFB-BE), the pool keeps running.
    const odd = (await scenario(pair(), ['pool-b.contoso.com/back-end'])).scenario;
    expect(odd.poolsDown).toEqual([]);
    expect(odd.frontEnds[0]).toMatchObject({ pool: 'pool-b.contoso.com', down: [], backEndDown: true, keepsQuorum: true, withoutBackEnd: null });
    expect(odd.frontEnds[0]!.backEndEffect).toMatch(/Resiliency mode/);
    const mirrored = (await scenario(pair([], ['backEnd: {mirrored: true}']), ['pool-b.contoso.com/back-end'])).scenario;
    expect(mirrored.frontEnds[0]!.backEndEffect).toMatch(/^its mirror takes the back-end databases over/);
    const { result } = await lintText(pair(), 's.yaml');
    expect(result.pools.map((p) => 'backEndWitness' in p && p.backEndWitness)).toEqual([true, false]);
  });

  it('fails the store over in the disaster-recovery form with its back end down, and checks first where a mirror may hold it', async () => {
    const cms = (mirrored: boolean) => pair(['centralManagementStore: true', ...(mirrored ? ['backEnd: {mirrored: true}'] : [])]);
    const down = ['a1', 'a2', 'pool-a.contoso.com/back-end'];
    expect((await scenario(cms(false), down)).scenario.poolsDown[0]!.runFirst).toEqual([
      'on a front end of pool-b.contoso.com, Invoke-CsManagementServerFailover -BackupSqlServerFqdn <Back End Server FQDN> -BackupSqlInstanceName <SQL instance> -Force',
      ...CHECKS('pool-b.contoso.com'),
    ]);
    const checked = (await scenario(cms(true), down)).scenario.poolsDown[0]!.runFirst;
    expect(checked).toHaveLength(5);
    expect(checked[0]).toMatch(/^Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus /);
  });

  it('says the Central Management Store is unavailable while the back end that holds it is down without a mirror, though the pool keeps quorum', async () => {
    const cms = (b: readonly string[], a: readonly string[] = []) => pair(a, ['centralManagementStore: true', ...b]);
    // pool-b (three front ends) keeps pool-level quorum: its users keep service (Resiliency mode), exit 0, but the store is down.
    const down = ['pool-b.contoso.com/back-end'];
    const s = (await scenario(cms([]), down)).scenario;
    expect(s.frontEnds[0]).toMatchObject({ pool: 'pool-b.contoso.com', keepsQuorum: true, backEndDown: true });
    expect(s.frontEnds[0]!.cmsEffect).toBe(
      'the Central Management Store, which its back end holds, is unavailable with it: no topology or configuration change can be made, and none replicates to the servers, until its back end is back or the store is failed over to pool-a.contoso.com (on a front end of pool-a.contoso.com, Invoke-CsManagementServerFailover in its disaster-recovery form, -BackupSqlServerFqdn … -Force)',
    );
    expect(s.usersWithoutService).toEqual([]);
    // With a mirror the store goes on with the databases; on a pool that does not host it, nothing is said of it.
    expect((await scenario(cms(['backEnd: {mirrored: true}']), down)).scenario.frontEnds[0]!.cmsEffect).toBeNull();
    expect((await scenario(pair(['centralManagementStore: true']), down)).scenario.frontEnds[0]!.cmsEffect).toBeNull();
    // Unpaired, only its back end brings it back; where no pool declares the store, the line says it may hold it.
    const unpaired = (await scenario(cms([]).replace(/pairs:\n.*\n/, ''), down)).scenario.frontEnds[0]!.cmsEffect;
    expect(unpaired).toMatch(/, until its back end is back$/);
    // A partner FailedOver onto it has its services stopped (SFB-FO): started first, as in the restore of a pool down, it can take the store.
    expect((await scenario(cms([], ['poolState: FailedOver']), down)).scenario.frontEnds[0]!.cmsEffect).toMatch(
      /, until its back end is back or the store is failed over to pool-a\.contoso\.com \(its services started first, on each front end: Start-CsWindowsService, as they were stopped when it failed over; then on a front end of pool-a\.contoso\.com, Invoke-CsManagementServerFailover in its disaster-recovery form, -BackupSqlServerFqdn … -Force\)$/,
    );
    // One FailingOver is mid-change, its services' state not documented: the store is not sent there (as before).
    expect((await scenario(cms([], ['poolState: FailingOver']), down)).scenario.frontEnds[0]!.cmsEffect).toMatch(/, until its back end is back$/);
    const unknown = (await scenario(pair(), down)).scenario.frontEnds[0]!.cmsEffect;
    expect(unknown).toMatch(
      /^if its back end holds the Central Management Store, which the file does not place \(no pool declares centralManagementStore: Get-CsService -CentralManagement names the pool that hosts it\), the store is unavailable with it: /,
    );
    const dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-skype-cms-'));
    try {
      const file = path.join(dir, 'cms.yaml');
      writeFileSync(file, cms([]));
      const r = await runCli(['simulate', file, '--down', 'pool-b.contoso.com/back-end']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('\n    the Central Management Store, which its back end holds, is unavailable with it: ');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes no pool over onto a partner whose back end is down without a mirror: the store and the users would go to databases that are down', async () => {
    const cms = (mirrored: boolean) => pair(['centralManagementStore: true'], mirrored ? ['backEnd: {mirrored: true}'] : []);
    const down = ['pool-a.contoso.com', 'pool-b.contoso.com/back-end'];
    const { scenario: s } = await scenario(cms(false), down);
    expect(s.poolsDown[0]).toMatchObject({ pool: 'pool-a.contoso.com', partnerTakesOver: false, runFirst: [] });
    expect(s.usersWithoutService.map((u) => u.pool)).toEqual(['pool-a.contoso.com']);
    expect(s.poolsDown[0]!.breaks).toHaveLength(1);
    expect(s.poolsDown[0]!.breaks[0]).not.toMatch(/of pool-b\.contoso\.com/);
    // The partner keeps its own quorum: only the pool it was to take over is without service.
    expect(s.frontEnds[0]).toMatchObject({ pool: 'pool-b.contoso.com', keepsQuorum: true, backEndDown: true });
    // With a mirror, the mirror holds its databases: the takeover goes on.
    expect((await scenario(cms(true), down)).scenario.poolsDown[0]).toMatchObject({ partnerTakesOver: true });
    const { scenarioFails } = await import('../../src/kinds/skype/commands/simulate.js');
    expect(scenarioFails(s)).toBe(true);
  });

  it('keeps serving the users of a pool FailedOver onto a partner whose back end is down: they are there already, as its own users are', async () => {
    // pool-b (three front ends, no mirror) carries pool-a's users since pool-a failed over; its back end goes down.
    const failedOver = pair(['poolState: FailedOver']);
    const { scenario: s } = await scenario(failedOver, ['pool-b.contoso.com/back-end']);
    expect(s.frontEnds[0]).toMatchObject({ pool: 'pool-b.contoso.com', keepsQuorum: true, backEndDown: true });
    expect(s.usersWithoutService).toEqual([]);
    expect(s.stranded).toEqual([]);
    // pool-a down as well: it has failed over already, so pool-b still carries its users (nothing to move).
    const both = (await scenario(failedOver, ['pool-a.contoso.com', 'pool-b.contoso.com/back-end'])).scenario;
    expect(both.poolsDown[0]).toMatchObject({ pool: 'pool-a.contoso.com', partnerTakesOver: true, cmdlet: null });
    expect(both.usersWithoutService).toEqual([]);
    // A pool still failing over has users to move onto the partner's databases: they are without service, and the reason says why.
    const failingOver = (await scenario(pair(['poolState: FailingOver']), ['pool-b.contoso.com/back-end'])).scenario;
    expect(failingOver.usersWithoutService.map((u) => u.pool)).toEqual(['pool-a.contoso.com']);
    expect(failingOver.stranded[0]!.reason).toMatch(/pool-b\.contoso\.com's back end is down with no mirror/);
    expect(failingOver.stranded[0]!.reason).not.toMatch(/is Active, not Active/);
  });

  it("refuses a Standard Edition server's back end, which the server holds, and offers back ends among near misses", async () => {
    const own = await runCli(['simulate', LAB('active'), '--down', 'lyncfe03.thelab.info/back-end']);
    expect(own.code).toBe(2);
    expect(own.stderr).toMatch(/a Standard Edition server holds its own back-end databases; take the server down instead \(--down lyncfe03\)/);
    const near = await runCli(['simulate', FIXTURE('two-front-ends'), '--down', 'a.contoso.com/bakc-end']);
    expect(near.code).toBe(2);
    expect(near.stderr).toMatch(/is not a pool, front end, site or POOL\/back-end .*did you mean "a\.contoso\.com\/back-end"/);
    // A name the file gives is that, whatever it ends with.
    const named = readFileSync(FIXTURE('two-front-ends'), 'utf8').replace('[a1, a2]', '[a1, a.contoso.com/back-end]');
    const { scenario: s } = await scenario(named, ['a.contoso.com/back-end']);
    expect(s.frontEnds[0]).toMatchObject({ down: ['a.contoso.com/back-end'], backEndDown: false });
  });
});

describe('simulate: a site (data centre) down', () => {
  it('takes every pool of the site down, as if each were named', async () => {
    const bySite = await scenarioOf('examples/skype-paired-enterprise.yaml', 'EAST');
    const byPool = await scenarioOf('examples/skype-paired-enterprise.yaml', 'pool-east.contoso.com');
    expect(bySite.code).toBe(byPool.code);
    expect(bySite.scenario.poolsDown).toEqual(byPool.scenario.poolsDown.map((d: object) => ({ ...d, downBy: 'site' })));
    expect(bySite.scenario.label).toBe('EAST down');
    const both = await scenarioOf('examples/skype-paired-enterprise.yaml', 'east,west');
    expect(both.code).toBe(1);
    expect(both.scenario.usersWithoutService.map((u: { pool: string }) => u.pool)).toEqual(['pool-east.contoso.com', 'pool-west.contoso.com']);
  });

  it('refuses a name that is both a site and a front end, and names sites among the near misses', async () => {
    const text = readFileSync('examples/skype-paired-enterprise.yaml', 'utf8').replace('site: west', 'site: fe01');
    const dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-skype-'));
    const file = path.join(dir, 'sites.yaml');
    writeFileSync(file, text);
    const ambiguous = await runCli(['simulate', file, '--down', 'fe01']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/"fe01" is both a site and a pool or front end/);
    rmSync(dir, { recursive: true, force: true });
    const near = await runCli(['simulate', 'examples/skype-paired-enterprise.yaml', '--down', 'eats']);
    expect(near.code).toBe(2);
    expect(near.stderr).toMatch(/is not a pool, front end, site or POOL\/back-end .*did you mean "east"/);
  });
});

describe('simulate: the backup pool down while its partner is FailedOver', () => {
  it('restores both pools by failing the partner back in disaster mode, then failing the pool over to it, while the partner is up', async () => {
    const { code, scenario } = await scenarioOf(LAB('failed-over'), 'lyncfe03.thelab.info');
    // Without service now (exit 1), but not until the pool is back: Invoke-CsPoolFailBack -DisasterMode runs without the backup pool.
    expect(code).toBe(1);
    expect(scenario.poolsDown[0]).toMatchObject({
      partnerTakesOver: false,
      restoreBy: [
        ...UNPLACED_TO_FAILED_OVER('lyncfe03.thelab.info', 'lyncfe04.thelab.info'),
        'Invoke-CsPoolFailBack -PoolFqdn lyncfe04.thelab.info -DisasterMode',
        'Invoke-CsPoolFailOver -PoolFqdn lyncfe03.thelab.info -DisasterMode',
      ],
      fillIn: [],
    });
    expect(scenario.poolsDown[0].breaks[0]).toMatch(
      /or until lyncfe04\.thelab\.info, which is up, is failed back without it in disaster mode \(the data its users made on lyncfe03\.thelab\.info is lost\)/,
    );
    const text = await runCli(['simulate', LAB('failed-over'), '--down', 'lyncfe03.thelab.info']);
    expect(text.stdout).toContain(
      '      6. Invoke-CsPoolFailBack -PoolFqdn lyncfe04.thelab.info -DisasterMode\n      7. Invoke-CsPoolFailOver -PoolFqdn lyncfe03.thelab.info -DisasterMode\n',
    );
    expect(text.stdout).toContain(`    restore, in this order:\n      1. ${FIND_STORE}\n`);
    // The same after a quorum loss, and after a partner FailingBack from the pool (the store's steps first: no pool declares it).
    expect((await scenarioOf(LAB('failed-over'), 'lyncfe03')).scenario.poolsDown[0].restoreBy).toHaveLength(7);
    expect((await scenarioOf(FIXTURE('partner-failing-back'), 'b.contoso.com')).scenario.poolsDown[0].restoreBy.slice(-2)).toEqual([
      'Invoke-CsPoolFailBack -PoolFqdn a.contoso.com -DisasterMode',
      'Invoke-CsPoolFailOver -PoolFqdn b.contoso.com -DisasterMode',
    ]);
    // The Central Management Store goes over first where the pool down hosts it.
    const text2 = readFileSync(LAB('failed-over'), 'utf8').replace(
      '    frontEnds: [lyncfe03]\n',
      '    frontEnds: [lyncfe03]\n    centralManagementStore: true\n',
    );
    const o = await lintText(text2, 'lab.yaml');
    const { simulateSkypeDown } = await import('../../src/kinds/skype/commands/simulate.js');
    const [d] = simulateSkypeDown(o.skype!.model, o.skype!.analysis, 'x', ['lyncfe03.thelab.info']).scenario.poolsDown;
    expect(d!.restoreBy[1]).toBe(
      'on lyncfe04.thelab.info, Invoke-CsManagementServerFailover -BackupSqlServerFqdn lyncfe04.thelab.info -BackupSqlInstanceName rtc -Force',
    );
    expect(d!.fillIn).toEqual([]);
  });

  it('offers no failback where the partner is down too, FailingOver, or where neither pool is Active', async () => {
    expect((await scenarioOf(LAB('failed-over'), 'lab-a,lab-b')).scenario.poolsDown.map((d: { restoreBy: string[] }) => d.restoreBy)).toEqual([[], []]);
    expect((await scenarioOf(LAB('failing-over'), 'lyncfe03.thelab.info')).scenario.poolsDown[0].restoreBy).toEqual([]);
    expect((await scenarioOf(FIXTURE('both-failed-over'), 'a.contoso.com')).scenario.poolsDown[0].restoreBy).toEqual([]);
  });

  // FORMAT.md: failing a pool over to a partner that is FailedOver leaves both pools' users without service, exit 1.
  it.each(['lyncfe03.thelab.info', 'lyncfe03', 'lab-a'])('loses the users of both pools, exit 1, when %s is down', async (down) => {
    const { code, scenario } = await scenarioOf(LAB('failed-over'), down);
    expect(code).toBe(1);
    expect(scenario.poolsDown[0]).toMatchObject({ pool: 'lyncfe03.thelab.info', partnerState: 'FailedOver', partnerTakesOver: false, cmdlet: null });
    expect(scenario.usersWithoutService).toEqual([
      { pool: 'lyncfe03.thelab.info', users: 1200 },
      { pool: 'lyncfe04.thelab.info', users: 900 },
    ]);
  });
});

describe('simulate: a pool FailedOver onto a partner over its sizing', () => {
  // pool-a's 4,000 users are on pool-b since pool-a failed over: pool-b carries 7,000 of the 5,000 it is sized for before anything goes down.
  const text = pair(['poolState: FailedOver', 'registrarConfiguration: true']).replace(
    '    maxUsers: 20000\n    frontEnds: [b1, b2, b3]',
    '    maxUsers: 5000\n    frontEnds: [b1, b2, b3]',
  );
  const OVER = { pool: 'pool-b.contoso.com', partner: 'pool-a.contoso.com', partnerState: 'FailedOver', users: 7000, maxUsers: 5000 };

  it('gives the same exit code whichever pool, front end or back end is named: the overload is there before any goes down', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-skype-over-'));
    try {
      const file = path.join(dir, 'over.yaml');
      writeFileSync(file, text);
      for (const down of ['pool-a.contoso.com', 'a1', 'b1', 'pool-a.contoso.com/back-end']) {
        const r = await runCli(['simulate', file, '--down', down, '--format', 'json']);
        expect(r.code, down).toBe(1);
        expect(JSON.parse(r.stdout).scenarios[0].overCapacity, down).toEqual([OVER]);
      }
      // pool-a down has no failover to start: the overload is the state now, said once, not a break of this failover.
      const named = await runCli(['simulate', file, '--down', 'pool-a.contoso.com', '--format', 'json']);
      expect(JSON.parse(named.stdout).scenarios[0].poolsDown[0]).toMatchObject({ cmdlet: null, partnerOverCapacity: true, breaks: [] });
      // ... and said once in the text too, as what pool-b carries now: no failover is to start, so nothing happens "then".
      const namedText = (await runCli(['simulate', file, '--down', 'pool-a.contoso.com'])).stdout;
      expect(namedText.match(/OVER/g), namedText).toHaveLength(1);
      expect(namedText).not.toContain('then carries');
      // Side by side, the last line counts the scenarios with the overload among those that fail, and says so.
      const sideBySide = await runCli(['simulate', file, '--down', 'a1', '--down', 'b1']);
      expect(sideBySide.code).toBe(1);
      expect(sideBySide.stdout).toMatch(/✖ users without service, a failover that breaks something, or a pool over its sizing, in 2 of 2 scenarios\n$/);
      const stylish = await runCli(['simulate', file, '--down', 'b1']);
      expect(stylish.stdout).toContain(
        '  pool pool-b.contoso.com carries 7,000 users now, its own and those of pool-a.contoso.com, which has failed over to it: more than the 5,000 it is sized for: OVER\n',
      );
      expect(stylish.stdout).toMatch(/✖ pool-b\.contoso\.com carries more users than it is sized for \(7,000 of 5,000\)\n$/);
      // pool-b down serves nobody: its users and pool-a's are without service, and nothing is over.
      const partnerDown = await runCli(['simulate', file, '--down', 'pool-b.contoso.com', '--format', 'json']);
      expect(partnerDown.code).toBe(1);
      expect(JSON.parse(partnerDown.stdout).scenarios[0].overCapacity).toEqual([]);
      // Within its sizing, the same scenarios pass.
      writeFileSync(file, text.replace('maxUsers: 5000', 'maxUsers: 7000'));
      for (const down of ['pool-a.contoso.com', 'a1', 'b1']) expect((await runCli(['simulate', file, '--down', down])).code, down).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("marks the pool's what-if row as a problem, as simulate --down POOL exits 1", async () => {
    const o = await lintText(text, 's.yaml');
    const { skypeView } = await import('../../src/kinds/skype/report/report.js');
    const [row] = skypeView(o.skype!.model, o.skype!.analysis).whatIf;
    expect(row).toMatchObject({ pool: 'pool-a.contoso.com', ok: false, breaks: [] });
    expect(row!.outcome).toMatch(/over its sizing$/);
  });
});

describe('the Skype examples are true to their product version', () => {
  // "Back End Server high availability in Skype for Business Server" (SFB-BE): SQL mirroring is
  // available in Skype for Business Server 2015 but no longer supported in 2019, which has Always On
  // and failover clustering instead; the format describes only mirroring (backEnd.mirrored).
  it('mirrors no back end of a 2019 deployment', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync('examples').filter((f) => f.startsWith('skype-') && f.endsWith('.yaml'));
    const on2019: string[] = [];
    for (const f of files) {
      const o = await lintText(readFileSync(path.join('examples', f), 'utf8'), f);
      if (o.skype?.model.productVersion !== '2019') continue;
      on2019.push(f);
      expect(
        o.skype.model.pools.filter((p) => p.backEndMirrored).map((p) => p.name),
        f,
      ).toEqual([]);
    }
    expect(on2019).toEqual(['skype-2019-large.yaml']);
  });
});

describe('the users a pool carries now, where one pool of a pair has failed over (SFB-DR, SFB-FO)', () => {
  // pool-a FailedOver: its 4,000 users are on pool-b, which carries 7,000 now; pool-a carries none until it is failed back.
  const text = pair(['poolState: FailedOver'], [], []).replace(/maxUsers: 20000/g, 'maxUsers: 6000');

  it('gives usersNow beside the design figure: the partner carries both pools, the pool failed over none', async () => {
    const { result } = await lintText(text, 's.yaml');
    expect(result.pools.map((p) => ('usersNow' in p ? [p.name, p.usersNow, p.usersAfterFailover] : null))).toEqual([
      ['pool-a.contoso.com', 0, 7000],
      ['pool-b.contoso.com', 7000, 7000],
    ]);
    // Both Active, each carries its own; both not Active, neither serves the other's users.
    const active = await lintText(pair(), 's.yaml');
    expect(active.result.pools.map((p) => 'usersNow' in p && p.usersNow)).toEqual([4000, 3000]);
    const both = await lintText(pair(['poolState: FailedOver'], ['poolState: FailedOver']), 's.yaml');
    expect(both.result.pools.map((p) => 'usersNow' in p && p.usersNow)).toEqual([0, 0]);
  });

  it("does not say of the pool failed over that it would carry both pools' users after its partner fails over now", async () => {
    const { result } = await lintText(text, 's.yaml');
    const capacity = result.findings.filter((f) => f.ruleId === 'skype/pair-capacity').map((f) => [f.pool, f.messageId, f.data]);
    expect(capacity).toEqual([
      ['pool-a.contoso.com', 'overOnceFailedBack', { pool: 'pool-a.contoso.com', users: 7000, max: 6000, partner: 'pool-b.contoso.com', state: 'FailedOver' }],
      [
        'pool-b.contoso.com',
        'overNow',
        {
          pool: 'pool-b.contoso.com',
          users: 7000,
          max: 6000,
          partner: 'pool-a.contoso.com',
          partnerState: 'FailedOver',
          partnerArgument: 'pool-a.contoso.com',
        },
      ],
    ]);
  });

  it('says in the stylish line what each pool carries now', async () => {
    const { frontEndPoolSummary } = await import('../../src/kinds/skype/index.js');
    const { result } = await lintText(text, 's.yaml');
    const [pa, pb] = result.pools as Parameters<typeof frontEndPoolSummary>[0][];
    const [a, b] = [frontEndPoolSummary(pa!, pb), frontEndPoolSummary(pb!, pa)];
    expect(a).toContain('paired with pool-b.contoso.com (none of its users now: they are on pool-b.contoso.com; 7,000 users after failover once failed back)');
    expect(b).toContain("paired with pool-a.contoso.com (7,000 users now, its own and pool-a.contoso.com's (FailedOver))");
    // A failover still under way has not failed over yet: the line gives the partner's state as it is.
    const failing = await lintText(text.replace('poolState: FailedOver', 'poolState: FailingOver'), 's.yaml');
    const [fa, fb] = failing.result.pools as Parameters<typeof frontEndPoolSummary>[0][];
    expect(frontEndPoolSummary(fb!, fa)).toContain("paired with pool-a.contoso.com (7,000 users now, its own and pool-a.contoso.com's (FailingOver))");
  });

  it('says in the report, beside its own users, what each pool carries now', async () => {
    const o = await lintText(text, 's.yaml');
    const { skypeView } = await import('../../src/kinds/skype/report/report.js');
    const sizing = skypeView(o.skype!.model, o.skype!.analysis, o.result.findings).sizing;
    expect(sizing.map((r) => [r.users, r.usersNow, r.nowOver])).toEqual([
      ['4,000', 'none now: on its partner', false],
      ['3,000', "7,000 now, its own and its partner's: over its sizing by 1,000", true],
    ]);
    // Both Active: each carries its own users, and nothing more is said.
    const active = await lintText(pair(), 's.yaml');
    expect(skypeView(active.skype!.model, active.skype!.analysis, active.result.findings).sizing.map((r) => r.usersNow)).toEqual(['', '']);
  });
});
