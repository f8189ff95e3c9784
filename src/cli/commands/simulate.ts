/** `pooltopo simulate FILE --down NAMES`: what works when servers or data centres are down, or the network splits. */
import { PooltopoError } from '../../util/errors.js';
import { escapeJsonForTerminal } from '../../util/text.js';
import { kindPlugin, REGISTRY } from '../../kinds/registry.js';
import type { Command, Io, Values } from '../shared/command.js';
import {
  CONFIG_OPTIONS,
  HELP_OPTION,
  OUTPUT_OPTIONS,
  STYLISH_OR_JSON_OPTIONS_HELP,
  configFor,
  emit,
  outputOf,
  readBy,
  stylishOrJson,
  wantsColor,
  writeOptions,
} from '../shared/options.js';
import { cannotAnalyse, internalError, lintOne, warnOfErrors } from '../shared/outcome.js';

const SIMULATE_USAGE = `Usage: pooltopo simulate FILE --down NAME[,NAME...] [--down ...] | --partition SIDE|SIDE [options]

${REGISTRY.kinds.flatMap((k) => (k.help?.simulate ? [k.help.simulate] : [])).join('\n\n')}

Options:
      --down NAMES          servers or data centres down (repeatable: one scenario each)
      --partition SIDES     split the network into sides
      --event EVENT         for kind opcon-failover: abnormal-shutdown, normal-shutdown, communication-loss or machine-crash
${STYLISH_OR_JSON_OPTIONS_HELP}`;

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
