#!/usr/bin/env node
// pooltopo's benchmark: `npm run bench` (after `npm run build`). Every figure is the median of several
// runs, measured in this run against a bare `node -e ""` measured the same way, with its target.
// The output format is stable: one line per figure, `name | measured | ratio or rate | target | ok`.
// Exit code 1 when a target is missed.
import { spawnSync } from 'node:child_process';
import { cpus, tmpdir, totalmem } from 'node:os';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(root, 'bin/pooltopo.js');
const work = mkdtempSync(path.join(tmpdir(), 'pooltopo-bench-'));
const quick = process.argv.includes('--quick');
// `--baseline DIR`: another built checkout (say, main before a change) timed side by side on the
// 20,000-server file, for a target stated against today's figure.
const baselineAt = process.argv.indexOf('--baseline');
const baseline = baselineAt >= 0 ? path.resolve(process.argv[baselineAt + 1] ?? '') : undefined;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Wall time of one run of a command, in seconds. */
function once(cmd, args, options = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], ...options });
  const end = process.hrtime.bigint();
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(end - start) / 1e9;
}

/** Wall time of a command, median of `runs`, in seconds. */
function time(cmd, args, runs, options = {}) {
  const times = [];
  for (let i = 0; i < runs; i++) times.push(once(cmd, args, options));
  return median(times);
}

/**
 * Commands run in turn, `runs` times each, and the median of each: on a machine whose speed drifts
 * from minute to minute (a shared VM), figures measured minutes apart say more about the drift than
 * about the commands, so each figure is measured interleaved with what it is compared with.
 */
function timeInTurn(commands, runs) {
  const times = commands.map(() => []);
  for (let i = 0; i < runs; i++) commands.forEach(([cmd, args], j) => times[j].push(once(cmd, args)));
  return times.map(median);
}

// Inputs: 1,000 files made from the examples, and a 20,000-server file.
// The 40-server example is left out, so that the batch stays the one earlier figures were measured on.
const examples = readdirSync(path.join(root, 'examples'))
  .filter((f) => f.endsWith('.yaml') && f !== 'globex-forty-servers.yaml')
  .map((f) => readFileSync(path.join(root, 'examples', f), 'utf8'));
const many = path.join(work, 'many');
mkdirSync(many);
for (let i = 0; i < 1000; i++) {
  const text = examples[i % examples.length].replace(/^name: (.*)$/m, `name: $1 ${i}`);
  writeFileSync(path.join(many, `topology-${String(i).padStart(4, '0')}.yaml`), text);
}
const huge = path.join(work, 'huge.yaml');
{
  const lines = [
    'version: 1',
    'name: Huge',
    'dataCenters: [{name: east}, {name: west}]',
    'latency: [{between: [east, west], ms: 4}]',
    'databases: {operational: {server: sql01, dataCenter: east, availability: 0.9999}}',
    'managementServers:',
  ];
  for (let i = 0; i < 20000; i++)
    lines.push(`  - {name: ms${String(i).padStart(5, '0')}, dataCenter: ${i % 2 ? 'east' : 'west'}, agents: ${i % 100}, availability: 0.99}`);
  lines.push('pools:', `  - name: Big Pool`, `    members: [${Array.from({ length: 10000 }, (_, i) => `ms${String(i * 2).padStart(5, '0')}`).join(', ')}]`);
  writeFileSync(huge, lines.join('\n') + '\n');
}

const runs = quick ? 3 : 10;
const node = process.execPath;
// Bare node in turn with the commands whose figures are its multiples; the batch in turn with ajv-cli.
const [bare, one, report] = timeInTurn(
  [
    [node, ['-e', '']],
    [node, [bin, 'validate', 'examples/two-servers-separate-sql.yaml']],
    [node, [bin, 'report', 'examples/stretched-two-sites.yaml', '-o', path.join(work, 'report.html')]],
  ],
  runs,
);
const hugeArgs = (b) => [b, 'validate', huge, '--format', 'json', '-o', path.join(work, 'huge.json')];
const [hugeTime, hugeBaseline] = baseline
  ? timeInTurn(
      [
        [node, hugeArgs(bin)],
        [node, hugeArgs(path.join(baseline, 'bin/pooltopo.js'))],
      ],
      quick ? 2 : 5,
    )
  : [time(node, hugeArgs(bin), quick ? 2 : 5), undefined];
