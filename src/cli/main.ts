/**
 * The command line: the command table's dispatcher and exit codes. The only code that touches
 * process streams (through the `Io` it is given, so tests can run it in-process); each command is
 * a file of its own in commands/.
 */
import { parseArgs } from 'node:util';
import { PooltopoError } from '../util/errors.js';
import { closest } from '../util/suggest.js';
import { list, oneLine, type Io } from './shared/command.js';
import { pkg } from '../util/package-info.js';
import { COMMANDS, commandNamed, ownersOf } from './commands/index.js';
import { IMPORTERS } from './commands/import.js';
import { usageMessage } from './parse-errors.js';

export type { Io } from './shared/command.js';

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
      if (owners.length > 0)
        throw new PooltopoError(
          `"${name}" comes before the command: options go after it (pooltopo ${meant} ... ${name}; ${list(owners)} ${owners.length === 1 ? 'takes' : 'take'} it)`,
        );
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
      throw new PooltopoError(`${name}: ${usageMessage(err, rest, name, command)} (pooltopo ${name} --help)`);
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
