/** `pooltopo simulate FILE --down NAMES`: what works when servers or data centres are down, or the network splits. */
import { PooltopoError } from '../../errors.js';
import { escapeJsonForTerminal } from '../../formatters/text.js';
import { kindPlugin } from '../../kinds/registry.js';
import type { Command, Io, Values } from '../shared/command.js';
import { CONFIG_OPTIONS, HELP_OPTION, OUTPUT_OPTIONS, configFor, emit, outputOf, readBy, stylishOrJson, wantsColor, writeOptions } from '../shared/options.js';
import { cannotAnalyse, internalError, lintOne, warnOfErrors } from '../shared/outcome.js';

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

export const simulateCommand: Command = {
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
};

async function runSimulate(values: Values, positionals: string[], io: Io): Promise<number> {
  if (positionals.length !== 1) throw new PooltopoError('simulate needs exactly one topology file (pooltopo simulate --help)');
  const format = stylishOrJson(values);
  const file = positionals[0]!;
  const config = await configFor(values, io);
  const outcome = await lintOne('simulate', file, config, io);
  if (!outcome.topology && !outcome.skype && !outcome.opcon) throw cannotAnalyse(file, outcome);
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

