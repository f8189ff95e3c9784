/**
 * The command line: argument parsing, the command table and exit codes. The only code that touches
 * process streams (through the `Io` it is given, so tests can run it in-process).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { PooltopoError } from '../util/errors.js';
import { FORMAT_NAMES, FORMATS, type FormatName } from '../formatters/index.js';
import { escapeForTerminal, escapeJsonForTerminal } from '../util/text.js';
import { refuseOverwritingInput, writeFileAtomic, type WriteOptions } from '../io/files.js';
import { topologySchemaText } from '../io/schema.js';
import { validate, validateOutcomes, type LintOutcome, type ValidateOptions } from '../index.js';
import { KIND_PLUGINS, kindPlugin, REGISTRY } from '../kinds/registry.js';
import { DEFAULT_SETTINGS, MAX_TARGET_TOLERABLE_FAILURES } from '../core/settings.js';
import { ruleById } from '../rules/index.js';
import { INTERNAL_ERROR } from '../core/rules/internal-error.js';
import { SEVERITIES, atOrAbove, plural, type Severity } from '../core/rule.js';
import type { Finding } from '../kinds/results.js';
import { formatRuleDoc, formatRuleList } from './rules-command.js';
import { loadConfig } from '../config/load.js';
import { NO_CONFIG, type Config } from '../core/config.js';
import { describeRules } from '../rules/descriptors.js';
import { closest } from '../util/suggest.js';
import { outputPairs, readStandardInput, repoPathFn, repositoryLinks, repositoryRoot, type OptionToken } from './outputs.js';
import { decodeText, DEFAULT_READ_LIMITS } from '../io/files.js';
import { ignoreMatcher } from '../io/files/ignore.js';
import { NO_NODES, SourceMap } from '../io/yaml/source-map.js';
import { syntaxOutcome } from '../lint.js';
import { summarise, type Results } from '../kinds/results.js';
import { own } from '../util/own.js';

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether standard output is a terminal (for colour). */
  readonly isTTY: boolean;
  /** Told how many files `validate` is about to lint (bin/ tunes V8 for a long batch). */
  readonly onBatch?: (files: number) => void;
  /** Standard input, up to `limit` bytes and one more (default: read from descriptor 0). */
  readonly readStdin?: (limit: number) => Uint8Array;
}

let packageJson: { version: string; homepage: string } | undefined;
/** pooltopo's package.json, read when first needed (no work at module load). */
function pkg(): { version: string; homepage: string } {
  packageJson ??= JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string; homepage: string };
  return packageJson;
}

/** The importers of the kinds that have one (`import opcon`). */
const IMPORTERS = KIND_PLUGINS.flatMap((k) => ('importer' in k && k.importer ? [k.importer] : []));

const USAGE = `Usage: pooltopo <command> [options]

Validate and capacity-plan high-availability pool topologies (SCOM resource pools).

Commands:
  validate FILE|DIR|GLOB...   lint topology files and print findings
  report FILE [-o OUT.html]   write a self-contained HTML design-review report
  simulate FILE --down NAMES  what works when servers or data centres are down, or the network splits
  plan FILE                   the smallest change per pool to reach the target tolerable failures
  diff OLD NEW | FILE --base REF   what a change does to resilience: figures and findings that differ
  import SOURCE FILE...       write a topology file from a live system's own files (${IMPORTERS.map((i) => i.source).join(', ')})
  rules [RULE-ID]             list the rules, or explain one
  schema                      print the JSON Schema of the topology format

Options:
  -h, --help       show help (also: pooltopo COMMAND --help)
  -v, --version    print the version
      --debug      show the stack trace of an internal error

Exit codes: 0 nothing at or above --fail-on was found; 1 it was; 2 the command could not do its job.
`;

const VALIDATE_USAGE = `Usage: pooltopo validate FILE|DIR|GLOB... [options]

Lint topology files. A directory means its *.yaml and *.yml files, recursively (skipping
node_modules and hidden files and folders, and YAML with none of a topology's top-level keys,
which the summary counts and --debug names); a .json file is read when named; - is standard input.
Several --format/-o pairs write several outputs from one run (--format sarif -o x.sarif
--format stylish): each format to the -o after it, the one without to standard output.

Options:
  -f, --format FORMAT    output format: ${FORMAT_NAMES.join(', ')} (default: stylish)
  -o, --output FILE      write the output to FILE instead of standard output (atomically; - is
                         standard output)
      --follow-output-link   write -o through a symbolic link (refused by default: a link in a
                         checkout may point anywhere)
      --fail-on LEVEL    lowest severity that makes the exit code 1: error, warning, info (default: error)
      --config FILE      config file (default: .pooltopo.yaml found upward from the working directory)
      --no-config        use no config file
      --report-unused-disable   report suppression comments that suppress nothing
      --max-warnings N   exit 1 when there are more than N warnings, whatever --fail-on says
      --quiet            report errors only (warnings and infos neither printed nor counted)
      --stdin-filename NAME   with - as the file: read standard input, reported as NAME
      --sarif-include-suppressed   keep findings suppressed in the file in SARIF (GitHub opens
                         an alert for each, so they are left out by default)
      --no-error-on-unmatched-pattern   warn, rather than stop with exit 2, where a glob
                         matches nothing, a directory holds no topology file, or the config's
                         ignore leaves out every file given (a missing path still stops)
      --color / --no-color      force colour on or off (default: on for a terminal, off with NO_COLOR)
      --debug            show the stack trace of an internal error (any command takes it)
  -h, --help             show this help

Formats: stylish (people), json (scripts), sarif (GitHub code scanning), junit (GitLab, Jenkins,
Azure DevOps test reports), github (GitHub Actions annotations), markdown (a pull request's
summary), codeclimate (GitLab Code Quality). Paths in sarif, codeclimate and markdown are
relative to the repository's root (the nearest folder up holding .git).
`;

