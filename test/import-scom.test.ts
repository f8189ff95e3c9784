/**
 * `pooltopo import scom` (FORMAT.md, "Import"): each fixture export imports to the topology
 * committed beside it, which validates to the figures of its hand-written twin; bad input is exit 2
 * with the file and line, and never leaves an output file behind.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOMAIN, TWINS, exportOf, largeTopology } from '../scripts/make-import-fixtures.mjs';
import { ROOT, runCli } from './support/run-cli.js';

const FIXTURES = 'test/fixtures/import-scom';
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-import-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `import scom` of a fixture, with its overlay where it has one. */
async function importFixture(name: string, extra: string[] = []) {
  const overlay = `${FIXTURES}/${name}.sites.yaml`;
  return runCli(['import', 'scom', `${FIXTURES}/${name}.export.json`, ...(existsSync(path.join(ROOT, overlay)) ? ['--overlay', overlay] : []), ...extra]);
}

/** What a reviewer compares: each pool's figures and the group's, and the findings by rule and pool, server names without their domain. */
async function figures(file: string, cwd = ROOT) {
  const run = await runCli(['validate', file, '--format', 'json'], { cwd });
  const result = JSON.parse(run.stdout.split(`.${DOMAIN}`).join('')).files[0];
  const pools = (result.pools as Record<string, unknown>[]).map(({ implied: _implied, ...rest }) => rest);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  // The rules that fire: an implied default pool's findings are told once for the three, a listed one's each on its entry.
  const findings = [...new Set((result.findings as { ruleId: string }[]).map((f) => f.ruleId))].sort();
  return { pools: pools.sort(byName as never), managementGroup: result.managementGroup, findings };
}

describe('import scom: the fixtures of real shapes', () => {
  for (const name of Object.keys(TWINS)) {
    it(`${name}: imports to its committed topology, which validates as its hand-written twin does`, async () => {
      const run = await importFixture(name);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      if (name !== 'large') expect(run.stdout).toBe(readFileSync(path.join(ROOT, `${FIXTURES}/${name}.yaml`), 'utf8'));
      const imported = path.join(dir, `${name}.yaml`);
      writeFileSync(imported, run.stdout);
      const [got, want] = await Promise.all([figures(imported), figures(TWINS[name as keyof typeof TWINS])]);
      expect(got.findings).toEqual(want.findings);
      expect(got.pools).toEqual(want.pools);
      expect(got.managementGroup).toEqual(want.managementGroup);
    }, 60_000);
  }

  it('the large group: 200 management servers, 40 gateways and 30 pools, as the generator builds it', async () => {
    const exp = JSON.parse(readFileSync(path.join(ROOT, `${FIXTURES}/large.export.json`), 'utf8'));
    expect(exp).toEqual(exportOf(largeTopology()));
    expect(exp.managementServers.filter((s: { IsGateway: boolean }) => !s.IsGateway)).toHaveLength(200);
    expect(exp.managementServers.filter((s: { IsGateway: boolean }) => s.IsGateway)).toHaveLength(40);
    expect(exp.resourcePools).toHaveLength(30);
    const doc = yaml.load((await importFixture('large')).stdout) as { managementServers: unknown[]; gateways: { reportsTo: string[] }[]; pools: unknown[] };
    expect([doc.managementServers.length, doc.gateways.length, doc.pools.length]).toEqual([200, 40, 30]);
    expect(doc.gateways[4]!.reportsTo).toEqual([`ms005.${DOMAIN}`]);
  }, 60_000);
});

describe('import scom: the command', () => {
  it("is the scom kind's importer: in import --help, and an unknown option is named with its owner", async () => {
    const help = await runCli(['import', '--help']);
    expect(help.stdout).toContain('pooltopo import scom EXPORT.json [--overlay SITES.yaml] [options]');
    expect((await runCli(['--help'])).stdout).toMatch(/import SOURCE FILE\.\.\. .*\(scom, opcon\)/);
    expect((await runCli(['import', 'opcon', 'a.ini', 'b.ini', '--overlay', 'x.yaml'])).stderr).toBe(
      'pooltopo: --overlay is an option of import scom, not of import opcon (pooltopo import --help)\n',
    );
    expect((await runCli(['import', 'scom', 'a.json', 'b.json'])).stderr).toBe(
      'pooltopo: import scom reads one export (the JSON Export-ScomTopology.ps1 writes), not 2 files (pooltopo import --help)\n',
    );
  });
});

