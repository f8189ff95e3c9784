/**
 * The options several commands share (help, config, output, --fail-on, colour) and how their
 * values are read: each refuses a bad value with a usage error (exit 2) in one line.
 */
import { PooltopoError } from '../../util/errors.js';
import { refuseOverwritingInput, writeFileAtomic, type WriteOptions } from '../../io/files/write.js';
import { loadConfig } from '../../config/load.js';
import { NO_CONFIG, type Config } from '../../core/config.js';
import { SEVERITIES, atOrAbove, type Severity } from '../../core/rule.js';
import { warnOn, type Io, type Values } from './command.js';

export const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;
export const CONFIG_OPTIONS = { config: { type: 'string' }, 'no-config': { type: 'boolean' } } as const;
/** Where and how a command writes its text output. */
/** The help lines of the options a command that prints stylish or json takes with OUTPUT_OPTIONS and CONFIG_OPTIONS. */
export const STYLISH_OR_JSON_OPTIONS_HELP = `  -f, --format FORMAT       stylish or json (default: stylish)
  -o, --output FILE         write the output to FILE
      --follow-output-link  write -o through a symbolic link (refused by default)
      --config FILE / --no-config
      --color / --no-color  force colour on or off (default: on for a terminal, off with NO_COLOR)
  -h, --help                show this help
`;

export const OUTPUT_OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'follow-output-link': { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
} as const;

/** The --output file; undefined for standard output (no -o, or `-o -` as other tools take it). */
export function outputOf(values: Values): string | undefined {
  const output = values['output'] as string | undefined;
  if (output === '') throw new PooltopoError('--output is an empty path (an unset variable?); name a file, or - for standard output');
  return output === '-' ? undefined : output;
}

/** The files a command read: its topology files and the config file, which -o must not replace. */
export function readBy(files: readonly string[], config: Config): string[] {
  return config.file !== undefined ? [...files, config.file] : [...files];
}

/** How `-o` may be written: through a link only with --follow-output-link. */
export function writeOptions(values: Values): WriteOptions {
  return { followLink: values['follow-output-link'] === true };
}

/** Writes a command's output to `-o` (atomically, never over one of the files it read) or to stdout. */
export async function emit(text: string, output: string | undefined, io: Io, inputs: readonly string[], options: WriteOptions): Promise<void> {
  if (output === undefined) return io.stdout(text);
  refuseOverwritingInput(output, inputs, io.cwd);
  await writeFileAtomic(output, text, io.cwd, options);
}

/** --format of the commands that print stylish or json only. */
export function stylishOrJson(values: Values): 'stylish' | 'json' {
  const format = (values['format'] as string | undefined) ?? 'stylish';
  if (format !== 'stylish' && format !== 'json') throw new PooltopoError(`unknown format "${format}"; use stylish or json`);
  return format;
}

/** --fail-on LEVEL: a severity (default: error). */
export function failOnOf(values: Values): Severity {
  const failOn = (values['fail-on'] as string | undefined) ?? 'error';
  if (!SEVERITIES.includes(failOn as Severity)) {
    throw new PooltopoError(`--fail-on must be one of ${SEVERITIES.join(', ')}, not "${failOn}"`);
  }
  return failOn as Severity;
}

/** Whether any finding is at or above --fail-on. */
export function failing(findings: readonly { severity: Severity }[], failOn: Severity): boolean {
  return findings.some((x) => atOrAbove(x.severity, failOn));
}

/** The config of --config, none with --no-config, else .pooltopo.yaml found upward. */
export async function configFor(values: Values, io: Io): Promise<Config> {
  if (values['config'] === '') throw new PooltopoError('--config is an empty path (an unset variable?); name a config file, or use --no-config');
  if (values['no-config'] && values['config'] !== undefined) throw new PooltopoError('--config and --no-config say opposite things; give one of them');
  if (values['no-config']) return NO_CONFIG(io.cwd);
  return loadConfig(io.cwd, values['config'] as string | undefined, { onWarning: warnOn(io) });
}

/** Colour: --color/--no-color, else NO_COLOR and FORCE_COLOR, else whether stdout is a terminal. */
export function wantsColor(values: Values, io: Io): boolean {
  if (values['no-color']) return false;
  if (values['color']) return true;
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  if (io.env['FORCE_COLOR'] !== undefined && io.env['FORCE_COLOR'] !== '0') return true;
  return io.isTTY;
}