const REPORT_USAGE = `Usage: pooltopo report FILE [-o OUT.html] [options]

Write one self-contained HTML design-review report: summary, topology diagram, every pool's quorum,
data-centre loss, lease, capacity and availability, the findings and the rules behind them.
Nothing is loaded from the network and it needs no scripts. The exit code is validate's.

Options:
  -o, --output FILE      the HTML file to write (default: FILE's name with .html, never through
                         a link; - is standard output)
      --follow-output-link   write -o through a symbolic link (refused by default)
      --fail-on LEVEL    lowest severity that makes the exit code 1 (default: error)
      --config FILE      config file (default: .pooltopo.yaml found upward)
      --no-config        use no config file
      --timestamp        print the time of generation in the report (it is otherwise byte-identical run to run)
  -h, --help             show this help
`;

const SIMULATE_USAGE = `Usage: pooltopo simulate FILE --down NAME[,NAME...] [--down ...] | --partition SIDE|SIDE [options]

What works when the named servers (management servers, gateways, the operational database's
server, a cluster's nodes and witness) or data centres are down, under FORMAT.md's failure model:
each pool works (quorum and a connected member), is cut off (it runs, but its data reaches no
connected management server) or stops (no quorum, or no member). Names are case-insensitive.
--down may be repeated to compare scenarios side by side.

--partition splits the network instead: sides separated by |, each a comma-separated list of
servers and data centres (e.g. "dc-east|dc-west,sql01"). A pool keeps quorum on at most one side;
members on another side stop their work although they are up, and a pool whose quorum is on a side
without the database is cut off.

The output names the PoolManager events members would log (15002, 15003, 15004), how the pool's
instances are split over the members left, where the gateways report and where the agents go. The
exit code is 1 when a pool stops or is cut off, or the management group does not work.

For kind skype-pool-pair, --down names pools (each fails over to its partner: registrar states,
the users the partner then carries, what breaks, and the Invoke-CsPoolFailOver to run, with
-DisasterMode for a pool that is down; a partner that is not Active or has lost quorum takes no one,
exit 1) or front ends (pool-level quorum among "the first" ones); several --down side by side. For kind opcon-failover, --event abnormal-shutdown|normal-shutdown|communication-loss|
machine-crash, or --down MACHINE (the crash of that machine), walks the vendor's process flow:
which SMAServMan ends up ACTIVE, whether two SAMs could reach the database, what must be done by
hand in the vendor's order, and how to go back to the primary; exit 1 when nothing, or two SAMs, run.

Options:
      --down NAMES          servers or data centres down (repeatable: one scenario each)
      --partition SIDES     split the network into sides
      --event EVENT         for kind opcon-failover: abnormal-shutdown, normal-shutdown, communication-loss or machine-crash
  -f, --format FORMAT       stylish or json (default: stylish)
  -o, --output FILE         write the output to FILE
      --follow-output-link  write -o through a symbolic link (refused by default)
      --config FILE / --no-config
      --color / --no-color  force colour on or off (default: on for a terminal, off with NO_COLOR)
  -h, --help                show this help
`;

const PLAN_USAGE = `Usage: pooltopo plan FILE [--target-failures N] [options]

For each pool that does not reach N tolerable failures, or whose workload does not fit after its
failures, the smallest change that does: add management servers (gateways for a pool of gateways),
enable or disable the default observer, or add observer-only members, with the resulting figures.
The fewest new servers win; among equals, no observer-only members (the guidance advises against
them) and the default observer as the guidance prefers. Then the management servers to add where
the Windows agents would not fit after the busiest fails, and the capacity headroom left (or by
how much a workload is over). The exit code is 1 when a pool or the management group needs a
change, or the workload does not fit.

Options:
      --target-failures N   tolerable failures every pool should reach (default: the config's
                            settings.targetTolerableFailures, else 1)
  -f, --format FORMAT       stylish or json (default: stylish)
  -o, --output FILE         write the output to FILE
      --follow-output-link  write -o through a symbolic link (refused by default)
      --config FILE / --no-config
      --color / --no-color  force colour on or off (default: on for a terminal, off with NO_COLOR)
  -h, --help                show this help
`;