describe('import scom: drift from the reviewed design', () => {
  it('the example pair: the live group imports to scom-drift-live.yaml, where each drift shows', async () => {
    const run = await runCli(['import', 'scom', 'examples/scom-drift/live-export.json']);
    expect(run.stdout).toBe(readFileSync(path.join(ROOT, 'examples/scom-drift-live.yaml'), 'utf8'));
    const [design, live] = await Promise.all([figures('examples/scom-drift-design.yaml'), figures('examples/scom-drift-live.yaml')]);
    const pool = (f: typeof design, name: string) => f.pools.find((p) => p['name'] === name) as Record<string, unknown>;
    // A management server missing from the All Management Servers pool.
    expect([
      pool(design, 'All Management Servers Resource Pool')['tolerableFailures'],
      pool(live, 'All Management Servers Resource Pool')['tolerableFailures'],
    ]).toEqual([2, 1]);
    // A default observer switched off.
    expect([pool(design, 'UNIX Linux Pool')['tolerableFailures'], pool(live, 'UNIX Linux Pool')['tolerableFailures']]).toEqual([1, 0]);
    expect(design.findings).toEqual([]);
    // A gateway without its failover server, PoolManager changed on one server, and the two above.
    expect(live.findings).toEqual([
      'default-observer-disabled',
      'default-observer-no-benefit',
      'gateway-without-failover',
      'no-high-availability',
      'pool-manager-settings-mismatch',
    ]);
  });
});

