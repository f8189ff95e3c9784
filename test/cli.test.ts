import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  readdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WRITE_CHUNK_BYTES, writeFileAtomic } from '../src/io/files/write.js';
import { ROOT, runCli, spawnCli } from './support/run-cli.js';
import { fsCalls } from './support/operations.js';

const GOOD = 'version: 1\nname: Test\ndatabases:\n  operational:\n    server: sql01\nmanagementServers:\n  - name: ms01\n  - name: ms02\n';
let dir: string;

/** The examples' topology files, in folders too (examples/diff), but not the hidden .expected ones. */
function exampleFiles(): string[] {
  return readdirSync(path.join(ROOT, 'examples'), { recursive: true, encoding: 'utf8' }).filter(
    (f) => /\.ya?ml$/.test(f) && !f.split(path.sep).some((s) => s.startsWith('.')),
  );
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-cli-'));
  writeFileSync(path.join(dir, 'good.yaml'), GOOD);
  writeFileSync(path.join(dir, 'warn.yaml'), GOOD + 'gateways:\n  - name: gw01\n    managementServers: [ms01]\n');
  writeFileSync(path.join(dir, 'topology.json'), JSON.stringify({ version: 1, name: 'J', managementServers: [{ name: 'a' }, { name: 'b' }] }));
  mkdirSync(path.join(dir, 'nested/deeper'), { recursive: true });
  writeFileSync(path.join(dir, 'nested/deeper/three.yml'), GOOD);
  mkdirSync(path.join(dir, 'node_modules/x'), { recursive: true });
  writeFileSync(path.join(dir, 'node_modules/x/ignored.yaml'), 'not: [valid');
  mkdirSync(path.join(dir, '.hidden'));
  writeFileSync(path.join(dir, '.hidden/ignored.yaml'), 'not: [valid');
  mkdirSync(path.join(dir, 'empty'));
  writeFileSync(path.join(dir, 'empty/readme.txt'), 'nothing here');
  symlinkSync(dir, path.join(dir, 'nested/loop'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pooltopo', () => {
  it('refuses an empty path (an unset variable), rather than linting the working directory', async () => {
    expect(await runCli(['validate', ''])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'pooltopo: an empty path was given (an unset variable?); name a file, a directory or a glob\n',
    });
    expect(await runCli(['validate', 'examples/single-server.yaml', ''])).toMatchObject({ code: 2, stdout: '' });
    expect(await runCli(['report', ''])).toMatchObject({
      code: 2,
      stderr: 'pooltopo: an empty path was given (an unset variable?); name a file, a directory or a glob\n',
    });
    expect(await runCli(['validate', 'examples/single-server.yaml', '-o', ''])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'pooltopo: --output is an empty path (an unset variable?); name a file, or - for standard output\n',
    });
    expect(await runCli(['validate', 'examples/single-server.yaml', '--config', ''])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'pooltopo: --config is an empty path (an unset variable?); name a config file, or use --no-config\n',
    });
    expect(await runCli(['validate', 'examples/single-server.yaml', '--config', 'x.yaml', '--no-config'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'pooltopo: --config and --no-config say opposite things; give one of them\n',
    });
  });

  it('escapes control characters in what it echoes on standard error', async () => {
    expect(await runCli(['validate', 'nope\u001bc.yaml'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'pooltopo: cannot read "nope\\u{1B}c.yaml": no such file or directory\n',
    });
    expect((await runCli(['vali\u202edate'])).stderr).toBe(
      'pooltopo: unknown command "vali\\u{202E}date"; did you mean "validate"? (pooltopo --help lists the commands)\n',
    );
  });

  it('prints its version and help', async () => {
    const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    // No command at all is a usage error: one line on stderr, exit 2.
    expect(await runCli([])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'pooltopo: no command given; use one of validate, report, simulate, plan, diff, import, rules, schema (pooltopo --help)\n',
    });
    expect(help.stdout).toMatch(/validate FILE\|DIR\|GLOB/);
    const vhelp = await runCli(['validate', '--help']);
    expect(vhelp.stdout).toMatch(/--format/);
    expect(await runCli(['help', 'validate'])).toEqual({ code: 0, stdout: vhelp.stdout, stderr: '' });
    // A name the commands' object inherits is no command: the general help, not an internal error.
    for (const name of ['constructor', '__proto__', 'toString']) {
      expect(await runCli(['help', name]), name).toEqual({ code: 0, stdout: help.stdout, stderr: '' });
    }
  });

  it('exits 2 with one line for bad usage', async () => {
    for (const args of [
      [],
      ['frobnicate'],
      ['validte', 'x'],
      ['validate'],
      ['validate', '--format', 'xml', 'a.yaml'],
      ['validate', '--fail-on', 'fatal', 'a.yaml'],
      ['validate', '--bogus', 'a.yaml'],
      ['rules', 'no-such-rule'],
      ['schema', 'extra'],
    ]) {
      const r = await runCli(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      if (args.length > 0) {
        expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
        expect(r.stderr).toMatch(/^pooltopo: /);
        expect(r.stderr).not.toMatch(/\n\s+at /);
      }
    }
    expect((await runCli(['validte', 'x'])).stderr).toMatch(/did you mean "validate"/);
    expect((await runCli(['rules', 'no-high-availabilty'])).stderr).toMatch(/did you mean "no-high-availability"/);
  });

  it('says which option was meant, whose option it is, and that options come after the command', async () => {
    const stderr = async (...args: string[]) => (await runCli(args, { cwd: dir })).stderr;
    expect(await stderr('validate', 'good.yaml', '--fromat', 'json')).toBe(
      'pooltopo: validate: unknown option "--fromat"; did you mean "--format"? (pooltopo validate --help)\n',
    );
    expect(await stderr('validate', 'good.yaml', '--down', 'ms01')).toBe(
      'pooltopo: validate: unknown option "--down"; simulate takes it, not validate (pooltopo validate --help)\n',
    );
    // Every command that takes it, by its long or short name.
    expect(await stderr('schema', '--output', 'x')).toBe(
      'pooltopo: schema: unknown option "--output"; validate, report, simulate, plan, diff and import take it, not schema (pooltopo schema --help)\n',
    );
    expect(await stderr('report', 'good.yaml', '-f', 'json')).toBe(
      'pooltopo: report: unknown option "-f"; validate, simulate, plan and diff take it, not report (pooltopo report --help)\n',
    );
    // A switch that is off unless given has no --no- form, and is not suggested as its opposite.
    expect(await stderr('report', 'good.yaml', '--no-timestamp')).toBe(
      'pooltopo: report: unknown option "--no-timestamp": --timestamp is off unless given (pooltopo report --help)\n',
    );
    expect(await stderr('validate', 'good.yaml', '-o')).toBe('pooltopo: validate: --output needs a value (pooltopo validate --help)\n');
    expect(await stderr('validate', 'good.yaml', '--format')).toBe('pooltopo: validate: --format needs a value (pooltopo validate --help)\n');
    expect(await stderr('validate', 'good.yaml', '-x')).toBe('pooltopo: validate: unknown option "-x" (pooltopo validate --help)\n');
    expect(await stderr('--format', 'json', 'validate', 'good.yaml')).toBe(
      'pooltopo: "--format" comes before the command: options go after it (pooltopo validate ... --format; validate, simulate, plan and diff take it)\n',
    );
    expect(await stderr('--no-config', 'rules')).toBe(
      'pooltopo: "--no-config" comes before the command: options go after it (pooltopo rules ... --no-config; validate, report, simulate, plan, diff and rules take it)\n',
    );
    // No command's option: the options pooltopo takes alone.
    expect(await stderr('--verison')).toBe('pooltopo: unknown option "--verison"; did you mean "--version"? (pooltopo --help lists the commands)\n');
  });

  it('exits 2 for a missing file or a directory without topology files', async () => {
    const missing = await runCli(['validate', 'nope.yaml'], { cwd: dir });
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toBe('pooltopo: cannot read "nope.yaml": no such file or directory\n');
    const empty = await runCli(['validate', 'empty'], { cwd: dir });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/no topology files/);
    expect((await runCli(['validate', 'nothing/**/*.yaml'], { cwd: dir })).stderr).toMatch(/no files match/);
  });

  it('with --no-error-on-unmatched-pattern, warns of a glob or folder that matches nothing and goes on', async () => {
    const flag = '--no-error-on-unmatched-pattern';
    const alone = await runCli(['validate', 'nothing/**/*.yaml', '--format', 'json', flag], { cwd: dir });
    expect(alone).toMatchObject({ code: 0, stderr: 'pooltopo: warning: no files match "nothing/**/*.yaml"\n' });
    expect(JSON.parse(alone.stdout)).toEqual({ version: 1, files: [], summary: { files: 0, errors: 0, warnings: 0, infos: 0 } });
    expect((await runCli(['validate', 'nothing/**/*.yaml', '--format', 'junit', flag], { cwd: dir })).stdout).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="pooltopo" tests="0" failures="0" errors="0" time="0">\n</testsuites>\n',
    );
    // Beside a file that is there, that file is linted as usual.
    const beside = await runCli(['validate', 'empty', 'good.yaml', flag], { cwd: dir });
    expect(beside.code).toBe(0);
    expect(beside.stderr).toBe('pooltopo: warning: no topology files (*.yaml, *.yml) in directory "empty"\n');
    expect(beside.stdout).toMatch(/in 1 file/);
    // A path that does not exist is still an error.
    expect(await runCli(['validate', 'nope.yaml', 'good.yaml', flag], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: 'pooltopo: cannot read "nope.yaml": no such file or directory\n',
    });
    // Files the config's ignore leaves out, every one of them: as ESLint, a warning too.
    const project = mkdtempSync(path.join(tmpdir(), 'pooltopo-ignoring-'));
    try {
      mkdirSync(path.join(project, 'drafts'), { recursive: true });
      writeFileSync(path.join(project, '.pooltopo.yaml'), 'ignore:\n  - drafts/\n');
      writeFileSync(path.join(project, 'drafts', 'a.yaml'), GOOD);
      const ignored = "pooltopo: warning: every file given is ignored by the config's ignore patterns\n";
      for (const input of ['drafts', 'drafts/*.yaml']) {
        expect(await runCli(['validate', input], { cwd: project })).toMatchObject({ code: 2, stderr: ignored.replace('warning: ', '') });
        expect(await runCli(['validate', input, flag], { cwd: project })).toMatchObject({ code: 0, stderr: ignored });
      }
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it('takes a glob or folder whose files an earlier one already gave as matching them, once each', async () => {
    const r = await runCli(['validate', 'examples/', 'examples/*.yaml', '--format', 'json'], { cwd: ROOT });
    expect(r.stderr).toBe('');
    const files = JSON.parse(r.stdout).files.map((f: { file: string }) => f.file);
    expect(files.length).toBe(new Set(files).size);
    expect(files.length).toBe(exampleFiles().length);
  });

  it('exits 0 when nothing reaches --fail-on, 1 when something does', async () => {
    expect((await runCli(['validate', 'good.yaml'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['validate', 'warn.yaml'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['validate', 'warn.yaml', '--fail-on', 'warning'], { cwd: dir })).code).toBe(1);
    expect((await runCli(['validate', 'good.yaml', '--fail-on', 'info'], { cwd: dir })).code).toBe(0);
  });

  it("takes an option given twice at its last value, so a script's defaults can be overridden after them", async () => {
    // As `npm run lint -- --fail-on error` would give it after a script's own `--fail-on warning`.
    expect((await runCli(['validate', 'warn.yaml', '--fail-on', 'warning', '--fail-on', 'error'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['validate', 'warn.yaml', '--fail-on', 'error', '--fail-on', 'warning'], { cwd: dir })).code).toBe(1);
    const r = await runCli(['validate', 'good.yaml', '--format', 'stylish', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout)).toMatchObject({ version: 1 });
  });

  it('walks directories for *.yaml and *.yml, skipping node_modules, hidden folders and link loops', async () => {
    const r = await runCli(['validate', '.', '--format', 'json'], { cwd: dir });
    const files = JSON.parse(r.stdout).files.map((f: { file: string }) => f.file);
    expect(files).toEqual(['good.yaml', 'nested/deeper/three.yml', 'warn.yaml']);
    expect(r.stderr).toMatch(/link loop/);
    expect(r.code).toBe(0);
  });

  it('expands globs and reads .json files only when named', async () => {
    const glob = JSON.parse((await runCli(['validate', '**/*.yml', '--format', 'json'], { cwd: dir })).stdout);
    expect(glob.files.map((f: { file: string }) => f.file)).toEqual(['nested/deeper/three.yml']);
    const json = JSON.parse((await runCli(['validate', 'topology.json', '--format', 'json'], { cwd: dir })).stdout);
    expect(json.files[0].pools).toHaveLength(3);
  });

  it("prints CLI.md's JSON shape, byte-identical from run to run", async () => {
    const a = await runCli(['validate', 'warn.yaml', 'good.yaml', '--format', 'json'], { cwd: dir });
    const b = await runCli(['validate', 'good.yaml', 'warn.yaml', '--format', 'json'], { cwd: dir });
    expect(a.stdout).toBe(b.stdout);
    const out = JSON.parse(a.stdout);
    expect(Object.keys(out)).toEqual(['version', 'files', 'summary']);
    expect(out.summary).toEqual({ files: 2, errors: 0, warnings: 1, infos: 0 });
    const pool = out.files[0].pools[0];
    expect(pool).toMatchObject({
      name: 'All Management Servers Resource Pool',
      implied: true,
      members: ['ms01', 'ms02'],
      observers: [],
      defaultObserver: { enabled: true, participates: true },
      votingMembers: 3,
      votesNeeded: 2,
      tolerableFailures: 1,
      highlyAvailable: true,
      withDefaultObserver: { votingMembers: 3, votesNeeded: 2, tolerableFailures: 1 },
      withoutDefaultObserver: { votingMembers: 2, votesNeeded: 2, tolerableFailures: 0 },
      dataCenters: ['default'],
      leaseDurationSeconds: 180,
    });
    expect(pool.dataCenterLoss).toEqual([
      {
        dataCenter: 'default',
        survives: false,
        outcome: 'stops',
        cause: 'votes',
        votesLeft: 0,
        votesNeeded: 2,
        membersLeft: 0,
        stopsManagementGroup: true,
        databaseLost: true,
      },
    ]);
    expect(pool.singlePointsOfFailure).toEqual(['sql01']);
    expect(out.files[0].managementGroup).toEqual({ scomVersion: '2022', singlePointsOfFailure: ['sql01'] });
    expect(out.files[1].findings[0]).toEqual({
      ruleId: 'gateway-without-failover',
      severity: 'warning',
      message: expect.any(String),
      file: 'warn.yaml',
      line: 11,
      column: 5,
      path: '/gateways/0/managementServers',
      messageId: 'noFailover',
      data: { name: 'gw01', nameArgument: '"gw01"', count: 1, servers: 'one management server, ms01' },
    });
  });

  it('writes -o output atomically and fails with exit 2 on an unwritable path', async () => {
    const r = await runCli(['validate', 'good.yaml', '-o', 'report.json', '--format', 'json'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')).summary.files).toBe(1);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const bad = await runCli(['validate', 'good.yaml', '-o', 'no/such/dir/out.txt'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /^pooltopo: cannot write "no\/such\/dir\/out.txt": its folder "no\/such\/dir" does not exist \(pooltopo does not create folders\)\n$/,
    );
    // A trailing slash names a folder: neither a file of that name is replaced nor one made.
    writeFileSync(path.join(dir, 'keep.txt'), 'keep\n');
    for (const output of ['keep.txt/', 'made/']) {
      expect(await runCli(['validate', 'good.yaml', '-o', output], { cwd: dir }), output).toMatchObject({
        code: 2,
        stderr: `pooltopo: cannot write "${output}": a path ending in a slash names a folder; name a file\n`,
      });
    }
    expect(readFileSync(path.join(dir, 'keep.txt'), 'utf8')).toBe('keep\n');
    expect(existsSync(path.join(dir, 'made'))).toBe(false);
  });

  it('writes an output of many write chunks whole, to -o and to a standard output that is a file', async () => {
    // Written WRITE_CHUNK_BYTES at a time: a chunk that ends inside a character of two bytes.
    const split = path.join(dir, 'split.txt');
    const text = `a${'é'.repeat(WRITE_CHUNK_BYTES)}`;
    expect(Buffer.from(text)[WRITE_CHUNK_BYTES]! & 0xc0).toBe(0x80); // a continuation byte
    await writeFileAtomic(split, text);
    expect(readFileSync(split, 'utf8')).toBe(text);
    // More than two chunks of JSON, through -o and through the built CLI's standard output.
    const big = path.join(dir, 'big');
    mkdirSync(big);
    for (let i = 0; i < 150; i++)
      writeFileSync(path.join(big, `Résumé — ${'é'.repeat(i % 7)}${i}.yaml`), GOOD + 'gateways:\n  - name: gw01\n    managementServers: [ms01]\n');
    const expected = (await runCli(['validate', '.', '--format', 'json'], { cwd: big })).stdout;
    expect(Buffer.byteLength(expected)).toBeGreaterThan(2 * WRITE_CHUNK_BYTES);
    expect(await runCli(['validate', '.', '--format', 'json', '-o', '../big.json'], { cwd: big })).toMatchObject({ code: 0, stdout: '' });
    expect(readFileSync(path.join(dir, 'big.json'), 'utf8')).toBe(expected);
    const out = path.join(dir, 'big-stdout.json');
    const fd = openSync(out, 'w');
    try {
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/pooltopo.js'), 'validate', '.', '--format', 'json'], {
        cwd: big,
        stdio: ['ignore', fd, 'pipe'],
        timeout: 120_000,
      });
      expect(r.status).toBe(0);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(out, 'utf8')).toBe(expected);
    // The bin cannot import the constant (it runs before the bundle): its copy must be the same.
    const bin = readFileSync(path.join(ROOT, 'bin/pooltopo.js'), 'utf8');
    const [, kib] = /const WRITE_CHUNK_BYTES = (\d+) \* 1024;/.exec(bin) ?? [];
    expect(Number(kib) * 1024).toBe(WRITE_CHUNK_BYTES);
  });

  it('never writes -o over a file it read (a topology or the config), by any path to it', async () => {
    const before = readFileSync(path.join(dir, 'good.yaml'), 'utf8');
    for (const [command, output, ...more] of [
      ['validate', 'good.yaml'],
      ['report', './good.yaml'],
      ['simulate', path.join(dir, 'good.yaml'), '--down', 'ms01'],
      ['plan', 'good.yaml'],
    ] as const) {
      const r = await runCli([command, 'good.yaml', '-o', output, ...more], { cwd: dir });
      expect(r, command).toMatchObject({
        code: 2,
        stdout: '',
        stderr: `pooltopo: -o "${output}" names a file this command read: writing there would replace it; name another file\n`,
      });
    }
    // By another name (a link), the message says which input it is.
    symlinkSync('good.yaml', path.join(dir, 'alias.yaml'));
    expect((await runCli(['validate', 'good.yaml', '-o', 'alias.yaml'], { cwd: dir })).stderr).toBe(
      'pooltopo: -o "alias.yaml" names a file this command read (the same file as "good.yaml"): writing there would replace it; name another file\n',
    );
    rmSync(path.join(dir, 'alias.yaml'));
    const all = await runCli(['validate', '.', '-o', 'warn.yaml'], { cwd: dir });
    expect(all.stderr).toMatch(/^pooltopo: -o "warn\.yaml" names a file this command read: /m);
    // Nor over the config file it read.
    writeFileSync(path.join(dir, 'cfg.yaml'), 'rules: {}\n');
    const config = await runCli(['validate', 'good.yaml', '--config', 'cfg.yaml', '-o', 'cfg.yaml'], { cwd: dir });
    expect(config).toMatchObject({
      code: 2,
      stderr: 'pooltopo: -o "cfg.yaml" names a file this command read: writing there would replace it; name another file\n',
    });
    expect(readFileSync(path.join(dir, 'cfg.yaml'), 'utf8')).toBe('rules: {}\n');
    expect(readFileSync(path.join(dir, 'good.yaml'), 'utf8')).toBe(before);
  });

  it("checks -o against the inputs with each input's identity from its read, not a lookup per input", async () => {
    const batch = mkdtempSync(path.join(dir, 'identities-'));
    const stats = async (files: number) => {
      const folder = path.join(batch, String(files));
      mkdirSync(folder);
      for (let i = 0; i < files; i++) writeFileSync(path.join(folder, `t${i}.yaml`), GOOD);
      // An output that is there already: only then are the inputs' identities needed.
      writeFileSync(path.join(batch, 'out.json'), '');
      let run: Awaited<ReturnType<typeof runCli>> | undefined;
      const calls = await fsCalls(['statSync', 'lstatSync'], async () => {
        run = await runCli(['validate', String(files), '--format', 'json', '-o', 'out.json'], { cwd: batch });
      });
      expect(run?.code).toBe(0);
      expect(JSON.parse(readFileSync(path.join(batch, 'out.json'), 'utf8')).summary.files).toBe(files);
      return calls;
    };
    // The lookups of a run do not grow with its inputs (the walk of a folder looks up none of its files).
    expect(await stats(30)).toBe(await stats(3));
  });

  it('colours stylish output only on a terminal and never with NO_COLOR', async () => {
    const plain = await runCli(['validate', 'warn.yaml'], { cwd: dir });
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    expect((await runCli(['validate', 'warn.yaml'], { cwd: dir, isTTY: true })).stdout).toMatch(/\u001b\[/);
    expect((await runCli(['validate', 'warn.yaml'], { cwd: dir, isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
    expect(plain.stdout).toMatch(/^ {2}11:5 {2}warning {2}Gateway "gw01" reports to one management server, ms01/m);
    expect(plain.stdout).toMatch(/All Management Servers Resource Pool {2}3 voters, 2 needed, tolerates 1 \(0 without the default observer\)/);
    expect(plain.stdout).toMatch(/✖ 1 problem \(0 errors, 1 warning, 0 infos\) in 1 file/);
  });

  it('lists and explains rules, and prints the schema', async () => {
    const list = await runCli(['rules']);
    expect(list.stdout).toMatch(/^capacity-after-failover +warning/m);
    const one = await runCli(['rules', 'default-observer-disabled']);
    expect(one.stdout).toMatch(/Why:/);
    expect(one.stdout).toMatch(/Resource pool design considerations/);
    const schema = await runCli(['schema']);
    expect(JSON.parse(schema.stdout)).toEqual(JSON.parse(readFileSync(path.join(ROOT, 'schemas/topology.schema.json'), 'utf8')));
  });
});

describe('the commands that work on one file', () => {
  it.each([
    ['report', ['-o', 'never.html']],
    ['simulate', ['--down', 'ms01']],
    ['plan', []],
  ])('%s refuses a directory or a glob, whatever it finds, in one line', async (command, extra) => {
    for (const target of [dir, path.join(dir, 'nested/deeper'), `${dir}/*.yaml`]) {
      const r = await runCli([command, target, ...extra], { cwd: dir });
      expect(r.code, target).toBe(2);
      expect(r.stdout).toBe('');
      // (report also warns of what it met on the way: the fixture folder holds a symlink loop.)
      const lines = r.stderr.trim().split('\n');
      expect(lines.slice(0, -1).every((l) => l.startsWith('pooltopo: warning: '))).toBe(true);
      expect(lines.at(-1)).toMatch(
        new RegExp(`^pooltopo: ${command} needs one topology file; ".*" is a directory or a glob \\(\\d+ topology files?; pooltopo validate lints several\\)$`),
      );
    }
    expect(readdirSync(dir)).not.toContain('never.html');
    // A file named is fine.
    expect((await runCli([command, 'good.yaml', ...extra], { cwd: dir })).code).not.toBe(2);
    rmSync(path.join(dir, 'never.html'), { force: true });
  });
});

describe('bad input gives findings, not crashes', () => {
  const cases: [string, string | Buffer, RegExp][] = [
    ['binary.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff]), /not valid UTF-8|binary/],
    ['nul.yaml', 'version: 1\u0000\n', /NUL/],
    ['latin1.yaml', Buffer.from('name: caf\xe9\n', 'latin1'), /not valid UTF-8/],
    ['deep.yaml', '['.repeat(5000) + ']'.repeat(5000), /nests deeper/],
    ['deep-map.yaml', Array.from({ length: 5000 }, (_, i) => ' '.repeat(i) + 'a:').join('\n'), /nests deeper|indentation|syntax/i],
    ['empty.yaml', '', /empty/],
    ['two-docs.yaml', GOOD + '---\n' + GOOD, /several YAML documents/],
    ['tag.yaml', 'version: !!js/function "function(){}"\n', /tag/],
    ['dup.yaml', GOOD + 'name: Again\n', /duplicate key "name"/],
    ['scalar.yaml', 'just a string\n', /must be a mapping/],
  ];

  it.each(cases)('%s', async (name, content, message) => {
    writeFileSync(path.join(dir, name), content);
    const r = await runCli(['validate', name, '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const [file] = JSON.parse(r.stdout).files;
    expect(file.pools).toEqual([]);
    expect(file.findings.length).toBeGreaterThan(0);
    expect(file.findings[0].ruleId).toMatch(/^(yaml-syntax|schema)$/);
    expect(file.findings.map((f: { message: string }) => f.message).join(' ')).toMatch(message);
    for (const f of file.findings) {
      expect(f.line).toBeGreaterThanOrEqual(1);
      expect(f.column).toBeGreaterThanOrEqual(1);
    }
  });

  it('does not let __proto__ keys pollute Object.prototype', async () => {
    writeFileSync(path.join(dir, 'proto.yaml'), GOOD + '__proto__:\n  polluted: true\nconstructor:\n  prototype:\n    polluted: true\n');
    const r = await runCli(['validate', 'proto.yaml', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(JSON.parse(r.stdout).files[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['schema', 'schema']);
  });
});

describe('as a real process', () => {
  it('validates without loading mathjs or handlebars', () => {
    const trace = path.join(dir, 'imports.txt');
    const r = spawnCli(['validate', path.join(dir, 'good.yaml')], {
      env: { POOLTOPO_TRACE_IMPORTS: trace },
      nodeArgs: ['--import', path.join(ROOT, 'test/support/trace-imports.mjs')],
    });
    expect(r.code).toBe(0);
    const loaded = readFileSync(trace, 'utf8').trim().split('\n');
    expect(loaded).toContain(`file://${ROOT}/dist/bundle/pooltopo.cjs`);
    // Only the bin script and its loader, pooltopo's own bundle (js-yaml inside it) and Node's built-ins.
    const bin = [`file://${ROOT}/bin/pooltopo.js`, `file://${ROOT}/bin/bundle-loader.cjs`];
    const foreign = loaded.filter((u) => !u.startsWith('node:') && !u.startsWith(`file://${ROOT}/dist/bundle/`) && !bin.includes(u));
    expect(foreign).toEqual([]);
    expect(loaded.join('\n')).not.toMatch(/mathjs|handlebars|view-model|render-|simulate-|plan-/);
  });

  it('loads every chunk of the bundle from the code cache the build wrote, and runs the same without it', () => {
    // The build runs validate, report, simulate and plan: every chunk those load has a cache, and V8
    // accepts it (it refuses one that does not match the chunk, the Node version or the V8 flags,
    // and a refused or missing cache would cost a start instead of saving it).
    const stats = (command: string[]) => {
      const script = `const l = require(${JSON.stringify(path.join(ROOT, 'bin/bundle-loader.cjs'))});
        const io = { stdout() {}, stderr() {}, cwd: ${JSON.stringify(ROOT)}, env: {}, isTTY: false };
        l.main(${JSON.stringify(command)}, io).then((code) => console.log(JSON.stringify({ code, ...l.codeCacheStats() })));`;
      const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
      return JSON.parse(r.stdout) as { code: number; chunks: number; uncached: number; rejected: number };
    };
    // One file, a folder, a glob or many paths: every chunk validate loads comes from the cache, accepted.
    const validate = stats(['validate', 'examples/single-server.yaml', '--format', 'json']);
    expect(validate).toMatchObject({ code: 0, uncached: 0, rejected: 0 });
    expect(validate.chunks).toBeGreaterThan(1);
    for (const batch of [
      ['validate', 'examples'],
      ['validate', 'examples/*.yaml'],
      ['--debug', 'validate', 'examples'],
      ['validate', '--format', 'json', ...Array.from({ length: 100 }, () => 'examples/single-server.yaml')],
    ]) {
      expect(stats(batch)).toMatchObject({ code: 0, uncached: 0, rejected: 0, chunks: validate.chunks });
    }
    const report = stats(['report', 'examples/stretched-two-sites.yaml', '-o', path.join(dir, 'cached-report.html')]);
    expect(report).toMatchObject({ code: 0, uncached: 0, rejected: 0 });
    expect(report.chunks).toBeGreaterThan(validate.chunks);
    expect(stats(['report', 'examples/skype-paired-enterprise.yaml', '-o', path.join(dir, 'cached-skype.html')])).toMatchObject({
      code: 0,
      uncached: 0,
      rejected: 0,
    });
    expect(stats(['simulate', 'examples/opcon-automatic-recommended.yaml', '--event', 'abnormal-shutdown'])).toMatchObject({
      code: 0,
      uncached: 0,
      rejected: 0,
    });
    // Every chunk of the bundle has one, the config file's validator included.
    const bundle = readdirSync(path.join(ROOT, 'dist/bundle'));
    expect(bundle.filter((f) => f.endsWith('.cjs') && !bundle.includes(`${f}.cache`))).toEqual([]);
    // The same output through the loader as through plain require() of the bundle, without any cache.
    const plain = spawnSync(
      process.execPath,
      [
        '-e',
        `require(${JSON.stringify(path.join(ROOT, 'dist/bundle/pooltopo.cjs'))}).main(['validate', 'examples', '--format', 'json'],
      { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), cwd: ${JSON.stringify(ROOT)}, env: {}, isTTY: false })`,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(spawnCli(['validate', 'examples', '--format', 'json']).stdout).toBe(plain.stdout);
  });

  it('stops quietly when its reader closes the pipe early (| head), with the exit code of its findings', async () => {
    // Enough output (about 1 MB) that most of it is still to write when the pipe closes. The exit
    // code is the findings' however much was read: under `set -o pipefail` (GitHub Actions' bash)
    // a failing design must fail the step even when piped into head.
    const many = path.join(dir, 'many');
    mkdirSync(many);
    const example = readFileSync(path.join(ROOT, 'examples/stretched-two-sites.yaml'), 'utf8');
    for (let i = 0; i < 200; i++) writeFileSync(path.join(many, `t${i}.yaml`), example);
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/pooltopo.js'), 'validate', many, '--format', 'json', '--fail-on', 'warning'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    // Read the first chunk, then close our end, as `head -c 10` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });

  it('writes all of a large output to a reader that is slow to read it, through a blocking pipe or not', async () => {
    // About 1 MB through a pipe nobody reads for a while: the writes wait for room, and nothing is
    // lost. A parent may leave the pipe non-blocking (a net.Socket on it does so, as libuv does for
    // its pipes): then a write that finds it full fails with EAGAIN, and is tried again.
    const many = path.join(dir, 'slow');
    mkdirSync(many);
    const example = readFileSync(path.join(ROOT, 'examples/stretched-two-sites.yaml'), 'utf8');
    for (let i = 0; i < 200; i++) writeFileSync(path.join(many, `t${i}.yaml`), example);
    const bin = path.join(ROOT, 'bin/pooltopo.js');
    const nonBlocking = `new (require('node:net').Socket)({ fd: 1, readable: false, writable: true });
      process.argv = [process.argv[0], ${JSON.stringify(bin)}, 'validate', ${JSON.stringify(many)}, '--format', 'json'];
      require(process.argv[1]);`;
    for (const args of [
      [bin, 'validate', many, '--format', 'json'],
      ['-e', nonBlocking],
    ]) {
      const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.pause();
      await new Promise((resolve) => setTimeout(resolve, 500));
      const chunks: Buffer[] = [];
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => chunks.push(d));
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
      });
      child.stdout.resume();
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const results = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { files: unknown[] };
      expect(results.files).toHaveLength(200);
    }
  });

  it('colours its output for a terminal only, without building process.stdout', () => {
    const run = (shell: string) => spawnSync('sh', ['-c', shell], { cwd: dir, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } });
    const bin = `${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(ROOT, 'bin/pooltopo.js'))} validate warn.yaml`;
    // A pseudo-terminal (util-linux's script, part of every Debian system).
    expect(run(`script -qec '${bin}' /dev/null`).stdout).toMatch(/\u001b\[/);
    expect(run(`${bin} | cat`).stdout).not.toMatch(/\u001b\[/);
    expect(run(`${bin} > out.txt; cat out.txt`).stdout).toMatch(/^warn\.yaml\n/);
    expect(run(`${bin} > out.txt; cat out.txt`).stdout).not.toMatch(/\u001b\[/);
    // The null device is a character device like a terminal, but no terminal: its output is not
    // read, so the check is that the run works without asking isatty (which loads net and streams).
    const modules = path.join(dir, 'modules.txt');
    const script = `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(modules)}, process.moduleLoadList.join('\\n')));
      process.argv = [process.argv[0], ${JSON.stringify(path.join(ROOT, 'bin/pooltopo.js'))}, 'validate', 'warn.yaml'];
      require(process.argv[1]);`;
    const bare = new Set(spawnSync(process.execPath, ['-p', 'process.moduleLoadList.join("\\n")'], { encoding: 'utf8' }).stdout.split('\n'));
    for (const target of ['/dev/null', 'pipe'] as const) {
      const r = spawnSync(process.execPath, ['-e', script], { cwd: dir, stdio: ['ignore', target === 'pipe' ? 'pipe' : 'ignore', 'pipe'], encoding: 'utf8' });
      expect(r.status, target).toBe(0);
      const added = readFileSync(modules, 'utf8')
        .split('\n')
        .filter((m) => !bare.has(m));
      // One file is not a batch: no V8 flags, so no node:v8 either (it alone costs a start 4 ms).
      expect(
        added.filter((m) => /^NativeModule (stream|net|tty|v8|internal\/streams\/)/.test(m)),
        target,
      ).toEqual([]);
      expect(added.length, target).toBeGreaterThan(0);
    }
  });

  it('tells its host how many files validate lints (the bin tunes V8 for a batch)', async () => {
    const { main } = await import('../src/cli/main.js');
    const counts: number[] = [];
    const io = { stdout: () => {}, stderr: () => {}, cwd: ROOT, env: {}, isTTY: false, onBatch: (n: number) => counts.push(n) };
    expect(await main(['validate', 'examples'], io)).toBe(0);
    expect(await main(['validate', 'examples/single-server.yaml'], io)).toBe(0);
    expect(counts).toEqual([exampleFiles().length, 1]);
  });

  it("writes -o through a link only when told to, into a named pipe, keeping a replaced file's mode, and - as standard output", async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'pooltopo-out-'));
    try {
      const bin = path.join(ROOT, 'bin/pooltopo.js');
      const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: out, encoding: 'utf8' });
      const good = path.join(dir, 'good.yaml');
      // A link: refused unless --follow-output-link; then its target gets the output, the link stays a link.
      writeFileSync(path.join(out, 'target.json'), 'old');
      symlinkSync('target.json', path.join(out, 'link.json'));
      expect(run(['validate', good, '--format', 'json', '-o', 'link.json'])).toMatchObject({
        status: 2,
        stdout: '',
        stderr: expect.stringMatching(/^pooltopo: cannot write "link\.json": it is a symbolic link.*--follow-output-link\n$/),
      });
      expect(readFileSync(path.join(out, 'target.json'), 'utf8')).toBe('old');
      expect(run(['validate', good, '--format', 'json', '-o', 'link.json', '--follow-output-link']).status).toBe(0);
      expect(lstatSync(path.join(out, 'link.json')).isSymbolicLink()).toBe(true);
      expect(JSON.parse(readFileSync(path.join(out, 'target.json'), 'utf8')).files).toHaveLength(1);
      // A replaced file keeps its mode.
      writeFileSync(path.join(out, 'private.json'), 'old');
      chmodSync(path.join(out, 'private.json'), 0o600);
      expect(run(['validate', good, '--format', 'json', '-o', 'private.json']).status).toBe(0);
      expect(statSync(path.join(out, 'private.json')).mode & 0o777).toBe(0o600);
      // A named pipe: its reader gets the output, and it stays a pipe.
      const fifo = path.join(out, 'fifo');
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
      const reader = spawn('cat', [fifo]);
      let read = '';
      reader.stdout.on('data', (d: Buffer) => {
        read += d.toString();
      });
      const closed = new Promise((resolve) => reader.on('close', resolve));
      const writer = spawn(process.execPath, [bin, 'validate', good, '--format', 'json', '-o', fifo], { cwd: out });
      expect(await new Promise((resolve) => writer.on('close', resolve))).toBe(0);
      await closed;
      expect(JSON.parse(read).files).toHaveLength(1);
      expect(statSync(fifo).isFIFO()).toBe(true);
      // -o /dev/stdout on a file opened to append (`>> log`): appended, what the file held kept.
      const log = path.join(out, 'log.txt');
      writeFileSync(log, 'KEEP ME\n');
      const appending = openSync(log, 'a');
      try {
        expect(
          spawnSync(process.execPath, [bin, 'validate', good, '--format', 'json', '-o', '/dev/stdout'], { cwd: out, stdio: ['ignore', appending, 'pipe'] })
            .status,
        ).toBe(0);
      } finally {
        closeSync(appending);
      }
      const logged = readFileSync(log, 'utf8');
      expect(logged.startsWith('KEEP ME\n{')).toBe(true);
      expect(JSON.parse(logged.slice('KEEP ME\n'.length)).files).toHaveLength(1);
      // -o /dev/stdout on a pipe whose reader stops early: as standard output does, quietly, with
      // the command's own exit code (pipefail gives the writer's).
      // (Output larger than a pipe holds: 200 files of about 4 KB of JSON each.)
      mkdirSync(path.join(out, 'many'));
      for (let i = 0; i < 200; i++) writeFileSync(path.join(out, 'many', `t${i}.yaml`), readFileSync(path.join(dir, 'warn.yaml')));
      const early = spawnSync(
        'bash',
        [
          '-c',
          `set -o pipefail; ${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} validate many --format json -o /dev/stdout | head -c 100 > /dev/null`,
        ],
        { cwd: out, encoding: 'utf8' },
      );
      expect(early).toMatchObject({ status: 0, stderr: '' });
      // `-o -`: standard output, as other tools take it; no file named "-".
      const dash = run(['validate', good, '--format', 'json', '-o', '-']);
      expect(JSON.parse(dash.stdout).files).toHaveLength(1);
      const html = run(['report', good, '-o', '-']);
      expect(html.stdout).toMatch(/^<!DOCTYPE html>/);
      expect(html.stderr).toBe('');
      expect(readdirSync(out)).not.toContain('-');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('reports an unwritable output in one line, without a stack trace', () => {
    const r = spawnCli(['validate', 'good.yaml', '--format', 'json', '-o', '/proc/no/way'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    // Standard output on a full disk (Linux's /dev/full fails every write with ENOSPC).
    const full = spawnSync(
      'sh',
      ['-c', `${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(ROOT, 'bin/pooltopo.js'))} validate good.yaml > /dev/full`],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(full.status).toBe(2);
    expect(full.stderr).toMatch(/^pooltopo: cannot write to standard output: ENOSPC[^\n]*\n$/);
  });
});
