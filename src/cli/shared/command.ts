/**
 * What every command is given and shares: the `Io` it writes through (so tests run the CLI
 * in-process), the shape of a command, and the one-line wording of what goes to standard error.
 */
import type { ParseArgsConfig } from 'node:util';
import { escapeForTerminal } from '../../util/text.js';
import type { OptionToken } from './outputs.js';

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

/** A command's parsed options, by long name. */
export type Values = Record<string, unknown>;

/** One command of the table: its help, its options for parseArgs, and what it does. */
export interface Command {
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  readonly allowPositionals: boolean;
  run(values: Values, positionals: string[], io: Io, tokens: readonly OptionToken[]): Promise<number>;
}

/** Prints a problem met on the way (a link loop in a directory, an ignored file named) to stderr. */
export function warnOn(io: Io): (message: string) => void {
  return (message) => io.stderr(`pooltopo: warning: ${oneLine(message)}\n`);
}

/** "validate", "validate and report", "validate, report and plan". */
export function list(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * A message as one line of standard error: line breaks as spaces, and control, bidirectional and
 * invisible characters (in a file or rule name from the command line or a folder) escaped, as
 * findings are on standard output, so that a name cannot rewrite the terminal.
 */
export function oneLine(text: string): string {
  return escapeForTerminal(text.replace(/\s*\n\s*/g, ' '));
}

/** Text for standard output, each line escaped as oneLine escapes (a policy's id or description comes from the config). */
export function escapeLines(text: string): string {
  return text.split('\n').map(escapeForTerminal).join('\n');
}
