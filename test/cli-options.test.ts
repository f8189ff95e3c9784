/**
 * parseArgs' errors in pooltopo's words, chosen by the error's code and the token it is about (never
 * by Node's English): one line, exit 2, whatever the option's form (long, short, grouped, inline).
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

const CASES: readonly (readonly [string[], string])[] = [
  // ERR_PARSE_ARGS_UNKNOWN_OPTION
  [['validate', 'x.yaml', '--fromat', 'json'], 'validate: unknown option "--fromat"; did you mean "--format"?'],
  [['validate', 'x.yaml', '-x'], 'validate: unknown option "-x"'],
  [['validate', 'x.yaml', '-qx'], 'validate: unknown option "-q"'],
  [['report', 'x.yaml', '--no-timestamp'], 'report: unknown option "--no-timestamp": --timestamp is off unless given'],
  [['report', 'x.yaml', '-f', 'json'], 'report: unknown option "-f"; validate, simulate, plan and diff take it, not report'],
  [['plan', 'x.yaml', '--down=ms01'], 'plan: unknown option "--down"; simulate takes it, not plan'],
  // ERR_PARSE_ARGS_INVALID_OPTION_VALUE: a value missing, given to a switch, or that looks like an option
  [['validate', 'x.yaml', '-o'], 'validate: --output needs a value'],
  [['validate', 'x.yaml', '--format'], 'validate: --format needs a value'],
  [['validate', 'x.yaml', '-hf'], 'validate: --format needs a value'],
  [['validate', 'x.yaml', '--quiet=yes'], "validate: Option '--quiet' does not take an argument"],
  [['validate', 'x.yaml', '--help=1'], "validate: Option '-h, --help' does not take an argument"],
  [
    ['validate', 'x.yaml', '--format', '--quiet'],
    "validate: Option '--format' argument is ambiguous. Did you forget to specify the option argument for '--format'? To specify an option argument starting with a dash use '--format=-XYZ'.",
  ],
  [
    ['validate', 'x.yaml', '-f', '-q'],
    "validate: Option '-f' argument is ambiguous. Did you forget to specify the option argument for '-f'? To specify an option argument starting with a dash use '--format=-XYZ' or '-f-XYZ'.",
  ],
  // ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL
  [['schema', 'extra'], "schema: Unexpected argument 'extra'. This command does not take positional arguments"],
];

describe('option errors', () => {
  it.each(CASES)('%j', async (args, message) => {
    const command = args[0]!;
    expect(await runCli([...args])).toEqual({ code: 2, stdout: '', stderr: `pooltopo: ${message} (pooltopo ${command} --help)\n` });
  });

  it('takes what only looks like an option where it is a value', async () => {
    // `-o -` is standard output; `--format=-x` is a value (an unknown format, not an unknown option).
    expect((await runCli(['validate', 'examples/single-dc/topology.yaml', '--format=-x'])).stderr).toMatch(/^pooltopo: unknown format "-x"/);
  });
});
