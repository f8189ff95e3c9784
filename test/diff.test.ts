/** `pooltopo diff`: what a change does to resilience, from two files or from git (CLI.md, "`diff`"). */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './support/run-cli.js';
import { lintText } from '../src/api/lint.js';
import { diffResults } from '../src/diff/compare.js';
import { kindPlugin } from '../src/kinds/registry.js';

const PAIRS = readdirSync(path.join(ROOT, 'examples/diff'))
  .filter((f) => f.endsWith('.old.yaml'))
  .map((f) => f.replace(/\.old\.yaml$/, ''));

describe('the example pairs', () => {
  it('are there: worse and better ones, for every kind, and drift', () => {
    expect(PAIRS.length).toBeGreaterThanOrEqual(4);
    expect(existsSync(path.join(ROOT, 'examples/diff/drift/reviewed-imported.diff.txt'))).toBe(true);
  });

  it.each(PAIRS)('%s gives its expected diff, and exit 1 only where it is worse', async (name) => {
    const expected = readFileSync(path.join(ROOT, `examples/diff/${name}.diff.txt`), 'utf8');
    const r = await runCli(['diff', `examples/diff/${name}.old.yaml`, `examples/diff/${name}.new.yaml`]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(expected);
    expect(r.code).toBe(expected.trimEnd().split('\n').at(-1)!.startsWith('✖ worse') ? 1 : 0);
  });

  it('finds drift between the reviewed design and the imported one', async () => {
    const r = await runCli(['diff', 'examples/diff/drift/reviewed.yaml', 'examples/diff/drift/imported.yaml']);
    expect(r.stdout).toBe(readFileSync(path.join(ROOT, 'examples/diff/drift/reviewed-imported.diff.txt'), 'utf8'));
    expect(r.code).toBe(1);
  });
});

describe('diff', () => {
  it("answers in JSON with CLI.md's shape: each pool's figures that differ, findings added and removed, worse", async () => {
    const r = await runCli(['diff', 'examples/diff/database-moves.old.yaml', 'examples/diff/database-moves.new.yaml', '--format', 'json']);
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout);
    expect(Object.keys(d)).toEqual(expect.arrayContaining(['version', 'old', 'new', 'pools', 'managementGroup', 'findings', 'worse']));
    expect(d.version).toBe(1);
    expect(d.worse).toBe(true);
    const linux = d.pools.find((p: { name: string }) => p.name === 'UNIX Linux Pool');
    expect(linux).toMatchObject({
      change: 'changed',
      before: { tolerableFailures: 1, votingMembers: 3 },
      after: { tolerableFailures: 0, votingMembers: 2 },
      worse: true,
    });
    // Only the figures that differ.
    expect(linux.before).not.toHaveProperty('votesNeeded');
    expect(d.managementGroup).toMatchObject({
      before: { singlePointsOfFailure: ['scom-sql01'] },
      after: { singlePointsOfFailure: ['scom-ms01'] },
      worse: true,
    });
    expect(d.findings.added.map((f: { ruleId: string }) => f.ruleId)).toContain('no-high-availability');
    expect(d.findings.removed.map((f: { ruleId: string }) => f.ruleId)).toContain('default-observer-no-benefit');
    expect(d.removed).toEqual({ 'management servers': ['scom-ms03'], 'operational database': ['scom-sql01'] });
  });

  it("judges availability and a data centre's loss: a pool that worked without dc-b and now stops is worse", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-diff-'));
    try {
      const old = [
        'version: 1',
        'name: T',
        'dataCenters: [{name: dc-a}, {name: dc-b}]',
        'databases:',
        '  operational: {server: sql01, dataCenter: dc-a, availability: 0.999}',
        'managementServers:',
        '  - {name: ms01, dataCenter: dc-a, availability: 0.99}',
        '  - {name: ms02, dataCenter: dc-a, availability: 0.99}',
        '  - {name: ms03, dataCenter: dc-b, availability: 0.99}',
        'pools:',
        '  - name: Linux Pool',
        '    createdWith: powershell',
        '    members: [ms01, ms02, ms03]',
        '',
      ].join('\n');
      writeFileSync(path.join(dir, 'old.yaml'), old);
      writeFileSync(
        path.join(dir, 'new.yaml'),
        old.replace('{name: ms02, dataCenter: dc-a, availability: 0.99}', '{name: ms02, dataCenter: dc-b, availability: 0.9}'),
      );
      const r = await runCli(['diff', 'old.yaml', 'new.yaml', '--format', 'json'], { cwd: dir });
      expect(r.code).toBe(1);
      const d = JSON.parse(r.stdout);
      const figures = d.pools.find((p: { name: string }) => p.name === 'Linux Pool').figures as {
        figure: string;
        before: unknown;
        after: unknown;
        verdict: string;
      }[];
      expect(figures.find((f) => f.figure === 'dataCenterLoss/dc-b')).toEqual({
        figure: 'dataCenterLoss/dc-b',
        before: 'works',
        after: 'stops',
        verdict: 'worse',
      });
      expect(figures.find((f) => f.figure === 'availability')!.verdict).toBe('worse');
      expect(d.managementGroup.figures.map((f: { figure: string; verdict: string }) => [f.figure, f.verdict])).toEqual([['availability', 'worse']]);
      const stylish = (await runCli(['diff', 'old.yaml', 'new.yaml'], { cwd: dir })).stdout;
      expect(stylish).toMatch(/    loss of dc-b works → stops \(worse\)\n/);
      expect(stylish).toMatch(/    availability 99\.87\d*% → 99\.69\d*% \(worse\)\n/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a moved block, a comment or a reordered list as no change (findings matched by rule, pool and message id)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-diff-'));
    try {
      const text = readFileSync(path.join(ROOT, 'examples/stretched-two-sites.yaml'), 'utf8');
      writeFileSync(path.join(dir, 'old.yaml'), text);
      // The pools block moved to the top, with comments: every finding is on another line.
      const pools = text.slice(text.indexOf('pools:'), text.indexOf('poolManager:'));
      const moved = text.replace(pools, '').replace('version: 1\n', `version: 1\n# moved\n\n${pools}\n`);
      writeFileSync(path.join(dir, 'new.yaml'), moved);
      const r = await runCli(['diff', 'old.yaml', 'new.yaml', '--format', 'json'], { cwd: dir });
      const d = JSON.parse(r.stdout);
      expect(d).toMatchObject({ pools: [], findings: { added: [], removed: [] }, worse: false });
      expect(r.code).toBe(0);
      const stylish = await runCli(['diff', 'old.yaml', 'new.yaml'], { cwd: dir });
      expect(stylish.stdout).toMatch(/✔ no change to resilience\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the same design written in another order or case as no change, and a pool newly stopped by a site it did not depend on as worse', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-diff-'));
    const write = (name: string, lines: string[]) => writeFileSync(path.join(dir, name), lines.join('\n') + '\n');
    try {
      const design = (sites: string, servers: string[], members: string) => [
        'version: 1',
        'kind: scom',
        'name: RO',
        `dataCenters: ${sites}`,
        'databases: {operational: {server: sql01, dataCenter: a, availability: 0.9995}}',
        'managementServers:',
        ...servers,
        'pools:',
        `  - {name: P1, members: ${members}}`,
      ];
      const servers = [
        '  - {name: ms01, dataCenter: a, availability: 0.991}',
        '  - {name: ms02, dataCenter: a, availability: 0.993}',
        '  - {name: ms03, dataCenter: b, availability: 0.997}',
        '  - {name: ms04, dataCenter: b, availability: 0.995}',
      ];
      write('old.yaml', design('[{name: a, availability: 0.9991}, {name: b, availability: 0.9993}]', servers, '[ms01, ms03]'));
      // The sites swapped (availabilities summed in another order, 0.99855...523 and ...522), the
      // servers in another order and case, the members too: the same design.
      write(
        'same.yaml',
        design(
          '[{name: b, availability: 0.9993}, {name: a, availability: 0.9991}]',
          [...servers].reverse().map((l) => l.replace(/ms0/g, 'MS0')),
          '[MS03, MS01]',
        ),
      );
      const same = await runCli(['diff', 'old.yaml', 'same.yaml', '--format', 'json'], { cwd: dir });
      expect(JSON.parse(same.stdout)).toMatchObject({ pools: [], findings: { added: [], removed: [] }, worse: false });
      expect(same.code).toBe(0);
      // P1 moves to site a alone: it no longer depends on b. Then ms03 comes back in b: P1 stops
      // without b again, which it survived in the version before.
      write('within-a.yaml', design('[{name: a}, {name: b}]', servers, '[ms01, ms02]'));
      write('split.yaml', design('[{name: a}, {name: b}]', servers, '[ms01, ms03, ms04]'));
      const r = await runCli(['diff', 'within-a.yaml', 'split.yaml', '--format', 'json'], { cwd: dir });
      const p1 = JSON.parse(r.stdout).pools.find((p: { name: string }) => p.name === 'P1');
      expect(p1.figures).toContainEqual({ figure: 'dataCenterLoss/b', after: 'stops', verdict: 'worse' });
      expect(r.code).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads a data centre's loss missing from a pool's table as the pool's outcome with nothing down, as simulate does: a pool without members stops without it too", async () => {
    const design = (members: string) => `version: 1
name: d
dataCenters: [{name: dc1}, {name: dc2}]
databases:
  operational: {server: sql, dataCenter: dc1}
managementServers:
  - {name: ms1, dataCenter: dc1}
  - {name: ms2, dataCenter: dc2}
pools:
  - {name: Site Pool, members: [${members}]}
`;
    const version = async (file: string, members: string) => {
      const o = await lintText(design(members), file);
      const diff = kindPlugin('scom')!.diff!;
      return { name: file, result: o.result, inventory: diff.inventory(o), context: diff.context!(o) };
    };
    const withMember = await version('with.yaml', 'ms2');
    const without = await version('without.yaml', '');
    // simulate --down dc2 says Site Pool stops in both versions: its loss of dc2 has not changed.
    for (const [old, now] of [
      [withMember, without],
      [without, withMember],
    ] as const) {
      const pool = diffResults(old, now, 'error').pools.find((p) => p.name === 'Site Pool')!;
      expect(pool.figures.filter((f) => f.figure.startsWith('dataCenterLoss/'))).toEqual([]);
      expect(pool.figures).toContainEqual({
        figure: 'outcome',
        before: old === withMember ? 'works' : 'stops',
        after: old === withMember ? 'stops' : 'works',
        verdict: 'changed',
      });
    }
  });

  it('reads the default pools listed, unchanged, as no change: the finding given once for the implied pools is the same finding per listed pool', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-diff-'));
    try {
      const design = (pools: string) =>
        [
          'version: 1',
          'name: D',
          'dataCenters: [{name: east}, {name: west}]',
          'databases: {operational: {server: sql01, dataCenter: east}}',
          'managementServers:',
          '  - {name: ms01, dataCenter: east}',
          '  - {name: ms02, dataCenter: east}',
          '  - {name: ms03, dataCenter: west}',
          '  - {name: ms04, dataCenter: west}',
          pools,
          '',
        ].join('\n');
      const defaults = ['All Management Servers Resource Pool', 'Notifications Resource Pool', 'AD Assignment Resource Pool'];
      writeFileSync(path.join(dir, 'implied.yaml'), design(''));
      writeFileSync(path.join(dir, 'listed.yaml'), design(`pools:\n${defaults.map((p) => `  - {name: ${p}, defaultObserver: true}`).join('\n')}`));
      // pool-spans-data-centers: one finding for the three implied pools, one per pool when listed.
      for (const [a, b] of [
        ['implied.yaml', 'listed.yaml'],
        ['listed.yaml', 'implied.yaml'],
      ]) {
        const r = await runCli(['diff', a!, b!, '--format', 'json', '--fail-on', 'warning'], { cwd: dir });
        expect(JSON.parse(r.stdout), `${a} → ${b}`).toMatchObject({ pools: [], findings: { added: [], removed: [] }, worse: false });
        expect(r.code).toBe(0);
      }
      // One of them kept within a site: its finding is gone, the others' are not new.
      const oneWithin = design(
        `pools:\n  - {name: ${defaults[0]}, defaultObserver: true}\n  - {name: ${defaults[1]}, defaultObserver: true}\n  - {name: ${defaults[2]}, membership: manual, members: [ms01, ms02]}`,
      );
      writeFileSync(path.join(dir, 'one-within.yaml'), oneWithin);
      const d = JSON.parse((await runCli(['diff', 'implied.yaml', 'one-within.yaml', '--format', 'json'], { cwd: dir })).stdout);
      expect(d.findings.added).toEqual([]);
      expect(d.findings.removed.map((f: { ruleId: string }) => f.ruleId)).toEqual(['pool-spans-data-centers']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('judges the operational database as one single point of failure: moved off a management server is better, onto one worse (seed 000)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-diff-'));
    try {
      const design = (database: string) =>
        ['version: 1', 'name: Perfect failover', `databases: {operational: ${database}}`, 'managementServers: [{name: ms01}, {name: ms02}]', ''].join('\n');
      // "Good": the database on ms01; "Better": a SQL Server of its own; "Best": clustered.
      writeFileSync(path.join(dir, 'good.yaml'), design('{server: ms01, colocatedWith: ms01}'));
      writeFileSync(path.join(dir, 'better.yaml'), design('{server: sql01}'));
      writeFileSync(path.join(dir, 'best.yaml'), design('{server: sqlag, cluster: {nodes: [{name: sql01a}, {name: sql01b}], witness: {name: fsw01}}}'));
      const verdicts = async (a: string, b: string) => {
        const r = await runCli(['diff', a, b, '--format', 'json'], { cwd: dir });
        const d = JSON.parse(r.stdout);
        const figures = [...d.pools.flatMap((p: { figures: unknown[] }) => p.figures), ...d.managementGroup.figures] as { figure: string; verdict: string }[];
        return { code: r.code, worse: d.worse, spof: [...new Set(figures.filter((f) => f.figure === 'singlePointsOfFailure').map((f) => f.verdict))] };
      };
      expect(await verdicts('good.yaml', 'better.yaml')).toEqual({ code: 0, worse: false, spof: ['better'] });
      expect(await verdicts('better.yaml', 'best.yaml')).toEqual({ code: 0, worse: false, spof: ['better'] });
      expect(await verdicts('better.yaml', 'good.yaml')).toEqual({ code: 1, worse: true, spof: ['worse'] });
      expect(await verdicts('best.yaml', 'better.yaml')).toEqual({ code: 1, worse: true, spof: ['worse'] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reports the management group's Operations Manager version when it changes (2016 to 2019), as a change", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-diff-'));
    try {
      const design = (version: string) =>
        [
          'version: 1',
          'name: Fabrikam',
          `scomVersion: "${version}"`,
          'databases: {operational: {server: sql01}}',
          'managementServers: [{name: ms01}, {name: ms02}]',
          '',
        ].join('\n');
      writeFileSync(path.join(dir, 'old.yaml'), design('2016'));
      writeFileSync(path.join(dir, 'new.yaml'), design('2019'));
      const json = await runCli(['diff', 'old.yaml', 'new.yaml', '--format', 'json'], { cwd: dir });
      expect(json.code).toBe(0);
      const d = JSON.parse(json.stdout);
      expect(d.managementGroup).toEqual({
        before: { scomVersion: '2016' },
        after: { scomVersion: '2019' },
        figures: [{ figure: 'scomVersion', before: '2016', after: '2019', verdict: 'changed' }],
        worse: false,
      });
      const stylish = await runCli(['diff', 'old.yaml', 'new.yaml'], { cwd: dir });
      expect(stylish.stdout).toContain('  management group\n    Operations Manager version 2016 → 2019\n');
      // validate's JSON gives the version the figures were judged by.
      const validate = await runCli(['validate', 'new.yaml', '--format', 'json'], { cwd: dir });
      expect(JSON.parse(validate.stdout).files[0].managementGroup).toMatchObject({ scomVersion: '2019' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says no 'no change to resilience' under a change it has just listed: a management group's or a failover's figure only changed", async () => {
    for (const [old, now] of [
      ['examples/opcon-seed-scenario-3.yaml', 'examples/opcon-seed-scenario-4.yaml'],
      ['examples/diff/database-moves.old.yaml', 'examples/diff/database-moves.old.yaml'],
    ] as const) {
      const r = await runCli(['diff', old, now]);
      expect(r.code, now).toBe(0);
      expect(r.stdout.trimEnd().split('\n').at(-1), now).toBe(
        old === now ? '✔ no change to resilience' : '✔ not worse: 0 figures better; 0 new findings, 0 findings gone',
      );
    }
    const md = await runCli(['diff', 'examples/opcon-seed-scenario-3.yaml', 'examples/opcon-seed-scenario-4.yaml', '--format', 'markdown']);
    expect(md.stdout.split('\n')[0]).toBe('### ✅ pooltopo diff: not worse: 0 figures better; 0 new findings, 0 findings gone');
  });

  it('tells a finding about no pool by the names it gives: a warning moving from one gateway to another is one new and one gone', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-diff-'));
    try {
      const design = (gw01: string, gw02: string) =>
        [
          'version: 1',
          'name: G',
          'managementServers: [{name: ms01}, {name: ms02}]',
          'gateways:',
          `  - {name: gw01, reportsTo: ${gw01}}`,
          `  - {name: gw02, reportsTo: ${gw02}}`,
          '',
        ].join('\n');
      writeFileSync(path.join(dir, 'old.yaml'), design('[ms01]', '[ms02, ms01]'));
      writeFileSync(path.join(dir, 'new.yaml'), design('[ms01, ms02]', '[ms02]'));
      const r = await runCli(['diff', 'old.yaml', 'new.yaml', '--format', 'json', '--fail-on', 'warning'], { cwd: dir });
      const d = JSON.parse(r.stdout);
      expect(d.findings.added.map((f: { message: string }) => f.message)).toEqual([expect.stringContaining('Gateway "gw02"')]);
      expect(d.findings.removed.map((f: { message: string }) => f.message)).toEqual([expect.stringContaining('Gateway "gw01"')]);
      expect(r.code).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes markdown for a pull request: the verdict, and a table no name can break', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-diff-'));
    try {
      const base = 'version: 1\nname: T\ndatabases:\n  operational:\n    server: sql01\nmanagementServers:\n  - name: ms01\n  - name: ms02\n  - name: ms03\n';
      const pool = (members: string) => `pools:\n  - name: "a|b <script> @team \`x\`"\n    createdWith: powershell\n    members: [${members}]\n`;
      writeFileSync(path.join(dir, 'old.yaml'), base + pool('ms01, ms02, ms03'));
      writeFileSync(path.join(dir, 'new.yaml'), base + pool('ms01, ms02'));
      const r = await runCli(['diff', 'old.yaml', 'new.yaml', '--format', 'markdown'], { cwd: dir });
      expect(r.code).toBe(1);
      const lines = r.stdout.split('\n');
      expect(lines[0]).toMatch(/^### ❌ pooltopo diff: worse: /);
      const rows = lines.filter((l) => l.startsWith('| a'));
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.replace(/\\\|/g, '').split('|'), row).toHaveLength(7);
      expect(r.stdout).not.toMatch(/<script>|@team/);
      expect(r.stdout).toMatch(/\| a\\\|b &lt;script&gt; &#64;team \\`x\\` \| tolerates \| 1 \| 0 \| 🔴 worse \|/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses, in one line with exit 2, two kinds, a side that is not a topology, and bad usage', async () => {
    expect(await runCli(['diff', 'examples/diff/database-moves.old.yaml', 'examples/diff/skype-pair-dropped.new.yaml'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'pooltopo: "examples/diff/database-moves.old.yaml" is kind scom and "examples/diff/skype-pair-dropped.new.yaml" is kind skype-pool-pair: diff compares two versions of one topology\n',
    });
    const notTopology = await runCli(['diff', 'package.json', 'examples/diff/database-moves.new.yaml']);
    expect(notTopology.code).toBe(2);
    expect(notTopology.stderr).toMatch(/^pooltopo: "package.json" is not a topology diff can compare: 1:1: .*\n$/);
    expect((await runCli(['diff', 'examples/diff/database-moves.old.yaml'])).stderr).toBe(
      'pooltopo: diff needs two topology files (diff OLD NEW), or one with --base REF (pooltopo diff --help)\n',
    );
    expect((await runCli(['diff', 'a.yaml', 'b.yaml', '--format', 'sarif'])).stderr).toBe(
      'pooltopo: unknown format "sarif" for diff; use stylish, json, markdown\n',
    );
    expect((await runCli(['diff', 'nope.yaml', 'examples/diff/database-moves.new.yaml'])).code).toBe(2);
  });
});

describe('diff --base REF', () => {
  let repo: string;
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=dev@example.com', '-c', 'user.name=dev', ...args], { cwd: repo, encoding: 'utf8' });
  beforeAll(() => {
    repo = mkdtempSync(path.join(tmpdir(), 'pooltopo-diff-git-'));
    git('init', '-q');
    mkdirSync(path.join(repo, 'topologies'));
    writeFileSync(path.join(repo, 'topologies/prod.yaml'), readFileSync(path.join(ROOT, 'examples/diff/database-moves.old.yaml'), 'utf8'));
    git('add', '.');
    git('commit', '-qm', 'the reviewed design');
    writeFileSync(path.join(repo, 'topologies/prod.yaml'), readFileSync(path.join(ROOT, 'examples/diff/database-moves.new.yaml'), 'utf8'));
    writeFileSync(path.join(repo, 'topologies/new.yaml'), readFileSync(path.join(ROOT, 'examples/diff/gateway-pool-grows.new.yaml'), 'utf8'));
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('reads the old version from git, from the root and from a subfolder alike', async () => {
    const fromRoot = await runCli(['diff', 'topologies/prod.yaml', '--base', 'HEAD'], { cwd: repo });
    expect(fromRoot.code).toBe(1);
    const expected = readFileSync(path.join(ROOT, 'examples/diff/database-moves.diff.txt'), 'utf8').split('\n').slice(1).join('\n');
    expect(fromRoot.stdout).toBe(`HEAD:topologies/prod.yaml → topologies/prod.yaml\n${expected}`);
    const fromSub = await runCli(['diff', 'prod.yaml', '--base', 'HEAD'], { cwd: path.join(repo, 'topologies') });
    expect(fromSub.stdout).toBe(`HEAD:prod.yaml → prod.yaml\n${expected}`);
  });

  it('takes a file new in this change as every figure added', async () => {
    const r = await runCli(['diff', 'topologies/new.yaml', '--base', 'HEAD', '--format', 'json'], { cwd: repo });
    const d = JSON.parse(r.stdout);
    expect(d.oldMissing).toBe(true);
    expect(new Set(d.pools.map((p: { change: string }) => p.change))).toEqual(new Set(['added']));
    expect(d.pools.find((p: { name: string }) => p.name === 'DMZ Gateway Pool').after).toMatchObject({ tolerableFailures: 1 });
    expect(d.worse).toBe(false);
    expect(r.code).toBe(0);
    expect((await runCli(['diff', 'topologies/new.yaml', '--base', 'HEAD'], { cwd: repo })).stdout).toMatch(
      /^HEAD:topologies\/new.yaml → topologies\/new.yaml \(new file: every figure is added\)\n  pool DMZ Gateway Pool\n    added: /,
    );
  });

  it('exits 2 in one line for no such ref, a ref that is an option, and no repository', async () => {
    expect(await runCli(['diff', 'topologies/prod.yaml', '--base', 'no-such-branch'], { cwd: repo })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'pooltopo: --base "no-such-branch": no such commit, branch or tag in the repository (a shallow clone may lack it: fetch it first)\n',
    });
    expect(await runCli(['diff', 'topologies/prod.yaml', '--base=--output=x'], { cwd: repo })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'pooltopo: --base "--output=x" is not a git ref\n',
    });
    const outside = mkdtempSync(path.join(tmpdir(), 'pooltopo-no-git-'));
    try {
      writeFileSync(path.join(outside, 'a.yaml'), readFileSync(path.join(ROOT, 'examples/diff/database-moves.old.yaml'), 'utf8'));
      const r = await runCli(['diff', 'a.yaml', '--base', 'HEAD'], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: path.dirname(outside) } });
      expect(r).toEqual({ code: 2, stdout: '', stderr: 'pooltopo: --base needs a git repository, and "a.yaml" is not in one\n' });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('leaves no output file when it cannot compare', async () => {
    const r = await runCli(['diff', 'topologies/prod.yaml', '--base', 'nope', '-o', 'diff.md', '--format', 'markdown'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(existsSync(path.join(repo, 'diff.md'))).toBe(false);
  });
});
