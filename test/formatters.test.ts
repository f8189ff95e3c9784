import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { FORMATS, type FormatOptions } from '../src/formatters/index.js';
import { escapeData, escapeProperty } from '../src/formatters/github.js';
import { escapeForTerminal } from '../src/formatters/text.js';
import { lintText, RULES, validate } from '../src/index.js';
import { describeRule } from '../src/rules/descriptors.js';
import { ruleKind } from '../src/rules/index.js';
import type { Results } from '../src/results.js';
import { summarise } from '../src/results.js';
import { ROOT } from './fixture-files.js';

const HOSTILE = `<script>&"'%,:;]]>\u202Eevil\nnext`;
/** HOSTILE as a name may hold it: the schema keeps names on one line (issue 21). */
const HOSTILE_NAME = HOSTILE.replace('\n', ' ');
const OPTIONS: FormatOptions = {
  color: false,
  rules: RULES.map((r) => describeRule(r, r.meta.severity, ruleKind(r.meta.id))),
  failOn: 'warning',
  version: '0.0.0-test',
  informationUri: 'https://github.com/pooltopo/pooltopo',
};

/** A topology whose names carry every hostile character, in a file whose name does too. */
async function hostileResults(): Promise<Results> {
  const q = JSON.stringify;
  const text = [
    'version: 1',
    `name: ${q(HOSTILE_NAME)}`,
    'managementServers:',
    `  - name: ${q(`ms ${HOSTILE_NAME}`)}`,
    'gateways:',
    `  - name: ${q(`gw ${HOSTILE_NAME}`)}`,
    `    managementServers: [${q(`ms ${HOSTILE_NAME}`)}]`,
    'pools:',
    `  # pooltopo-disable-next-line observer-only-members -- reason with ${HOSTILE.replace('\n', ' ')}`,
    `  - name: ${q(`pool ${HOSTILE_NAME}`)}`,
    `    members: [${q(`gw ${HOSTILE_NAME}`)}]`,
    `    observers: [${q(`ms ${HOSTILE_NAME}`)}]`,
    '',
  ].join('\n');
  const { result } = await lintText(text, `dir/we"ird <file> & %,:;]]>.yaml`);
  return { version: 1, files: [result], summary: summarise([result]) };
}

describe('sarif', () => {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'test/data/sarif-schema-2.1.0.json'), 'utf8'));
  const Ajv04 = ((AjvDraft04 as unknown as { default?: unknown }).default ?? AjvDraft04) as unknown as new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: unknown[] | null } };
  const ajv = new Ajv04({ allErrors: true, strict: false });
  const validateSarif = ajv.compile(schema);

  it('is valid SARIF 2.1.0 (the official schema), hostile strings included', async () => {
    const results = await hostileResults();
    const sarif = JSON.parse(FORMATS.sarif(results, OPTIONS));
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.length).toBe(RULES.length);
    for (const r of run.results) {
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(r.locations[0].physicalLocation.artifactLocation.uri).toBe('dir/we%22ird%20%3Cfile%3E%20%26%20%25%2C%3A%3B%5D%5D%3E.yaml');
    }
    expect(run.results.some((r: { message: { text: string } }) => r.message.text.includes(HOSTILE_NAME))).toBe(true);
    const suppressed = run.results.filter((r: { suppressions?: unknown[] }) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0].ruleId).toBe('observer-only-members');
    expect(suppressed[0].suppressions[0]).toEqual({ kind: 'inSource', justification: `reason with ${HOSTILE.replace('\n', ' ')}` });
    // Suppressed results in order among the others (CLI.md: by file, line, column, ruleId).
    const at = run.results.map((r: { locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[]; ruleId: string }) => {
      const { startLine, startColumn } = r.locations[0]!.physicalLocation.region;
      return [startLine, startColumn, r.ruleId] as const;
    });
    expect(at).toEqual([...at].sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0)));
  });

  it('puts suppressed results in order among the others', () => {
    const f = (line: number) => ({ ruleId: 'gateway-without-failover', severity: 'warning' as const, message: 'm', file: 'a.yaml', line, column: 5, path: '/gateways/0' });
    const file = { file: 'a.yaml', kind: 'scom' as const, findings: [f(8), f(13)], pools: [], suppressed: [{ ...f(11), justification: 'why' }] };
    const sarif = JSON.parse(FORMATS.sarif({ version: 1, files: [file], summary: summarise([file]) }, OPTIONS));
    expect(sarif.runs[0].results.map((r: { locations: { physicalLocation: { region: { startLine: number } } }[] }) => r.locations[0]!.physicalLocation.region.startLine)).toEqual([8, 11, 13]);
  });

  it('describes every rule with help and a help URI', () => {
    const sarif = JSON.parse(FORMATS.sarif({ version: 1, files: [], summary: summarise([]) }, OPTIONS));
    for (const rule of sarif.runs[0].tool.driver.rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(10);
      expect(rule.fullDescription.text.length).toBeGreaterThan(10);
      expect(rule.help.text).toMatch(/Why: /);
      expect(rule.helpUri).toBe(`https://github.com/pooltopo/pooltopo/blob/main/docs/rules/${rule.id.replace('/', '-')}.md`);
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
    }
  });

  it('keeps fingerprints when lines move', async () => {
    const text = readFileSync(path.join(ROOT, 'examples/stretched-two-sites.yaml'), 'utf8');
    const prints = async (t: string) => {
      const { result } = await lintText(t, 'examples/stretched-two-sites.yaml');
      const sarif = JSON.parse(FORMATS.sarif({ version: 1, files: [result], summary: summarise([result]) }, OPTIONS));
      return sarif.runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['pooltopoFinding/v1']);
    };
    const before = await prints(text);
    const after = await prints(`# a comment added at the top\n\n${text}`);
    expect(new Set(before).size).toBe(before.length);
    expect(after).toEqual(before);
  });
});