const IMPORT_USAGE = `Usage: pooltopo import SOURCE FILE... [-o OUT.yaml] [options]

Write a topology file from what the live system itself holds, so that it can be validated,
simulated, reported and compared with the reviewed design. The output goes to standard output, or
to -o, written atomically (never a partial file). Exit code 0 when it is written; 2 when a file
cannot be read or is not what it should be (with its file and line).

Sources:
${IMPORTERS.map((i) => i.help).join('\n')}
Options:
  -o, --output FILE      write the topology file to FILE (atomically; - is standard output)
      --follow-output-link   write -o through a symbolic link (refused by default)
  -h, --help             show this help
`;

const RULES_USAGE = `Usage: pooltopo rules [RULE-ID] [options]

Without an id, list every rule with its severity and what it checks, and the config's policies.
With an id, explain the rule: why it matters, what to do, and its source. Severities are the
config's where it sets them.

Options:
      --config FILE      config file (default: .pooltopo.yaml found upward)
      --no-config        use no config file: every rule at its default severity
  -h, --help             show this help
`;

const DIFF_USAGE = `Usage: pooltopo diff OLD NEW [options]
       pooltopo diff FILE --base REF [options]

What a change does to resilience: for each pool the tolerable failures, availability, single
points of failure and data-centre loss (Skype and OpCon on their own figures) that differ between
two versions of one topology, the findings that are new or gone (matched by rule, pool and message,
not by line), and the servers, pools and gateways added or removed. With --base, the old version is
FILE as it is at REF in git (git show REF:FILE); a file new in this change has every figure added.
Compare a design with a file written from the live system to find drift.

Options:
      --base REF            read the old version from git at REF (a branch, tag or commit)
  -f, --format FORMAT       stylish, json or markdown (default: stylish)
  -o, --output FILE         write the output to FILE
      --follow-output-link  write -o through a symbolic link (refused by default)
      --fail-on LEVEL       lowest severity of a new finding that makes the exit code 1 (default: error)
      --config FILE / --no-config
  -h, --help                show this help

Exit codes: 1 when the change makes anything worse (fewer tolerable failures, less availability, a
new single point of failure, a data centre's loss no longer survived, a new finding at or above
--fail-on); 2 when it cannot compare (no git, no such ref, a side that is not a topology, two kinds).
`;

const SCHEMA_USAGE = `Usage: pooltopo schema

Print the JSON Schema of the topology format (schemas/topology.schema.json), for editors and other tools.
`;

interface Command {
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  readonly allowPositionals: boolean;
  run(values: Record<string, unknown>, positionals: string[], io: Io, tokens: readonly OptionToken[]): Promise<number>;
}

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;
const CONFIG_OPTIONS = { config: { type: 'string' }, 'no-config': { type: 'boolean' } } as const;
/** Where and how a command writes its text output. */
const OUTPUT_OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'follow-output-link': { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
} as const;

const COMMANDS: Readonly<Record<string, Command>> = {
  validate: {
    usage: VALIDATE_USAGE,
    allowPositionals: true,
    options: {
      ...HELP_OPTION,
      ...OUTPUT_OPTIONS,
      ...CONFIG_OPTIONS,
      'fail-on': { type: 'string' },
      'report-unused-disable': { type: 'boolean' },
      'no-error-on-unmatched-pattern': { type: 'boolean' },
      'stdin-filename': { type: 'string' },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean' },
      'sarif-include-suppressed': { type: 'boolean' },
    },
    run: runValidate,
  },
  report: {
    usage: REPORT_USAGE,
    allowPositionals: true,
    options: {
      ...HELP_OPTION,
      ...CONFIG_OPTIONS,
      output: { type: 'string', short: 'o' },
      'follow-output-link': { type: 'boolean' },
      'fail-on': { type: 'string' },
      timestamp: { type: 'boolean' },
    },
    run: runReport,
  },
  simulate: {
    usage: SIMULATE_USAGE,
    allowPositionals: true,
    options: {
      ...HELP_OPTION,
      ...OUTPUT_OPTIONS,
      ...CONFIG_OPTIONS,
      down: { type: 'string', multiple: true },
      partition: { type: 'string', multiple: true },
      event: { type: 'string', multiple: true },
    },
    run: runSimulate,
  },
  plan: {
    usage: PLAN_USAGE,
    allowPositionals: true,
    options: {
      ...HELP_OPTION,
      ...OUTPUT_OPTIONS,
      ...CONFIG_OPTIONS,
      'target-failures': { type: 'string' },
    },
    run: runPlan,
  },
  diff: {
    usage: DIFF_USAGE,
    allowPositionals: true,
    options: {
      ...HELP_OPTION,
      ...CONFIG_OPTIONS,
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      'follow-output-link': { type: 'boolean' },
      base: { type: 'string' },
      'fail-on': { type: 'string' },
    },
    async run(values, positionals, io) {
      const { runDiff } = await import('./diff-command.js');
      return runDiff(values, positionals, io);
    },
  },
  import: {
    usage: IMPORT_USAGE,
    allowPositionals: true,
    options: { ...HELP_OPTION, output: { type: 'string', short: 'o' }, 'follow-output-link': { type: 'boolean' }, ...Object.assign({}, ...IMPORTERS.map((i) => i.options)) },
    run: runImport,
  },
  rules: {
    usage: RULES_USAGE,
    allowPositionals: true,
    options: { ...HELP_OPTION, ...CONFIG_OPTIONS },
    async run(values, positionals, io) {
      if (positionals.length > 1) throw new PooltopoError('rules takes at most one rule id');
      const config = await configFor(values, io);
      const descriptors = describeRules(config);
      const id = positionals[0];
      if (id === undefined) {
        io.stdout(escapeLines(formatRuleList(descriptors)));
        return 0;
      }
      const rule = descriptors.find((d) => d.id === id);
      if (!rule) {
        const near = closest(id, descriptors.map((r) => r.id));
        throw new PooltopoError(`unknown rule "${id}"${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : ''} (pooltopo rules lists them)`);
      }
      io.stdout(escapeLines(formatRuleDoc(rule, ruleById(id)?.meta.unconfirmed)));
      return 0;
    },
  },
  schema: {
    usage: SCHEMA_USAGE,
    allowPositionals: false,
    options: { ...HELP_OPTION },
    async run(_values, _positionals, io) {
      const text = topologySchemaText();
      io.stdout(text.endsWith('\n') ? text : text + '\n');
      return 0;
    },
  },
};

