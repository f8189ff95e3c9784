/**
 * `plan` as an administrator uses it: make the change it prints, then validate. The change must give
 * every pool it names the figures it promised (the target reached), and must not bring a finding,
 * of any rule, that the design did not have but those the plan says it leaves (issue 25: never a
 * design its own validate flags): over the SCOM examples, the fixtures and the seeds' scenarios.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/api/lint.js';
import type { Finding } from '../src/core/results.js';
import type { LeftFinding, PoolPlan } from '../src/kinds/scom/analysis/plan.js';
import { ROOT } from './fixture-files.js';
import { applied, DEFAULT_POOLS, type Doc, scomFiles, seedDesigns, subjectKeys } from './support/plan-applied.js';
import { runCli } from './support/run-cli.js';

const DIR = mkdtempSync(path.join(tmpdir(), 'pooltopo-plan-applied-'));

const findingsOf = async (text: string) => (await lintText(text, 'design.yaml')).result;

const examples = scomFiles('examples');
// Every SCOM design among the fixtures; one that cannot be analysed is planned as nothing (asserted below).
const fixtures = ['test/fixtures/rules', 'test/fixtures/model', 'test/fixtures/kinds'].flatMap(scomFiles);

// A pool of chosen members next to four management servers: its new server joins the default pools,
// which then have five (the case that once left the default observer voting beside them).
const urlPool = `version: 1
name: URL pool beside four servers
managementServers: [{name: ms01}, {name: ms02}, {name: ms03}, {name: ms04}]
pools: [{name: URL Pool, members: [ms01], purpose: url}]
`;

// Where new servers go, from a helper's runs: a mixed pool whose first member is a gateway, a pool
// with no members, an automatic pool listing its members in another order than the file's servers,
// a pool whose observer already brings the database's data centre, agents the pools' servers can take.
const SITES = 'dataCenters: [{name: dc1}, {name: dmz}, {name: dc2}]\ndatabases: {operational: {server: sql01, dataCenter: dc1}}\n';
const DESIGNS: (readonly [string, string])[] = [
  [
    'a mixed pool led by a gateway',
    `version: 1\nname: Mixed\n${SITES}managementServers: [{name: ms01, dataCenter: dc1}, {name: ms02, dataCenter: dc1}, {name: ms03, dataCenter: dc1}]\ngateways: [{name: gw01, dataCenter: dmz, reportsTo: [ms01, ms02]}]\npools: [{name: Mixed Pool, members: [gw01, ms01]}]\n`,
  ],
  [
    'a pool with no members',
    `version: 1\nname: Empty\n${SITES}managementServers: [{name: ms01, dataCenter: dc1}, {name: ms02, dataCenter: dc1}, {name: ms03, dataCenter: dc1}]\npools: [{name: P, members: []}]\n`,
  ],
  [
    'an automatic pool listed in another order',
    `version: 1\nname: Auto\n${SITES}managementServers: [{name: ms01, dataCenter: dc1}, {name: ms02, dataCenter: dc2}]\npools: [{name: All Management Servers Resource Pool, membership: automatic, members: [ms02, ms01]}]\n`,
  ],
  [
    'an observer in the database data centre',
    `version: 1\nname: Observer\n${SITES}managementServers: [{name: ms01, dataCenter: dc1}, {name: ms02, dataCenter: dc2}]\npools: [{name: P, members: [ms02], observers: [ms01], defaultObserver: false}]\n`,
  ],
  [
    'the default pools made manual beside a network pool (one new server for the three)',
    `version: 1\nname: Network\nmanagementServers: [{name: ms01}, {name: ms02}, {name: ms03}, {name: nms01}, {name: nms02}, {name: nms03}]\npools:\n${[...DEFAULT_POOLS].map((p) => `  - {name: ${p}, membership: manual, members: [ms01, ms02, ms03]}\n`).join('')}  - {name: Network Monitoring Pool, purpose: network, members: [nms01, nms02, nms03], workload: {networkDevices: 900}}\n`,
  ],
  [
    // The new gateways' failover takes them around ms01: the pool no longer stops with ms01 alone.
    'a gateway pool whose one gateway reports to one of two management servers',
    'version: 1\nname: Gateway\nmanagementServers: [{name: ms01}, {name: ms02}]\ngateways: [{name: gw01, reportsTo: [ms01]}]\npools: [{name: GW Pool, members: [gw01]}]\n',
  ],
  [
    'agents the pools servers take',
    'version: 1\nname: Agents\nmanagementServers: [{name: ms01, agents: 2500}, {name: ms02, agents: 2500}]\npools: [{name: P, members: [ms01]}]\n',
  ],
];

describe('plan, applied, then validate', () => {
  it('covers the SCOM examples, the fixtures and the seeds\u2019 scenarios', () => {
    expect(examples.length).toBeGreaterThanOrEqual(15);
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
    expect(seedDesigns().length).toBeGreaterThanOrEqual(100);
  });

  const cases = [...examples, ...fixtures, ['URL pool beside four servers', urlPool] as const, ...DESIGNS, ...seedDesigns()];
  it.each(cases.flatMap(([name, text]) => [1, 2, 3].map((t) => [name, t, text] as const)))('%s to %i failures', async (_name, target, text) => {
    writeFileSync(path.join(DIR, 'design.yaml'), text);
    const planned = await runCli(['plan', 'design.yaml', '--target-failures', String(target), '--format', 'json', '--no-config'], { cwd: DIR });
    // The design as the change is made to it: without its comments (and so its suppressions).
    const before = await findingsOf(yaml.dump(yaml.load(text)));
    if (before.findings.some((f) => f.ruleId === 'schema')) {
      // A design that cannot be analysed is not planned: it says so, and validate says why.
      expect({ code: planned.code, stdout: planned.stdout }).toEqual({ code: 2, stdout: '' });
      expect(planned.stderr).toMatch(/cannot be analysed/);
      return;
    }
    // At most the warning that a design with errors is planned as read.
    expect(planned.stderr).toMatch(/^(pooltopo: warning: [^\n]*\n)?$/);
    const {
      pools: plans,
      forAgents,
      forAgentsDataCenter,
    } = JSON.parse(planned.stdout) as {
      pools: PoolPlan[];
      forAgents: string[];
      forAgentsDataCenter?: string;
    };
    // A new server is in one place, whichever row names it.
    const places = new Map<string, Set<string | undefined>>();
    for (const p of plans)
      for (const n of p.change?.newServers ?? []) places.set(n, (places.get(n) ?? new Set()).add(p.change!.dataCenter ?? forAgentsDataCenter));
    expect([...places].filter(([, at]) => at.size > 1)).toEqual([]);
    const after = applied(yaml.load(text) as Doc, plans, forAgents, forAgentsDataCenter);
    const result = await findingsOf(yaml.dump(after));
    // The change names only servers that exist then (a design may name some that do not already).
    const broken = (r: typeof result) => r.findings.filter((f) => f.ruleId === 'schema' || f.ruleId === 'unknown-reference').map((f) => f.message);
    expect(broken(result).filter((m) => !broken(before).includes(m))).toEqual([]);
    const pools = result.kind === 'scom' ? result.pools : [];
    for (const p of plans) {
      if (!p.change) continue;
      const figures = pools.find((x) => x.name === p.pool);
      expect(figures, p.pool).toBeDefined();
      expect({ pool: p.pool, votingMembers: figures!.votingMembers, tolerableFailures: figures!.tolerableFailures }).toEqual({
        pool: p.pool,
        votingMembers: p.change.result.votingMembers,
        tolerableFailures: p.change.result.tolerableFailures,
      });
      expect(p.change.result.tolerableFailures).toBeGreaterThanOrEqual(target);
      // A single point the row says no change removes is one still, once the change is made.
      const still = new Set((figures!.singlePointsOfFailure as string[]).map((n) => n.toLowerCase()));
      expect({ pool: p.pool, points: (p.singlePointsOfFailure ?? []).filter((n) => !still.has(n.toLowerCase())) }).toEqual({ pool: p.pool, points: [] });
    }
    // No finding, of any rule, about any pool or server, that the design did not have (issue 25:
    // never a design its own validate flags), but those the plan says it leaves.
    const had = new Set(subjectKeys(before.findings));
    const said = (f: Finding) => {
      const named = (p: PoolPlan) =>
        p.pool === f.pool || (p.implied && (f.pool === undefined || DEFAULT_POOLS.has(f.pool))) || p.change?.newServers.includes(String(f.data?.['name']));
      // A single point of failure outside the pool's members, which the plan's row names (plan-format.ts).
      if (f.ruleId === 'single-point-of-failure') return plans.some((p) => named(p) && (p.singlePointsOfFailure ?? []).length > 0);
      return plans.some((p) => named(p) && (p.change?.leaves ?? []).includes(f.ruleId as LeftFinding));
    };
    // A pool that spans data centres already is a finding of its own, and the plan does not balance
    // its sites: a data centre's loss it then no longer survives is not the plan's to avoid.
    const spanned = (key: string) => key.startsWith('data-center-loss ') && had.has(key.replace('data-center-loss', 'pool-spans-data-centers'));
    const gained = result.findings.filter((f) => {
      const key = subjectKeys([f])[0]!;
      return !had.has(key) && !spanned(key) && !said(f);
    });
    expect(gained.map((f) => subjectKeys([f])[0])).toEqual([]);
    // Each new server is named once, in one role.
    const names = plans.flatMap((p) =>
      p.change ? p.change.newServers.map((n, i) => `${n}:${i < p.change!.addMembers ? p.change!.memberRole : 'management-server'}`) : [],
    );
    const roles = new Map<string, Set<string>>();
    for (const n of names) {
      const [name, role] = n.split(':') as [string, string];
      roles.set(name, (roles.get(name) ?? new Set()).add(role));
    }
    expect([...roles].filter(([, r]) => r.size > 1)).toEqual([]);
  });
});

describe('plan for a network pool of two management servers', () => {
  // validate's network-pool-too-small: Microsoft supports network devices in a pool of three or more management servers.
  const design = `version: 1
name: Network pool of two
managementServers: [{name: ms01}, {name: ms02}, {name: nm01}, {name: nm02}]
pools:
${[...DEFAULT_POOLS].map((p) => `  - {name: ${p}, membership: manual, members: [ms01, ms02]}\n`).join('')}  - {name: Network Monitoring Pool, purpose: network, members: [nm01, nm02], workload: {networkDevices: 500}}
`;

  it('adds the third member that validate asks for, even where the target is met', async () => {
    writeFileSync(path.join(DIR, 'network-two.yaml'), design);
    expect((await findingsOf(design)).findings.map((f) => f.ruleId)).toContain('network-pool-too-small');
    const planned = await runCli(['plan', 'network-two.yaml', '--target-failures', '1', '--format', 'json', '--no-config'], { cwd: DIR });
    const { pools } = JSON.parse(planned.stdout) as { pools: PoolPlan[] };
    const network = pools.find((p) => p.pool === 'Network Monitoring Pool')!;
    expect(network.change?.result.members).toBe(3);
    expect(network.change?.text).toMatch(/supported in a pool of 3 or more management servers/);
    expect(planned.code).toBe(1);
    const after = applied(yaml.load(design) as Doc, pools, [], undefined);
    expect((await findingsOf(yaml.dump(after))).findings.filter((f) => f.ruleId === 'network-pool-too-small')).toEqual([]);
  });

  it('gives its network devices no headroom figure, which Microsoft states only from three members', async () => {
    writeFileSync(path.join(DIR, 'network-two.yaml'), design);
    const json = await runCli(['plan', 'network-two.yaml', '--format', 'json', '--no-config'], { cwd: DIR });
    const { headroom } = JSON.parse(json.stdout) as { headroom: { pools: { pool: string; item: string; headroom: number | null; minimumMembers?: number }[] } };
    expect(headroom.pools).toEqual([{ pool: 'Network Monitoring Pool', item: 'networkDevices', headroom: null, minimumMembers: 3 }]);
    // The line the administrator reads says so, rather than a number that holds from three members.
    const stylish = await runCli(['plan', 'network-two.yaml', '--no-config'], { cwd: DIR });
    const line = stylish.stdout.split('\n').find((l) => l.includes('network devices in Network Monitoring Pool'));
    expect(line).toMatch(/no supported figure/);
    expect(line).not.toMatch(/\d more|over/);
  });
});

describe('plan for a pool of gateways with network devices', () => {
  // Capacity model (DOMAIN.md): a pool of gateways manages 500 network devices per gateway, not 1,000 per pool.
  const design = (devices: number) => `version: 1
name: Gateway network pool
managementServers: [{name: ms01}, {name: ms02}]
gateways:
  - {name: gw01, reportsTo: [ms01, ms02]}
  - {name: gw02, reportsTo: [ms02, ms01]}
  - {name: gw03, reportsTo: [ms01, ms02]}
pools:
  - {name: Gateway Network Pool, members: [gw01, gw02, gw03], defaultObserver: false, purpose: network, workload: {networkDevices: ${devices}}}
`;
  const planOf = async (text: string) => {
    writeFileSync(path.join(DIR, 'gateway-network.yaml'), text);
    const planned = await runCli(['plan', 'gateway-network.yaml', '--format', 'json', '--no-config'], { cwd: DIR });
    return (JSON.parse(planned.stdout) as { pools: PoolPlan[] }).pools.find((p) => p.pool === 'Gateway Network Pool')!;
  };

  it('does not call 1,200 devices on three gateways over a limit that validate does not see', async () => {
    expect((await findingsOf(design(1200))).findings.filter((f) => f.ruleId.startsWith('capacity'))).toEqual([]);
    const plan = await planOf(design(1200));
    expect(plan.blocked).toBeUndefined();
    expect(plan.change).toBeNull();
  });

  it('adds the gateway that 1,600 devices need', async () => {
    expect((await findingsOf(design(1600))).findings.map((f) => f.ruleId)).toContain('capacity-exceeded');
    const plan = await planOf(design(1600));
    expect(plan.blocked).toBeUndefined();
    expect(plan.change?.memberRole).toBe('gateway');
    expect(plan.change?.result.members).toBe(4);
    const after = applied(yaml.load(design(1600)) as Doc, [plan], [], undefined);
    expect((await findingsOf(yaml.dump(after))).findings.filter((f) => f.ruleId.startsWith('capacity'))).toEqual([]);
  });
});

describe('plan for a UNIX/Linux pool', () => {
  // RPD: every member of a UNIX/Linux pool must hold every root certificate that signs the agents' certificates.
  const design = `version: 1
name: UNIX pool
managementServers: [{name: ms01}, {name: ms02}, {name: ux01}, {name: ux02}]
pools:
  - {name: UNIX Linux Pool, members: [ux01, ux02], purpose: unix-linux, workload: {unixLinuxAgents: 500}}
`;

  it('says that the new members need the pool members\u2019 signing certificates', async () => {
    writeFileSync(path.join(DIR, 'unix.yaml'), design);
    const planned = await runCli(['plan', 'unix.yaml', '--target-failures', '2', '--format', 'json', '--no-config'], { cwd: DIR });
    const plan = (JSON.parse(planned.stdout) as { pools: PoolPlan[] }).pools.find((p) => p.pool === 'UNIX Linux Pool')!;
    expect(plan.change?.addMembers).toBe(2);
    expect(plan.change?.commands.filter((c) => /certificate/.test(c))).toEqual([
      "# on NEW-MS-1, NEW-MS-2: import the certificates ux01, ux02 sign UNIX/Linux agent certificates with, and import theirs on every other member: each member must hold every root certificate that signs the agents' certificates",
    ]);
  });
});

describe('plan for a network pool of two beside the automatic default pools', () => {
  // network-pool-not-dedicated: a network pool's servers are dedicated, the default pools made manual without them (RPD, FE).
  const design = readFileSync(path.join(ROOT, 'examples/network-pool.yaml'), 'utf8')
    .replace(/  - name: scom-ms05\n    dataCenter: dc-chicago\n/, '')
    .replace(/  # The default pools[\s\S]*?(?=  - name: Network Monitoring Pool)/, '')
    .replace('[scom-ms03, scom-ms04, scom-ms05]', '[scom-ms03, scom-ms04]')
    .replace('networkDevices: 850', 'networkDevices: 400');

  it.each([1, 2, 3])('keeps the new network server out of the default pools, whose figures are those after the change (%i failures)', async (target) => {
    expect((await findingsOf(design)).findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['network-pool-too-small', 'network-pool-not-dedicated']));
    writeFileSync(path.join(DIR, 'network-beside-automatic.yaml'), design);
    const planned = await runCli(['plan', 'network-beside-automatic.yaml', '--target-failures', String(target), '--format', 'json', '--no-config'], {
      cwd: DIR,
    });
    const { pools } = JSON.parse(planned.stdout) as { pools: PoolPlan[] };
    const network = pools.find((p) => p.pool === 'Network Monitoring Pool')!;
    const added = network.change!.newServers;
    expect(added.length).toBeGreaterThan(0);
    const after = applied(yaml.load(design) as Doc, pools, [], undefined);
    const result = await findingsOf(yaml.dump(after));
    expect(result.findings.filter((f) => f.ruleId === 'network-pool-not-dedicated' || f.ruleId === 'network-pool-too-small')).toEqual([]);
    const figures = result.kind === 'scom' ? result.pools : [];
    for (const name of DEFAULT_POOLS) {
      const plan = pools.find((p) => p.pool === name)!;
      expect(plan.change?.membership).toBe('manual');
      expect(plan.change?.joins.filter((j) => added.includes(j))).toEqual([]);
      expect(plan.change?.commands).toEqual(
        expect.arrayContaining([
          `Get-SCOMResourcePool -DisplayName "${name}" | Set-SCOMResourcePool -EnableAutomaticMembership $false`,
          `Get-SCOMResourcePool -DisplayName "${name}" | Set-SCOMResourcePool -Member (Get-SCOMManagementServer -Name ${['scom-ms03', 'scom-ms04', ...added].map((n) => `"${n}"`).join(', ')}) -Action Remove`,
        ]),
      );
      const f = figures.find((x) => x.name === name)!;
      expect({ votingMembers: f.votingMembers, tolerableFailures: f.tolerableFailures }).toEqual({
        votingMembers: plan.change!.result.votingMembers,
        tolerableFailures: plan.change!.result.tolerableFailures,
      });
      expect(f.tolerableFailures).toBeGreaterThanOrEqual(target);
    }
  });
});

describe('plan for a pool of gateways that each report to one management server', () => {
  // gateway-without-failover: a new gateway with one parent is cut off with it; the group has others to fail over to (GW).
  const design = readFileSync(path.join(ROOT, 'test/fixtures/rules/single-point-of-failure.fires.yaml'), 'utf8');

  it.each([2, 3])('gives the new gateways a failover management server beside their primary (%i failures)', async (target) => {
    writeFileSync(path.join(DIR, 'gateways-one-parent.yaml'), design);
    const planned = await runCli(['plan', 'gateways-one-parent.yaml', '--target-failures', String(target), '--format', 'json', '--no-config'], {
      cwd: DIR,
    });
    const { pools } = JSON.parse(planned.stdout) as { pools: PoolPlan[] };
    const plan = pools.find((p) => p.pool === 'DMZ Gateway Pool')!;
    const added = plan.change!.newServers.slice(0, plan.change!.addMembers);
    expect(added.length).toBeGreaterThan(0);
    expect(plan.change?.reportsTo).toEqual(['ms01', 'ms02']);
    expect(plan.change?.leaves ?? []).not.toContain('gateway-without-failover');
    // As gateway-without-failover's message gives it, one gateway at a time.
    expect(plan.change?.commands).toEqual(
      expect.arrayContaining(
        added.map(
          (n) =>
            `Set-SCOMParentManagementServer -GatewayServer (Get-SCOMGatewayManagementServer -Name "${n}") -FailoverServer (Get-SCOMManagementServer -Name "ms02")`,
        ),
      ),
    );
    const after = applied(yaml.load(design) as Doc, pools, [], undefined);
    const result = await findingsOf(yaml.dump(after));
    expect(result.findings.filter((f) => f.ruleId === 'gateway-without-failover' && added.includes(String(f.data?.['name'])))).toEqual([]);
  });
});
