import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { FORMATS, type FormatOptions } from '../src/formatters/index.js';
import { escapeData, escapeProperty } from '../src/formatters/github.js';
import { escapeForTerminal, escapeJsonForTerminal, escapeXmlForTerminal } from '../src/util/text.js';
import { lintText } from '../src/api/lint.js';
import { RULES } from '../src/api/rules.js';
import { validate } from '../src/api/validate.js';
import { describeRule } from '../src/rules/descriptors.js';
import { ruleKind } from '../src/rules/index.js';
import type { Results } from '../src/kinds/results.js';
import { summarise } from '../src/kinds/results.js';
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
  const Ajv04 = ((AjvDraft04 as unknown as { default?: unknown }).default ?? AjvDraft04) as unknown as new (o: object) => {
    compile(s: object): ((d: unknown) => boolean) & { errors?: unknown[] | null };
  };
  const ajv = new Ajv04({ allErrors: true, strict: false });
  const validateSarif = ajv.compile(schema);

  it('is valid SARIF 2.1.0 (the official schema), hostile strings included', async () => {
    const results = await hostileResults();
    const sarif = JSON.parse(FORMATS.sarif(results, { ...OPTIONS, includeSuppressed: true }));
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
    const f = (line: number) => ({
      ruleId: 'gateway-without-failover',
      severity: 'warning' as const,
      message: 'm',
      file: 'a.yaml',
      line,
      column: 5,
      path: '/gateways/0',
    });
    const file = { file: 'a.yaml', kind: 'scom' as const, findings: [f(8), f(13)], pools: [], suppressed: [{ ...f(11), justification: 'why' }] };
    const sarif = JSON.parse(FORMATS.sarif({ version: 1, files: [file], summary: summarise([file]) }, { ...OPTIONS, includeSuppressed: true }));
    expect(
      sarif.runs[0].results.map(
        (r: { locations: { physicalLocation: { region: { startLine: number } } }[] }) => r.locations[0]!.physicalLocation.region.startLine,
      ),
    ).toEqual([8, 11, 13]);
    // Without --sarif-include-suppressed they are left out: GitHub would open an alert for each.
    const plain = JSON.parse(FORMATS.sarif({ version: 1, files: [file], summary: summarise([file]) }, OPTIONS));
    expect(
      plain.runs[0].results.map(
        (r: { locations: { physicalLocation: { region: { startLine: number } } }[] }) => r.locations[0]!.physicalLocation.region.startLine,
      ),
    ).toEqual([8, 13]);
  });

  it('gives paths from the repository root under %SRCROOT%, and names every rule apart from its id', () => {
    const f = { ruleId: 'schema', severity: 'error' as const, message: 'm', file: 'topologies/a.yaml', line: 3, column: 1, path: '' };
    const file = { file: 'topologies/a.yaml', findings: [f], pools: [] as [] };
    const sarif = JSON.parse(
      FORMATS.sarif({ version: 1, files: [file], summary: summarise([file]) }, { ...OPTIONS, repoRoot: '/work/repo', repoPath: (p) => `infra/${p}` }),
    );
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    const run = sarif.runs[0];
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/repo/' } });
    expect(run.results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'infra/topologies/a.yaml', uriBaseId: '%SRCROOT%' });
    for (const rule of run.tool.driver.rules) expect(rule.name.toLowerCase(), rule.id).not.toBe(rule.id.toLowerCase());
    expect(Object.keys(run.results[0].partialFingerprints)).toEqual(['primaryLocationLineHash']);
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
      return sarif.runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['primaryLocationLineHash']);
    };
    const before = await prints(text);
    const after = await prints(`# a comment added at the top\n\n${text}`);
    expect(new Set(before).size).toBe(before.length);
    expect(after).toEqual(before);
    // A figure in a message that changes (14 ms to 16 ms) keeps the finding's fingerprint.
    expect(await prints(text.replace('ms: "14 ms"', 'ms: "16 ms"'))).toEqual(before);
  });
});

