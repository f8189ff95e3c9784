/**
 * What the commands that work on one topology share: lint it (one file, never a folder or a glob),
 * say on stderr where its errors make the answer one for the design as read, and exit 2 in one line
 * where a rule failed.
 */
import * as path from 'node:path';
import { PooltopoError } from '../../util/errors.js';
import { validateOutcomes, type ValidateOptions } from '../../api/validate.js';
import type { LintOutcome } from '../../api/lint.js';
import { ruleById } from '../../rules/index.js';
import { INTERNAL_ERROR } from '../../core/rules/internal-error.js';
import { plural } from '../../core/rule.js';
import type { Finding } from '../../kinds/results.js';
import type { Config } from '../../core/config.js';
import { oneLine, warnOn, type Io, type Values } from './command.js';
import { configFor } from './options.js';
import { REGISTRY } from '../../kinds/registry.js';

/** Lints the one FILE a command works on: a directory or a glob is an error, whatever it finds. */
export async function lintOne(
  command: string,
  file: string,
  config: Config,
  io: Io,
  extra: Pick<ValidateOptions, 'policies' | 'onWarning'> = {},
): Promise<LintOutcome> {
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

/** Lints FILE and returns its model, or fails with exit 2 when it has none (syntax or schema errors). */
export async function modelOf(command: string, file: string, values: Values, io: Io): Promise<{ outcome: LintOutcome; config: Config }> {
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

/**
 * simulate and plan work on a design whose errors leave it a model (an unknown reference, a
 * duplicate name): they say so on stderr, since their answer is for the design as read.
 */
export function warnOfErrors(outcome: LintOutcome, io: Io, answer: string): void {
  const errors = outcome.result.findings.filter((f) => f.severity === 'error');
  const [first] = errors;
  // A rule that failed is told as the internal error it is, in one line (internalError).
  if (first === undefined || errors.some((f) => f.ruleId === INTERNAL_ERROR)) return;
  warnOn(io)(
    `"${outcome.result.file}" has ${plural(errors.length, 'error')}, the first at ${first.line}:${first.column}: ${first.message.replace(/\.$/, '')}; ${answer} is for the design as read (pooltopo validate shows every problem)`,
  );
}

/** The one line for a file that has findings but no model (syntax or schema errors). */
export function cannotAnalyse(file: string, outcome: LintOutcome): PooltopoError {
  const first = outcome.result.findings[0];
  return new PooltopoError(
    `"${file}" cannot be analysed${first ? `: ${first.file}:${first.line}:${first.column}: ${first.message}` : ''} (pooltopo validate shows every problem)`,
  );
}

/**
 * Exit code 2 where a rule failed on one of `files` (CLI.md: an internal error), told in one line
 * on standard error; the output, already written, has the internal-error finding beside every other
 * rule's. Undefined where none did.
 */
export function internalError(files: readonly { readonly findings: readonly Finding[] }[], io: Io): 2 | undefined {
  const failed = files.flatMap((f) => f.findings.filter((x) => x.ruleId === INTERNAL_ERROR));
  const [first] = failed;
  if (first === undefined) return undefined;
  const more = failed.length > 1 ? ` (and ${plural(failed.length - 1, 'more rule failure')})` : '';
  io.stderr(`pooltopo: internal error: ${oneLine(`${first.file}:${first.line}:${first.column}: ${first.message.replace(/\.$/, '')}${more}.`)}\n`);
  return 2;
}
