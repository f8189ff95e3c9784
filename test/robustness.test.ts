/**
 * No input crashes pooltopo: properties over random topologies and random mutations of the examples
 * (fast-check, a fixed seed in CI: FUZZ_SEED and FUZZ_RUNS run it longer), hostile files, an internal
 * error in one rule, and the limits.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import * as yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMATS } from '../src/formatters/index.js';
import { formatJson } from '../src/formatters/json.js';
import { lintText } from '../src/api/lint.js';
import { RULES } from '../src/api/rules.js';
import { validate } from '../src/api/validate.js';
import { isScomPool, summarise, type PoolResult } from '../src/kinds/results.js';
import { ROOT, runCli } from './support/run-cli.js';
import { bytesRead } from './support/operations.js';

type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

const SEED = Number(process.env['FUZZ_SEED'] ?? 20261125);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-robust-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A random valid topology document. */
const topologyArb = fc.record({
  ms: fc.integer({ min: 1, max: 7 }),
  gw: fc.integer({ min: 0, max: 4 }),
  dcs: fc.integer({ min: 1, max: 3 }),
  dbDc: fc.nat(),
  placement: fc.array(fc.nat(), { minLength: 11, maxLength: 11 }),
  pools: fc.array(
    fc.record({
      members: fc.array(fc.nat(), { maxLength: 8 }),
      observers: fc.array(fc.nat(), { maxLength: 2 }),
      defaultObserver: fc.option(fc.boolean(), { nil: undefined }),
      createdWith: fc.constantFrom('console', 'powershell'),
      unix: fc.integer({ min: 0, max: 3000 }),
    }),
    { maxLength: 3 },
  ),
  latency: fc.array(fc.record({ a: fc.nat(), b: fc.nat(), ms: fc.double({ min: 0, max: 40, noNaN: true }) }), { maxLength: 4 }),
  agents: fc.array(fc.integer({ min: 0, max: 3500 }), { minLength: 11, maxLength: 11 }),
});

function build(t: ValueOf<typeof topologyArb>, name: (s: string) => string = (s) => s, reverse = false) {
  const dcs = Array.from({ length: t.dcs }, (_, i) => `dc${i}`);
  const ms = Array.from({ length: t.ms }, (_, i) => name(`ms${i}`));
  const gw = Array.from({ length: t.gw }, (_, i) => name(`gw${i}`));
  const servers = [...ms, ...gw];
  const order = <T>(xs: T[]) => (reverse ? [...xs].reverse() : xs);
  const pick = (xs: number[]) => [...new Set(xs.map((i) => servers[i % servers.length]!))];
  return {
    version: 1,
    name: 'Fuzz',
    dataCenters: dcs.map((n) => ({ name: n })),
    databases: { operational: { server: 'sqlx', dataCenter: dcs[t.dbDc % dcs.length] } },
    // Each pair once (a pair given twice is a schema finding).
    latency: [
      ...new Map(
        t.latency
          .map((l) => {
            const [a, b] = [l.a % dcs.length, l.b % dcs.length].sort((x, y) => x - y) as [number, number];
            return [`${a} ${b}`, { between: [dcs[a], dcs[b]], ms: l.ms }] as const;
          })
          .reverse(),
      ).values(),
    ],
    managementServers: order(ms.map((n, i) => ({ name: n, dataCenter: dcs[t.placement[i]! % dcs.length], agents: t.agents[i] }))),
    gateways: order(gw.map((n, i) => ({ name: n, dataCenter: dcs[t.placement[t.ms + i]! % dcs.length], managementServers: ms.slice(0, 2) }))),
    pools: t.pools.map((p, i) => {
      const members = pick(p.members);
      const observers = pick(p.observers).filter((o) => !members.includes(o));
      return {
        name: `pool${i}`,
        members: order(members),
        observers: order(observers),
        createdWith: p.createdWith,
        ...(p.defaultObserver !== undefined ? { defaultObserver: p.defaultObserver } : {}),
        ...(p.unix > 0 ? { purpose: 'unix-linux', workload: { unixLinuxAgents: p.unix } } : {}),
      };
    }),
  };
}

