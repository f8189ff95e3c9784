/**
 * parseArgs' complaint in pooltopo's words. Which complaint comes from the error's `code`; which
 * option it is about comes from parsing the same arguments again without `strict` and finding the
 * first token that strict parsing refuses for that reason, so nothing depends on Node's English.
 */
import { parseArgs } from 'node:util';
import { closest } from '../util/suggest.js';
import { own } from '../util/own.js';
import { list, type Command } from './shared/command.js';
import { ownersOf } from './commands/index.js';

type OptionSpec = { readonly type: 'string' | 'boolean'; readonly short?: string };
type OptionSpecs = Readonly<Record<string, OptionSpec>>;
interface Token {
  readonly kind: string;
  readonly name?: string;
  readonly rawName?: string;
  readonly value?: string | undefined;
  readonly inlineValue?: boolean | undefined;
}

/** The message (without the command's name and help pointer) for parseArgs' error `err`. */
export function usageMessage(err: unknown, args: readonly string[], commandName: string, command: Command): string {
  const options = command.options as OptionSpecs;
  const code = (err as { code?: unknown } | null)?.code;
  const tokens = (parseArgs({ args: [...args], options: command.options, allowPositionals: true, strict: false, tokens: true }).tokens ??
    []) as readonly Token[];
  const spec = (t: Token): OptionSpec | undefined => (t.name === undefined ? undefined : own(options, t.name));
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const token = tokens.find((t) => t.kind === 'option' && spec(t) === undefined);
    if (token?.rawName !== undefined) return unknownOption(token.rawName, commandName, options);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const token = tokens.find((t) => t.kind === 'option' && invalidValue(t, spec(t)));
    const option = token && spec(token);
    if (token?.rawName !== undefined && token.name !== undefined && option !== undefined) {
      const named = `${option.short !== undefined ? `-${option.short}, ` : ''}--${token.name}`;
      if (option.type === 'boolean') return `Option '${named}' does not take an argument`;
      if (token.value === undefined) return `--${token.name} needs a value`;
      // A value that looks like an option: the wording parseArgs gave it, in one line.
      const short = token.rawName.startsWith('--') ? '' : ` or '${token.rawName}-XYZ'`;
      return `Option '${token.rawName}' argument is ambiguous. Did you forget to specify the option argument for '${token.rawName}'? To specify an option argument starting with a dash use '--${token.name}=-XYZ'${short}.`;
    }
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const token = tokens.find((t) => t.kind === 'positional');
    if (token?.value !== undefined) return `Unexpected argument '${token.value}'. This command does not take positional arguments`;
  }
  // Not one of parseArgs' usage errors: let it through as the internal error it is.
  throw err;
}

/** Whether strict parsing refuses this option token's value: a switch given one, or an option without one. */
function invalidValue(token: Token, spec: OptionSpec | undefined): boolean {
  if (spec === undefined) return false;
  if (spec.type === 'boolean') return token.inlineValue === true;
  // A value strict parsing would take for an option (`--format --help`) unless given as `--format=-x`.
  return token.value === undefined || (token.inlineValue !== true && token.value.length > 1 && token.value.startsWith('-'));
}

/** An unknown option with the command's closest options, the command it belongs to, or what its --no- form means. */
function unknownOption(unknown: string, commandName: string, options: OptionSpecs): string {
  // --no-timestamp for a switch that is off unless given: said so, not "did you mean --timestamp?".
  const negated = /^--no-(.+)$/.exec(unknown)?.[1];
  if (negated !== undefined && own(options, negated)?.type === 'boolean') return `unknown option "${unknown}": --${negated} is off unless given`;
  const flags = Object.keys(options).map((o) => `--${o}`);
  const near = unknown.startsWith('--') ? closest(unknown, flags) : [];
  if (near.length > 0) return `unknown option "${unknown}"; did you mean ${near.map((n) => `"${n}"`).join(' or ')}?`;
  const owners = ownersOf(unknown).filter((c) => c !== commandName);
  if (owners.length > 0) return `unknown option "${unknown}"; ${list(owners)} ${owners.length === 1 ? 'takes' : 'take'} it, not ${commandName}`;
  return `unknown option "${unknown}"`;
}