// The report at a real size (issue 25): 4,000 servers in eight data centres, from scripts/make-scale-designs.mjs.
const scaleReport = path.join(work, 'scale.html');
const scaleTime = time(node, [bin, 'report', 'test/fixtures/scale/four-thousand-servers.yaml', '-o', scaleReport], quick ? 3 : 7);
const scaleBytes = statSync(scaleReport).size;
// diff of two versions of the 20,000-server file (the second takes one member out of the big pool)
// in turn with validate of both, which it must take less than twice the time of.
const huge2 = path.join(work, 'huge2.yaml');
writeFileSync(huge2, readFileSync(huge, 'utf8').replace('members: [ms00000, ', 'members: ['));
const [diffTime, bothTime] = timeInTurn(
  [
    [node, [bin, 'diff', huge, huge2, '--format', 'json', '-o', path.join(work, 'diff.json')]],
    [node, [bin, 'validate', huge, huge2, '--format', 'json', '-o', path.join(work, 'both.json')]],
  ],
  quick ? 2 : 5,
);
// Three outputs from one run, in turn with one: the lint is shared, only the writers add.
const [threeFormats, oneFormat] = timeInTurn(
  [
    [
      node,
      [
        bin,
        'validate',
        many,
        '--format',
        'json',
        '-o',
        path.join(work, 'a.json'),
        '--format',
        'sarif',
        '-o',
        path.join(work, 'a.sarif'),
        '--format',
        'junit',
        '-o',
        path.join(work, 'a.xml'),
      ],
    ],
    [node, [bin, 'validate', many, '--format', 'json', '-o', path.join(work, 'b.json')]],
  ],
  quick ? 3 : 9,
);
// A 50 MB file is refused from its size (test/robustness.test.ts shows it is not read; this is its time).
const sparse = path.join(work, 'sparse.yaml');
writeFileSync(sparse, '');
truncateSync(sparse, 50 * 2 ** 20);
const refuseTime = time(node, [bin, 'validate', sparse, '--format', 'json'], quick ? 3 : 7);
const ajvCli = path.join(root, 'node_modules/ajv-cli/dist/index.js');
const [batch, ajv] = timeInTurn(
  [
    [node, [bin, 'validate', many, '--format', 'json', '-o', path.join(work, 'out.json')]],
    [node, [ajvCli, 'validate', '-s', 'schemas/topology.schema.json', '-d', `${many}/*.yaml`, '--all-errors', '--allow-union-types']],
  ],
  quick ? 3 : 9,
);

// Availability of one pool of 1,000 voters under the failure model, in process: four data centres
// and the database that may fail, 100 gateways reporting through eight of the management servers.
const { normalise } = await import(path.join(root, 'dist/kinds/scom/model/normalise.js'));
const { compileFailureModel } = await import(path.join(root, 'dist/kinds/scom/analysis/failure/index.js'));
const { availability } = await import(path.join(root, 'dist/kinds/scom/analysis/availability.js'));
const structured = compileFailureModel(
  normalise(
    {
      version: 1,
      name: 'Availability',
      dataCenters: Array.from({ length: 4 }, (_, i) => ({ name: `d${i}`, availability: 0.999 })),
      databases: { operational: { server: 'sql', dataCenter: 'd0', availability: 0.9995 } },
      managementServers: Array.from({ length: 900 }, (_, i) => ({ name: `m${i}`, dataCenter: `d${i % 4}`, availability: 0.99 })),
      gateways: Array.from({ length: 100 }, (_, i) => ({
        name: `g${i}`,
        dataCenter: `d${i % 4}`,
        availability: 0.98,
        reportsTo: [`m${i % 8}`, `m${(i + 1) % 8}`],
      })),
      pools: [{ name: 'Mixed', members: [...Array.from({ length: 900 }, (_, i) => `m${i}`), ...Array.from({ length: 100 }, (_, i) => `g${i}`)] }],
    },
    new Map(),
  ).topology,
);
const dpTimes = [];
for (let i = 0; i < 11; i++) {
  const start = process.hrtime.bigint();
  availability(structured, structured.pools[0]);
  dpTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
}
const dp = median(dpTimes);