const figures = (p: PoolResult) => [
  p.votingMembers,
  p.votesNeeded,
  p.tolerableFailures,
  p.highlyAvailable,
  p.withDefaultObserver,
  p.withoutDefaultObserver,
  p.defaultObserver,
  p.dataCenters,
  p.dataCenterLoss,
  p.leaseDurationSeconds,
];

describe('properties of random valid topologies', () => {
  it('hold the quorum invariants, survive renaming and reordering, and round-trip through JSON', async () => {
    await fc.assert(
      fc.asyncProperty(topologyArb, async (t) => {
        const doc = build(t);
        const { result } = await lintText(yaml.dump(doc), 'fuzz.yaml');
        expect(result.findings.filter((f) => f.ruleId === 'schema' || f.ruleId === 'yaml-syntax' || f.ruleId === 'internal-error')).toEqual([]);
        for (const p of result.pools.filter(isScomPool)) {
          expect(p.tolerableFailures).toBeGreaterThanOrEqual(0);
          expect(p.tolerableFailures).toBeLessThanOrEqual(Math.max(0, p.members.length - 1));
          expect(p.votesNeeded * 2).toBeGreaterThan(p.votingMembers);
          expect(p.highlyAvailable).toBe(p.tolerableFailures >= 1);
        }
        const renamed = await lintText(yaml.dump(build(t, (s) => `Renamed-${s.toUpperCase()}`, true)), 'fuzz.yaml');
        expect(renamed.result.pools.filter(isScomPool).map(figures)).toEqual(result.pools.filter(isScomPool).map(figures));
        const count = (fs: readonly { ruleId: string }[]) => fs.map((f) => f.ruleId).sort();
        expect(count(renamed.result.findings)).toEqual(count(result.findings));
        const results = { version: 1 as const, files: [result], summary: summarise([result]) };
        expect(JSON.parse(formatJson(results))).toEqual(JSON.parse(JSON.stringify(results)));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 120_000);
});

/** Random damage of the kinds files suffer in pull requests. */
const mutationArb = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
    fc.record({
      op: fc.constant('junk' as const),
      at: fc.nat(),
      junk: fc.constantFrom('~', '[', '{', '"', '*x', '&a', '!!binary', '- -', '? ', '12e999', 'null', '\t', '%YAML 9', '<<: *a', ': :', '\u0000', '\u202e'),
    }),
    fc.record({ op: fc.constant('value' as const), at: fc.nat(), value: fc.constantFrom('[]', '{}', '-1', '1.5', 'true', '"x"', 'ms01', '""', '~') }),
    fc.record({ op: fc.constant('tab' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('bom' as const) }),
    fc.record({ op: fc.constant('crlf' as const) }),
    fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  ),
  { minLength: 1, maxLength: 4 },
);

function mutate(text: string, ops: ValueOf<typeof mutationArb>): string {
  let lines = text.split('\n');
  let out: string | undefined;
  for (const m of ops) {
    const i = 'at' in m ? m.at % Math.max(1, lines.length) : 0;
    if (m.op === 'delete') lines.splice(i, 1);
    else if (m.op === 'duplicate') lines.splice(i, 0, lines[i] ?? '');
    else if (m.op === 'junk') lines[i] = `${lines[i] ?? ''}${m.junk}`;
    else if (m.op === 'value') lines[i] = (lines[i] ?? '').replace(/:\s.*$/, `: ${m.value}`);
    else if (m.op === 'tab') lines[i] = `\t${lines[i] ?? ''}`;
    else if (m.op === 'truncate') lines = lines.slice(0, i);
    else if (m.op === 'bom') out = '\ufeff';
    else if (m.op === 'crlf') lines = lines.map((l) => `${l}\r`);
  }
  return (out ?? '') + lines.join('\n');
}

describe('random mutations of the examples', () => {
  const examples = readdirSync(path.join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => readFileSync(path.join(ROOT, 'examples', f), 'utf8'));

  it('give exit 0 or 1 with valid JSON, never a stack trace', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(), mutationArb, async (which, ops) => {
        const file = `m${n++}.yaml`;
        writeFileSync(path.join(dir, file), mutate(examples[which % examples.length]!, ops));
        const r = await runCli(['validate', file, '--format', 'json'], { cwd: dir });
        expect([0, 1]).toContain(r.code);
        expect(r.stderr).toBe('');
        const out = JSON.parse(r.stdout);
        expect(out.files).toHaveLength(1);
        for (const f of out.files[0].findings) {
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.column).toBeGreaterThanOrEqual(1);
          expect(f.ruleId).not.toBe('internal-error');
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 120_000);
});

describe('hostile inputs', () => {
  it('leave Object.prototype untouched', async () => {
    await validate(['test/fixtures/hostile/proto-keys.yaml'], { cwd: ROOT });
    await lintText('__proto__: {polluted: true}\nconstructor: {prototype: {polluted: true}}\n', 'p.yaml');
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuse a 50 MB file from its size, without reading it', async () => {
    const big = path.join(dir, 'big.yaml');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    let r: Awaited<ReturnType<typeof runCli>> | undefined;
    const read = await bytesRead(async () => {
      r = await runCli(['validate', 'big.yaml', '--format', 'json'], { cwd: dir });
    });
    expect(read).toBeLessThan(1024 * 1024);
    // The counter sees reads: the same run on a small file reads all of it.
    writeFileSync(path.join(dir, 'small.yaml'), 'version: 1\nname: small\nmanagementServers: [{name: ms01}]\n');
    expect(await bytesRead(() => runCli(['validate', 'small.yaml', '--format', 'json'], { cwd: dir }))).toBeGreaterThanOrEqual(50);
    if (!r) throw new Error('no run');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).files[0].findings[0].message).toMatch(/50\.0 MiB, larger than the 16\.0 MiB pooltopo reads/);
  });

  it('say by how much a file is over a limit that rounds to the same KiB, in bytes', async () => {
    const sub = mkdtempSync(path.join(dir, 'limit-'));
    writeFileSync(path.join(sub, '.pooltopo.yaml'), 'limits: {maxFileBytes: 1000}\n');
    writeFileSync(path.join(sub, 'a.yaml'), `version: 1\nname: x\n# ${'x'.repeat(1000)}\n`);
    const r = await runCli(['validate', 'a.yaml', '--format', 'json'], { cwd: sub });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).files[0].findings[0].message).toContain('the file is 1,022 bytes, larger than the 1,000 bytes pooltopo reads');
    // A limit under 1 KiB is given in bytes, not rounded up to a kibibyte.
    writeFileSync(path.join(sub, '.pooltopo.yaml'), 'limits: {maxFileBytes: 1}\n');
    const one = await runCli(['validate', 'a.yaml', '--format', 'json'], { cwd: sub });
    expect(JSON.parse(one.stdout).files[0].findings[0].message).toContain('the file is 1,022 bytes, larger than the 1 byte pooltopo reads');
  });

  it('refuse a named pipe with exit 2 rather than hang, named or met in a directory', async () => {
    const sub = mkdtempSync(path.join(dir, 'fifo-'));
    execFileSync('mkfifo', [path.join(sub, 'pipe.yaml')]);
    writeFileSync(path.join(sub, 'ok.yaml'), 'version: 1\nname: x\nmanagementServers: [{name: a}, {name: b}]\n');
    const refused = { code: 2, stdout: '', stderr: 'pooltopo: cannot read "pipe.yaml": it is not a regular file (a device, socket or pipe)\n' };
    expect(await runCli(['validate', 'pipe.yaml'], { cwd: sub })).toEqual(refused);
    // Named among other files (read ahead with them, in one chunk): still exit 2, with only its line.
    writeFileSync(path.join(sub, 'z.yaml'), 'version: 1\nname: z\nmanagementServers: [{name: a}, {name: b}]\n');
    try {
      expect(await runCli(['validate', 'ok.yaml', 'pipe.yaml', 'z.yaml'], { cwd: sub })).toEqual(refused);
    } finally {
      rmSync(path.join(sub, 'z.yaml'));
    }
    // Met in a directory or by a glob, it is a file that could not be read all the same (exit 0
    // would say every file was).
    expect(await runCli(['validate', '.', '--format', 'json'], { cwd: sub })).toEqual(refused);
    expect(await runCli(['validate', '*.yaml'], { cwd: sub })).toEqual(refused);
    // A pipe of another name is no topology, and is left alone.
    rmSync(path.join(sub, 'pipe.yaml'));
    execFileSync('mkfifo', [path.join(sub, 'pipe')]);
    expect(await runCli(['validate', '.'], { cwd: sub })).toMatchObject({ code: 0, stderr: '' });
  });

  it('refuse a link to nothing met while walking a directory, as one named, where it has a topology name', async () => {
    const sub = mkdtempSync(path.join(dir, 'dangling-'));
    writeFileSync(path.join(sub, 'ok.yaml'), 'version: 1\nname: x\nmanagementServers: [{name: a}, {name: b}]\n');
    execFileSync('ln', ['-s', path.join(sub, 'gone'), path.join(sub, 'notes')]);
    expect(await runCli(['validate', '.'], { cwd: sub })).toMatchObject({ code: 0, stderr: '' });
    mkdirSync(path.join(sub, 'site'));
    execFileSync('ln', ['-s', path.join(sub, 'gone.yaml'), path.join(sub, 'site', 'broken.yaml')]);
    const refused = { code: 2, stdout: '', stderr: 'pooltopo: cannot read "site/broken.yaml": it is a symbolic link to nothing\n' };
    expect(await runCli(['validate', '.', '--format', 'json'], { cwd: sub })).toEqual(refused);
    expect(await runCli(['validate', '**/*.yaml'], { cwd: sub })).toEqual(refused);
    expect(await runCli(['validate', 'site/broken.yaml'], { cwd: sub })).toMatchObject({
      code: 2,
      stderr: 'pooltopo: cannot read "site/broken.yaml": it is a symbolic link to nothing\n',
    });
  });

  it('have limits that the config can change', async () => {
    const sub = mkdtempSync(path.join(dir, 'limits-'));
    writeFileSync(
      path.join(sub, 'deep.yaml'),
      `version: 1\nname: x\nmanagementServers: [{name: a}, {name: b}]\npoolManager: ${'['.repeat(100)}${']'.repeat(100)}\n`,
    );
    writeFileSync(path.join(sub, 'two.yaml'), 'version: 1\nname: x\nmanagementServers: [{name: a}, {name: b}]\n');
    const before = JSON.parse((await runCli(['validate', 'deep.yaml', '--format', 'json'], { cwd: sub })).stdout);
    expect(before.files[0].findings[0].message).toMatch(/nests deeper than 64 levels/);
    writeFileSync(path.join(sub, '.pooltopo.yaml'), 'limits:\n  maxDepth: 200\n  maxServers: 1\n');
    const deep = JSON.parse((await runCli(['validate', 'deep.yaml', '--format', 'json'], { cwd: sub })).stdout);
    expect(deep.files[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['schema']);
    const two = JSON.parse((await runCli(['validate', 'two.yaml', '--format', 'json'], { cwd: sub })).stdout);
    expect(two.files[0].findings[0].message).toMatch(/2 servers, more than the 1 pooltopo analyses/);
  });
});

describe('internal errors', () => {
  it('in one rule become an internal-error finding of that file; the other rules still run', async () => {
    const rule = RULES.find((r) => r.meta.id === 'gateway-without-failover')!;
    const original = rule.check;
    (rule as { check: unknown }).check = () => {
      throw new Error('boom');
    };
    try {
      const text = readFileSync(path.join(ROOT, 'examples/single-server.yaml'), 'utf8');
      const { result } = await lintText(text, 'x.yaml');
      const internal = result.findings.filter((f) => f.ruleId === 'internal-error');
      expect(internal).toHaveLength(1);
      expect([internal[0]!.messageId, internal[0]!.data]).toEqual(['ruleFailed', { ruleId: 'gateway-without-failover', error: 'boom' }]);
      expect(result.findings.map((f) => f.ruleId)).toContain('single-management-server');
    } finally {
      (rule as { check: unknown }).check = original;
    }
  });

  it('include a message id the rule does not have: told as a bug, never printed as the id', async () => {
    const rule = RULES.find((r) => r.meta.id === 'single-management-server')!;
    const original = rule.check;
    (rule as { check: unknown }).check = function* () {
      yield { messageId: 'misspelt', data: {}, path: '' };
    };
    try {
      const text = readFileSync(path.join(ROOT, 'examples/single-server.yaml'), 'utf8');
      const { result } = await lintText(text, 'x.yaml');
      expect(result.findings.filter((f) => f.ruleId === 'single-management-server')).toEqual([]);
      expect(result.findings.filter((f) => f.ruleId === 'internal-error').map((f) => [f.messageId, f.message])).toEqual([
        [
          'unknownMessage',
          'Rule single-management-server reported a message it does not have ("misspelt"), a bug in pooltopo to report; its other findings stand.',
        ],
      ]);
    } finally {
      (rule as { check: unknown }).check = original;
    }
  });

  it('in a rule exit 2 with one line (the output still written, with every finding), whatever the config', async () => {
    const rule = RULES.find((r) => r.meta.id === 'gateway-without-failover')!;
    const original = rule.check;
    (rule as { check: unknown }).check = () => {
      throw new Error('boom');
    };
    try {
      const run = await runCli(['validate', 'examples/single-server.yaml', 'examples/network-pool.yaml', '--format', 'json']);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        'pooltopo: internal error: examples/network-pool.yaml:1:1: Rule gateway-without-failover failed on this file (boom), a bug in pooltopo to report; every other rule ran (and 1 more rule failure).\n',
      );
      const files = JSON.parse(run.stdout).files as { findings: { ruleId: string }[] }[];
      expect(files.map((f) => f.findings.filter((x) => x.ruleId === 'internal-error').length)).toEqual([1, 1]);
      expect(files[1]!.findings.map((f) => f.ruleId)).toContain('single-management-server');
      // Every command that lints says so; a config cannot make it pass (the rule is fixed).
      for (const command of [
        ['report', 'examples/single-server.yaml', '-o', '-'],
        ['simulate', 'examples/single-server.yaml', '--down', 'scom-ms01'],
        ['plan', 'examples/single-server.yaml'],
      ]) {
        const other = await runCli(command);
        expect(other.code, command[0]).toBe(2);
        expect(other.stderr, command[0]).toMatch(/^pooltopo: internal error: examples\/single-server\.yaml:1:1: Rule gateway-without-failover failed/);
      }
      const dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-internal-'));
      writeFileSync(path.join(dir, '.pooltopo.yaml'), 'rules:\n  internal-error: "off"\n');
      const off = await runCli(['validate', path.join(ROOT, 'examples/single-server.yaml')], { cwd: dir });
      expect(off.code).toBe(2);
      expect(off.stderr).toBe(
        'pooltopo: .pooltopo.yaml:2:3: bad config file: rule "internal-error" cannot be set to "off": a rule that fails is a bug in pooltopo, and the run exits with code 2 (CLI.md: an internal error); turn the failing rule off instead.\n',
      );
      rmSync(dir, { recursive: true });
      // Nor can a comment.
      const text = `# pooltopo-disable internal-error -- hide the bug\n${readFileSync(path.join(ROOT, 'examples/single-server.yaml'), 'utf8')}`;
      const { result } = await lintText(text, 'x.yaml');
      expect(result.findings.filter((f) => f.ruleId === 'internal-error')).toHaveLength(1);
      expect(result.findings.find((f) => f.ruleId === 'invalid-suppression')).toMatchObject({
        messageId: 'notSuppressible',
        data: { ruleId: 'internal-error' },
      });
    } finally {
      (rule as { check: unknown }).check = original;
    }
  });

  it('in the command are one line, with the stack only under --debug', async () => {
    const original = FORMATS.stylish;
    (FORMATS as Record<string, unknown>)['stylish'] = () => {
      throw new TypeError('formatter exploded');
    };
    try {
      const plain = await runCli(['validate', 'examples/single-server.yaml']);
      expect(plain).toMatchObject({ code: 2, stdout: '' });
      expect(plain.stderr).toBe('pooltopo: internal error: formatter exploded (run with --debug for details, and please report it)\n');
      const debug = await runCli(['validate', 'examples/single-server.yaml', '--debug']);
      expect(debug.code).toBe(2);
      expect(debug.stderr).toMatch(/^pooltopo: internal error: formatter exploded/);
      expect(debug.stderr).toMatch(/\n\s+at /);
    } finally {
      (FORMATS as Record<string, unknown>)['stylish'] = original;
    }
  });
});
