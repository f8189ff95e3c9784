/** `pooltopo plan FILE`: the smallest change per pool to reach the target tolerable failures, by the file's kind (SCOM's today). */
import { PooltopoError } from '../../util/errors.js';
import { kindPlugin, REGISTRY } from '../../kinds/registry.js';
import { DEFAULT_SETTINGS, MAX_TARGET_TOLERABLE_FAILURES } from '../../core/settings.js';
import type { Command, Io, Values } from '../shared/command.js';
import {
  CONFIG_OPTIONS,
  HELP_OPTION,
  OUTPUT_OPTIONS,
  STYLISH_OR_JSON_OPTIONS_HELP,
  emit,
  outputOf,
  readBy,
  stylishOrJson,
  wantsColor,
  writeOptions,
} from '../shared/options.js';
import { internalError, modelOf } from '../shared/outcome.js';

const PLAN_USAGE = `Usage: pooltopo plan FILE [--target-failures N] [options]

${REGISTRY.kinds.flatMap((k) => (k.plan && k.help?.plan ? [k.help.plan] : [])).join('\n\n')}

Options:
      --target-failures N   tolerable failures every pool should reach (default: the config's
                            settings.targetTolerableFailures, else 1)
${STYLISH_OR_JSON_OPTIONS_HELP}`;

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
  // modelOf let through only a kind that plans.
  const plugin = kindPlugin(outcome.result.kind ?? REGISTRY.defaultKind.id)!;
  const output = outputOf(values);
  const { text, exitCode } = await plugin.plan!(outcome, {
    file: outcome.result.file,
    targetFailures: target,
    settings,
    format,
    color: output === undefined && wantsColor(values, io),
  });
  await emit(text, output, io, readBy([file], config), writeOptions(values));
  return internalError([outcome.result], io) ?? exitCode;
}
