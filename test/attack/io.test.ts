/**
 * Issue 21's attacks on the file-system, output and process edges, replayed as an attacker would
 * mount them: a committed checkout (test/fixtures/hostile/fs/, cloned by io-trees.ts) and the CLI
 * run as CI runs it. `npm test` runs them as they are; `npm run attack` (ATTACK=full) also at the
 * full sizes. Each assertion is on what a user sees: the exit code, the one line on standard
 * error, the output, and the files left behind.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import * as opconApi from '../../src/api/kinds/opcon.js';
import * as scomApi from '../../src/api/kinds/scom.js';
import * as skypeApi from '../../src/api/kinds/skype.js';
import { PooltopoError } from '../../src/util/errors.js';
import { lintText } from '../../src/api/lint.js';
import { validate } from '../../src/api/validate.js';
import { ROOT, spawnCli, type CliRun } from '../support/run-cli.js';
import { checkout, VICTIM_KEY, type Checkout } from './io-trees.js';

const FULL = process.env['ATTACK'] === 'full';
const HOSTILE = 'test/fixtures/hostile';

let open: Checkout[] = [];
afterEach(() => {
  for (const c of open) c.remove();
  open = [];
});
function tree(manifest: string): Checkout {
  const c = checkout(manifest);
  open.push(c);
  return c;
}

/** Exit code 2 and one line on standard error, nothing on standard output. */
function refused(r: CliRun, line: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.split('\n')).toEqual([expect.stringMatching(line), '']);
}

/** Files a write could have left beside its output: temporary files of a rename. */
function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.tmp'));
}

