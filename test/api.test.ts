import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PooltopoError, RULES, describeRules, loadConfig, ruleById, lintText, validate } from '../src/index.js';
import { isOpconResult } from '../src/api/kinds/opcon.js';
import { isScomPool, isScomResult } from '../src/api/kinds/scom.js';
import { isSkypePool, isSkypeResult } from '../src/api/kinds/skype.js';
import { ROOT } from './fixture-files.js';
import { REGISTRY } from '../src/kinds/registry.js';
import type { RuleSetting } from '../src/api/types.js';

describe('library API', () => {
  it('validates texts as well as files, with the same result shape', async () => {
    const text = 'version: 1\nname: T\nmanagementServers:\n  - name: a\n';
    const results = await validate([{ file: 'inline.yaml', text }, 'examples/two-servers-separate-sql.yaml'], { cwd: ROOT });
    expect(results.files.map((f) => f.file)).toEqual(['examples/two-servers-separate-sql.yaml', 'inline.yaml']);
    expect(results.files[1]!.findings.map((f) => f.ruleId)).toContain('single-management-server');
    expect(results.summary.files).toBe(2);
  });

  it('turns rules off, changes severities and thresholds', async () => {
    const text = 'version: 1\nname: T\nmanagementServers:\n  - name: a\n';
    const off = await lintText(text, 't.yaml', { rules: { 'single-management-server': 'off', 'no-high-availability': 'error' } });
    expect(off.result.findings.map((f) => [f.ruleId, f.severity])).not.toContainEqual(['single-management-server', 'warning']);
    expect(off.result.findings.filter((f) => f.ruleId === 'no-high-availability').every((f) => f.severity === 'error')).toBe(true);
    const stretched =
      'version: 1\nname: T\ndataCenters: [{name: a}, {name: b}]\nlatency: [{between: [a, b], ms: 8}]\nmanagementServers:\n  - {name: x, dataCenter: a}\n  - {name: y, dataCenter: b}\n';
    expect((await lintText(stretched, 's.yaml')).result.findings.map((f) => f.ruleId)).not.toContain('latency-over-10ms');
    expect((await lintText(stretched, 's.yaml', { settings: { poolLatencyMs: 5 } })).result.findings.map((f) => f.ruleId)).toContain('latency-over-10ms');
  });

  it('takes a severity changed in the same options object between two files for the second', async () => {
    const text = 'version: 1\nname: T\nmanagementServers:\n  - name: a\n';
    const rules: Record<string, RuleSetting> = { 'single-management-server': 'error' };
    const options = { rules };
    const severity = async () => (await lintText(text, 't.yaml', options)).result.findings.find((f) => f.ruleId === 'single-management-server')?.severity;
    expect(await severity()).toBe('error');
    rules['single-management-server'] = 'info';
    expect(await severity()).toBe('info');
    rules['single-management-server'] = 'off';
    expect(await severity()).toBeUndefined();
  });

  it("takes a policy's severity changed in the same options between two files for the second", async () => {
    const { parseConfig } = await import('../src/config/load.js');
    const config = await parseConfig('policies:\n  - {id: acme/two, assert: "tolerableFailures >= 2", message: "no", severity: warning}\n', 'c.yaml', ROOT);
    const options = { policies: config.policies };
    const text = 'version: 1\nname: T\nmanagementServers:\n  - name: a\n  - name: b\n';
    const severities = async () =>
      new Set((await lintText(text, 't.yaml', options)).result.findings.filter((f) => f.ruleId === 'acme/two').map((f) => f.severity));
    expect(await severities()).toEqual(new Set(['warning']));
    // The compiled policy changed in place (its type says readonly; JavaScript lets a caller): the cached severities follow.
    (options.policies[0]!.definition as { severity: string }).severity = 'info';
    expect(await severities()).toEqual(new Set(['info']));
  });

  it('lints a folder larger than one read-ahead chunk: every file once, in order, as alone', async () => {
    // Files are read ahead a chunk at a time (1,024 files or about 4 Mi characters): more files
    // than one chunk holds, and three large ones, whose size ends the first chunk early (at the 701st file).
    const dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-read-ahead-'));
    try {
      const small = (i: number) => `version: 1\nname: T${i}\nmanagementServers:\n  - name: ms${i}\n${i % 2 ? '  - name: other\n' : ''}`;
      const large = (i: number) => `${'# a long comment line of the kind nobody writes\n'.repeat(32_000)}${small(i)}`;
      const names: string[] = [];
      for (let i = 0; i < 1_030; i++) {
        const name = `t${String(i).padStart(4, '0')}.yaml`;
        writeFileSync(path.join(dir, name), [10, 500, 700].includes(i) ? large(i) : small(i));
        names.push(name);
      }
      const results = await validate([dir]);
      expect(results.files.map((f) => path.basename(f.file))).toEqual(names);
      for (const i of [0, 10, 500, 700, 701, 1_029]) {
        const text = readFileSync(path.join(dir, names[i]!), 'utf8');
        expect(results.files[i], names[i]).toEqual((await lintText(text, path.join(dir, names[i]!))).result);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes errorOnUnmatchedPattern: false as ESLint does, a warning instead of a PooltopoError', async () => {
    await expect(validate(['nothing/*.yaml'], { cwd: ROOT })).rejects.toThrow('no files match "nothing/*.yaml"');
    const warnings: string[] = [];
    const results = await validate(['nothing/*.yaml', 'examples/single-server.yaml'], {
      cwd: ROOT,
      errorOnUnmatchedPattern: false,
      onWarning: (w) => warnings.push(w),
    });
    expect(warnings).toEqual(['no files match "nothing/*.yaml"']);
    expect(results.files.map((f) => f.file)).toEqual(['examples/single-server.yaml']);
    await expect(validate(['missing.yaml'], { cwd: ROOT, errorOnUnmatchedPattern: false })).rejects.toThrow('cannot read "missing.yaml"');
    await expect(validate([], { errorOnUnmatchedPattern: 'no' } as never)).rejects.toThrow('options.errorOnUnmatchedPattern: must be true or false');
  });

  it('says how many inputs it is about to lint, once', async () => {
    const counts: number[] = [];
    const results = await validate(['examples', { file: 'inline.yaml', text: 'version: 1\nname: T\nmanagementServers:\n  - name: a\n' }], {
      cwd: ROOT,
      onStart: (count) => counts.push(count),
    });
    expect(counts).toEqual([results.files.length]);
    expect(results.files.length).toBeGreaterThan(10);
  });

  it('refuses inputs and options of the wrong type with a PooltopoError, not a TypeError', async () => {
    const cases: [() => Promise<unknown>, string][] = [
      [() => validate('x.yaml' as never), 'inputs must be a list of paths, globs or { file, text }'],
      [() => validate(null as never), 'inputs must be a list'],
      [() => validate([5] as never), 'inputs[0]: a path, a glob or { file, text } with both strings'],
      [() => validate([{ file: 'a.yaml' }] as never), 'inputs[0]: a path, a glob or { file, text } with both strings'],
      [() => validate([], { onWarning: 3 } as never), 'options.onWarning: must be a function'],
      [() => validate([], { cwd: 5 } as never), 'options.cwd: must be a string'],
      [() => validate([], { ignore: 'x' } as never), 'options.ignore: must be a list of globs'],
      [() => validate([], { config: { rules: {} } } as never), 'options.config: must be a Config as loadConfig returns it'],
      [() => lintText(null as never, 'x.yaml'), 'lintText needs the text and the file name, both strings'],
    ];
    for (const [call, message] of cases) {
      const err = await call().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err, message).toBeInstanceOf(PooltopoError);
      expect((err as Error).message).toContain(message);
    }
  });

  it('refuses options it does not know, rather than ignoring them', async () => {
    const text = 'version: 1\nname: T\nmanagementServers:\n  - name: a\n';
    await expect(validate([{ file: 'x.yaml', text }], { rule: { schema: 'off' } } as never)).rejects.toThrow(
      'options: unknown option "rule"; did you mean "rules"?',
    );
    await expect(validate([{ file: 'x.yaml', text }], null as never)).rejects.toThrow(new PooltopoError('options must be an object'));
    await expect(lintText(text, 'x.yaml', { config: {} } as never)).rejects.toThrow('options: unknown option "config"');
    const { NO_CONFIG } = await import('../src/core/config.js');
    await expect(validate([{ file: 'x.yaml', text }], { file: '.pooltopo.yaml', ...NO_CONFIG('.') } as never)).rejects.toThrow(
      'options: this is a Config (it has "dir"); pass it as { config }',
    );
  });

  it('refuses options the config file would refuse: unknown rules, severities and settings', async () => {
    const text = 'version: 1\nname: T\nmanagementServers:\n  - name: a\n';
    await expect(lintText(text, 'x.yaml', { rules: { nope: 'off' } })).rejects.toThrow(/unknown rule "nope"/);
    await expect(lintText(text, 'x.yaml', { rules: { 'no-high-availabilty': 'off' } })).rejects.toThrow(
      'options.rules: unknown rule "no-high-availabilty"; did you mean "no-high-availability"?',
    );
    await expect(lintText(text, 'x.yaml', { rules: { schema: 'off' } })).rejects.toThrow('options.rules: rule "schema" cannot be set to "off"');
    await expect(lintText(text, 'x.yaml', { rules: { schema: 'error' } })).resolves.toBeDefined();
    await expect(validate([{ file: 'x.yaml', text }], { rules: { schema: 'fatal' as never } })).rejects.toThrow(
      'options: `rules.schema` must be one of "off", "info", "warning", "error", not the string "fatal".',
    );
    await expect(validate([{ file: 'x.yaml', text }], { settings: { poolLatencyMs: 'x' as never } })).rejects.toBeInstanceOf(PooltopoError);
    // As the config file's schema has it: a whole number of members, at least 1.
    await expect(validate([{ file: 'x.yaml', text }], { settings: { databaseObserverLoadMembers: 1.5 } })).rejects.toThrow(
      'options: `settings.databaseObserverLoadMembers` must be a whole number, not the number 1.5.',
    );
    await expect(validate([{ file: 'x.yaml', text }], { settings: { poolLatency: 5 } as never })).rejects.toThrow(
      'options: Unknown key "poolLatency" in `settings`; did you mean "poolLatencyMs"?',
    );
  });

  it('refuses limits the config file would refuse, and policies loadConfig did not compile', async () => {
    const text = 'version: 1\nname: T\nmanagementServers:\n  - name: a\n';
    await expect(lintText(text, 'x.yaml', { limits: { maxExpandedNodes: 'lots' as never } })).rejects.toThrow(
      'options: `limits.maxExpandedNodes` must be a whole number, not the string "lots".',
    );
    await expect(lintText(text, 'x.yaml', { limits: { maxDeph: 2 } as never })).rejects.toThrow(
      'options: Unknown key "maxDeph" in `limits`; did you mean "maxDepth"?',
    );
    await expect(lintText(text, 'x.yaml', { limits: { maxServers: -5 } })).rejects.toThrow('options: `limits.maxServers` must be at least 1, not -5.');
    await expect(validate([{ file: 'x.yaml', text }], { limits: { maxDepth: -1 } })).rejects.toThrow('options: `limits.maxDepth` must be at least 2, not -1.');
    await expect(validate([{ file: 'x.yaml', text }], { read: { maxFileBytes: 0 } })).rejects.toBeInstanceOf(PooltopoError);
    await expect(lintText(text, 'x.yaml', { policies: [{ id: 'x' }] as never })).rejects.toThrow('options.policies[0]: not a compiled policy');
    await expect(lintText(text, 'x.yaml', { policies: 'x' as never })).rejects.toBeInstanceOf(PooltopoError);
    expect((await lintText(text, 'x.yaml', { limits: { maxDepth: 10 } })).result.findings.map((f) => f.ruleId)).not.toContain('yaml-syntax');
  });

  it("takes a config's limits as they are, the file size among them", async () => {
    const results = await validate(['examples/two-servers-separate-sql.yaml'], { cwd: ROOT, limits: { maxFileBytes: 100, maxDepth: 64 } });
    expect(results.files[0]!.findings.map((f) => f.ruleId)).toEqual(['yaml-syntax']);
  });

  it('takes an option given as undefined as not given', async () => {
    const text = 'version: 1\nname: T\nmanagementServers:\n  - name: a\n';
    const none = { rules: undefined, settings: undefined, limits: undefined, policies: undefined, reportUnusedDisable: undefined };
    const bare = await validate([{ file: 'x.yaml', text }]);
    expect(
      await validate([{ file: 'x.yaml', text }], {
        ...none,
        cwd: undefined,
        ignore: undefined,
        ignoreBase: undefined,
        read: undefined,
        onWarning: undefined,
        onStart: undefined,
      }),
    ).toEqual(bare);
    expect((await lintText(text, 'x.yaml', none)).result).toEqual(bare.files[0]);
  });

  it('applies a loaded config as pooltopo validate does: ignore from its directory, limits split, options given beside it winning', async () => {
    const project = mkdtempSync(path.join(tmpdir(), 'pooltopo-api-'));
    try {
      mkdirSync(path.join(project, 'sub'));
      mkdirSync(path.join(project, 'archive'));
      const example = readFileSync(path.join(ROOT, 'examples/single-server.yaml'), 'utf8');
      writeFileSync(path.join(project, 'sub/a.yaml'), example);
      writeFileSync(path.join(project, 'archive/old.yaml'), example);
      writeFileSync(path.join(project, 'sub/big.yaml'), `${example}\n${'#'.repeat(2000)}\n`);
      writeFileSync(path.join(project, '.pooltopo.yaml'), 'rules:\n  single-management-server: "off"\nignore:\n  - /archive/\nlimits:\n  maxFileBytes: 1500\n');
      // Run from a subdirectory: the config's ignore is relative to its own directory, not to cwd.
      const cwd = path.join(project, 'sub');
      const config = await loadConfig(cwd);
      expect(config.file).toBe(path.join('..', '.pooltopo.yaml'));
      const results = await validate(['..'], { cwd, config });
      expect(results.files.map((f) => path.resolve(cwd, f.file))).toEqual([path.join(cwd, 'a.yaml'), path.join(cwd, 'big.yaml')]);
      const [a, big] = results.files;
      expect(a!.findings.map((f) => f.ruleId)).not.toContain('single-management-server');
      expect(big!.findings.map((f) => f.ruleId)).toEqual(['yaml-syntax']);
      const given = await validate(['..'], { cwd, config, rules: {}, ignore: [], limits: {} });
      expect(given.files.map((f) => f.file)).toHaveLength(3);
      expect(given.files.flatMap((f) => f.findings.map((x) => x.ruleId))).toContain('single-management-server');
      expect(given.files.flatMap((f) => f.findings.map((x) => x.ruleId))).not.toContain('yaml-syntax');
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it('throws PooltopoError for a path that does not exist', async () => {
    await expect(validate(['no-such-file.yaml'], { cwd: ROOT })).rejects.toBeInstanceOf(PooltopoError);
  });

  it("tells each file's kind and each pool's by guards that agree with `kind`", async () => {
    const results = await validate(['examples', { file: 'broken.yaml', text: ':\n - [' }], { cwd: ROOT });
    const kinds = new Set(results.files.map((f) => f.kind));
    expect(kinds).toEqual(new Set([...REGISTRY.ids, undefined]));
    for (const f of results.files) {
      expect([isScomResult(f), isSkypeResult(f), isOpconResult(f)].filter(Boolean).length).toBe(f.kind === undefined ? 0 : 1);
      for (const p of f.pools) {
        expect(isScomPool(p)).toBe(f.kind === 'scom');
        expect(isSkypePool(p)).toBe(f.kind === 'skype-pool-pair');
      }
      if (f.kind === undefined || f.kind === 'opcon-failover') expect(f.pools).toEqual([]);
    }
  });

  it('exports about 15 names from the root, and each kind from its own subpath (package.json exports)', async () => {
    // Runtime names only: the root's types are ValidateOptions, TextInput, LintOptions, LintOutcome, Config, Results, FileResult and Finding.
    expect(Object.keys(await import('../src/index.js')).sort()).toEqual([
      'PooltopoError',
      'RULES',
      'describeRules',
      'lintText',
      'loadConfig',
      'ruleById',
      'topologySchemaText',
      'validate',
      'validateOutcomes',
    ]);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, string | { types: string; default: string }> };
    const entries = Object.entries(pkg.exports).filter((e): e is [string, { types: string; default: string }] => typeof e[1] === 'object');
    expect(entries.map(([name]) => name)).toEqual(['.', './kinds/scom', './kinds/skype', './kinds/opcon', './types']);
    for (const [name, entry] of entries) {
      const source = name === '.' ? 'src/index.ts' : entry.default.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts');
      expect(existsSync(path.join(ROOT, source)), name).toBe(true);
      expect(entry.types, name).toBe(entry.default.replace(/\.js$/, '.d.ts'));
    }
    expect(Object.keys(await import('../src/api/kinds/scom.js')).sort()).toEqual(['isScomPool', 'isScomResult']);
    expect(Object.keys(await import('../src/api/kinds/skype.js')).sort()).toEqual(['isSkypePool', 'isSkypeResult']);
    expect(Object.keys(await import('../src/api/kinds/opcon.js')).sort()).toEqual(['isOpconResult']);
    expect(Object.keys(await import('../src/api/types.js'))).toEqual([]);
  });

  it('exports every rule with its metadata', () => {
    expect(RULES.map((r) => r.meta.id)).toEqual(expect.arrayContaining(['no-high-availability', 'unused-suppression']));
    expect(RULES.map((r) => r.meta.id)).toEqual(REGISTRY.rules.map((r) => r.meta.id));
    expect(ruleById('latency-over-10ms')?.meta.category).toBe('latency');
    expect(ruleById('latency-over-10')).toBeUndefined();
  });

  it("describes every rule with its docs address and its kind, and with a config's severities and policies", async () => {
    const all = describeRules();
    expect(all.map((d) => d.id)).toEqual(RULES.map((r) => r.meta.id));
    expect(all.find((d) => d.id === 'latency-over-10ms')).toMatchObject({
      kind: 'scom',
      helpUri: expect.stringMatching(/docs\/rules\/latency-over-10ms\.md$/),
    });
    expect(all.find((d) => d.id === 'skype/pair-mismatch')?.kind).toBe('skype-pool-pair');
    expect(all.find((d) => d.id === 'yaml-syntax')?.kind).toBeUndefined();
    const { parseConfig } = await import('../src/config/load.js');
    const config = await parseConfig(
      'rules:\n  latency-over-10ms: "off"\n  no-high-availability: info\npolicies:\n  - {id: acme/two, assert: "tolerableFailures >= 2", message: "no"}\n',
      'c.yaml',
      ROOT,
    );
    const configured = describeRules(config);
    expect(configured.map((d) => d.id)).not.toContain('latency-over-10ms');
    expect(configured.find((d) => d.id === 'no-high-availability')?.severity).toBe('info');
    expect(configured.at(-1)).toMatchObject({ id: 'acme/two', kind: 'scom', category: 'policy', sourceRefs: [{ title: 'project configuration (c.yaml)' }] });
    // The sources as data and as text say the same: a title, and its address where there is one.
    for (const d of configured) expect(d.sources).toEqual(d.sourceRefs.map((s) => (s.url ? `${s.title} <${s.url}>` : s.title)));
    expect(all.find((d) => d.id === 'latency-over-10ms')?.sourceRefs).toContainEqual({ title: expect.any(String), url: expect.stringMatching(/^https:\/\//) });
  });
});

describe('number formatting', async () => {
  const { groupThousands } = await import('../src/core/rule.js');
  it('groups thousands like en-US', () => {
    for (const n of [0, 7, 999, 1000, 12345, 999999, 1000000, -4200, 123456789]) expect(groupThousands(n)).toBe(n.toLocaleString('en-US'));
  });

  it('writes other numbers in messages without binary noise', async () => {
    const { formatMessage } = await import('../src/core/rule.js');
    expect(formatMessage('{{a}} {{b}} {{c}}', { a: 0.9994750125000001, b: 2.5, c: 0.1 + 0.2 })).toBe('0.9994750125 2.5 0.3');
  });

  it('writes whole numbers past the safe range in digits, never as 1e+23', () => {
    for (const n of [2 ** 53, 2 ** 53 + 2, 1e21, 1e23, -1e22, 1.2345e21, 2 ** 70, 123456789012345680000, Number.MAX_VALUE]) {
      expect(groupThousands(n), String(n)).toBe(n.toLocaleString('en-US'));
    }
  });

  it('groups a huge number in a rule message, and refuses one past what a double holds exactly', async () => {
    const lint = async (agents: string) =>
      (
        await validate([{ file: 'x.yaml', text: `version: 1\nkind: scom\nname: t\nmanagementServers:\n  - {name: ms01, agents: ${agents}}\n` }])
      ).files[0]!.findings.map((f) => f.message);
    expect(await lint('9007199254740991')).toContainEqual(
      expect.stringContaining('"ms01" has 9,007,199,254,740,991 Windows agents, over the recommended limit of 3,000'),
    );
    // 12345678901234567 would read as ...568: the schema says so rather than analyse a number the file did not give.
    const [message] = await lint('12345678901234567');
    expect(message).toBe('`managementServers[0].agents` must be at most 9,007,199,254,740,991, not a number too large to hold exactly.');
    expect((await lint('100000000000000000000000')).join('\n')).not.toMatch(/\de\+\d/);
    // Past a double's range YAML keeps a plain number's text as a string: the message says why,
    // clipped as any quoted value is; a quoted or tagged one, or one YAML does not read as a
    // number, is the string it is.
    const field = '`managementServers[0].agents` must be a whole number, not';
    expect(await lint('1e400')).toEqual([`${field} 1e400, a number out of range.`]);
    expect(await lint('-1.5e999')).toEqual([`${field} -1.5e999, a number out of range.`]);
    expect(await lint(`1e${'9'.repeat(100)}`)).toEqual([`${field} 1e${'9'.repeat(38)}…, a number out of range.`]);
    for (const written of ['"1e400"', "'1e400'", '!!str 1e400']) expect(await lint(written), written).toEqual([`${field} the string "1e400".`]);
    expect(await lint('1_000e400')).toEqual([`${field} the string "1_000e400".`]);
    // Hexadecimal and octal too; an anchor changes nothing; a block scalar is a string.
    expect(await lint(`0x${'F'.repeat(300)}`)).toEqual([`${field} 0x${'F'.repeat(38)}…, a number out of range.`]);
    expect(await lint(`0o${'7'.repeat(400)}`)).toEqual([`${field} 0o${'7'.repeat(38)}…, a number out of range.`]);
    expect(await lint('&big 1e400')).toEqual([`${field} 1e400, a number out of range.`]);
    const block = async (value: string) =>
      (
        await validate([{ file: 'x.yaml', text: `version: 1\nkind: scom\nname: t\nmanagementServers:\n  - name: ms01\n    agents: ${value}\n` }])
      ).files[0]!.findings.map((f) => f.message);
    for (const indicator of ['|-', '>-']) expect(await block(`${indicator}\n      1e400`), indicator).toEqual([`${field} the string "1e400".`]);
    expect(await block('\n      1e400')).toEqual([`${field} 1e400, a number out of range.`]);
    // Whatever the schema wants there, and in a config file as in a topology.
    expect(
      (await validate([{ file: 'x.yaml', text: 'version: 1e400\nname: t\nmanagementServers:\n  - name: a\n' }])).files[0]!.findings.map((f) => f.message),
    ).toEqual(['`version` must be 1, not 1e400, a number out of range.']);
    const { parseConfig } = await import('../src/config/load.js');
    await expect(parseConfig('settings:\n  poolLatencyMs: 1e400\n', 'c.yaml', ROOT)).rejects.toThrow(
      'c.yaml:2:18: bad config file: `settings.poolLatencyMs` must be a number, not 1e400, a number out of range.',
    );
  });
});

describe('unused suppressions', () => {
  it('are not reported for a file whose rules did not run (it breaks the schema)', async () => {
    const text =
      'version: 1\nname: T\nmanagementServers:\n  - {name: ms01, agents: lots}\n  # pooltopo-disable-next-line duplicate-name -- ms01 is being renamed\n  - {name: MS01}\n';
    const broken = await lintText(text, 't.yaml', { reportUnusedDisable: true });
    expect(broken.result.findings.map((f) => f.ruleId)).toEqual(['schema']);
    // Once the file passes the schema, the comment is judged: here it suppresses the duplicate.
    const fixed = await lintText(text.replace('agents: lots', 'agents: 5'), 't.yaml', { reportUnusedDisable: true });
    expect(fixed.result.findings.map((f) => f.ruleId)).not.toContain('unused-suppression');
    expect(fixed.result.suppressed?.map((f) => [f.ruleId, f.messageId, f.data])).toEqual([
      ['duplicate-name', 'duplicate', { name: 'MS01', first: 'ms01', firstKind: 'management server', kind: 'management server' }],
    ]);
  });
});

describe('names', () => {
  it('must have a character other than a space', async () => {
    const { result } = await lintText('version: 1\nname: W\nmanagementServers:\n  - {name: "   "}\n  - {name: ms2, dataCenter: " "}\n', 'w.yaml');
    expect(result.findings.map((f) => [f.ruleId, f.line, f.column, f.message])).toEqual([
      ['schema', 4, 12, '`managementServers[0].name` must not be blank (only spaces).'],
      ['schema', 5, 29, '`managementServers[1].dataCenter` must not be blank (only spaces).'],
    ]);
  });
});

describe('a file named .json', () => {
  const json = '{\n  "version": 1,\n  "name": "J",\n  "managementServers": [{"name": "ms01"}]\n}\n';
  const syntax = async (text: string, file = 't.json') =>
    (await lintText(text, file)).result.findings.filter((f) => f.ruleId === 'yaml-syntax').map((f) => `${f.line}:${f.column} ${f.message}`);

  it('is read as any topology when it is JSON, with positions from its text', async () => {
    const found = (await lintText(json, 't.json')).result.findings;
    expect(found.map((f) => f.ruleId)).not.toContain('yaml-syntax');
    expect(found.find((f) => f.ruleId === 'single-management-server')).toMatchObject({ line: 4, column: 25 });
    expect(await syntax(`\uFEFF${json}`)).toEqual([]);
  });

  it('must be JSON, though YAML would read it, and says where and why not', async () => {
    const cases: [string, string][] = [
      ['{\n  "version": 1,\n  "name": "J",\n  "managementServers": [{"name": "ms01"}],\n}\n', '4:42 a comma before "}"; JSON allows no trailing comma'],
      ['{"version": 1, "name": "J", // the design\n "managementServers": [{"name": "ms01"}]}', '1:29 a comment; JSON has none'],
      ['{version: 1, "name": "J", "managementServers": [{"name": "ms01"}]}', '1:2 a key without quotes; in JSON every key is in double quotes'],
      ['{"version": 1, "name": \'J\', "managementServers": [{"name": "ms01"}]}', '1:24 a string in single quotes; JSON takes double quotes only'],
      ['{"version": 1, "name": "J", "managementServers": [{"name": "ms01"', '1:66 the text ends inside an object'],
      ['{"version": 01}', '1:13 a number JSON does not allow (a leading zero, or a . or an exponent without digits)'],
      ['[1, 2,]', '1:6 a comma before "]"; JSON allows no trailing comma'],
      ['{"a": "x\ty"}', '1:9 a tab or line break inside a string; write it as an escape (\\t, \\n)'],
      ['{"a": 1} x', '1:10 more text after the end of the JSON value'],
      ['{"a" 1}', '1:6 a ":" should follow the key'],
      ['[1 2]', '1:4 a "," or "]" should come here'],
    ];
    for (const [text, expected] of cases) {
      const [at, ...why] = expected.split(' ');
      expect(await syntax(text), text).toEqual([
        `${at} JSON syntax error: ${why.join(' ')}; a file named .json must be JSON (fix it here, or rename the file .yaml).`,
      ]);
    }
    // The same texts in a .yaml file are YAML: no syntax error (but where YAML too cannot read them).
    expect(await syntax(cases[0]![0], 't.yaml')).toEqual([]);
    expect(await syntax(cases[2]![0], 't.yaml')).toEqual([]);
    expect((await syntax('{"a": 1,}', 'T.JSON'))[0]).toMatch(/^1:8 JSON syntax error: a comma before "}"/);
  });

  it('reports a key given twice and an empty file as a YAML file does', async () => {
    expect(await syntax('{"version": 1, "version": 1, "name": "J", "managementServers": [{"name": "ms01"}]}')).toEqual([
      '1:16 YAML syntax error: duplicate key "version": a later value would silently replace the earlier one.',
    ]);
    for (const text of ['', ' \n']) {
      expect((await lintText(text, 'e.json')).result.findings.map((f) => f.ruleId)).toEqual(
        (await lintText(text, 'e.yaml')).result.findings.map((f) => f.ruleId),
      );
    }
  });
});