/** The command called `name`; own keys only, so `constructor` or `__proto__` is no command. */
function commandNamed(name: string): Command | undefined {
  return Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
}

/** Runs the command line `argv` (without `node` and the script); returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((a) => a !== '--debug');
  try {
    const [name, ...rest] = args;
    if (name === undefined) {
      // No command: a usage error, in one line as every exit 2 is (CLI.md).
      throw new PooltopoError(`no command given; use one of ${Object.keys(COMMANDS).join(', ')} (pooltopo --help)`);
    }
    if (name === '-h' || name === '--help' || name === 'help') {
      const asked = name === 'help' && rest[0] !== undefined ? commandNamed(rest[0]) : undefined;
      io.stdout(asked ? asked.usage : USAGE);
      return 0;
    }
    if (name === '-v' || name === '--version') {
      io.stdout(`${pkg().version}\n`);
      return 0;
    }
    const command = commandNamed(name);
    if (!command && name.startsWith('-')) {
      // An option of some command, put before it; anything else, the options pooltopo takes alone.
      const owners = ownersOf(name.split('=')[0]!);
      // The command given after it, where it takes the option; else the first that does.
      const meant = rest.find((r) => owners.includes(r)) ?? owners[0];
      if (owners.length > 0) throw new PooltopoError(`"${name}" comes before the command: options go after it (pooltopo ${meant} ... ${name}; ${list(owners)} ${owners.length === 1 ? 'takes' : 'take'} it)`);
      const near = closest(name, ['--help', '--version']);
      throw new PooltopoError(`unknown option "${name}"${near.length ? `; did you mean "${near[0]}"?` : ''} (pooltopo --help lists the commands)`);
    }
    if (!command) {
      const near = closest(name, Object.keys(COMMANDS));
      throw new PooltopoError(`unknown command "${name}"${near.length ? `; did you mean "${near[0]}"?` : ''} (pooltopo --help lists the commands)`);
    }
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: command.options, allowPositionals: command.allowPositionals, strict: true, tokens: true });
    } catch (err) {
      throw new PooltopoError(`${name}: ${usageMessage(err, name, command.options)} (pooltopo ${name} --help)`);
    }
    if (parsed.values['help']) {
      io.stdout(command.usage);
      return 0;
    }
    return await command.run(debug ? { ...parsed.values, debug: true } : parsed.values, parsed.positionals, io, parsed.tokens);
  } catch (err) {
    if (err instanceof PooltopoError) {
      io.stderr(`pooltopo: ${oneLine(err.message)}\n`);
      if (debug && err.stack) io.stderr(`${err.stack}\n`);
      return err.exitCode;
    }
    io.stderr(`pooltopo: internal error: ${oneLine(err instanceof Error ? err.message : String(err))} (run with --debug for details, and please report it)\n`);
    if (debug && err instanceof Error && err.stack) io.stderr(`${err.stack}\n`);
    return 2;
  }
}

async function runValidate(values: Record<string, unknown>, positionals: string[], io: Io, tokens: readonly OptionToken[] = []): Promise<number> {
  if (positionals.length === 0) throw new PooltopoError('validate needs at least one file, directory or glob, or - for standard input (pooltopo validate --help)');
  const outputs = outputPairs(tokens);
  for (const { format } of outputs) {
    if (!FORMAT_NAMES.includes(format as FormatName)) throw new PooltopoError(`unknown format "${format}"; use one of ${FORMAT_NAMES.join(', ')}`);
  }
  const failOn = failOnOf(values);
  const maxWarnings = maxWarningsOf(values);
  const quiet = values['quiet'] === true;
  const config = await configFor(values, io);
  const options: ValidateOptions = {
    cwd: io.cwd,
    config,
    reportUnusedDisable: values['report-unused-disable'] === true,
    errorOnUnmatchedPattern: values['no-error-on-unmatched-pattern'] !== true,
    onWarning: warnOn(io),
    ...(io.onBatch ? { onStart: io.onBatch } : {}),
    ...(values['debug'] ? { onSkipped: (file: string) => io.stderr(`pooltopo: debug: skipped ${oneLine(JSON.stringify(file))}: it has none of any kind's top-level keys\n`) } : {}),
  };
  const stdinName = values['stdin-filename'] as string | undefined;
  if (stdinName !== undefined && !positionals.includes('-')) throw new PooltopoError('--stdin-filename names standard input: give - as the file too');
  const all = positionals.includes('-')
    ? await validateStdin(positionals, stdinName, options, config, io)
    : await validate(positionals, options);
  // --quiet: errors only, printed and counted, as ESLint's.
  const results: Results = quiet ? onlyErrors(all) : all;
  const root = repositoryRoot(io.cwd);
  const formatOptions = {
    rules: describeRules(config),
    failOn,
    version: pkg().version,
    informationUri: pkg().homepage,
    repoPath: repoPathFn(io.cwd, root.root),
    repoRoot: root.root,
    includeSuppressed: values['sarif-include-suppressed'] === true,
    links: root.found ? repositoryLinks(io.env) : undefined,
  };
  const inputs = readBy(results.files.map((f) => f.file).filter((f) => f !== stdinName), config);
  for (const { output } of outputs) if (output !== undefined) refuseOverwritingInput(output, inputs, io.cwd);
  // One lint, then each writer: the files first, standard output last, so that a refused -o leaves nothing half told.
  for (const { format, output } of [...outputs.filter((o) => o.output !== undefined), ...outputs.filter((o) => o.output === undefined)]) {
    const text = FORMATS[format as FormatName](results, { ...formatOptions, color: output === undefined && wantsColor(values, io) });
    await emit(text, output, io, inputs, writeOptions(values));
  }
  const internal = internalError(results.files, io);
  if (internal !== undefined) return internal;
  if (maxWarnings !== undefined && results.summary.warnings > maxWarnings) {
    io.stderr(`pooltopo: ${plural(results.summary.warnings, 'warning')}, more than --max-warnings ${maxWarnings} allows\n`);
    return 1;
  }
  return results.files.some((f) => failing(f.findings, failOn)) ? 1 : 0;
}

/** --max-warnings N: a whole number. */
function maxWarningsOf(values: Record<string, unknown>): number | undefined {
  const raw = values['max-warnings'] as string | undefined;
  if (raw === undefined) return undefined;
  if (!/^\d{1,9}$/.test(raw)) throw new PooltopoError(`--max-warnings must be a whole number, not "${raw}"`);
  return Number(raw);
}