describe('junit', () => {
  it('is well-formed XML whose text gives back the hostile strings', async () => {
    const results = await hostileResults();
    const xml = FORMATS.junit(results, OPTIONS);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', processEntities: true, htmlEntities: true }).parse(xml);
    const suite = doc.testsuites.testsuite;
    expect(suite.name).toBe(results.files[0]!.file);
    const cases = Array.isArray(suite.testcase) ? suite.testcase : [suite.testcase];
    const kind = results.files[0]!.kind;
    expect(cases.map((c: { name: string }) => c.name)).toEqual(RULES.map((r) => r.meta.id).filter((id) => [undefined, kind].includes(ruleKind(id))).sort());
    const failing = cases.filter((c: { failure?: unknown }) => c.failure);
    expect(Number(suite.failures)).toBe(failing.length);
    const failure = [failing.flatMap((c: { failure: unknown }) => c.failure)].flat()[0] as { message: string };
    expect(results.files[0]!.findings.map((f) => f.message)).toContain(failure.message.replace(/\\u\{202E\}/g, '\u202E'));
  });

  it('fails only findings at or above --fail-on, and lists the rest', async () => {
    const results = await validate(['examples/network-pool.yaml'], { cwd: ROOT });
    const asError = FORMATS.junit(results, { ...OPTIONS, failOn: 'error' });
    expect(asError).toMatch(/failures="0"/);
    expect(asError).toMatch(/<system-out>examples\/network-pool.yaml:45:5 info Pool/);
    const asInfo = FORMATS.junit(results, { ...OPTIONS, failOn: 'info' });
    expect(asInfo).toMatch(/<testsuite name="examples\/network-pool.yaml" tests="\d+" failures="1"/);
  });

  it('has a test case for each rule checked on the file: those of every kind and of its own', async () => {
    const results = await validate(['examples/two-servers-separate-sql.yaml', 'examples/skype-standard-pair.yaml', 'examples/opcon-manual-failover.yaml'], { cwd: ROOT });
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(FORMATS.junit(results, OPTIONS));
    for (const suite of doc.testsuites.testsuite as { name: string; tests: string; testcase: { name: string }[] }[]) {
      const kind = results.files.find((f) => f.file === suite.name)!.kind;
      const names = suite.testcase.map((c) => c.name);
      expect(names, suite.name).toEqual(RULES.map((r) => r.meta.id).filter((id) => ruleKind(id) === undefined || ruleKind(id) === kind).sort());
      expect(names.some((n) => n.startsWith(kind === 'scom' ? 'opcon/' : 'no-high-availability')), suite.name).toBe(false);
      expect(Number(suite.tests)).toBe(names.length);
    }
  });

  it('checks only the reading rules on a file that does not parse', async () => {
    const { result } = await lintText('a: [', 'broken.yaml');
    const xml = FORMATS.junit({ version: 1, files: [result], summary: summarise([result]) }, OPTIONS);
    expect(xml.match(/<testcase /g)).toHaveLength(1);
    expect(xml).toMatch(/name="yaml-syntax"/);
  });
});