describe('import scom: the mapping', () => {
  it("takes the majority PoolManager values for the group and keeps a server's own where it differs", async () => {
    const doc = yaml.load((await importFixture('poolmanager-changed')).stdout) as {
      poolManager: unknown;
      managementServers: { name: string; poolManager?: unknown }[];
    };
    expect(doc.poolManager).toEqual({ leaseRequestPeriodSeconds: 120, networkLatencySeconds: 30 });
    expect(doc.managementServers.map((s) => s.poolManager)).toEqual([undefined, { leaseRequestPeriodSeconds: 600 }, undefined]);
    const findings = (await figures(path.join(ROOT, `${FIXTURES}/poolmanager-changed.yaml`))).findings;
    expect(findings).toContain('pool-manager-settings-mismatch');
  });

  it('writes the database host without instance or port, and colocatedWith where it is a management server', async () => {
    const colocated = yaml.load((await importFixture('two-servers-colocated-db')).stdout) as { databases: { operational: unknown } };
    expect(colocated.databases.operational).toEqual({ server: `scom-ms01.${DOMAIN}`, colocatedWith: `scom-ms01.${DOMAIN}` });
    const separate = yaml.load((await importFixture('single-server')).stdout) as { databases: { operational: unknown } };
    expect(separate.databases.operational).toEqual({ server: `scom-sql01.${DOMAIN}` });
  });

  it('gives gateways reportsTo from the primary then the failover servers, and says where there is no failover', async () => {
    const text = (await importFixture('gateway-pool-three')).stdout;
    const doc = yaml.load(text) as { gateways: { reportsTo: string[] }[] };
    expect(doc.gateways.map((g) => g.reportsTo)).toEqual([
      [`scom-ms01.${DOMAIN}`, `scom-ms02.${DOMAIN}`],
      [`scom-ms02.${DOMAIN}`, `scom-ms01.${DOMAIN}`],
      [`scom-ms02.${DOMAIN}`],
    ]);
    expect(text).toContain(`reportsTo: [scom-ms02.${DOMAIN}]  # no failover server: cut off when its primary is`);
  });

  it('lists every pool as the group has it, with purpose and workload from the counts', async () => {
    const doc = yaml.load((await importFixture('network-pool')).stdout) as { pools: Record<string, unknown>[] };
    expect(doc.pools.map((p) => [p['name'], p['membership'], (p['members'] as string[]).length, p['purpose']])).toEqual([
      ['All Management Servers Resource Pool', 'manual', 2, undefined],
      ['Notifications Resource Pool', 'manual', 2, undefined],
      ['AD Assignment Resource Pool', 'manual', 2, undefined],
      ['Network Monitoring Pool', 'manual', 3, 'network'],
    ]);
    expect(doc.pools[3]!['workload']).toEqual({ networkDevices: 850 });
  });

  it('says in a comment what neither SCOM nor an overlay gave', async () => {
    const bare = (await runCli(['import', 'scom', `${FIXTURES}/two-servers-separate-sql.export.json`])).stdout;
    expect(bare).toMatch(/^# SCOM does not hold data centres, latency, availabilities or UNIX\/Linux root certificates/m);
    expect(bare).toContain('# failoverServers: not in the export');
    const exp = JSON.parse(readFileSync(path.join(ROOT, `${FIXTURES}/gateway-pool-two.export.json`), 'utf8'));
    exp.managementServers[2].PoolManager = null;
    exp.managementServers[0].AgentCount = null;
    exp.resourcePools[3].UnixLinuxAgentCount = null;
    const file = path.join(dir, 'gaps.json');
    writeFileSync(file, JSON.stringify(exp, null, 2));
    const run = await runCli(['import', 'scom', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("    # poolManager: its registry could not be read when exported; taken as the group's");
    expect(run.stdout).toContain('    # agents: not in the export');
    expect(run.stdout).toContain('    # workload.unixLinuxAgents: not in the export');
    expect(run.stdout).toContain('(3 of 4 servers read, 1 could not be)');
    writeFileSync(path.join(dir, 'gaps.yaml'), run.stdout);
    expect((await runCli(['validate', path.join(dir, 'gaps.yaml')])).code).toBe(0);
  });

  it('leaves databases out, saying why, when the Setup registry key could not be read: the file still validates', async () => {
    const exp = JSON.parse(readFileSync(path.join(ROOT, `${FIXTURES}/gateway-pool-two.export.json`), 'utf8'));
    for (const k of ['DatabaseServerName', 'DatabaseName', 'DataWarehouseDBServerName', 'DataWarehouseDBName']) exp.databaseSetup[k] = null;
    const file = path.join(dir, 'no-database.json');
    writeFileSync(file, JSON.stringify(exp, null, 2));
    const run = await runCli(['import', 'scom', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('# databases: not in the export (the Setup registry key could not be read)');
    expect(run.stdout).not.toMatch(/^databases:/m);
    writeFileSync(path.join(dir, 'no-database.yaml'), run.stdout);
    const validate = await runCli(['validate', path.join(dir, 'no-database.yaml'), '--format', 'json']);
    expect(JSON.parse(validate.stdout).files[0].findings.filter((f: { ruleId: string }) => f.ruleId === 'schema')).toEqual([]);
  });

  it("matches overlay names by full name or first label, and reads the 1801/1807 builds with 2016's limits", async () => {
    const doc = yaml.load((await importFixture('stretched-two-sites')).stdout) as {
      latency: { between: string[] }[];
      managementServers: { dataCenter: string }[];
    };
    expect(doc.latency[1]!.between).toEqual([`scom-ms01.${DOMAIN}`, `scom-ms02.${DOMAIN}`]);
    expect(doc.managementServers.map((s) => s.dataCenter)).toEqual(['dc-london', 'dc-london', 'dc-frankfurt', 'dc-frankfurt']);
    const exp = JSON.parse(readFileSync(path.join(ROOT, `${FIXTURES}/single-server.export.json`), 'utf8'));
    exp.managementGroup.Version = '7.3.13142.0';
    writeFileSync(path.join(dir, 'sac.json'), JSON.stringify(exp));
    expect((await runCli(['import', 'scom', path.join(dir, 'sac.json')])).stdout).toContain(
      'scomVersion: "2016"  # build 7.3.13142.0: the 1801/1807 semi-annual release, read with 2016\'s limits',
    );
  });
});

describe('import scom: bad input is exit 2 with file and line, and no output file', () => {
  const base = () => JSON.parse(readFileSync(path.join(ROOT, `${FIXTURES}/gateway-pool-two.export.json`), 'utf8'));
  async function refused(name: string, content: string | Buffer, extra: string[] = []) {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    const out = path.join(dir, `${name}.out.yaml`);
    const run = await runCli(['import', 'scom', file, '-o', out, ...extra], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    return run.stderr;
  }

  it('an export of another formatVersion', async () => {
    const stderr = await refused('v2.json', JSON.stringify({ ...base(), formatVersion: 2 }, null, 2));
    expect(stderr).toBe(
      `pooltopo: ${path.join(dir, 'v2.json')}:3: the export is of formatVersion 2; this pooltopo reads formatVersion 1 (export again with the Export-ScomTopology.ps1 shipped with this pooltopo)\n`,
    );
  });

  it('a truncated file, and one that is not JSON', async () => {
    const text = JSON.stringify(base(), null, 2);
    expect(await refused('cut.json', text.slice(0, text.length / 2))).toMatch(
      /cut\.json:\d+: the export is not JSON: .*\(the file ends early: was the export cut short\?\)\n$/,
    );
    expect(await refused('yaml.json', 'managementGroup: {Name: x}\n')).toMatch(/yaml\.json:1: the export is not JSON/);
    expect(await refused('empty.json', '')).toMatch(/empty\.json:1: the export should be an object/);
  });

  it("a UTF-16 file, as Windows PowerShell's Out-File writes it, is read as the same export", async () => {
    const text = readFileSync(path.join(ROOT, `${FIXTURES}/gateway-pool-two.export.json`), 'utf8');
    const file = path.join(dir, 'utf16.json');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const run = await runCli(['import', 'scom', file]);
    expect(run.code).toBe(0);
    expect(yaml.load(run.stdout)).toEqual(yaml.load((await runCli(['import', 'scom', `${FIXTURES}/gateway-pool-two.export.json`])).stdout));
    expect(await refused('utf16-nobom.json', Buffer.from(text, 'utf16le'))).toMatch(
      /utf16-nobom\.json:1: the export looks like UTF-16 without a byte-order mark/,
    );
    expect(await refused('latin1.json', Buffer.from('{"source": "Export-ScomTopology.ps1",\n "x": "caf\xe9"}', 'latin1'))).toMatch(
      /latin1\.json:2: the export is not UTF-8 text/,
    );
  });

  it('a pool member that is not among the servers', async () => {
    const exp = base();
    exp.resourcePools[3].Members.push('scom-gw09.corp.example');
    const stderr = await refused('member.json', JSON.stringify(exp, null, 2));
    const line =
      JSON.stringify(exp, null, 2)
        .split('\n')
        .findIndex((l) => l.includes('scom-gw09')) + 1;
    expect(stderr).toBe(
      `pooltopo: ${path.join(dir, 'member.json')}:${line}: member of pool "DMZ Gateway Pool", "scom-gw09.corp.example" is not among the export's managementServers\n`,
    );
  });

  it('a value of the wrong type, or a server listed twice, named as a reader of the JSON names it', async () => {
    const exp = base();
    exp.managementServers[1].IsGateway = 'no';
    expect(await refused('type.json', JSON.stringify(exp, null, 2))).toMatch(
      /type\.json:\d+: managementServers\[1\]\.IsGateway should be true or false, not "no"\n$/,
    );
    const twice = base();
    twice.managementServers[1].DisplayName = twice.managementServers[0].DisplayName.toUpperCase();
    expect(await refused('twice.json', JSON.stringify(twice, null, 2))).toMatch(/twice\.json:\d+: server "SCOM-MS01\.CORP\.EXAMPLE" is listed twice\n$/);
  });

  it('an overlay naming a server that does not exist', async () => {
    const overlay = path.join(dir, 'sites.yaml');
    writeFileSync(
      overlay,
      'dataCenters:\n  - name: dc-main\nmanagementServers:\n  - name: scom-ms01\n    dataCenter: dc-main\n  - name: scom-ms03\n    dataCenter: dc-main\n',
    );
    const stderr = await refused('ok.json', JSON.stringify(base(), null, 2), ['--overlay', overlay]);
    expect(stderr).toBe(
      `pooltopo: ${overlay}:6: the overlay names "scom-ms03", which is not a server the export lists; did you mean "scom-ms01.corp.example"?\n`,
    );
    writeFileSync(overlay, 'managementServers:\n  - name: scom-ms01\n    agents: 3\n');
    expect(await refused('ok2.json', JSON.stringify(base(), null, 2), ['--overlay', overlay])).toBe(
      `pooltopo: ${overlay}:3: the overlay's managementServers entry takes name, dataCenter, availability, unixLinuxRootCertificates, not "agents" (the rest comes from the export)\n`,
    );
  });

  it('a build number pooltopo does not know, unless --scom-version says which limits to use', async () => {
    const exp = base();
    exp.managementGroup.Version = '10.26.1.0';
    const text = JSON.stringify(exp, null, 2);
    expect(await refused('build.json', text)).toBe(
      `pooltopo: ${path.join(dir, 'build.json')}:6: build "10.26.1.0" is not one pooltopo knows (7.1.10226 2012 R2, 7.2.11719 2016, 7.3 1801/1807, 10.19 2019, 10.22 2022, 10.25 2025); give --scom-version 2012R2|2016|2019|2022|2025 to import it with that release's limits\n`,
    );
    const run = await runCli(['import', 'scom', path.join(dir, 'build.json'), '--scom-version', '2025']);
    expect(run.stdout).toContain('scomVersion: "2025"  # given with --scom-version; the group\'s build is 10.26.1.0');
    expect((await runCli(['import', 'scom', path.join(dir, 'build.json'), '--scom-version', '2030'])).stderr).toBe(
      'pooltopo: --scom-version takes 2012R2, 2016, 2019, 2022, 2025, not "2030"\n',
    );
  });

  it('writes -o atomically through the shared writer: never through a link unless told, never over the export or the overlay', async () => {
    const exp = `${FIXTURES}/two-servers-separate-sql.export.json`;
    const sites = `${FIXTURES}/two-servers-separate-sql.sites.yaml`;
    const target = path.join(dir, 'target.yaml');
    const link = path.join(dir, 'link.yaml');
    symlinkSync(target, link);
    const viaLink = await runCli(['import', 'scom', exp, '-o', link]);
    expect([viaLink.code, existsSync(target)]).toEqual([2, false]);
    expect(viaLink.stderr).toMatch(/it is a symbolic link/);
    expect((await runCli(['import', 'scom', exp, '-o', link, '--follow-output-link'])).code).toBe(0);
    expect(readFileSync(target, 'utf8')).toMatch(/^name: Contoso production$/m);
    const before = readFileSync(path.join(ROOT, sites), 'utf8');
    expect((await runCli(['import', 'scom', exp, '--overlay', sites, '-o', sites])).code).toBe(2);
    expect(readFileSync(path.join(ROOT, sites), 'utf8')).toBe(before);
  });

  it('hostile names stay values: quoted in the YAML, and no comment can be broken out of', async () => {
    const exp = base();
    const hostile = 'evil\n  - name: injected # : ] " \' \u2028 <x>';
    exp.managementGroup.Name = hostile;
    exp.resourcePools[3].DisplayName = hostile;
    const file = path.join(dir, 'hostile.json');
    writeFileSync(file, JSON.stringify(exp));
    const run = await runCli(['import', 'scom', file]);
    expect(run.code).toBe(0);
    const doc = yaml.load(run.stdout) as { name: string; pools: { name: string }[] };
    expect(doc.name).toBe(hostile);
    expect(doc.pools[3]!.name).toBe(hostile);
    expect(run.stdout).not.toMatch(/^\s*- name: injected/m);
  });
});