describe('junit', () => {
  const xsd = readFileSync(path.join(ROOT, 'test/data/jenkins-junit-10.xsd'), 'utf8');
  /** Jenkins' own schema's verdict on a report: the errors libxml2 finds, none when valid. */
  const jenkinsErrors = async (xml: string) =>
    (await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [xsd] })).errors.map((e) => e.message);

  it("is well-formed XML that Jenkins' junit-10.xsd accepts, whose text gives back the hostile strings", async () => {
    const results = await hostileResults();
    const xml = FORMATS.junit(results, OPTIONS);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(await jenkinsErrors(xml)).toEqual([]);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', processEntities: true, htmlEntities: true }).parse(xml);
    const suite = doc.testsuites.testsuite;
    expect(suite.name).toBe(results.files[0]!.file);
    const cases = Array.isArray(suite.testcase) ? suite.testcase : [suite.testcase];
    // A test case per finding at or above --fail-on, each with its one failure (Jenkins shows only a case's first).
    const failingFindings = results.files[0]!.findings.filter((f) => f.severity !== 'info');
    expect(cases).toHaveLength(failingFindings.length);
    expect(cases.map((c: { name: string }) => c.name)).toEqual(failingFindings.map((f) => `${f.ruleId} at ${f.line}:${f.column}`));
    for (const c of cases) expect(Array.isArray(c.failure)).toBe(false);
    expect(Number(suite.failures)).toBe(cases.length);
    expect(results.files[0]!.findings.map((f) => f.message)).toContain((cases[0].failure as { message: string }).message.replace(/\\u\{202E\}/g, '\u202E'));
  });

  it('fails only findings at or above --fail-on, lists the rest, and passes a clean file with one test case', async () => {
    const results = await validate(['examples/network-pool.yaml', 'examples/two-servers-separate-sql.yaml'], { cwd: ROOT });
    const asError = FORMATS.junit(results, { ...OPTIONS, failOn: 'error' });
    expect(await jenkinsErrors(asError)).toEqual([]);
    expect(asError).toMatch(/failures="0"/);
    expect(asError).toMatch(/<system-out>examples\/network-pool.yaml:45:5 info Pool/);
    expect(asError).toMatch(/<testcase classname="examples\/network-pool.yaml" name="examples\/network-pool.yaml" time="0"\/>/);
    const asInfo = FORMATS.junit(results, { ...OPTIONS, failOn: 'info' });
    expect(await jenkinsErrors(asInfo)).toEqual([]);
    expect(asInfo).toMatch(/<testsuite name="examples\/network-pool.yaml" package="pooltopo" tests="1" failures="1"/);
  });

  it('names each failing test case by rule id and position, for every kind', async () => {
    const results = await validate(['examples/stretched-two-sites.yaml', 'examples/skype-standard-pair.yaml', 'examples/opcon-manual-failover.yaml'], {
      cwd: ROOT,
    });
    const xml = FORMATS.junit(results, OPTIONS);
    expect(await jenkinsErrors(xml)).toEqual([]);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    for (const suite of doc.testsuites.testsuite as { name: string; tests: string; testcase: { name: string } | { name: string }[] }[]) {
      const file = results.files.find((f) => f.file === suite.name)!;
      const cases = [suite.testcase].flat();
      const failing = file.findings.filter((f) => f.severity !== 'info');
      expect(
        cases.map((c) => c.name),
        suite.name,
      ).toEqual(failing.length > 0 ? failing.map((f) => `${f.ruleId} at ${f.line}:${f.column}`) : [file.file]);
      expect(Number(suite.tests)).toBe(cases.length);
    }
  });

  it('fails a file that does not parse with its syntax error', async () => {
    const { result } = await lintText('a: [', 'broken.yaml');
    const xml = FORMATS.junit({ version: 1, files: [result], summary: summarise([result]) }, OPTIONS);
    expect(await jenkinsErrors(xml)).toEqual([]);
    expect(xml.match(/<testcase /g)).toHaveLength(1);
    expect(xml).toMatch(/name="yaml-syntax at 1:5"/);
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
      expect([unescape(m![2]!), Number(m![3]), Number(m![4]), m![5], unescape(m![6]!)]).toEqual([
        escapeForTerminal(f.file),
        f.line,
        f.column,
        f.ruleId,
        escapeForTerminal(f.message),
      ]);
      expect(m![1]).toBe({ error: 'error', warning: 'warning', info: 'notice' }[f.severity]);
    });
  });
});

/**
 * The Actions runner's parser of a `::command k=v,...::data` line (ActionCommand.TryParseV2): the
 * command up to the first space, properties split at `,` and then at the first `=`, and its
 * unescaping, `%25` last, of `%0D`, `%0A` (and `%3A`, `%2C` in a property).
 */
function parseRunnerCommand(line: string): { command: string; properties: Record<string, string>; data: string } | null {
  if (!line.startsWith('::')) return null;
  const end = line.indexOf('::', 2);
  if (end < 0) return null;
  const info = line.slice(2, end);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  const unescape = (v: string, mappings: readonly [string, string][]) => mappings.reduce((t, [token, replacement]) => t.split(replacement).join(token), v);
  const data: [string, string][] = [
    ['\r', '%0D'],
    ['\n', '%0A'],
    ['%', '%25'],
  ];
  const property: [string, string][] = [
    ['\r', '%0D'],
    ['\n', '%0A'],
    [':', '%3A'],
    [',', '%2C'],
    ['%', '%25'],
  ];
  const properties: Record<string, string> = {};
  if (space >= 0) {
    for (const pair of info.slice(space + 1).split(',')) {
      const eq = pair.indexOf('=');
      if (eq > 0) properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1), property);
    }
  }
  return { command, properties, data: unescape(line.slice(end + 2), data) };
}