// A finding placed on each of 32,000 servers (test/complexity.test.ts checks it grows linearly; this is its time).
const { parseDocument } = await import(path.join(root, 'dist/io/yaml/parse.js'));
const longText = ['version: 1', 'managementServers:', ...Array.from({ length: 32000 }, (_, i) => `  - name: ms${i}\n    agents: ${i}`)].join('\n') + '\n';
const locateTimes = [];
for (let i = 0; i < 5; i++) {
  const { sourceMap } = parseDocument(longText);
  const start = process.hrtime.bigint();
  for (let j = 0; j < 32000; j++) sourceMap.locate(`/managementServers/${j}/agents`, 'key');
  locateTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
}
const locate = median(locateTimes);

rmSync(work, { recursive: true, force: true });

const rows = [
  ['bare node -e ""', `${bare.toFixed(3)} s`, '1.00x', '', true],
  ['validate one small file (cold)', `${one.toFixed(3)} s`, `${(one / bare).toFixed(2)}x`, '<= 2.00x bare node', one / bare <= 2],
  [
    'validate 1,000 files, one process',
    `${batch.toFixed(3)} s`,
    `${Math.round(1000 / batch).toLocaleString('en-US')} files/s`,
    '>= 3,000 files/s',
    1000 / batch >= 3000,
  ],
  ['validate a 20,000-server file', `${hugeTime.toFixed(3)} s`, `${(hugeTime / bare).toFixed(2)}x`, '< 1 s', hugeTime < 1],
  ...(hugeBaseline !== undefined
    ? [
        [
          'the same file, baseline checkout',
          `${hugeBaseline.toFixed(3)} s`,
          `${(hugeTime / hugeBaseline).toFixed(2)}x`,
          '<= 2.00x baseline',
          hugeTime / hugeBaseline <= 2,
        ],
      ]
    : []),
  [
    'diff of two 20,000-server versions',
    `${diffTime.toFixed(3)} s`,
    `${(diffTime / bothTime).toFixed(2)}x validate of both`,
    '< 2.00x validate of both',
    diffTime < 2 * bothTime,
  ],
  [
    '1,000 files in json, sarif and junit at once',
    `${threeFormats.toFixed(3)} s`,
    `${(threeFormats / oneFormat).toFixed(2)}x json alone`,
    '< 1.30x one format',
    threeFormats < 1.3 * oneFormat,
  ],
  ['report of an example', `${report.toFixed(3)} s`, `${(report / bare).toFixed(2)}x`, '< 0.300 s', report < 0.3],
  [
    'report of a 4,000-server design',
    `${scaleTime.toFixed(3)} s`,
    `${(scaleBytes / 2 ** 20).toFixed(2)} MiB`,
    '< 1 s, < 5 MiB',
    scaleTime < 1 && scaleBytes < 5 * 2 ** 20,
  ],
  ['availability, 1,000 voters, sites, gateways', `${dp.toFixed(1)} ms`, '', '< 100 ms', dp < 100],
  ['refuse a 50 MB file from its size', `${refuseTime.toFixed(3)} s`, `${(refuseTime / bare).toFixed(2)}x`, '< 2 s', refuseTime < 2],
  ['place a finding on each of 32,000 servers', `${locate.toFixed(1)} ms`, '', '< 500 ms', locate < 500],
  [
    'ajv-cli, the same 1,000 files (schema only)',
    `${ajv.toFixed(3)} s`,
    `${Math.round(1000 / ajv).toLocaleString('en-US')} files/s`,
    'slower than pooltopo',
    ajv > batch,
  ],
];
const cpu = cpus();
console.log(
  `pooltopo bench: node ${process.version}, ${process.platform} ${process.arch}, ${cpu.length} CPUs (${cpu[0]?.model.trim() ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB${quick ? ', quick' : ''}`,
);
const widths = [44, 10, 16, 22];
console.log(['figure', 'measured', 'ratio / rate', 'target'].map((h, i) => h.padEnd(widths[i])).join(' | ') + ' | ok');
for (const [name, measured, ratio, target, ok] of rows) {
  console.log([name, measured, ratio, target].map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ` | ${target ? (ok ? 'yes' : 'NO') : ''}`);
}
process.exitCode = rows.every((r) => r[4]) ? 0 : 1;
