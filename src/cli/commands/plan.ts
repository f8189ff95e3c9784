/** `pooltopo plan FILE`: the smallest change per pool to reach the target tolerable failures (SCOM). */
import { PooltopoError } from '../../errors.js';
import { escapeJsonForTerminal } from '../../formatters/text.js';
import { DEFAULT_SETTINGS, MAX_TARGET_TOLERABLE_FAILURES } from '../../settings.js';
import type { Command, Io, Values } from '../shared/command.js';
import { CONFIG_OPTIONS, HELP_OPTION, OUTPUT_OPTIONS, emit, outputOf, readBy, stylishOrJson, wantsColor, writeOptions } from '../shared/options.js';
import { internalError, modelOf } from '../shared/outcome.js';

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

export const planCommand: Command = {
  usage: PLAN_USAGE,
  allowPositionals: true,
  options: {
    ...HELP_OPTION,
    ...OUTPUT_OPTIONS,
    ...CONFIG_OPTIONS,
    'target-failures': { type: 'string' },
  },
  run: runPlan,
};

async function runPlan(values: Values, positionals: string[], io: Io): Promise<number> {
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
  const topology = outcome.topology!;
  const { planForPool } = await import('../../kinds/scom/analysis/plan.js');
  const { headroom } = await import('../../kinds/scom/analysis/headroom.js');
  const { limitsFor } = await import('../../kinds/scom/analysis/capacity.js');
  const limits = limitsFor(topology.scomVersion);
  const pools = topology.pools.map((p) => planForPool(p, limits, target, settings.databaseObserverLoadMembers));
  const { formatPlanJson, formatPlanStylish } = await import('../../formatters/plan.js');
  const report = { file: outcome.result.file, targetFailures: target, pools, headroom: headroom(topology, outcome.analysis!) };
  const output = outputOf(values);
  const text = format === 'json' ? escapeJsonForTerminal(formatPlanJson(report)) : formatPlanStylish(report, output === undefined && wantsColor(values, io));
  await emit(text, output, io, readBy([file], config), writeOptions(values));
  const internal = internalError([outcome.result], io);
  if (internal !== undefined) return internal;
  // Servers to add (addManagementServers) means the agents do not fit, which `fits` says already.
  return pools.some((p) => !p.meetsTarget) || !report.headroom.fits ? 1 : 0;
}