/** The results with their warnings and infos left out, and the summary counted again. */
function onlyErrors(results: Results): Results {
  const files = results.files.map((f) => ({ ...f, findings: f.findings.filter((x) => x.severity === 'error') }));
  return { version: 1, files, summary: summarise(files) };
}

/**
 * validate of `-`: one topology read from standard input, within the document limits, reported
 * under --stdin-filename (which the config's ignore applies to, as ESLint's does).
 */
async function validateStdin(positionals: readonly string[], name: string | undefined, options: ValidateOptions, config: Config, io: Io): Promise<Results> {
  if (positionals.length > 1) throw new PooltopoError('- reads one topology from standard input: give no other file beside it');
  if (name === '') throw new PooltopoError('--stdin-filename is empty (an unset variable?); name the path the input is reported under');
  const file = name ?? '<stdin>';
  if (name !== undefined && ignoreMatcher(config.ignore, config.dir, io.cwd)(name)) {
    warnOn(io)(`"${name}" is ignored by the config's ignore patterns`);
    return { version: 1, files: [], summary: summarise([]) };
  }
  const limit = config.limits?.maxFileBytes ?? DEFAULT_READ_LIMITS.maxFileBytes;
  const bytes = (io.readStdin ?? readStandardInput)(limit);
  const lintOptions = { rules: config.rules, settings: config.settings, policies: config.policies, limits: config.limits ?? {} };
  if (bytes.length > limit) {
    const outcome = syntaxOutcome(file, new SourceMap('', NO_NODES), [{ message: `standard input is larger than the ${limit.toLocaleString('en-US')} bytes pooltopo reads`, offset: 0 }], lintOptions);
    return { version: 1, files: [outcome.result], summary: summarise([outcome.result]) };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    const outcome = syntaxOutcome(file, new SourceMap(decoded.text, NO_NODES), [{ message: decoded.message.replace('the file', 'standard input'), offset: decoded.offset }], lintOptions);
    return { version: 1, files: [outcome.result], summary: summarise([outcome.result]) };
  }
  return validate([{ file, text: decoded.text }], options);
}

