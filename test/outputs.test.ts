/** validate's outputs as CI uses them: several per run, standard input, --quiet, --max-warnings, paths from the repository root. */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { ROOT, runCli } from './support/run-cli.js';

const WARN = readFileSync(path.join(ROOT, 'examples/gateway-pool-two.yaml'), 'utf8');

/** The CLI in-process, with standard input empty unless `stdin` is given. */
function run(args: string[], options: { cwd?: string; stdin?: string | Uint8Array; env?: Record<string, string> } = {}) {
  return runCli(args, { ...options, stdin: options.stdin ?? new Uint8Array() });
}

let repo: string;
beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'pooltopo-outputs-'));
  execFileSync('git', ['init', '-q'], { cwd: repo });
  mkdirSync(path.join(repo, 'infra/topologies'), { recursive: true });
  writeFileSync(path.join(repo, 'infra/topologies/dmz.yaml'), WARN);
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('several outputs in one run', () => {
  it('writes each --format to the -o after it, and the one without to standard output, from one lint', async () => {
    const r = await run(['validate', 'topologies', '--format', 'sarif', '-o', 'out.sarif', '--format', 'junit', '-o', 'out.xml', '--format', 'json'], {
      cwd: path.join(repo, 'infra'),
    });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.summary.warnings).toBe(2);
    const sarif = JSON.parse(readFileSync(path.join(repo, 'infra/out.sarif'), 'utf8'));
    expect(sarif.runs[0].results).toHaveLength(2);
    expect(readFileSync(path.join(repo, 'infra/out.xml'), 'utf8')).toMatch(/^<\?xml/);
  });

  it('keeps an option given twice at its last value where no -o separates them, and refuses one file for two formats', async () => {
    const r = await run(['validate', 'examples/gateway-pool-two.yaml', '--format', 'stylish', '--format', 'json']);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(await run(['validate', 'examples/gateway-pool-two.yaml', '--format', 'json', '-o', 'x.json', '--format', 'sarif', '-o', 'x.json'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'pooltopo: -o x.json is given to two formats; give each its own file\n',
    });
    expect((await run(['validate', 'examples/gateway-pool-two.yaml', '--format', 'nope', '-o', 'a', '--format', 'json'])).stderr).toMatch(
      /^pooltopo: unknown format "nope"/,
    );
  });

  it('writes no output when one of several is refused (a planted link): every -o is checked first', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-o-link-'));
    try {
      symlinkSync(path.join(dir, 'elsewhere'), path.join(dir, 'link.sarif'));
      const file = path.join(ROOT, 'examples/gateway-pool-two.yaml');
      const r = await runCli(['validate', file, '--format', 'json', '-o', 'ok.json', '--format', 'sarif', '-o', 'link.sarif'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^pooltopo: cannot write "link\.sarif": it is a symbolic link/);
      expect(existsSync(path.join(dir, 'ok.json'))).toBe(false);
      expect(existsSync(path.join(dir, 'elsewhere'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps -o given twice at its last value where no --format separates them, as USAGE.md says of every one-value option', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-o-twice-'));
    try {
      const file = path.join(ROOT, 'examples/gateway-pool-two.yaml');
      const plain = await runCli(['validate', file, '-o', 'a.txt', '-o', 'b.txt'], { cwd: dir });
      expect(plain.code).toBe(0);
      expect(existsSync(path.join(dir, 'a.txt'))).toBe(false);
      expect(readFileSync(path.join(dir, 'b.txt'), 'utf8')).toMatch(/gateway-pool-two\.yaml/);
      const json = await runCli(['validate', file, '--format', 'json', '-o', 'c.json', '-o', 'd.json'], { cwd: dir });
      expect(json.code).toBe(0);
      expect(existsSync(path.join(dir, 'c.json'))).toBe(false);
      expect(JSON.parse(readFileSync(path.join(dir, 'd.json'), 'utf8'))).toMatchObject({ version: 1 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('paths from the repository root', () => {
  it.each([
    ['the root', ''],
    ['a subfolder', 'infra'],
    ['a folder below it', 'infra/topologies'],
  ])('SARIF, Code Quality, annotations and markdown point at the same file run from %s', async (_name, sub) => {
    const cwd = path.join(repo, sub);
    const file = path.relative(cwd, path.join(repo, 'infra/topologies/dmz.yaml')) || 'dmz.yaml';
    const sarif = JSON.parse((await run(['validate', file, '--format', 'sarif'], { cwd })).stdout);
    expect(sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${repo}/`);
    for (const result of sarif.runs[0].results) {
      expect(result.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'infra/topologies/dmz.yaml', uriBaseId: '%SRCROOT%' });
    }
    const issues = JSON.parse((await run(['validate', file, '--format', 'codeclimate'], { cwd })).stdout);
    expect(issues.map((i: { location: { path: string } }) => i.location.path)).toEqual(['infra/topologies/dmz.yaml', 'infra/topologies/dmz.yaml']);
    const annotations = (await run(['validate', file, '--format', 'github'], { cwd })).stdout;
    expect(annotations).toMatch(/^::warning file=infra\/topologies\/dmz\.yaml,line=\d+/);
    const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r', GITHUB_SHA: 'abc1234' };
    const md = (await run(['validate', file, '--format', 'markdown'], { cwd, env })).stdout;
    expect(md).toMatch(/\[infra\/topologies\/dmz\.yaml:\d+:\d+\]\(https:\/\/github\.com\/o\/r\/blob\/abc1234\/infra\/topologies\/dmz\.yaml#L\d+\)/);
  });
});

describe('--quiet and --max-warnings', () => {
  it('--quiet reports errors only and does not count warnings for the exit code', async () => {
    const r = await run(['validate', 'examples/gateway-pool-two.yaml', '--quiet', '--fail-on', 'warning', '--format', 'json']);
    expect(JSON.parse(r.stdout).summary).toEqual({ files: 1, errors: 0, warnings: 0, infos: 0 });
    expect(r.code).toBe(0);
    expect((await run(['validate', 'examples/gateway-pool-two.yaml', '--fail-on', 'warning'])).code).toBe(1);
  });

  it('--max-warnings N exits 1 over N warnings, whatever --fail-on says', async () => {
    expect((await run(['validate', 'examples/gateway-pool-two.yaml', '--max-warnings', '2'])).code).toBe(0);
    const over = await run(['validate', 'examples/gateway-pool-two.yaml', '--max-warnings', '1']);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('pooltopo: 2 warnings, more than --max-warnings 1 allows\n');
    expect((await run(['validate', 'examples/gateway-pool-two.yaml', '--max-warnings', '1', '--quiet'])).code).toBe(0);
    expect((await run(['validate', 'examples/gateway-pool-two.yaml', '--max-warnings=-1'])).stderr).toBe(
      'pooltopo: --max-warnings must be a whole number, not "-1"\n',
    );
  });
});

describe('standard input', () => {
  it('reads one topology from -, reported under --stdin-filename', async () => {
    const r = await run(['validate', '-', '--stdin-filename', 'topologies/dmz.yaml', '--format', 'json'], { stdin: WARN });
    const out = JSON.parse(r.stdout);
    expect(out.files.map((f: { file: string }) => f.file)).toEqual(['topologies/dmz.yaml']);
    expect(out.files[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['default-observer-on-gateway-pool', 'no-high-availability']);
    expect((await run(['validate', '-'], { stdin: WARN })).stdout).toMatch(/^<stdin>\n/);
    expect((await run(['validate', '-', 'examples/single-server.yaml'], { stdin: WARN })).stderr).toBe(
      'pooltopo: - reads one topology from standard input: give no other file beside it\n',
    );
    expect((await run(['validate', 'examples/single-server.yaml', '--stdin-filename', 'x.yaml'])).code).toBe(2);
  });

  it('gives binary input a finding, and input past the limits one too, without reading further', async () => {
    const binary = await run(['validate', '-', '--format', 'json'], { stdin: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00, 0x01]) });
    expect(binary.code).toBe(1);
    expect(JSON.parse(binary.stdout).files[0].findings[0]).toMatchObject({ ruleId: 'yaml-syntax', file: '<stdin>' });
    let asked = 0;
    const endless = await main(['validate', '-', '--format', 'json'], {
      stdout: () => {},
      stderr: () => {},
      cwd: ROOT,
      env: {},
      isTTY: false,
      readStdin: (limit) => {
        asked = limit;
        return new Uint8Array(limit + 1).fill(0x20);
      },
    });
    expect(endless).toBe(1);
    expect(asked).toBe(16 * 1024 * 1024);
  });

  it('as a real process: reads a pipe, and stops reading input that never ends at the document limit', async () => {
    const bin = path.join(ROOT, 'bin/pooltopo.js');
    const piped = spawnSync(process.execPath, [bin, 'validate', '-', '--stdin-filename', 'dmz.yaml'], { input: WARN, encoding: 'utf8', cwd: repo });
    expect(piped.stdout).toMatch(/^dmz\.yaml\n/);
    expect(piped.status).toBe(0);
    // `yes` never ends: pooltopo reads past the limit by one byte, says so, and exits.
    const config = path.join(repo, 'small.pooltopo.yaml');
    writeFileSync(config, 'limits:\n  maxFileBytes: 65536\n');
    const child = spawn(process.execPath, [bin, 'validate', '-', '--config', config], { cwd: repo, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stdin.on('error', () => {});
    const feed = setInterval(() => child.stdin.write('a'.repeat(4096) + '\n'), 1);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearInterval(feed);
    expect(code).toBe(1);
    expect(out).toMatch(/standard input is larger than the 65,536 bytes pooltopo reads/);
  });
});
