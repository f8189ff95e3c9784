/**
 * `plan` as an administrator uses it: make the change it prints, then validate. The change must give
 * every pool it names the figures it promised (the target reached), and must not bring a finding
 * about the default observer that the design did not have (issue 25: never a design its own
 * validate flags).
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/api/lint.js';
import type { PoolPlan } from '../src/kinds/scom/analysis/plan.js';
import { ROOT } from './fixture-files.js';
import { runCli } from './support/run-cli.js';

type Doc = {
  managementServers: { name: string; dataCenter?: string }[];
  gateways?: { name: string; dataCenter?: string; reportsTo?: string[]; managementServers?: string[] }[];
  pools?: { name: string; membership?: string; members?: string[]; observers?: string[]; defaultObserver?: boolean }[];
};

const DIR = mkdtempSync(path.join(tmpdir(), 'pooltopo-plan-applied-'));

const DEFAULT_POOLS = new Set(['All Management Servers Resource Pool', 'Notifications Resource Pool', 'AD Assignment Resource Pool']);
const FLAGS = new Set(['default-observer-database-load', 'default-observer-disabled', 'pool-spans-data-centers', 'data-center-loss']);

/** The design with the plan's change made: new servers where the pool's first member is, members, observers, the default observer. */
function applied(doc: Doc, plans: readonly PoolPlan[], forAgents: readonly string[], forAgentsDataCenter: string | undefined): Doc {
  const out = structuredClone(doc);
  out.pools ??= [];
  const added = new Set<string>(forAgents);
  const site = out.managementServers[0]?.dataCenter;
  for (const name of forAgents) out.managementServers.push({ name, ...(forAgentsDataCenter !== undefined ? { dataCenter: forAgentsDataCenter } : {}) });
  const server = (name: string) => out.managementServers.find((s) => s.name === name) ?? out.gateways?.find((g) => g.name === name);
  for (const p of plans) {
    const change = p.change;
    if (!change) continue;
    let listed = out.pools.find((x) => x.name === p.pool);
    const first = listed?.members?.map(server).find(Boolean);
    change.newServers.forEach((name, i) => {
      if (added.has(name)) return;
      added.add(name);
      // Where the plan says (the pool's data centre), else beside the first management server.
      const at = change.dataCenter ?? site;
      const dataCenter = at !== undefined ? { dataCenter: at } : {};
      if (i < change.addMembers && change.memberRole === 'gateway') {
        const like = first as NonNullable<Doc['gateways']>[number];
        expect(change.reportsTo).toEqual(like.reportsTo ?? like.managementServers);
        (out.gateways ??= []).push({ name, ...dataCenter, reportsTo: [...(change.reportsTo ?? [])] });
      } else out.managementServers.push({ name, ...dataCenter });
    });
    // A pool of chosen members gets its new servers by name; an automatic one every new management
    // server, which a file that lists its members (as an import writes it) lists too.
    if (listed?.members) {
      if (listed.membership === 'automatic') listed.members.push(...change.joins);
      listed.members.push(...change.newServers.slice(0, change.addMembers));
      (listed.observers ??= []).push(...change.newServers.slice(change.addMembers));
    }
    if (change.defaultObserver !== 'keep') {
      if (!listed) out.pools.push((listed = { name: p.pool }));
      listed.defaultObserver = change.defaultObserver === 'enable';
    }
  }
  // A pool made manual keeps the members it had once every new server is installed, less those removed.
  for (const p of plans) {
    const change = p.change;
    if (change?.membership !== 'manual') continue;
    let listed = out.pools.find((x) => x.name === p.pool);
    if (!listed) out.pools.push((listed = { name: p.pool }));
    const had = listed.members ?? out.managementServers.map((s) => s.name);
    listed.membership = 'manual';
    listed.members = had.filter((m) => !(change.removeMembers ?? []).includes(m));
  }
  return out;
}

const findingsOf = async (text: string) => (await lintText(text, 'design.yaml')).result;

const examples = readdirSync(path.join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => `examples/${f}`)
  .filter((f) => {
    const doc = yaml.load(readFileSync(path.join(ROOT, f), 'utf8')) as { kind?: string; managementServers?: unknown };
    return (doc.kind === undefined || doc.kind === 'scom') && doc.managementServers !== undefined;
  });

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
    'agents the pools servers take',
    'version: 1\nname: Agents\nmanagementServers: [{name: ms01, agents: 2500}, {name: ms02, agents: 2500}]\npools: [{name: P, members: [ms01]}]\n',
  ],
];

describe('plan, applied, then validate', () => {
  it('covers the SCOM examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(15);
  });

  const cases = [
    ...examples.map((f) => [f, readFileSync(path.join(ROOT, f), 'utf8')] as const),
    ['URL pool beside four servers', urlPool] as const,
    ...DESIGNS,
  ];
  it.each(cases.flatMap(([name, text]) => [1, 2, 3].map((t) => [name, t, text] as const)))('%s to %i failures', async (_name, target, text) => {
    writeFileSync(path.join(DIR, 'design.yaml'), text);
    const planned = await runCli(['plan', 'design.yaml', '--target-failures', String(target), '--format', 'json', '--no-config'], { cwd: DIR });
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
    const before = await findingsOf(text);
    const result = await findingsOf(yaml.dump(after));
    expect(result.findings.filter((f) => f.ruleId === 'schema' || f.ruleId === 'unknown-reference')).toEqual([]);
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
    }
    // A finding about the implied default pools is one finding; listed (to set their default observer) they get one each.
    const flags = (r: typeof result) =>
      r.findings
        .filter((f) => FLAGS.has(f.ruleId))
        .map((f) => `${f.ruleId} ${f.pool === undefined || DEFAULT_POOLS.has(f.pool) ? '(the default pools)' : f.pool}`);
    const had = new Set(flags(before));
    // A pool that spans data centres already is a finding of its own, and the plan does not balance
    // its sites: a data centre's loss it then no longer survives is not the plan's to avoid.
    const spanned = (f: string) => f.startsWith('data-center-loss ') && had.has(f.replace('data-center-loss', 'pool-spans-data-centers'));
    expect(flags(result).filter((f) => !had.has(f) && !spanned(f))).toEqual([]);
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