async function runReport(values: Record<string, unknown>, positionals: string[], io: Io): Promise<number> {
  if (positionals.length !== 1) throw new PooltopoError('report needs exactly one topology file (pooltopo report --help)');
  const failOn = failOnOf(values);
  const config = await configFor(values, io);
  const file = positionals[0]!;
  const outcome = await lintOne('report', file, config, io, { policies: config.policies, onWarning: warnOn(io) });
  const { buildReportView } = await import('../report/view-model.js');
  const { renderReport } = await import('../report/render.js');
  const html = await renderReport(await buildReportView(outcome, {
    rules: describeRules(config),
    settings: { ...DEFAULT_SETTINGS, ...config.settings },
    failOn,
    version: pkg().version,
    ...(values['timestamp'] ? { generatedAt: new Date().toISOString() } : {}),
  }));
  // Without -o the report goes beside its file, never through a link there; `-o -` is standard output.
  const named = outputOf(values);
  const output = values['output'] === '-' ? undefined : named ?? `${file.replace(/\.(ya?ml|json)$/i, '')}.html`;
  await emit(html, output, io, readBy([file], config), named === undefined ? { derived: true } : writeOptions(values));
  if (output !== undefined) io.stderr(`pooltopo: wrote ${oneLine(output)}\n`);
  return internalError([outcome.result], io) ?? (failing(outcome.result.findings, failOn) ? 1 : 0);
}

/** Lints FILE and returns its model, or fails with exit 2 when it has none (syntax or schema errors). */
async function modelOf(command: string, file: string, values: Record<string, unknown>, io: Io): Promise<{ outcome: LintOutcome; config: Config }> {
  const config = await configFor(values, io);
  const outcome = await lintOne(command, file, config, io);
  const planned = REGISTRY.kinds.filter((k) => k.plan !== undefined).map((k) => k.id);
  if (outcome.result.kind !== undefined && !planned.includes(outcome.result.kind)) {
    throw new PooltopoError(`this command supports kind ${planned.join(', ')} only for now; "${file}" is ${outcome.result.kind} (pooltopo validate checks it)`);
  }
  if (outcome.stage !== 'analysed') throw cannotAnalyse(file, outcome);
  warnOfErrors(outcome, io, `the ${command}`);
  return { outcome, config };
}

async function runSimulate(values: Record<string, unknown>, positionals: string[], io: Io): Promise<number> {
  if (positionals.length !== 1) throw new PooltopoError('simulate needs exactly one topology file (pooltopo simulate --help)');
  const format = stylishOrJson(values);
  const file = positionals[0]!;
  const config = await configFor(values, io);
  const outcome = await lintOne('simulate', file, config, io);
  if (outcome.stage !== 'analysed') throw cannotAnalyse(file, outcome);
  const plugin = kindPlugin(outcome.result.kind ?? 'scom');
  if (!plugin?.simulate) throw new PooltopoError(`simulate does not support kind ${outcome.result.kind} yet`);
  const output = outputOf(values);
  const { text: raw, exitCode } = await plugin.simulate(outcome, {
    file: outcome.result.file,
    downs: (values['down'] as string[] | undefined) ?? [],
    partitions: (values['partition'] as string[] | undefined) ?? [],
    events: (values['event'] as string[] | undefined) ?? [],
    format,
    color: output === undefined && wantsColor(values, io),
  });
  // Names from the file, escaped in JSON as validate's JSON escapes them (stylish escapes its own).
  const text = format === 'json' ? escapeJsonForTerminal(raw) : raw;
  // Only once it answered: a simulation refused (exit 2) is one line on stderr.
  warnOfErrors(outcome, io, 'the simulation');
  await emit(text, output, io, readBy([file], config), writeOptions(values));
  return internalError([outcome.result], io) ?? exitCode;
}

/** Lints the one FILE a command works on: a directory or a glob is an error, whatever it finds. */
export async function lintOne(command: string, file: string, config: Config, io: Io, extra: Pick<ValidateOptions, 'policies' | 'onWarning'> = {}): Promise<LintOutcome> {
  // Without the policies (simulate and plan run none), the config's severities for them do not apply.
  const rules = extra.policies ? config.rules : Object.fromEntries(Object.entries(config.rules).filter(([id]) => ruleById(id)));
  // A file named to one of these commands is worked on even where the config's ignore would skip it.
  const outcomes = await validateOutcomes([file], { cwd: io.cwd, config, rules, ignore: [], policies: extra.policies ?? [], onWarning: extra.onWarning });
  const [outcome] = outcomes;
  if (outcomes.length !== 1 || path.resolve(io.cwd, outcome!.result.file) !== path.resolve(io.cwd, file)) {
    const found = outcomes.length === 0 ? 'no topology file' : `${outcomes.length} topology file${outcomes.length === 1 ? '' : 's'}`;
    throw new PooltopoError(`${command} needs one topology file; "${file}" is a directory or a glob (${found}; pooltopo validate lints several)`);
  }
  return outcome!;
}

/** Prints a problem met on the way (a link loop in a directory, an ignored file named) to stderr. */
function warnOn(io: Io): (message: string) => void {
  return (message) => io.stderr(`pooltopo: warning: ${oneLine(message)}\n`);
}

/** The --output file; undefined for standard output (no -o, or `-o -` as other tools take it). */
export function outputOf(values: Record<string, unknown>): string | undefined {
  const output = values['output'] as string | undefined;
  if (output === '') throw new PooltopoError('--output is an empty path (an unset variable?); name a file, or - for standard output');
  return output === '-' ? undefined : output;
}