describe('no output through a link (issue 21, point 1)', () => {
  it("refuses the report's derived path when a checkout planted it as a link to authorized_keys", () => {
    const c = tree('planted-output-links.json');
    refused(
      spawnCli(['report', 'topology.yaml'], { cwd: c.repo }),
      /^pooltopo: cannot write "topology\.html": it is a symbolic link, and pooltopo writes no report through a link .*name the report with -o$/,
    );
    expect(readFileSync(c.authorizedKeys, 'utf8')).toBe(VICTIM_KEY);
    expect(lstatSync(path.join(c.repo, 'topology.html')).isSymbolicLink()).toBe(true);
    // Even with --follow-output-link, which is for -o.
    refused(spawnCli(['report', 'topology.yaml', '--follow-output-link'], { cwd: c.repo }), /symbolic link/);
    expect(readFileSync(c.authorizedKeys, 'utf8')).toBe(VICTIM_KEY);
    // A link to a file that does not exist yet creates nothing.
    refused(spawnCli(['report', 'nowhere/topology.yaml'], { cwd: c.repo }), /^pooltopo: cannot write "nowhere\/topology\.html": it is a symbolic link/);
    expect(existsSync(path.join(c.sandbox, 'home/.ssh/authorized_keys2'))).toBe(false);
    expect(leftovers(c.repo)).toEqual([]);
    // Named with -o, the report is written.
    expect(spawnCli(['report', 'topology.yaml', '-o', 'review.html'], { cwd: c.repo }).code).toBe(0);
    expect(readFileSync(path.join(c.repo, 'review.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it.each(['stylish', 'json', 'sarif', 'junit', 'github'])(
    'refuses -o to a planted link in --format %s, and follows it only with --follow-output-link',
    (format) => {
      const c = tree('planted-output-links.json');
      for (const out of ['pooltopo.sarif', 'pooltopo-junit.xml', 'pooltopo.json']) {
        refused(
          spawnCli(['validate', 'topology.yaml', '--format', format, '-o', out], { cwd: c.repo }),
          new RegExp(`^pooltopo: cannot write "${out.replace('.', '\\.')}": it is a symbolic link, .*--follow-output-link$`),
        );
      }
      expect(readFileSync(c.authorizedKeys, 'utf8')).toBe(VICTIM_KEY);
      expect(leftovers(c.repo)).toEqual([]);
      const followed = spawnCli(['validate', 'topology.yaml', '--format', format, '-o', 'pooltopo.json', '--follow-output-link'], { cwd: c.repo });
      expect(followed.code, followed.stderr).toBe(0);
      expect(lstatSync(path.join(c.repo, 'pooltopo.json')).isSymbolicLink()).toBe(true);
      expect(readFileSync(c.authorizedKeys, 'utf8')).not.toBe(VICTIM_KEY);
    },
  );

  it('refuses an output whose folder in the checkout is a planted link', () => {
    const c = tree('planted-output-links.json');
    refused(
      spawnCli(['validate', 'topology.yaml', '--format', 'sarif', '-o', 'reports/pooltopo.sarif'], { cwd: c.repo }),
      /^pooltopo: cannot write "reports\/pooltopo\.sarif": its folder "reports" is a symbolic link, .*--follow-output-link$/,
    );
    refused(
      spawnCli(['report', 'site/topology.yaml'], { cwd: c.repo }),
      /^pooltopo: cannot write "site\/topology\.html": its folder "site" is a symbolic link, .*name the report with -o$/,
    );
    expect(readdirSync(path.join(c.sandbox, 'home/.ssh'))).toEqual(['authorized_keys']);
    expect(readdirSync(path.join(c.repo, 'real-site'))).toEqual(['topology.yaml']);
  });

  it('refuses -o to a planted link from report, simulate and plan', () => {
    const c = tree('planted-output-links.json');
    for (const args of [
      ['report', 'topology.yaml', '-o', 'pooltopo.json'],
      ['simulate', 'topology.yaml', '--down', 'ms01', '-o', 'pooltopo.json'],
      ['plan', 'topology.yaml', '-o', 'pooltopo.json'],
    ]) {
      refused(spawnCli(args, { cwd: c.repo }), /^pooltopo: cannot write "pooltopo\.json": it is a symbolic link/);
    }
    expect(readFileSync(c.authorizedKeys, 'utf8')).toBe(VICTIM_KEY);
  });

  it("keeps the README's CI recipes safe by default", () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const recipes = [...readme.matchAll(/npx --no-install pooltopo (validate [^\n`]* -o [^\s`]+)/g)].map((m) => m[1]!.split(' '));
    expect(recipes.length).toBeGreaterThanOrEqual(2);
    const c = tree('planted-output-links.json');
    for (const args of recipes) refused(spawnCli(args, { cwd: c.repo }), /it is a symbolic link/);
    expect(readFileSync(c.authorizedKeys, 'utf8')).toBe(VICTIM_KEY);
  });
});

describe('walks and globs are linear (issue 21, point 5)', () => {
  it('lints each real file once through a DAG of committed links, by its own path', () => {
    const c = tree('link-dag.json');
    for (const input of ['.', '**/*.yaml']) {
      const r = spawnCli(['validate', input, '--format', 'json'], { cwd: c.repo });
      expect(r.code, r.stderr).toBe(0);
      const files = (JSON.parse(r.stdout) as { files: { file: string }[] }).files.map((f) => f.file);
      expect(files).toEqual(Array.from({ length: 36 }, (_, i) => `d${String(i).padStart(2, '0')}/t${String(i).padStart(2, '0')}.yaml`));
    }
    // Named twice, by a link and by its path: one file.
    const twice = spawnCli(['validate', 'd00/a/t01.yaml', 'd01/t01.yaml', '--format', 'json'], { cwd: c.repo });
    expect((JSON.parse(twice.stdout) as { files: unknown[] }).files).toHaveLength(1);
  });

  it("matches '*-*-*-*-*.yaml' beside a 250-character name, on the command line and in the config's ignore", () => {
    const c = tree('long-name.json');
    refused(spawnCli(['validate', '*-*-*-*-*.yaml'], { cwd: c.repo }), /^pooltopo: no files match "\*-\*-\*-\*-\*\.yaml"$/);
    const yml = spawnCli(['validate', '*-*-*-*-*.yml', '--format', 'json'], { cwd: c.repo });
    expect((JSON.parse(yml.stdout) as { files: { file: string }[] }).files.map((f) => f.file)).toEqual([`a${'-'.repeat(244)}x.yml`]);
    const ignoring = spawnCli(['validate', '.', '--format', 'json'], { cwd: path.join(c.repo, 'conf') });
    expect(ignoring.code, ignoring.stderr).toBe(0);
    expect((JSON.parse(ignoring.stdout) as { files: unknown[] }).files).toHaveLength(2);
  });

  it.each([
    ['[z-a]*.yaml', /^pooltopo: "\[z-a\]\*\.yaml" is not a valid glob: the range "z-a" is backwards/],
    ['{a,b', /^pooltopo: "\{a,b" is not a valid glob: the "\{" at character 1 is never closed/],
  ])('refuses the invalid glob %s in one line naming it', (pattern, line) => {
    refused(spawnCli(['validate', pattern], { cwd: ROOT }), line);
  });

  it('refuses an invalid ignore pattern as a bad config, at its line and column', () => {
    const c = tree('bad-ignore.json');
    refused(
      spawnCli(['validate', '.'], { cwd: path.join(c.repo, 'range') }),
      /^pooltopo: \.pooltopo\.yaml:3:5: bad config file: ignore pattern "\[z-a\]\*\.yaml" is not a valid glob: the range "z-a" is backwards/,
    );
    refused(
      spawnCli(['validate', '.'], { cwd: path.join(c.repo, 'brace') }),
      /^pooltopo: \.pooltopo\.yaml:1:10: bad config file: ignore pattern "\{a,b" is not a valid glob/,
    );
  });

  it('takes a file whose name holds glob characters as itself', () => {
    const c = tree('glob-named.json');
    for (const name of ['a[1].yaml', '{x,y}.yaml']) {
      const r = spawnCli(['validate', name, '--format', 'json'], { cwd: c.repo });
      expect(r.code, r.stderr).toBe(0);
      expect((JSON.parse(r.stdout) as { files: { file: string }[] }).files.map((f) => f.file)).toEqual([name]);
    }
    // A pattern that names no file is a glob still.
    const glob = spawnCli(['validate', 'a[0-9].yaml', '--format', 'json'], { cwd: c.repo });
    expect(glob.code).toBe(1);
    expect((JSON.parse(glob.stdout) as { files: { file: string }[] }).files.map((f) => f.file)).toEqual(['a1.yaml']);
  });

  it.runIf(FULL)('stays linear at the full sizes: 300 folders linked three times each, 200 names of 255 characters', () => {
    const c = tree('long-name.json');
    const dag = path.join(c.repo, 'dag');
    for (let i = 0; i < 300; i++) {
      mkdirSync(path.join(dag, `d${i}`), { recursive: true });
      writeFileSync(path.join(dag, `d${i}`, `t${i}.yaml`), readFileSync(path.join(ROOT, 'examples/single-server.yaml')));
      if (i > 0) for (const l of ['a', 'b', 'c']) symlinkSync(`../d${i}`, path.join(dag, `d${i - 1}`, l));
    }
    const walked = spawnCli(['validate', 'dag', '--format', 'json', '-o', 'dag.json'], { cwd: c.repo, nodeArgs: ['--max-old-space-size=512'] });
    expect(walked.code, walked.stderr).toBe(0);
    expect((JSON.parse(readFileSync(path.join(c.repo, 'dag.json'), 'utf8')) as { files: unknown[] }).files).toHaveLength(300);
    const names = path.join(c.repo, 'names');
    mkdirSync(names);
    for (let i = 0; i < 200; i++) writeFileSync(path.join(names, `${String(i).padStart(3, '0')}${'-'.repeat(248)}.yml`), 'version: 1\n');
    const star = '*-'.repeat(12);
    refused(spawnCli(['validate', `names/${star}.yaml`], { cwd: c.repo }), /no files match/);
    writeFileSync(path.join(names, '.pooltopo.yaml'), `ignore:\n  - "${star}.yaml"\n  - "**/${star}x*.yml"\n`);
    expect(spawnCli(['validate', '.', '--format', 'json'], { cwd: names }).code).toBe(1);
  });
});

describe('config and process edges (issue 21, point 8)', () => {
  it("stops at a .pooltopo.yaml that is a link to nothing or to itself, rather than read the parent folder's", () => {
    const c = tree('config-links.json');
    refused(
      spawnCli(['validate', 'topology.yaml'], { cwd: path.join(c.repo, 'dangling') }),
      /^pooltopo: cannot read config file "\.pooltopo\.yaml": it is a symbolic link to nothing$/,
    );
    refused(
      spawnCli(['validate', 'topology.yaml'], { cwd: path.join(c.repo, 'self') }),
      /^pooltopo: cannot read config file "\.pooltopo\.yaml": it is a symbolic link that leads back to itself \(a loop\)$/,
    );
    // The parent folder's config applies where there is none of its own.
    const parent = spawnCli(['validate', 'dangling/topology.yaml', '--format', 'json'], { cwd: c.repo });
    expect((JSON.parse(parent.stdout) as { files: { findings: { ruleId: string }[] }[] }).files[0]!.findings.map((f) => f.ruleId)).not.toContain(
      'single-management-server',
    );
  });

  it('says in one line that the working directory was deleted, from the CLI and the library', () => {
    const c = tree('config-links.json');
    const gone = path.join(c.sandbox, 'gone');
    const bin = path.join(ROOT, 'bin/pooltopo.js');
    const cli = spawnSync('bash', ['-c', `mkdir "${gone}" && cd "${gone}" && rmdir "${gone}" && exec "${process.execPath}" "${bin}" validate topology.yaml`], {
      encoding: 'utf8',
    });
    expect({ code: cli.status, stdout: cli.stdout, stderr: cli.stderr }).toEqual({
      code: 2,
      stdout: '',
      stderr: 'pooltopo: the working directory cannot be read (it was deleted); change to a folder that exists\n',
    });
    const script = `import('${path.join(ROOT, 'dist/index.js')}').then((m) => m.validate(['x.yaml'])).catch((e) => console.log(e.name + ': ' + e.message))`;
    const lib = spawnSync('bash', ['-c', `mkdir "${gone}" && cd "${gone}" && rmdir "${gone}" && exec "${process.execPath}" -e "${script}"`], {
      encoding: 'utf8',
    });
    expect(lib.stdout).toBe('PooltopoError: the working directory cannot be read (it was deleted); change to a folder that exists\n');
  });

  /** Every character a terminal acts on or hides, as stylish escapes them (tab and line breaks aside). */
  const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\u{e0000}-\u{e007f}]/u;
  const FILE = `${HOSTILE}/terminal-escapes.yaml`;
  const CONFIG = ['--config', `${HOSTILE}/terminal-escapes.config.yaml`];

  it.each([
    ['validate stylish', ['validate', FILE, ...CONFIG]],
    ['validate json', ['validate', FILE, ...CONFIG, '--format', 'json']],
    ['validate sarif', ['validate', FILE, ...CONFIG, '--format', 'sarif']],
    ['validate junit', ['validate', FILE, ...CONFIG, '--format', 'junit', '--fail-on', 'info']],
    ['validate github', ['validate', FILE, ...CONFIG, '--format', 'github']],
    ['rules', ['rules', ...CONFIG]],
    ['rules ID', ['rules', 'acme/escape', ...CONFIG]],
    ['simulate stylish', ['simulate', FILE, '--down', 'ms01\u061c\u2060\u2061\u2062\u2063\u2064', '--no-config']],
    ['simulate json', ['simulate', FILE, '--down', 'ms03\u202eevil\u{e0041}\u{e0042}\u{e007f}', '--no-config', '--format', 'json']],
    ['plan stylish', ['plan', FILE, '--no-config']],
    ['plan json', ['plan', FILE, '--no-config', '--format', 'json']],
  ])('escapes terminal control characters in %s', (_name, args) => {
    const r = spawnCli(args);
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stderr).not.toMatch(RAW);
  });

  it('keeps the data of the JSON formats: the escapes parse back to the names', () => {
    const r = spawnCli(['validate', FILE, ...CONFIG, '--format', 'json']);
    const messages = (JSON.parse(r.stdout) as { files: { findings: { message: string }[] }[] }).files[0]!.findings.map((f) => f.message);
    expect(messages).toContain('Pool Pool \u2066\u202e \u001b]0;owned\u0007 tolerates 0 \u2066.');
  });

  it('throws only PooltopoError for bad arguments, from every exported function', async () => {
    const bad: unknown[] = [undefined, null, 42, '', 'x', true, {}, [], [null], [42], { file: 1 }, () => 1, Symbol('s'), Object.create(null)];
    // The root's functions and the kind entries' guards (pooltopo/kinds/<kind>).
    const functions = Object.entries({ ...api, ...scomApi, ...skypeApi, ...opconApi }).filter(
      ([name, f]) => typeof f === 'function' && name !== 'PooltopoError',
    ) as [string, (...args: unknown[]) => unknown][];
    expect(functions.map(([name]) => name).sort()).toEqual([
      'describeRules',
      'isOpconResult',
      'isScomPool',
      'isScomResult',
      'isSkypePool',
      'isSkypeResult',
      'lintText',
      'loadConfig',
      'ruleById',
      'topologySchemaText',
      'validate',
      'validateOutcomes',
    ]);
    const wrong: string[] = [];
    for (const [name, f] of functions) {
      for (const a of bad) {
        for (const b of [undefined, ...bad]) {
          try {
            await f(a, b);
          } catch (err) {
            if (!(err instanceof PooltopoError)) wrong.push(`${name}(${String(a)}, ${String(b)}): ${String(err)}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    await expect(api.loadConfig(42 as unknown as string)).rejects.toThrow(/^loadConfig needs the folder to start from as a path/);
  });

  it('checks options again when they change after their first use', async () => {
    const options = { rules: { 'no-high-availability': 'warning' } } as { rules: Record<string, string>; limits?: object };
    const text = readFileSync(path.join(ROOT, 'examples/single-server.yaml'), 'utf8');
    await lintText(text, 'a.yaml', options as api.LintOptions);
    options.rules['no-high-availability'] = 'bogus';
    await expect(lintText(text, 'a.yaml', options as api.LintOptions)).rejects.toThrow(PooltopoError);
    options.rules['no-high-availability'] = 'off';
    const off = await lintText(text, 'a.yaml', options as api.LintOptions);
    expect(off.result.findings.map((f) => f.ruleId)).not.toContain('no-high-availability');
    options.limits = { maxDepth: 1_000_000 };
    await expect(lintText(text, 'a.yaml', options as api.LintOptions)).rejects.toThrow(PooltopoError);
  });

  it('bounds limits.maxDepth by what the parser reads: a document at the bound is read, a deeper one is a finding', async () => {
    const nested = (levels: number) => `version: 1\nname: x\nmanagementServers: ${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}\n`;
    await expect(lintText('version: 1\n', 'a.yaml', { limits: { maxDepth: 1001 } })).rejects.toThrow(
      'options: `limits.maxDepth` must be at most 1,000, not 1,001',
    );
    const at = await lintText(nested(1000), 'a.yaml', { limits: { maxDepth: 1000 } });
    expect(at.result.findings.map((f) => f.ruleId)).toEqual(['schema']);
    const over = await lintText(nested(1001), 'a.yaml', { limits: { maxDepth: 1000 } });
    expect(over.result.findings.map((f) => [f.ruleId, f.message])).toEqual([['yaml-syntax', expect.stringMatching(/nests deeper than 1000 levels/)]]);
    // The same through the CLI, in every format, with the bound in a config file.
    const c = tree('config-links.json');
    writeFileSync(path.join(c.repo, '.pooltopo.yaml'), 'limits:\n  maxDepth: 1000\n');
    mkdirSync(path.join(c.repo, 'deep'));
    writeFileSync(path.join(c.repo, 'deep/at.yaml'), nested(1000));
    writeFileSync(path.join(c.repo, 'deep/over.yaml'), nested(FULL ? 100_000 : 1001));
    for (const format of ['stylish', 'json', 'sarif', 'junit', 'github']) {
      const r = spawnCli(['validate', 'deep', '--format', format], { cwd: c.repo });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toBe('');
    }
    const json = spawnCli(['validate', 'deep', '--format', 'json'], { cwd: c.repo });
    expect((JSON.parse(json.stdout) as { files: { findings: { ruleId: string }[] }[] }).files.map((f) => f.findings[0]!.ruleId)).toEqual([
      'schema',
      'yaml-syntax',
    ]);
    writeFileSync(path.join(c.repo, '.pooltopo.yaml'), 'limits:\n  maxDepth: 2500\n');
    refused(
      spawnCli(['validate', 'deep'], { cwd: c.repo }),
      /^pooltopo: \.pooltopo\.yaml:2:13: bad config file: `limits\.maxDepth` must be at most 1,000, not 2,500\.$/,
    );
  });
});

afterEach(() => {
  // A refused write leaves nothing in the repository's own test folder either.
  expect(readdirSync(path.join(ROOT, HOSTILE)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

// Not the CLI: the walk's own guarantee, on a tree built in place.
describe("the library's walk", () => {
  it('gives each file once through links, and a link loop once as a warning', async () => {
    const c = tree('link-dag.json');
    const warnings: string[] = [];
    symlinkSync('..', path.join(c.repo, 'd35', 'up'));
    const results = await validate(['.'], { cwd: c.repo, onWarning: (w) => warnings.push(w) });
    expect(results.files).toHaveLength(36);
    expect(warnings).toEqual(['skipped "d35/up": a symbolic link loop']);
    rmSync(path.join(c.repo, 'd35', 'up'));
  });
});
