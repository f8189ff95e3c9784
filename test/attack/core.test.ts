/**
 * Issue 21's attacks on the core, replayed as an attacker would (the inputs under
 * test/fixtures/hostile/): directives in values, prototype names as keys, amplified output,
 * hostile policies and inputs at scale. The fast form runs in `npm test`; `ATTACK=full` runs the
 * attacks at their full sizes.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ROOT, runCli, spawnCli } from '../support/run-cli.js';
import { operations } from '../support/operations.js';

const FULL = process.env['ATTACK'] === 'full';
const HOSTILE = 'test/fixtures/hostile';

describe('directives are comments only', () => {
  it('a real comment still works after a byte-order mark, with CRLF or CR line ends and a quoted "#" before it', async () => {
    const { lintText } = await import('../../src/api/lint.js');
    for (const eol of ['\r\n', '\r', '\n']) {
      const lines = [
        '\ufeffversion: 1',
        'name: "A # B"',
        'managementServers: [{name: ms01}, {name: ms02}]',
        'gateways:',
        '  - {name: "gw # 1", managementServers: [ms01]}  # pooltopo-disable-next-line gateway-without-failover -- not this one',
        '  # pooltopo-disable-next-line gateway-without-failover -- DMZ, CHG-1',
        '  - {name: gw2, managementServers: [ms01]}',
      ];
      const { result } = await lintText(lines.join(eol) + eol, 'crlf.yaml');
      expect(
        result.suppressed?.map((f) => [f.ruleId, f.line]),
        JSON.stringify(eol),
      ).toEqual([['gateway-without-failover', 7]]);
      expect(result.findings.filter((f) => f.ruleId === 'gateway-without-failover').map((f) => f.line)).toEqual([5]);
    }
  });

  it('a directive inside a quoted value silences nothing: the findings stay and the run fails', async () => {
    const run = await runCli(['validate', '--no-config', '--format', 'json', `${HOSTILE}/directive-in-string.yaml`], { cwd: ROOT });
    expect(run.code).toBe(1);
    const [file] = JSON.parse(run.stdout).files;
    expect(file.suppressed).toBeUndefined();
    expect(file.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['gateway-without-failover', 'unknown-reference']);
  });

  it('directive-looking lines in block scalars are data; a real comment beside them still works', async () => {
    const run = await runCli(['validate', '--no-config', '--format', 'json', `${HOSTILE}/directive-in-block-scalar.yaml`], { cwd: ROOT });
    expect(run.code).toBe(1);
    const [file] = JSON.parse(run.stdout).files;
    expect(file.suppressed.map((f: { ruleId: string; line: number }) => [f.ruleId, f.line])).toEqual([['gateway-without-failover', 14]]);
    expect(file.findings.map((f: { ruleId: string; line: number }) => [f.ruleId, f.line])).toEqual([
      ['gateway-without-failover', 16],
      ['unknown-reference', 16],
    ]);
  });
});

/** Every name Object.prototype has, each a user-given key somewhere below. */
const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype);

function scomWith(n: string): string {
  const q = JSON.stringify(n);
  return [
    'version: 1',
    'kind: scom',
    `name: ${q}`,
    `dataCenters: [{name: ${q}}, {name: dc-${n}}]`,
    `latency: [{between: [${q}, dc-${n}], ms: 20}]`,
    'databases: {operational: {server: sql01, dataCenter: ' + q + '}}',
    'managementServers:',
    `  - {name: ${q}, dataCenter: ${q}, agents: 900}`,
    `  - {name: ms-${n}, dataCenter: dc-${n}}`,
    'gateways:',
    `  # pooltopo-disable-next-line ${n} -- an id from the prototype`,
    `  - {name: gw-${n}, managementServers: [${q}, missing-${n}]}`,
    'pools:',
    `  - {name: ${q}, members: [${q}, ms-${n}]}`,
    '',
  ].join('\n');
}

function skypeWith(n: string): string {
  const q = JSON.stringify(n);
  return [
    'version: 1',
    'kind: skype-pool-pair',
    `name: ${q}`,
    'productVersion: "2015"',
    'pools:',
    `  - {name: ${q}, edition: enterprise, users: 1000, maxUsers: 500, frontEnds: [${q}, fe2, fe3]}`,
    `  - {name: other-${n}, edition: enterprise, users: 1000, maxUsers: 5000, frontEnds: [fe4, fe5, fe6]}`,
    `pairs: [[${q}, other-${n}]]`,
    '',
  ].join('\n');
}