/** The files a command read: its topology files and the config file, which -o must not replace. */
export function readBy(files: readonly string[], config: Config): string[] {
  return config.file !== undefined ? [...files, config.file] : [...files];
}

/** How `-o` may be written: through a link only with --follow-output-link. */
export function writeOptions(values: Record<string, unknown>): WriteOptions {
  return { followLink: values['follow-output-link'] === true };
}

/** Writes a command's output to `-o` (atomically, never over one of the files it read) or to stdout. */
export async function emit(text: string, output: string | undefined, io: Io, inputs: readonly string[], options: WriteOptions): Promise<void> {
  if (output === undefined) return io.stdout(text);
  refuseOverwritingInput(output, inputs, io.cwd);
  await writeFileAtomic(output, text, io.cwd, options);
}

/** --format of the commands that print stylish or json only. */
function stylishOrJson(values: Record<string, unknown>): 'stylish' | 'json' {
  const format = (values['format'] as string | undefined) ?? 'stylish';
  if (format !== 'stylish' && format !== 'json') throw new PooltopoError(`unknown format "${format}"; use stylish or json`);
  return format;
}

/**
 * simulate and plan work on a design whose errors leave it a model (an unknown reference, a
 * duplicate name): they say so on stderr, since their answer is for the design as read.
 */
function warnOfErrors(outcome: LintOutcome, io: Io, answer: string): void {
  const errors = outcome.result.findings.filter((f) => f.severity === 'error');
  const [first] = errors;
  // A rule that failed is told as the internal error it is, in one line (internalError).
  if (first === undefined || errors.some((f) => f.ruleId === INTERNAL_ERROR)) return;
  warnOn(io)(`"${outcome.result.file}" has ${plural(errors.length, 'error')}, the first at ${first.line}:${first.column}: ${first.message.replace(/\.$/, '')}; ${answer} is for the design as read (pooltopo validate shows every problem)`);
}

/** The one line for a file that has findings but no model (syntax or schema errors). */
function cannotAnalyse(file: string, outcome: LintOutcome): PooltopoError {
  const first = outcome.result.findings[0];
  return new PooltopoError(`"${file}" cannot be analysed${first ? `: ${first.file}:${first.line}:${first.column}: ${first.message}` : ''} (pooltopo validate shows every problem)`);
}

async function runPlan(values: Record<string, unknown>, positionals: string[], io: Io): Promise<number> {
  if (positionals.length !== 1) throw new PooltopoError('plan needs exactly one topology file (pooltopo plan --help)');
  const format = stylishOrJson(values);
  const raw = values['target-failures'] as string | undefined;
  if (raw !== undefined && !(/^[1-9]\d*$/.test(raw) && Number(raw) <= MAX_TARGET_TOLERABLE_FAILURES)) {
    throw new PooltopoError(`--target-failures must be a whole number from 1 to ${MAX_TARGET_TOLERABLE_FAILURES}, not "${raw}"`);
  }
  const file = positionals[0]!;
  const { outcome, config } = await modelOf('plan', file, values, io);
  const settings = { ...DEFAULT_SETTINGS, ...config.settings };
  const target = raw !== undefined ? Number(raw) : settings.targetTolerableFailures;
  const plugin = kindPlugin(outcome.result.kind ?? REGISTRY.defaultKind.id)!;
  const output = outputOf(values);
  const { text, exitCode } = await plugin.plan!(outcome, { file: outcome.result.file, targetFailures: target, settings, format, color: output === undefined && wantsColor(values, io) });
  await emit(text, output, io, readBy([file], config), writeOptions(values));
  return internalError([outcome.result], io) ?? exitCode;
}

/** `import SOURCE FILE...`: the kind's importer writes the topology file, to stdout or atomically to -o. */
async function runImport(values: Record<string, unknown>, positionals: string[], io: Io): Promise<number> {
  const [source, ...files] = positionals;
  const sources = IMPORTERS.map((i) => i.source);
  if (source === undefined) throw new PooltopoError(`import needs a source and its files: pooltopo import ${sources.join('|')} FILE... (pooltopo import --help)`);
  const importer = IMPORTERS.find((i) => i.source === source.toLowerCase());
  if (!importer) {
    const near = closest(source, sources);
    throw new PooltopoError(`unknown import source "${source}"${near.length ? `; did you mean "${near[0]}"?` : ''} (pooltopo imports ${list(sources)})`);
  }
  for (const key of Object.keys(values)) {
    if (key === 'output' || key === 'follow-output-link' || key === 'help' || Object.prototype.hasOwnProperty.call(importer.options, key)) continue;
    const owners = IMPORTERS.filter((i) => Object.prototype.hasOwnProperty.call(i.options, key)).map((i) => `import ${i.source}`);
    throw new PooltopoError(`--${key} is an option of ${list(owners)}, not of import ${importer.source} (pooltopo import --help)`);
  }
  if (files.length === 0) throw new PooltopoError(`import ${importer.source} needs the files to read (pooltopo import --help)`);
  const output = outputOf(values);
  const { text, read } = await importer.run({ files, options: values, cwd: io.cwd });
  await emit(text, output, io, read, writeOptions(values));
  if (output !== undefined) io.stderr(`pooltopo: wrote ${oneLine(output)}\n`);
  return 0;
}

