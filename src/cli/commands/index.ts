/** The command table: each command's help, options and run, one file each beside this one. */
import type { Command } from '../shared/command.js';
import { diffCommand } from './diff.js';
import { importCommand } from './import.js';
import { planCommand } from './plan.js';
import { reportCommand } from './report.js';
import { rulesCommand } from './rules.js';
import { schemaCommand } from './schema.js';
import { simulateCommand } from './simulate.js';
import { validateCommand } from './validate.js';

/** In the order the help lists them (and messages that name several commands). */
export const COMMANDS: Readonly<Record<string, Command>> = {
  validate: validateCommand,
  report: reportCommand,
  simulate: simulateCommand,
  plan: planCommand,
  diff: diffCommand,
  import: importCommand,
  rules: rulesCommand,
  schema: schemaCommand,
};

/** The command called `name`; own keys only, so `constructor` or `__proto__` is no command. */
export function commandNamed(name: string): Command | undefined {
  return Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
}

type OptionSpecs = Readonly<Record<string, { readonly type: 'string' | 'boolean'; readonly short?: string }>>;

/** The commands that take an option, by its long (`--down`) or short (`-f`) name. */
export function ownersOf(flag: string): string[] {
  return Object.entries(COMMANDS)
    .filter(([, c]) =>
      Object.entries(c.options as OptionSpecs).some(([long, spec]) => flag === `--${long}` || (spec.short !== undefined && flag === `-${spec.short}`)),
    )
    .map(([name]) => name);
}