function opconWith(n: string): string {
  const q = JSON.stringify(n);
  return [
    'version: 1',
    'kind: opcon-failover',
    `name: ${q}`,
    'machines:',
    `  - {name: ${q}, mode: Primary, settings: {${q}: Y, FailOverSocketNumber: 6500}}`,
    `  - {name: b-${n}, mode: Secondary, settings: {${q}: 1, PrimaryMachine: ${q}, FailOverSocketNumber: 6500, PrimaryAbnormalShutdownFailover: Y}}`,
    '',
  ].join('\n');
}

/** Output a user may see: no lost value, no internal error, no function's text. */
function expectSane(run: { code: number; stdout: string; stderr: string }, what: string): void {
  expect([0, 1, 2], `${what}: exit ${run.code}\n${run.stderr}`).toContain(run.code);
  const both = run.stdout + run.stderr;
  // A rule that failed, or the CLI itself, says "internal error" on standard error.
  expect(run.stderr, what).not.toMatch(/internal error/);
  const bad = /\bundefined\b|\[object |\[native code\]|function [A-Za-z]*\(/.exec(both);
  expect(bad && both.slice(Math.max(0, bad.index - 300), bad.index + 100), what).toBeNull();
  if (run.code === 2) expect(run.stderr.trim().split('\n'), what).toHaveLength(1);
}

describe('a prototype name as any user-given key is data', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'pooltopo-proto-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  it.each(PROTO_NAMES)(
    '%s',
    async (n) => {
      const dir = mkdtempSync(path.join(tmp, 'n-'));
      const files = { 'scom.yaml': scomWith(n), 'skype.yaml': skypeWith(n), 'opcon.yaml': opconWith(n) };
      for (const [f, text] of Object.entries(files)) writeFileSync(path.join(dir, f), text);
      const q = JSON.stringify(n);
      const configs = {
        rules: `rules:\n  ${q}: warning\n`,
        severity: `rules:\n  no-high-availability: ${q}\n`,
        settings: `settings:\n  ${q}: 3\n`,
        limits: `limits:\n  ${q}: 3\n`,
        policy: `policies:\n  - id: ${q}\n    assert: "tolerableFailures >= 2"\n    message: "Pool {{name}} is short"\n`,
        policyMessage: `policies:\n  - id: acme-short\n    assert: "tolerableFailures >= 2"\n    message: "Pool {{${n}}} is short"\n`,
        policySymbol: `policies:\n  - id: acme-short\n    assert: "${n} >= 2"\n    message: "Pool is short"\n`,
        policyAndRule: `policies:\n  - id: ${q}\n    severity: warning\n    assert: "tolerableFailures >= 2"\n    message: "Pool {{name}} is short"\nrules:\n  ${q}: error\n`,
      };
      for (const [c, text] of Object.entries(configs)) writeFileSync(path.join(dir, `${c}.pooltopo.yaml`), text);
      const runs: [string, string[]][] = [];
      for (const c of [undefined, ...Object.keys(configs)]) {
        const config = c === undefined ? ['--no-config'] : ['--config', `${c}.pooltopo.yaml`];
        for (const format of ['stylish', 'json', 'sarif', 'junit', 'github'])
          runs.push([`validate ${format} ${c}`, ['validate', '.', '--format', format, ...config]]);
        runs.push([`rules ${c}`, ['rules', ...config]], [`rules ${n} ${c}`, ['rules', n, ...config]]);
        for (const f of Object.keys(files)) {
          runs.push([`report ${f} ${c}`, ['report', f, '-o', `${f}.html`, ...config]]);
          runs.push([`plan ${f} ${c}`, ['plan', f, ...config]]);
        }
      }
      runs.push(['simulate scom', ['simulate', 'scom.yaml', '--down', n, '--format', 'json']]);
      runs.push(['simulate scom partition', ['simulate', 'scom.yaml', '--partition', `${n}|dc-${n}`]]);
      runs.push(['simulate scom unknown', ['simulate', 'scom.yaml', '--down', `${n}x`]]);
      runs.push(['simulate skype pool', ['simulate', 'skype.yaml', '--down', n]]);
      runs.push(['simulate skype front end', ['simulate', 'skype.yaml', '--down', `${n},fe2`, '--format', 'json']]);
      runs.push(['simulate opcon', ['simulate', 'opcon.yaml', '--event', 'abnormal-shutdown']]);
      runs.push(['simulate opcon bad event', ['simulate', 'opcon.yaml', '--event', n]]);
      runs.push(['an option named after it', ['validate', '.', `--no-${n}`]], ['a format named after it', ['validate', '.', '--format', n]]);
      runs.push(['fail-on named after it', ['validate', '.', '--fail-on', n]], ['a command named after it', [n]]);
      for (const [what, args] of runs) {
        const run = await runCli(args, { cwd: dir });
        expectSane(run, `${n}: ${what}`);
        if (args[0] === 'validate' && args.includes('json') && run.code !== 2) {
          for (const file of JSON.parse(run.stdout).files) {
            for (const f of file.findings) expect(['error', 'warning', 'info'], `${n}: ${what}: ${f.ruleId}`).toContain(f.severity);
          }
        }
        if (args[0] === 'validate' && args.includes('github') && run.code !== 2) {
          for (const line of run.stdout.split('\n').filter((l) => l !== '')) expect(line, what).toMatch(/^::(error|warning|notice) /);
        }
      }
    },
    120_000,
  );
});

