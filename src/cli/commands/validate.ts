/** `pooltopo validate FILE|DIR|GLOB...`: lint topology files and print findings in one format or several. */
import { PooltopoError } from '../../util/errors.js';
import { FORMAT_NAMES, FORMATS, type FormatName } from '../../formatters/index.js';
import { decodeText, DEFAULT_READ_LIMITS, type FileIdentity } from '../../io/files/read.js';
import { checkWritable, refuseOverwritingInput } from '../../io/files/write.js';
import { validate, type ValidateOptions } from '../../api/validate.js';
import { plural } from '../../core/rule.js';
import type { Config } from '../../core/config.js';
import { describeRules } from '../../rules/descriptors.js';
import { ignoreMatcher } from '../../io/files/ignore.js';
import { NO_NODES, SourceMap } from '../../io/yaml/source-map.js';
import { syntaxOutcome } from '../../api/lint.js';
import { summarise, type Results } from '../../kinds/results.js';
import { outputPairs, readStandardInput, repoPathFn, repositoryLinks, repositoryRoot, type OptionToken } from '../shared/outputs.js';
import { oneLine, warnOn, type Command, type Io, type Values } from '../shared/command.js';
import { pkg } from '../../util/package-info.js';
import { CONFIG_OPTIONS, HELP_OPTION, OUTPUT_OPTIONS, configFor, emit, failOnOf, failing, readBy, wantsColor, writeOptions } from '../shared/options.js';
import { internalError } from '../shared/outcome.js';

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

export const validateCommand: Command = {
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
};

async function runValidate(values: Values, positionals: string[], io: Io, tokens: readonly OptionToken[] = []): Promise<number> {
  if (positionals.length === 0)
    throw new PooltopoError('validate needs at least one file, directory or glob, or - for standard input (pooltopo validate --help)');
  const outputs = outputPairs(tokens);
  for (const { format } of outputs) {
    if (!FORMAT_NAMES.includes(format as FormatName)) throw new PooltopoError(`unknown format "${format}"; use one of ${FORMAT_NAMES.join(', ')}`);
  }
  const failOn = failOnOf(values);
  const maxWarnings = maxWarningsOf(values);
  const quiet = values['quiet'] === true;
  const config = await configFor(values, io);
  // Each input's device and inode from its read, for the check that -o is none of them.
  const readIdentities = new Map<string, FileIdentity>();
  const options: ValidateOptions = {
    cwd: io.cwd,
    config,
    reportUnusedDisable: values['report-unused-disable'] === true,
    errorOnUnmatchedPattern: values['no-error-on-unmatched-pattern'] !== true,
    onWarning: warnOn(io),
    onRead: (file, identity) => readIdentities.set(file, identity),
    ...(io.onBatch ? { onStart: io.onBatch } : {}),
    ...(values['debug']
      ? { onSkipped: (file: string) => io.stderr(`pooltopo: debug: skipped ${oneLine(JSON.stringify(file))}: it has none of any kind's top-level keys\n`) }
      : {}),
  };
  const stdinName = values['stdin-filename'] as string | undefined;
  if (stdinName !== undefined && !positionals.includes('-')) throw new PooltopoError('--stdin-filename names standard input: give - as the file too');
  const all = positionals.includes('-') ? await validateStdin(positionals, stdinName, options, config, io) : await validate(positionals, options);
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
  const inputs = readBy(
    results.files.map((f) => f.file).filter((f) => f !== stdinName),
    config,
  );
  // Every output is checked before any is written: a refused one (a planted link) leaves none written.
  for (const { output } of outputs) {
    if (output === undefined) continue;
    refuseOverwritingInput(output, inputs, io.cwd, readIdentities);
    checkWritable(output, io.cwd, writeOptions(values));
  }
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
function maxWarningsOf(values: Values): number | undefined {
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
    const outcome = syntaxOutcome(
      file,
      new SourceMap('', NO_NODES),
      [{ message: `standard input is larger than the ${limit.toLocaleString('en-US')} bytes pooltopo reads`, offset: 0 }],
      lintOptions,
    );
    return { version: 1, files: [outcome.result], summary: summarise([outcome.result]) };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    const outcome = syntaxOutcome(
      file,
      new SourceMap(decoded.text, NO_NODES),
      [{ message: decoded.message.replace('the file', 'standard input'), offset: decoded.offset }],
      lintOptions,
    );
    return { version: 1, files: [outcome.result], summary: summarise([outcome.result]) };
  }
  return validate([{ file, text: decoded.text }], options);
}