describe("github through the runner's parser", () => {
  it("gives back every finding's file, position, rule and message, hostile ones included", async () => {
    const results = await hostileResults();
    const { result } = await lintText('version: 1\nmanagementServers:\n  - name: "a,b:c%0A%25"\n', 'x%0A,y:z.yaml');
    const all: Results = { version: 1, files: [...results.files, result], summary: summarise([...results.files, result]) };
    const lines = FORMATS.github(all, OPTIONS).trimEnd().split('\n');
    const findings = all.files.flatMap((f) => f.findings);
    expect(lines).toHaveLength(findings.length);
    lines.forEach((line, i) => {
      const parsed = parseRunnerCommand(line)!;
      const f = findings[i]!;
      expect(parsed).toEqual({
        command: { error: 'error', warning: 'warning', info: 'notice' }[f.severity],
        properties: { file: escapeForTerminal(f.file), line: String(f.line), col: String(f.column), title: f.ruleId },
        data: escapeForTerminal(f.message),
      });
    });
  });
});

describe('markdown', () => {
  it('heads with the verdict, links each finding to its line, and no name breaks the table', async () => {
    const results = await hostileResults();
    const md = FORMATS.markdown(results, { ...OPTIONS, links: { base: 'https://github.com/o/r/blob/abc123', lineAnchor: (l) => `#L${l}` } });
    const lines = md.split('\n');
    expect(lines[0]).toMatch(/^### (❌|⚠️) pooltopo: \d+ problems \(\d+ errors?, \d+ warnings?, \d+ infos?\) in 1 file$/);
    const rows = lines.filter((l) => l.startsWith('| ') && !l.startsWith('| severity') && !l.startsWith('| pool |'));
    // Each row has exactly its cells: an unescaped | in a name would add one.
    for (const row of rows.filter((r) => !/^\| (error|warning|info) \|/.test(r))) expect(row.replace(/\\\|/g, '').split('|'), row).toHaveLength(4);
    const findingRows = rows.filter((r) => /^\| (error|warning|info) \|/.test(r));
    expect(findingRows).toHaveLength(results.files[0]!.findings.length);
    for (const r of findingRows) expect(r.replace(/\\\|/g, '').split('|')).toHaveLength(6);
    expect(findingRows[0]).toMatch(/\]\(https:\/\/github\.com\/o\/r\/blob\/abc123\/dir\/we%22ird%20%3Cfile%3E%20%26%20%25%2C%3A%3B%5D%5D%3E\.yaml#L\d+\)/);
    expect(md).not.toMatch(/<script>|\u202E/);
    expect(md).toMatch(/&lt;script&gt;/);
    // The pools' figures, under the file's name.
    expect(md).toMatch(/^\| pool \| figures \|$/m);
  });

  it('says there are no problems, and links nothing where the repository is not known', async () => {
    const results = await validate(['examples/two-servers-separate-sql.yaml'], { cwd: ROOT });
    const md = FORMATS.markdown(results, OPTIONS);
    expect(md.split('\n')[0]).toMatch(/^### (✅|⚠️|❌) pooltopo: /);
    expect(md).not.toMatch(/\]\(/);
  });
});

describe('codeclimate', () => {
  it('has the fields GitLab reads, each of its type, with fingerprints stable when lines move', async () => {
    const text = readFileSync(path.join(ROOT, 'examples/stretched-two-sites.yaml'), 'utf8');
    const issues = async (t: string) => {
      const { result } = await lintText(t, 'examples/stretched-two-sites.yaml');
      return JSON.parse(
        FORMATS.codeclimate({ version: 1, files: [result], summary: summarise([result]) }, { ...OPTIONS, repoPath: (p) => `infra/${p}` }),
      ) as Record<string, unknown>[];
    };
    const before = await issues(text);
    expect(before.length).toBeGreaterThan(3);
    for (const issue of before) {
      expect(typeof issue['description']).toBe('string');
      expect(typeof issue['check_name']).toBe('string');
      expect(issue['fingerprint']).toMatch(/^[0-9a-f]{32}$/);
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue['severity']);
      const location = issue['location'] as { path: string; lines: { begin: number } };
      expect(location.path).toBe('infra/examples/stretched-two-sites.yaml');
      expect(Number.isInteger(location.lines.begin) && location.lines.begin >= 1).toBe(true);
    }
    expect(new Set(before.map((i) => i['fingerprint'])).size).toBe(before.length);
    const moved = await issues(`# a comment\n\n${text.replace('ms: "14 ms"', 'ms: "16 ms"')}`);
    expect(moved.map((i) => i['fingerprint'])).toEqual(before.map((i) => i['fingerprint']));
  });
});

describe('stylish', () => {
  it('shows control and bidirectional characters escaped', async () => {
    const out = FORMATS.stylish(await hostileResults(), OPTIONS);
    expect(out).not.toMatch(/\u202E/);
    expect(out).toMatch(/\\u\{202E\}evil next/);
    // A line break can still come in a message (a config's policy message), and is shown escaped.
    const file = {
      file: 'a.yaml',
      kind: 'scom' as const,
      pools: [],
      findings: [{ ruleId: 'acme-x', severity: 'error' as const, message: HOSTILE, file: 'a.yaml', line: 1, column: 1, path: '' }],
    };
    expect(FORMATS.stylish({ version: 1, files: [file], summary: summarise([file]) }, OPTIONS)).toMatch(/\\u\{202E\}evil\\u\{A\}next/);
  });
});

describe('snapshots', () => {
  const EXTENSION = {
    stylish: 'txt',
    github: 'github.txt',
    junit: 'xml',
    sarif: 'sarif.json',
    json: 'json',
    markdown: 'md',
    codeclimate: 'codeclimate.json',
  } as const;
  it.each(['stylish', 'json', 'sarif', 'junit', 'github', 'markdown', 'codeclimate'] as const)('%s of the examples', async (format) => {
    const results = await validate(['examples'], { cwd: ROOT });
    const format_ = FORMATS[format] as (r: Results, o: FormatOptions) => string;
    await expect(format_(results, OPTIONS)).toMatchFileSnapshot(`snapshots/examples.${EXTENSION[format]}`);
  });
});

describe('many findings', () => {
  it('are formatted in every format without running out of stack (a finding per server of a 100,000-server file)', { timeout: 600_000 }, () => {
    const findings = Array.from({ length: 200_000 }, (_, i) => ({
      ruleId: 'unknown-reference',
      severity: 'error' as const,
      message: `Server "ms${i}" names data centre "nowhere", which is not defined.`,
      file: 'big.yaml',
      line: i + 2,
      column: 5,
      path: `/managementServers/${i}/dataCenter`,
    }));
    const files = [{ file: 'big.yaml', kind: 'scom' as const, findings, pools: [] }];
    const results: Results = { version: 1, files, summary: summarise(files) };
    for (const format of ['stylish', 'json', 'sarif', 'junit', 'github', 'codeclimate'] as const) {
      const text = FORMATS[format](results, OPTIONS);
      expect(text.length, format).toBeGreaterThan(200_000 * 40);
    }
    // A step summary is cut at 1 MiB: markdown lists the first findings and says how many more.
    const md = FORMATS.markdown(results, OPTIONS);
    expect(md.length).toBeLessThan(1024 * 1024);
    expect(md).toMatch(/… and 199,000 more findings/);
    expect(FORMATS.stylish(results, OPTIONS)).toMatch(/200,000 problems \(200,000 errors, 0 warnings, 0 infos\) in 1 file/);
  });
});

describe('the terminal escapes of JSON and XML', () => {
  it('escape DEL in an ASCII text and every unsafe character past ASCII, and leave the rest as it is', () => {
    const ascii = '{"a": "plain \\n text"}\n';
    expect(escapeJsonForTerminal(ascii)).toBe(ascii);
    expect(escapeJsonForTerminal('{"a": "x\u007fy"}')).toBe('{"a": "x\\u007fy"}');
    expect(escapeXmlForTerminal('<a>x\u007fy</a>')).toBe('<a>x&#x7F;y</a>');
    // Past ASCII: a safe character alone is kept; each unsafe one is escaped, wherever it is.
    expect(escapeJsonForTerminal('"caf\u00e9 \u00a0"')).toBe('"caf\u00e9 \u00a0"');
    for (const [c, escaped] of [
      ['\u0085', '\\u0085'],
      ['\u202e', '\\u202e'],
      ['\ufeff', '\\ufeff'],
      ['\u{e0041}', '\\udb40\\udc41'],
    ] as const) {
      expect(escapeJsonForTerminal(`"\u00e9${c}\u007f"`)).toBe(`"\u00e9${escaped}\\u007f"`);
    }
  });
});