describe('policies work on single values only, in bounded time', () => {
  it.each([
    ['policy-list', /:4:13: bad config file: policy "acme-min-of-list": a list or matrix \(\[\.\.\.\]\) is not allowed in policies/],
    ['policy-matrix-power', /:4:13: bad config file: `policies\[0\]\.assert` must be at most 1000 characters long\./],
    ['policy-small-matrix', /:4:13: bad config file: policy "acme-matrix": a list or matrix/],
    ['policy-deep', /:4:13: bad config file: policy "acme-deep": the expression nests too deeply/],
    ['policy-index', /:7:13: bad config file: policy "acme-index": "group" has no field "constructor"; it has name, /],
  ])('%s is a bad config with its position, never an internal error', async (name, message) => {
    const run = await runCli(['validate', 'examples/single-server.yaml', '--config', `${HOSTILE}/configs/${name}.pooltopo.yaml`], { cwd: ROOT });
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(message);
    expect(run.stderr.split('\n')).toHaveLength(2);
  });

  it('a field of a figure is still a figure', async () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'pooltopo-policy-'));
    try {
      writeFileSync(
        path.join(tmp, 'c.yaml'),
        'policies:\n  - id: acme-three\n    severity: error\n    assert: "group.managementServers >= 3 and withDefaultObserver.tolerableFailures >= 0"\n    message: "Pool {{name}} needs 3 management servers"\n',
      );
      const run = await runCli(['validate', path.join(ROOT, 'examples/single-server.yaml'), '--config', 'c.yaml', '--format', 'json'], { cwd: tmp });
      expect(run.code).toBe(1);
      expect(JSON.parse(run.stdout).files[0].findings.filter((f: { ruleId: string }) => f.ruleId === 'acme-three').length).toBeGreaterThan(0);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('names are bounded in the schema', () => {
  it('a name with a line break, a control character or 300 characters is a schema finding at its node', async () => {
    const run = await runCli(['validate', '--no-config', '--format', 'json', `${HOSTILE}/names-unbounded.yaml`, `${HOSTILE}/setting-keys-unbounded.yaml`], {
      cwd: ROOT,
    });
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.stdout).files.flatMap((f: { findings: { ruleId: string; path: string; message: string }[] }) => f.findings);
    expect(findings.map((f: { ruleId: string; path: string }) => [f.ruleId, f.path])).toEqual([
      ['schema', '/name'],
      ['schema', '/managementServers/0/name'],
      ['schema', '/managementServers/1/name'],
      ['schema', '/managementServers/2/name'],
      ['schema', '/machines/0/settings/Bad\nKey'],
      ['schema', `/machines/0/settings/${'K'.repeat(300)}`],
    ]);
    expect(findings[0].message).toBe('`name` must be on one line, without control characters (U+000A at character 8).');
    expect(findings[1].message).toBe('`managementServers[0].name` must be at most 255 characters long.');
  });

  it('a text value or a key with a line break or a control character is a schema finding too, the key shown escaped', async () => {
    const { code, findings } = await findingsOf(`${HOSTILE}/text-with-line-breaks.yaml`);
    expect(code).toBe(1);
    expect(findings.map((f) => [f.ruleId, f.line, f.message])).toEqual([
      ['schema', 9, '`pools[0].operatingSystem` must be on one line, without control characters (U+000A at character 20).'],
      ['schema', 12, '`pools[0].backupService.exportStatus` must be on one line, without control characters (U+001B at character 11).'],
      [
        'schema',
        14,
        'Unknown key "x\\nssh-ed25519 AAAAC3Nza attacker@evil" in the document; allowed keys are version, kind, name, productVersion, registrarSettingsCustomized, pools, pairs.',
      ],
    ]);
  });

  it.each(['stylish', 'json', 'sarif', 'junit', 'github', 'report'])('no line of %s output is one the file chose', async (format) => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'pooltopo-names-'));
    try {
      const out = path.join(tmp, 'out');
      for (const file of ['names-unbounded', 'text-with-line-breaks']) {
        const args =
          format === 'report'
            ? ['report', '--no-config', `${HOSTILE}/${file}.yaml`, '-o', out]
            : ['validate', '--no-config', '--format', format, `${HOSTILE}/${file}.yaml`, '-o', out];
        const run = await runCli(args, { cwd: ROOT });
        expect(run.code).toBe(1);
        expect(readFileSync(out, 'utf8'), file).not.toMatch(/^ssh-ed25519/m);
        expect(readFileSync(out, 'utf8'), file).not.toMatch(/\u001b/);
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

/** The findings of one file, as `validate --format json` gives them. */
async function findingsOf(file: string, cwd = ROOT): Promise<{ code: number; findings: { ruleId: string; message: string; line: number }[] }> {
  const run = await runCli(['validate', '--no-config', '--format', 'json', file], { cwd });
  expect(run.stderr).toBe('');
  return { code: run.code, findings: JSON.parse(run.stdout).files[0].findings };
}

describe('output is bounded', () => {
  it('one long name aliased 900 times is a yaml-syntax finding, not gigabytes of output', async () => {
    const { code, findings } = await findingsOf(`${HOSTILE}/alias-long-name.yaml`);
    expect(code).toBe(1);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'yaml-syntax',
        line: 843,
        message: 'YAML syntax error: aliases expand the document to more than 32.0 MiB of text (limits.maxExpandedBytes).',
      }),
    ]);
  });

  it.each([
    ['many-unknown-keys', 'schema', 200, 1],
    ['many-duplicate-keys', 'yaml-syntax', 200, 1],
    ['many-findings-one-rule', 'gateway-without-failover', 200, 0],
  ])('%s: 1,000 findings of %s, then one saying how many more', async (name, ruleId, more, exit) => {
    const { code, findings } = await findingsOf(`${HOSTILE}/${name}.yaml`);
    expect(code).toBe(exit);
    const ofRule = findings.filter((f) => f.ruleId === ruleId);
    expect(ofRule).toHaveLength(1001);
    const summary = ofRule.filter((f) => / not shown /.test(f.message));
    expect(summary.map((f) => f.message)).toEqual([
      `${more} more findings of ${ruleId} in this file are not shown (pooltopo reports at most 1,000 per rule and file); the first of them is here.`,
    ]);
  });

  it('a list of long names in a message is clipped', async () => {
    const { findings } = await findingsOf(`${HOSTILE}/long-list-in-message.yaml`);
    const spans = findings.filter((f) => f.ruleId === 'pool-spans-data-centers');
    expect(spans.length).toBeGreaterThan(0);
    for (const f of spans) {
      // The clipped list (1,000 characters) and the advice, which for the default pools carries the PowerShell.
      expect(f.message.length).toBeLessThan(1600);
      expect(f.message).toMatch(
        /… \(7,367 more characters\)\); (keep each pool within one data centre: give each site a pool of its own|a default pool cannot be split by site: .*)\.$/,
      );
    }
  });

  it('a document over limits.maxExpandedBytes given as a text is a finding too', async () => {
    const { lintText } = await import('../../src/api/lint.js');
    const text = `version: 1\nname: "${'n'.repeat(2000)}"\nmanagementServers: [{name: a}]\n`;
    const { result } = await lintText(text, 't.yaml', { limits: { maxExpandedBytes: 1000 } });
    expect(result.findings.map((f) => [f.ruleId, f.message])).toEqual([
      ['yaml-syntax', 'YAML syntax error: the document is 2,051 bytes, more than the 1,000 bytes pooltopo reads (limits.maxExpandedBytes).'],
    ]);
  });
});