/**
 * Exit code 2 where a rule failed on one of `files` (CLI.md: an internal error), told in one line
 * on standard error; the output, already written, has the internal-error finding beside every other
 * rule's. Undefined where none did.
 */
function internalError(files: readonly { readonly findings: readonly Finding[] }[], io: Io): 2 | undefined {
  const failed = files.flatMap((f) => f.findings.filter((x) => x.ruleId === INTERNAL_ERROR));
  const [first] = failed;
  if (first === undefined) return undefined;
  const more = failed.length > 1 ? ` (and ${plural(failed.length - 1, 'more rule failure')})` : '';
  io.stderr(`pooltopo: internal error: ${oneLine(`${first.file}:${first.line}:${first.column}: ${first.message.replace(/\.$/, '')}${more}.`)}\n`);
  return 2;
}

export function failOnOf(values: Record<string, unknown>): Severity {
  const failOn = (values['fail-on'] as string | undefined) ?? 'error';
  if (!SEVERITIES.includes(failOn as Severity)) {
    throw new PooltopoError(`--fail-on must be one of ${SEVERITIES.join(', ')}, not "${failOn}"`);
  }
  return failOn as Severity;
}

function failing(findings: readonly { severity: Severity }[], failOn: Severity): boolean {
  return findings.some((x) => atOrAbove(x.severity, failOn));
}

export async function configFor(values: Record<string, unknown>, io: Io): Promise<Config> {
  if (values['config'] === '') throw new PooltopoError('--config is an empty path (an unset variable?); name a config file, or use --no-config');
  if (values['no-config'] && values['config'] !== undefined) throw new PooltopoError('--config and --no-config say opposite things; give one of them');
  if (values['no-config']) return NO_CONFIG(io.cwd);
  return loadConfig(io.cwd, values['config'] as string | undefined, { onWarning: warnOn(io) });
}

function wantsColor(values: Record<string, unknown>, io: Io): boolean {
  if (values['no-color']) return false;
  if (values['color']) return true;
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  if (io.env['FORCE_COLOR'] !== undefined && io.env['FORCE_COLOR'] !== '0') return true;
  return io.isTTY;
}

type OptionSpecs = Readonly<Record<string, { readonly type: 'string' | 'boolean'; readonly short?: string }>>;

/** The commands that take an option, by its long (`--down`) or short (`-f`) name. */
function ownersOf(flag: string): string[] {
  return Object.entries(COMMANDS).filter(([, c]) => Object.entries(c.options as OptionSpecs).some(([long, spec]) => flag === `--${long}` || (spec.short !== undefined && flag === `-${spec.short}`))).map(([name]) => name);
}

/** "validate", "validate and report", "validate, report and plan". */
function list(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * parseArgs' complaint in pooltopo's words: an unknown option with the command's closest options
 * (or the command it belongs to), an option without its value said so; anything else as parseArgs
 * words it.
 */
function usageMessage(err: unknown, commandName: string, options: OptionSpecs): string {
  const message = err instanceof Error ? err.message : String(err);
  const unknown = /^Unknown option '(-{1,2}[^']*)'/.exec(message)?.[1];
  if (unknown !== undefined) {
    // --no-timestamp for a switch that is off unless given: said so, not "did you mean --timestamp?".
    const negated = /^--no-(.+)$/.exec(unknown)?.[1];
    if (negated !== undefined && own(options, negated)?.type === 'boolean') return `unknown option "${unknown}": --${negated} is off unless given`;
    const flags = Object.keys(options).map((o) => `--${o}`);
    const near = unknown.startsWith('--') ? closest(unknown, flags) : [];
    if (near.length > 0) return `unknown option "${unknown}"; did you mean ${near.map((n) => `"${n}"`).join(' or ')}?`;
    const owners = ownersOf(unknown).filter((c) => c !== commandName);
    if (owners.length > 0) return `unknown option "${unknown}"; ${list(owners)} ${owners.length === 1 ? 'takes' : 'take'} it, not ${commandName}`;
    return `unknown option "${unknown}"`;
  }
  const missing = /^Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(message)?.[1];
  if (missing !== undefined) return `${missing} needs a value`;
  return message.replace(/\. To specify a positional argument.*$/s, '').replace(/\s+/g, ' ').trim();
}

/**
 * A message as one line of standard error: line breaks as spaces, and control, bidirectional and
 * invisible characters (in a file or rule name from the command line or a folder) escaped, as
 * findings are on standard output, so that a name cannot rewrite the terminal.
 */
function oneLine(text: string): string {
  return escapeForTerminal(text.replace(/\s*\n\s*/g, ' '));
}

/** Text for standard output, each line escaped as oneLine escapes (a policy's id or description comes from the config). */
function escapeLines(text: string): string {
  return text.split('\n').map(escapeForTerminal).join('\n');
}