describe('github', () => {
  const unescape = (s: string) => s.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

  it('escapes what the runner requires and nothing else', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a,b:c%')).toBe('a%2Cb%3Ac%25');
  });

  it('writes one command per finding that parses back to the finding, escaped for the terminal as stylish is', async () => {
    const results = await hostileResults();
    const lines = FORMATS.github(results, OPTIONS).trimEnd().split('\n');
    const findings = results.files[0]!.findings;
    expect(lines).toHaveLength(findings.length);
    lines.forEach((line, i) => {
      const m = /^::(error|warning|notice) file=([^,]*),line=(\d+),col=(\d+),title=([^,:]*)::(.*)$/.exec(line);
      expect(m, line).not.toBeNull();
      const f = findings[i]!;
      expect([unescape(m![2]!), Number(m![3]), Number(m![4]), m![5], unescape(m![6]!)]).toEqual([escapeForTerminal(f.file), f.line, f.column, f.ruleId, escapeForTerminal(f.message)]);
      expect(m![1]).toBe({ error: 'error', warning: 'warning', info: 'notice' }[f.severity]);
    });
  });
});

describe('stylish', () => {
  it('shows control and bidirectional characters escaped', async () => {
    const out = FORMATS.stylish(await hostileResults(), OPTIONS);
    expect(out).not.toMatch(/\u202E/);
    expect(out).toMatch(/\\u\{202E\}evil next/);
    // A line break can still come in a message (a config's policy message), and is shown escaped.
    const file = { file: 'a.yaml', kind: 'scom' as const, pools: [], findings: [{ ruleId: 'acme-x', severity: 'error' as const, message: HOSTILE, file: 'a.yaml', line: 1, column: 1, path: '' }] };
    expect(FORMATS.stylish({ version: 1, files: [file], summary: summarise([file]) }, OPTIONS)).toMatch(/\\u\{202E\}evil\\u\{A\}next/);
  });
});

describe('snapshots', () => {
  it.each(['stylish', 'json', 'sarif', 'junit', 'github'] as const)('%s of the examples', async (format) => {
    const results = await validate(['examples'], { cwd: ROOT });
    const format_ = FORMATS[format] as (r: Results, o: FormatOptions) => string;
    await expect(format_(results, OPTIONS)).toMatchFileSnapshot(`snapshots/examples.${format === 'stylish' ? 'txt' : format === 'github' ? 'github.txt' : format === 'junit' ? 'xml' : format === 'sarif' ? 'sarif.json' : 'json'}`);
  });
});

describe('many findings', () => {
  it('are formatted in every format without running out of stack (a finding per server of a 100,000-server file)', { timeout: 60_000 }, () => {
    const findings = Array.from({ length: 200_000 }, (_, i) => ({
      ruleId: 'unknown-reference', severity: 'error' as const, message: `Server "ms${i}" names data centre "nowhere", which is not defined.`,
      file: 'big.yaml', line: i + 2, column: 5, path: `/managementServers/${i}/dataCenter`,
    }));
    const files = [{ file: 'big.yaml', kind: 'scom' as const, findings, pools: [] }];
    const results: Results = { version: 1, files, summary: summarise(files) };
    for (const format of ['stylish', 'json', 'sarif', 'junit', 'github'] as const) {
      const text = FORMATS[format](results, OPTIONS);
      expect(text.length, format).toBeGreaterThan(200_000 * 40);
    }
    expect(FORMATS.stylish(results, OPTIONS)).toMatch(/200,000 problems \(200,000 errors, 0 warnings, 0 infos\) in 1 file/);
  });
});