describe('a 512 MB heap is enough for every hostile fixture', () => {
  const fixtures = readdirSync(path.join(ROOT, HOSTILE))
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .map((f) => `${HOSTILE}/${f}`);
  const heap = ['--max-old-space-size=512'];

  it.each(['stylish', 'json', 'sarif', 'junit', 'github'])('validate --format %s, every fixture at once', (format) => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'pooltopo-heap-'));
    try {
      const run = spawnCli(['validate', '--no-config', '--format', format, ...fixtures, '-o', path.join(tmp, 'out')], { nodeArgs: heap });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
      expect(readFileSync(path.join(tmp, 'out'), 'utf8').length).toBeGreaterThan(100_000);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  // The attacks at the sizes they were found at: a 1 MB name aliased 900 times, and 15.6 MB of
  // unknown keys (1.3 million), each in every format.
  it.runIf(FULL)(
    'the attacks at full size, in every format',
    () => {
      const tmp = mkdtempSync(path.join(tmpdir(), 'pooltopo-heap-full-'));
      try {
        const name = 'x'.repeat(1_000_000);
        writeFileSync(path.join(tmp, 'alias.yaml'), `version: 1\nname: &n "${name}"\nmanagementServers:\n${'  - name: *n\n'.repeat(900)}`);
        const keys = Array.from({ length: 1_300_000 }, (_, i) => `k${String(i).padStart(7, '0')}: 1`).join('\n');
        writeFileSync(path.join(tmp, 'keys.yaml'), `version: 1\nname: Keys\nmanagementServers:\n  - name: ms01\n${keys}\n`);
        for (const format of ['stylish', 'json', 'sarif', 'junit', 'github']) {
          const run = spawnCli(['validate', '--no-config', '--format', format, 'alias.yaml', 'keys.yaml', '-o', 'out'], {
            cwd: tmp,
            nodeArgs: heap,
            timeout: 120_000,
          });
          expect(run, format).toMatchObject({ code: 1, stderr: '' });
          expect(readFileSync(path.join(tmp, 'out'), 'utf8'), format).toMatch(/1,299,000 more findings of schema/);
        }
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    },
    900_000,
  );

  it('report of each fixture', () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'pooltopo-heap-'));
    try {
      for (const f of fixtures) {
        const run = spawnCli(['report', '--no-config', f, '-o', path.join(tmp, 'r.html')], { nodeArgs: heap });
        expect([0, 1], `${f}: ${run.stderr}`).toContain(run.code);
        expect(run.stderr, f).toMatch(/^pooltopo: wrote .*r\.html\n$/);
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 120_000);
});

/** Calls of the collection methods while `fn` runs, weighted by the length of the array they walk (as test/complexity.test.ts counts). */
/** `n` gateways without failover, each under a next-line comment that suppresses its finding. */
function suppressedGateways(n: number, tail = ''): string {
  const lines = ['version: 1', 'name: Suppressed', 'managementServers:', '  - name: ms01', '  - name: ms02', 'gateways:'];
  for (let i = 0; i < n; i++)
    lines.push('  # pooltopo-disable-next-line gateway-without-failover -- DMZ, CHG-1', `  - {name: gw${i}, managementServers: [ms01]}`);
  return `${lines.join('\n')}\n${tail}`;
}

describe('scale', () => {
  it('next-line suppressions cost linear work in their number', async () => {
    const { lintText } = await import('../../src/api/lint.js');
    const work = async (n: number) => operations(() => lintText(suppressedGateways(n), 's.yaml'));
    const small = await work(500);
    const large = await work(4000);
    expect(large / small).toBeLessThan(8 * 1.5);
  });

  it('a finding no comment covers is shown however many covered ones come before it', async () => {
    const { lintText } = await import('../../src/api/lint.js');
    const { result } = await lintText(suppressedGateways(1500, '  - {name: gw-open, managementServers: [ms01]}\n'), 's.yaml');
    expect(result.findings.filter((f) => f.ruleId === 'gateway-without-failover').map((f) => f.message)).toEqual([expect.stringContaining('"gw-open"')]);
    expect(result.suppressed).toHaveLength(1000);
  });

  it.runIf(FULL)(
    '100,000 next-line suppressions, as the CLI runs them',
    () => {
      const tmp = mkdtempSync(path.join(tmpdir(), 'pooltopo-supp-'));
      try {
        writeFileSync(path.join(tmp, 's.yaml'), suppressedGateways(99_990));
        const run = spawnCli(['validate', '--no-config', 's.yaml', '--format', 'json', '-o', 'out'], { cwd: tmp, timeout: 120_000 });
        expect(run).toMatchObject({ code: 0, stderr: '' });
        expect(JSON.parse(readFileSync(path.join(tmp, 'out'), 'utf8')).files[0].suppressed).toHaveLength(1000);
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    },
    300_000,
  );

  it('"did you mean" on a 2,000-character unknown name computes no edit distance; a bounded one stops early', async () => {
    const { editDistance } = await import('../../src/util/suggest.js');
    // Each cell of the distance's table is one Math.min: counted, not timed.
    const cells = vi.spyOn(Math, 'min');
    try {
      const tmp = mkdtempSync(path.join(tmpdir(), 'pooltopo-dym-'));
      const servers = Array.from({ length: 1000 }, (_, i) => `  - name: ms${i}-${'s'.repeat(200)}`).join('\n');
      writeFileSync(path.join(tmp, 't.yaml'), `version: 1\nname: T\nmanagementServers:\n${servers}\n`);
      cells.mockClear();
      const run = await runCli(['simulate', '--no-config', 't.yaml', '--down', 'q'.repeat(2000)], { cwd: tmp });
      rmSync(tmp, { recursive: true, force: true });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^pooltopo: "q{40}…" is not a server, cluster node or data centre of t\.yaml/);
      expect(cells.mock.calls.length).toBeLessThan(1000);
      cells.mockClear();
      expect(editDistance('a'.repeat(255), 'b'.repeat(255), 85)).toBe(86);
      expect(cells.mock.calls.length).toBeLessThan(90 * 255);
      cells.mockClear();
      expect(editDistance('a'.repeat(255), 'b'.repeat(255))).toBe(255);
      expect(cells.mock.calls.length).toBe(255 * 255);
    } finally {
      cells.mockRestore();
    }
  });
});

describe('the report stays quick to open', () => {
  it('a 40,000-character value is a schema finding, so no report carries it', async () => {
    const { code, findings } = await findingsOf(`${HOSTILE}/long-text-value.yaml`);
    expect(code).toBe(1);
    expect(findings.map((f) => [f.ruleId, f.line, f.message])).toEqual([
      ['schema', 16, '`machines[1].settings.PrimaryAbnormalShutdownScript` must be at most 1,000 characters long.'],
    ]);
  });
});

describe('a prototype name given to the library', () => {
  it.each(PROTO_NAMES)('%s as a rule, setting or limit key is a PooltopoError or nothing, never a TypeError', async (n) => {
    const { lintText, validate, PooltopoError } = await import('../../src/index.js');
    const text = 'version: 1\nname: T\nmanagementServers: [{name: ms01}, {name: ms02}]\n';
    for (const options of [{ rules: { [n]: 'off' } }, { rules: { [n]: 'error' } }, { settings: { [n]: 1 } }, { limits: { [n]: 1 } }, { [n]: true }]) {
      for (const run of [() => lintText(text, 't.yaml', options as never), () => validate([{ file: 't.yaml', text }], options as never)]) {
        try {
          const out = await run();
          expect(JSON.stringify(out)).not.toMatch(/undefined/);
        } catch (err) {
          expect(err, `${n}: ${JSON.stringify(options)}: ${String(err)}`).toBeInstanceOf(PooltopoError);
        }
      }
    }
  });
});
