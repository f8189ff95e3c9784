import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, spawnCli } from './support/run-cli.js';

let dir: string;
const STRETCHED = readFileSync(path.join(ROOT, 'examples/stretched-two-sites.yaml'), 'utf8');
const TWO =
  'version: 1\nname: T\ndatabases:\n  operational:\n    server: sql01\nmanagementServers:\n  - name: ms01\n  - name: ms02\npools:\n  - name: Web Pool\n    members: [ms01, ms02]\n';

function project(name: string, config: string | undefined, files: Record<string, string> = { 'a.yaml': TWO }): string {
  const root = path.join(dir, name);
  mkdirSync(root, { recursive: true });
  if (config !== undefined) writeFileSync(path.join(root, '.pooltopo.yaml'), config);
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), text);
  }
  return root;
}

const json = (stdout: string) =>
  JSON.parse(stdout) as { files: { file: string; findings: { ruleId: string; severity: string; message: string; line: number }[] }[] };

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-config-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('config file', () => {
  it('is found upward from the working directory and changes severities and thresholds', async () => {
    const root = project('upward', 'rules:\n  pool-spans-data-centers: error\n  default-observer-no-benefit: "off"\nsettings:\n  poolLatencyMs: 20\n', {
      'sites/stretched.yaml': STRETCHED,
    });
    const r = await runCli(['validate', 'stretched.yaml', '--format', 'json'], { cwd: path.join(root, 'sites') });
    expect(r.code).toBe(1);
    const ids = json(r.stdout).files[0]!.findings.map((f) => `${f.ruleId}:${f.severity}`);
    expect(ids).toContain('pool-spans-data-centers:error');
    expect(ids.some((i) => i.startsWith('latency-over-10ms'))).toBe(false);
    expect(ids.some((i) => i.startsWith('default-observer-no-benefit'))).toBe(false);
    const without = await runCli(['validate', 'stretched.yaml', '--format', 'json', '--no-config'], { cwd: path.join(root, 'sites') });
    expect(json(without.stdout).files[0]!.findings.map((f) => f.ruleId)).toContain('latency-over-10ms');
  });

  it('that is a pipe, a device or a folder is refused at once (exit 2), named or found upward', async () => {
    const root = project('not-a-file', undefined);
    const fifo = path.join(root, 'config.yaml');
    execFileSync('mkfifo', [fifo]);
    const refused = (name: string) => ({
      code: 2,
      stdout: '',
      stderr: `pooltopo: cannot read config file "${name}": it is not a regular file (a device, socket or pipe); --no-config runs without one\n`,
    });
    expect(await runCli(['validate', 'a.yaml', '--config', 'config.yaml'], { cwd: root })).toEqual(refused('config.yaml'));
    for (const device of ['/dev/zero', '/dev/null']) {
      expect(await runCli(['validate', 'a.yaml', '--config', device], { cwd: root })).toEqual(refused(device));
    }
    expect(await runCli(['validate', 'a.yaml', '--config', '.'], { cwd: root })).toMatchObject({
      code: 2,
      stderr: 'pooltopo: cannot read config file ".": it is a directory\n',
    });
    // Found upward, it is the config that applies: refused, not passed over for one further up.
    execFileSync('mkfifo', [path.join(root, '.pooltopo.yaml')]);
    mkdirSync(path.join(root, 'sub'));
    expect(await runCli(['validate', '../a.yaml'], { cwd: path.join(root, 'sub') })).toEqual(refused('../.pooltopo.yaml'));
  });

  it('found as .pooltopo.yaml beside a .pooltopo.yml, says the .yml is not read', async () => {
    const root = project('both-names', 'rules:\n  pool-spans-data-centers: error\n', { 'sites/stretched.yaml': STRETCHED });
    writeFileSync(path.join(root, '.pooltopo.yml'), 'rules:\n  pool-spans-data-centers: "off"\n');
    const r = await runCli(['validate', 'stretched.yaml', '--format', 'json'], { cwd: path.join(root, 'sites') });
    expect(r.stderr).toBe(
      'pooltopo: warning: "../.pooltopo.yml" is not read: "../.pooltopo.yaml" beside it is the config file that applies (remove one of them)\n',
    );
    expect(json(r.stdout).files[0]!.findings.map((f) => `${f.ruleId}:${f.severity}`)).toContain('pool-spans-data-centers:error');
    // Named with --config, or with no config at all, nothing is passed over.
    expect((await runCli(['validate', 'stretched.yaml', '--config', '../.pooltopo.yml'], { cwd: path.join(root, 'sites') })).stderr).toBe('');
    expect((await runCli(['validate', 'stretched.yaml', '--no-config'], { cwd: path.join(root, 'sites') })).stderr).toBe('');
    // The library tells its onWarning, and refuses an option it does not take.
    const { loadConfig } = await import('../src/config/load.js');
    const warnings: string[] = [];
    const config = await loadConfig(root, undefined, { onWarning: (w) => warnings.push(w) });
    expect([config.file, warnings]).toEqual([
      '.pooltopo.yaml',
      ['".pooltopo.yml" is not read: ".pooltopo.yaml" beside it is the config file that applies (remove one of them)'],
    ]);
    await expect(loadConfig(root, undefined, { onWarnings: () => {} } as never)).rejects.toThrow(
      'options: unknown option "onWarnings"; did you mean "onWarning"?',
    );
    await expect(loadConfig(root, undefined, { onWarning: 'log' } as never)).rejects.toThrow('options.onWarning: must be a function');
    // A .pooltopo.yaml that stops the run is its one line: no warning of the other before it.
    writeFileSync(path.join(root, '.pooltopo.yaml'), 'rules:\n  no-such-rule: error\n');
    const bad = await runCli(['validate', 'stretched.yaml'], { cwd: path.join(root, 'sites') });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^pooltopo: \.\.\/\.pooltopo\.yaml:2:3: bad config file: /)]);
  });

  it('is taken from --config, and a missing one is exit 2', async () => {
    const root = project('explicit', undefined);
    writeFileSync(path.join(root, 'strict.yaml'), 'settings:\n  targetTolerableFailures: 2\n');
    const r = await runCli(['validate', 'a.yaml', '--config', 'strict.yaml', '--format', 'json'], { cwd: root });
    const nha = json(r.stdout).files[0]!.findings.filter((f) => f.ruleId === 'no-high-availability');
    // The three implied default pools share one finding; the pool the file lists has its own.
    expect(nha).toHaveLength(2);
    expect(nha[0]).toMatchObject({ messageId: 'belowTarget', data: { failures: 1, target: 2 } });
    // A config named with --config is named as given in its messages, an absolute path too.
    const elsewhere = path.join(dir, 'elsewhere.yaml');
    writeFileSync(elsewhere, 'rules:\n  nope: "off"\n');
    expect((await runCli(['validate', 'a.yaml', '--config', elsewhere], { cwd: root })).stderr).toBe(
      `pooltopo: ${elsewhere}:2:3: bad config file: unknown rule "nope".\n`,
    );
    const missing = await runCli(['validate', 'a.yaml', '--config', 'nope.yaml'], { cwd: root });
    expect(missing).toMatchObject({ code: 2, stderr: 'pooltopo: cannot read config file "nope.yaml": no such file or directory\n' });
  });

  it('named .json must be JSON, as a topology file named .json must', async () => {
    const root = project('json-config', undefined);
    writeFileSync(path.join(root, 'cfg.json'), '{"settings": {"targetTolerableFailures": 2}}\n');
    const r = await runCli(['validate', 'a.yaml', '--config', 'cfg.json', '--format', 'json'], { cwd: root });
    expect(json(r.stdout).files[0]!.findings.filter((f) => f.ruleId === 'no-high-availability')).toHaveLength(2);
    writeFileSync(path.join(root, 'bad.json'), '{"settings": {"targetTolerableFailures": 2,}}\n');
    expect(await runCli(['validate', 'a.yaml', '--config', 'bad.json'], { cwd: root })).toMatchObject({
      code: 2,
      stderr:
        'pooltopo: bad.json:1:43: bad config file: not valid JSON (a comma before "}"; JSON allows no trailing comma), which a file named .json must be; fix it, or rename the file .yaml\n',
    });
  });

  it.each([
    ['bad YAML', 'rules: [\n', /^pooltopo: \.pooltopo\.yaml:2:1: bad config file: /],
    ['an unknown key', 'rule:\n  x: off\n', /^pooltopo: \.pooltopo\.yaml:1:1: bad config file: Unknown key "rule" in the document; did you mean "rules"\?/],
    [
      'an unknown rule',
      'rules:\n  no-high-availabilty: "off"\n',
      /^pooltopo: \.pooltopo\.yaml:2:3: bad config file: unknown rule "no-high-availabilty"; did you mean "no-high-availability"\?/,
    ],
    [
      'a bad severity',
      'rules:\n  no-high-availability: fatal\n',
      /^pooltopo: \.pooltopo\.yaml:2:25: bad config file: `rules\.no-high-availability` must be one of "off", "info", "warning", "error"/,
    ],
    ['a bad threshold', 'settings:\n  poolLatencyMs: -1\n', /^pooltopo: \.pooltopo\.yaml:2:18: bad config file: `settings\.poolLatencyMs` must be more than 0/],
    [
      'two bad thresholds',
      'settings:\n  poolLatencyMs: -1\n  databaseLatencyMs: -1\n',
      /`settings\.poolLatencyMs` must be more than 0, not -1 \(and 1 more problem\)\.\n$/,
    ],
    [
      'three bad thresholds',
      'settings:\n  poolLatencyMs: -1\n  databaseLatencyMs: -1\n  targetTolerableFailures: -1\n',
      /must be more than 0, not -1 \(and 2 more problems\)\.\n$/,
    ],
    [
      'a target plan could not search for',
      'settings:\n  targetTolerableFailures: 1000000000\n',
      /^pooltopo: \.pooltopo\.yaml:2:28: bad config file: `settings\.targetTolerableFailures` must be at most 999/,
    ],
    [
      'more computers than any console count supports',
      'settings:\n  computersPerManagementGroup: 20000\n',
      /^pooltopo: \.pooltopo\.yaml:2:32: bad config file: `settings\.computersPerManagementGroup` must be at most 15,?000/,
    ],
    [
      'a policy that does not parse',
      'policies:\n  - id: p\n    assert: "tolerableFailures >= "\n    message: m\n',
      /^pooltopo: \.pooltopo\.yaml:3:\d+: bad config file: policy "p": the expression does not parse/,
    ],
    [
      'a policy with an unknown symbol',
      'policies:\n  - id: p\n    assert: "tolerableFailurs >= 2"\n    message: m\n',
      /policy "p": unknown symbol "tolerableFailurs" \(did you mean "tolerableFailures"\?\)/,
    ],
    [
      'a policy that is not a test',
      'policies:\n  - id: p\n    assert: "tolerableFailures + 1"\n    message: m\n',
      /policy "p": the expression gives number 2, not true or false/,
    ],
    [
      'yaml-syntax turned off',
      'rules:\n  yaml-syntax: "off"\n',
      /^pooltopo: \.pooltopo\.yaml:2:3: bad config file: rule "yaml-syntax" cannot be set to "off": a file that is not valid YAML or breaks the schema is always an error, so that it fails the run; fix the file instead\.\n$/,
    ],
    [
      'several unknown rules',
      'rules:\n  nope-one: "off"\n  nope-two: "off"\n  nope-three: "off"\n',
      /^pooltopo: \.pooltopo\.yaml:2:3: bad config file: unknown rule "nope-one" \(and 2 more problems\)\.\n$/,
    ],
    // A schema violation first, the unknown rule ids counted with it (not only once it is fixed).
    [
      'a bad threshold and unknown rules',
      'rules:\n  nope-one: "off"\n  nope-two: "off"\nsettings:\n  poolLatencyMs: -1\n',
      /^pooltopo: \.pooltopo\.yaml:5:18: bad config file: `settings\.poolLatencyMs` must be more than 0, not -1 \(and 2 more problems\)\.\n$/,
    ],
    // A rule entry the schema faults already counts once: a key not shaped as a rule id, a severity that is none.
    [
      'a rule id not in kebab case',
      'rules:\n  No-High-Availability: "off"\n',
      /^pooltopo: \.pooltopo\.yaml:2:3: bad config file: Key "No-High-Availability" in `rules` must be a kebab-case rule id such as "no-high-availability"\.\n$/,
    ],
    [
      'an unknown rule with a bad severity, and a bad threshold',
      'rules:\n  nope: bogus\nsettings:\n  poolLatencyMs: -1\n',
      /bad config file: .* \(and 1 more problem\)\.\n$/,
    ],
    [
      'a policy id taken, an unknown rule and a policy that does not parse',
      'rules:\n  nope: "off"\npolicies:\n  - id: schema\n    assert: "true"\n    message: m\n  - id: p2\n    assert: "members >"\n    message: m\n',
      /^pooltopo: \.pooltopo\.yaml:4:9: bad config file: policy id "schema" is already a built-in rule \(and 2 more problems\)\.\n$/,
    ],
    [
      'an unknown rule and a policy that does not parse',
      'rules:\n  nope: "off"\npolicies:\n  - id: p1\n    assert: "members >"\n    message: m\n',
      /^pooltopo: \.pooltopo\.yaml:2:3: bad config file: unknown rule "nope" \(and 1 more problem\)\.\n$/,
    ],
    [
      'schema lowered to a warning',
      'rules:\n  schema: warning\n',
      /^pooltopo: \.pooltopo\.yaml:2:3: bad config file: rule "schema" cannot be set to "warning"/,
    ],
    [
      'a policy message with an unknown placeholder',
      'policies:\n  - id: p\n    assert: "true"\n    message: "m {{nope}} {{name}}"\n',
      /^pooltopo: \.pooltopo\.yaml:4:17: bad config file: policy "p": unknown placeholder "\{\{nope\}\}" in the message \(did you mean "\{\{name\}\}"\?\); a message can show name, implied, /,
    ],
    [
      'a policy message with a misspelt placeholder',
      'policies:\n  - id: p\n    assert: "true"\n    message: Pool {{name}} tolerates {{tolerableFailurs}}\n',
      /^pooltopo: \.pooltopo\.yaml:4:38: bad config file: policy "p": unknown placeholder "\{\{tolerableFailurs\}\}" in the message \(did you mean "\{\{tolerableFailures\}\}"\?\)/,
    ],
    [
      'a policy message with spaces in a placeholder',
      'policies:\n  - id: p\n    assert: "true"\n    message: "m {{ name }}"\n',
      /^pooltopo: \.pooltopo\.yaml:4:17: bad config file: policy "p": placeholder "\{\{ name \}\}" in the message has spaces; write "\{\{name\}\}"/,
    ],
    [
      'a policy message folded over lines',
      'policies:\n  - id: p\n    assert: "true"\n    message: >-\n      first line\n      then {{nam}}\n',
      /^pooltopo: \.pooltopo\.yaml:4:14: bad config file: policy "p": unknown placeholder "\{\{nam\}\}" in the message \(did you mean "\{\{name\}\}"\?\)/,
    ],
    [
      'a policy message with a figure that is not one value',
      'policies:\n  - id: p\n    assert: "true"\n    message: "{{group}}"\n',
      /policy "p": placeholder "\{\{group\}\}" in the message is not a single figure; a message can show name, /,
    ],
    // The first policy's problem, and how many more policies have one (each policy's first problem is found).
    [
      'two policies that do not compile',
      'policies:\n  - id: p\n    assert: "tolerableFailurs >= 2"\n    message: m\n  - id: q\n    assert: "true"\n    message: "{{nope}}"\n',
      /^pooltopo: \.pooltopo\.yaml:3:13: bad config file: policy "p": unknown symbol "tolerableFailurs" \(did you mean "tolerableFailures"\?\); a policy sees name, .*, group \(and 1 more policy with a problem\)\.\n$/,
    ],
    [
      'three policies that do not compile',
      'policies:\n  - id: p\n    assert: "1"\n    message: m\n  - id: q\n    assert: "true"\n    message: "{{nope}}"\n  - id: r\n    assert: "nope"\n    message: m\n',
      /policy "p": the expression gives number 1, not true or false; write a comparison such as "tolerableFailures >= 2" \(and 2 more policies with problems\)\.\n$/,
    ],
    // One problem is a sentence too.
    [
      'one policy with a problem',
      'policies:\n  - id: p\n    assert: "1"\n    message: m\n',
      /policy "p": the expression gives number 1, not true or false; write a comparison such as "tolerableFailures >= 2"\.\n$/,
    ],
    [
      'a policy that shadows a rule',
      'policies:\n  - id: no-high-availability\n    assert: "true"\n    message: m\n',
      /\.pooltopo\.yaml:2:9: bad config file: policy id "no-high-availability" is already a built-in rule/,
    ],
  ])('rejects %s with exit 2 and its position', async (name, config, message) => {
    const root = project(`bad-${name.replace(/\W+/g, '-')}`, config);
    const r = await runCli(['validate', 'a.yaml'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('ignores files by glob, relative to the config file, and warns when one is named', async () => {
    const root = project('ignore', 'ignore:\n  - legacy/\n  - "**/*.draft.yaml"\n', {
      'a.yaml': TWO,
      'legacy/old.yaml': 'not: [valid',
      'b.draft.yaml': 'not: [valid',
    });
    const r = await runCli(['validate', '.', '--format', 'json'], { cwd: root });
    expect(json(r.stdout).files.map((f) => f.file)).toEqual(['a.yaml']);
    const named = await runCli(['validate', 'a.yaml', 'legacy/old.yaml'], { cwd: root });
    expect(named.stderr).toMatch(/warning: "legacy\/old\.yaml" is ignored/);
    const only = await runCli(['validate', 'legacy/old.yaml'], { cwd: root });
    expect(only.code).toBe(2);
  });

  it('reads ignore globs as .gitignore does: without a slash at any depth, with one from the config file', async () => {
    const root = project('ignore-depth', 'ignore:\n  - archive/\n  - "*.draft.yaml"\n  - /top-only/\n  - sites/old/\n', {
      'a.yaml': TWO,
      'sites/archive/x.yaml': TWO,
      'archive/y.yaml': TWO,
      'sites/b.draft.yaml': TWO,
      'top-only/c.yaml': TWO,
      'sites/top-only/d.yaml': TWO,
      'sites/old/e.yaml': TWO,
      'other/sites/old/f.yaml': TWO,
    });
    const r = await runCli(['validate', '.', '--format', 'json'], { cwd: root });
    expect(json(r.stdout).files.map((f) => f.file)).toEqual(['a.yaml', 'other/sites/old/f.yaml', 'sites/top-only/d.yaml']);
  });
});

describe('policies', () => {
  it('leave simulate and plan working when the config gives them a severity', async () => {
    const root = project(
      'policy-severity',
      'rules:\n  acme/two: warning\npolicies:\n  - id: acme/two\n    assert: "tolerableFailures >= 2 or implied"\n    message: "m"\n',
    );
    expect((await runCli(['simulate', 'a.yaml', '--down', 'ms01'], { cwd: root })).code).not.toBe(2);
    expect((await runCli(['plan', 'a.yaml'], { cwd: root })).code).not.toBe(2);
    expect((await runCli(['validate', 'a.yaml'], { cwd: root })).code).not.toBe(2);
  });

  it('fire per pool with their message, id and severity', async () => {
    const root = project(
      'policy',
      'policies:\n  - id: acme/two-failures\n    severity: error\n    assert: "tolerableFailures >= 2 or implied"\n    message: "Pool {{name}} tolerates {{tolerableFailures}} of {{votingMembers}} voters."\n',
    );
    const r = await runCli(['validate', 'a.yaml', '--format', 'json'], { cwd: root });
    expect(r.code).toBe(1);
    const policy = json(r.stdout).files[0]!.findings.filter((f) => f.ruleId === 'acme/two-failures');
    expect(policy).toEqual([expect.objectContaining({ severity: 'error', message: 'Pool Web Pool tolerates 1 of 3 voters.', line: 10 })]);
    const rules = await runCli(['rules'], { cwd: root });
    expect(rules.stdout).toMatch(/^acme\/two-failures +error/m);
  });

  it.each([
    ['import', 'import({}, {}) == 1'],
    ['import inside a call', 'max(import({}, {}), 1) == 1'],
    ['evaluate', 'evaluate("1") == 1'],
    ['parse', 'parse("1") == 1'],
    ['createUnit', 'createUnit("x") == 1'],
    ['simplify', 'simplify("x") == 1'],
    ['an assignment', 'f(x) = 1'],
    ['a JavaScript global', 'process.exit(1) == 1'],
    ['the constructor chain', 'tolerableFailures.constructor("return process")() == 1'],
    // Nor run out of time or memory: nothing that builds a matrix or a range, or loops.
    ['a huge matrix', 'size(ones(100000, 100000))[1] > 0'],
    ['a huge range', 'sum(1:100000000) > 0'],
    ['a huge range function', 'max(range(1, 1e9)) > 0'],
    ['a loop over a list', 'max(map([1, 2], f)) > 0'],
    ['a unit conversion', 'number(tolerableFailures to cm) > 0'],
    ['an object', '{a: 1}.a == 1'],
    ['several expressions', 'a = 1; a == 1'],
  ])('cannot reach outside the sandbox, or past bounded time and memory, with %s', async (_name, expr) => {
    const root = project(`sandbox-${_name.replace(/\W+/g, '-')}`, `policies:\n  - id: p\n    assert: ${JSON.stringify(expr)}\n    message: m\n`);
    const r = await runCli(['validate', 'a.yaml'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^pooltopo: \.pooltopo\.yaml:3:\d+: bad config file: policy "p": .*\.\n$/);
  });

  it('may call the scalar functions, and is told which when it calls another', async () => {
    const ok = project(
      'policy-functions',
      'policies:\n  - id: p\n    assert: "max(min(tolerableFailures, 3), abs(-1)) >= 1 and equalText(purpose, \\"general\\") and round(availability * 100) <= 100 and group.agents >= 0 and (implied ? true : votesNeeded > 0)"\n    message: m\n',
    );
    expect(await runCli(['validate', 'a.yaml'], { cwd: ok })).toMatchObject({ code: 0, stderr: '' });
    const other = project('policy-ones', 'policies:\n  - id: p\n    assert: "size(ones(2, 2)) == 2"\n    message: m\n');
    expect((await runCli(['validate', 'a.yaml'], { cwd: other })).stderr).toMatch(
      /policy "p": the function size is not allowed in policies \(a policy may call abs, ceil, floor, .*, boolean\)\.\n$/,
    );
  });

  it('load mathjs only when a policy exists', () => {
    const plain = project('trace-plain', 'rules:\n  observer-only-members: "off"\n');
    const withPolicy = project('trace-policy', 'policies:\n  - id: p\n    assert: "votingMembers > 0"\n    message: m\n');
    const trace = (root: string) => {
      const file = path.join(root, 'imports.txt');
      const r = spawnCli(['validate', 'a.yaml'], {
        cwd: root,
        env: { POOLTOPO_TRACE_IMPORTS: file },
        nodeArgs: ['--import', path.join(ROOT, 'test/support/trace-imports.mjs')],
      });
      expect(r.stderr).toBe('');
      return readFileSync(file, 'utf8');
    };
    expect(trace(plain)).not.toMatch(/mathjs/);
    expect(trace(withPolicy)).toMatch(/mathjs/);
  });
});

describe('suppressions', () => {
  it('hide findings from the exit code but keep them in SARIF with their reason', async () => {
    const text = TWO.replace('pools:\n', 'pools:\n  # pooltopo-disable-next-line default-observer-no-benefit -- accepted for now\n').replace(
      '  - name: ms02\n',
      '  - name: ms02\ngateways:\n  # pooltopo-disable-next-line gateway-without-failover -- DMZ, CHG-1\n  - name: gw01\n    managementServers: [ms01]\n',
    );
    const root = project('suppress', undefined, { 'a.yaml': text });
    const r = await runCli(['validate', 'a.yaml', '--format', 'json', '--fail-on', 'warning'], { cwd: root });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.files[0].findings).toEqual([]);
    expect(out.files[0].suppressed.map((f: { ruleId: string; justification: string }) => [f.ruleId, f.justification])).toEqual([
      ['gateway-without-failover', 'DMZ, CHG-1'],
    ]);
    // SARIF keeps them only when asked: GitHub opens an alert for a suppressed result.
    expect(JSON.parse((await runCli(['validate', 'a.yaml', '--format', 'sarif'], { cwd: root })).stdout).runs[0].results).toEqual([]);
    const sarif = JSON.parse((await runCli(['validate', 'a.yaml', '--format', 'sarif', '--sarif-include-suppressed'], { cwd: root })).stdout);
    expect(sarif.runs[0].results[0].suppressions).toEqual([{ kind: 'inSource', justification: 'DMZ, CHG-1' }]);
    const unused = await runCli(['validate', 'a.yaml', '--format', 'json', '--report-unused-disable'], { cwd: root });
    expect(JSON.parse(unused.stdout).files[0].findings.map((f: { ruleId: string; line: number }) => [f.ruleId, f.line])).toEqual([['unused-suppression', 14]]);
  });

  it('cannot hide a file that breaks the schema or is not YAML: a comment does not suppress them', async () => {
    const root = project('suppress-schema', 'rules:\n  schema: error\n', {
      'a.yaml': '# pooltopo-disable -- whatever\nversion: 1\nname: T\nmanagementServers: [{name: ms01, agents: lots}]\n',
      'b.yaml': '# pooltopo-disable -- whatever\nversion: 1\nname: [\n',
      'c.yaml': '# pooltopo-disable schema -- legacy\nversion: 1\nname: T\nmanagementServers: [{name: ms01, agents: lots}]\n',
    });
    const r = await runCli(['validate', '.', '--format', 'json'], { cwd: root });
    expect(r.code).toBe(1);
    const files = JSON.parse(r.stdout).files;
    expect(files.map((f: { findings: { ruleId: string }[] }) => f.findings.map((x) => x.ruleId))).toEqual([
      ['schema'],
      ['yaml-syntax'],
      ['invalid-suppression', 'schema'],
    ]);
    expect(files[2].findings[0]).toMatchObject({ messageId: 'notSuppressible', data: { ruleId: 'schema' } });
  });

  it('report a comment naming a rule that does not exist, once, with or without --report-unused-disable', async () => {
    const root = project('suppress-unknown', 'policies:\n  - id: acme/two\n    assert: "tolerableFailures >= 2"\n    message: m\n', {
      'a.yaml': TWO.replace('pools:\n', '# pooltopo-disable-next-line acme/two, acme/tow -- accepted\npools:\n'),
    });
    for (const extra of [[], ['--report-unused-disable']]) {
      const out = JSON.parse((await runCli(['validate', 'a.yaml', '--format', 'json', ...extra], { cwd: root })).stdout).files[0];
      const about = out.findings.filter((f: { ruleId: string }) => f.ruleId === 'invalid-suppression' || f.ruleId === 'unused-suppression');
      expect(about.map((f: { ruleId: string; messageId: string; data: unknown }) => [f.ruleId, f.messageId, f.data])).toEqual([
        ['invalid-suppression', 'unknownRuleNear', { ruleId: 'acme/tow', near: 'acme/two' }],
      ]);
    }
  });

  it("cover the node on the next line only: above a list's first item, that item and not the list", async () => {
    const gateways =
      'gateways:\n  # pooltopo-disable-next-line gateway-without-failover -- retired in Q3\n  - name: gw01\n    managementServers: [ms01]\n  - name: gw02\n    managementServers: [ms01]\n';
    const root = project('suppress-first', undefined, { 'a.yaml': TWO.replace('pools:\n', gateways + 'pools:\n') });
    const out = JSON.parse((await runCli(['validate', 'a.yaml', '--format', 'json'], { cwd: root })).stdout).files[0];
    const gatewayOf = (f: { path: string }) => f.path.split('/')[2];
    expect(out.suppressed.map((f: { ruleId: string; path: string }) => [f.ruleId, gatewayOf(f)])).toEqual([['gateway-without-failover', '0']]);
    expect(out.findings.filter((f: { ruleId: string }) => f.ruleId === 'gateway-without-failover').map(gatewayOf)).toEqual(['1']);
    // Above the key, the comment covers the whole list.
    const whole = project('suppress-list', undefined, {
      'a.yaml': TWO.replace(
        'pools:\n',
        '# pooltopo-disable-next-line gateway-without-failover -- both retired\n' + gateways.replace(/  # pooltopo.*\n/, '') + 'pools:\n',
      ),
    });
    const both = JSON.parse((await runCli(['validate', 'a.yaml', '--format', 'json'], { cwd: whole })).stdout).files[0];
    expect(both.suppressed.filter((f: { ruleId: string }) => f.ruleId === 'gateway-without-failover')).toHaveLength(2);
  });
});

describe('config schema bounds', () => {
  it("are the figures the code uses: plan's target and the sources' computers per group with few consoles", async () => {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas/config.schema.json'), 'utf8'));
    const settings = schema.properties.settings.properties;
    const { MAX_TARGET_TOLERABLE_FAILURES } = await import('../src/core/settings.js');
    const { CAPACITY_LIMITS } = await import('../src/domain/facts.js');
    expect(settings.targetTolerableFailures.maximum).toBe(MAX_TARGET_TOLERABLE_FAILURES);
    for (const limits of Object.values(CAPACITY_LIMITS))
      expect(settings.computersPerManagementGroup.maximum).toBe(limits.computersPerManagementGroupFewConsoles.value);
  });
});
