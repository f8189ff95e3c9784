/** The project configuration (.pooltopo.yaml), once read and checked. */
import type { RuleSetting } from '../lint.js';
import type { CompiledPolicy } from '../policies/types.js';
import type { Settings } from '../settings.js';
import type { ParseLimits } from '../io/parse.js';
import type { ReadLimits } from '../io/files.js';

export interface Config {
  /** The file it came from, or undefined when there is none. */
  readonly file?: string;
  /** The directory `ignore` globs are relative to. */
  readonly dir: string;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly settings: Partial<Settings>;
  readonly ignore: readonly string[];
  readonly policies: readonly CompiledPolicy[];
  /** Bounds on what a file may be (size, depth, alias expansion, servers). */
  readonly limits: Partial<ParseLimits & ReadLimits>;
}

export const NO_CONFIG = (dir: string): Config => ({ dir, rules: {}, settings: {}, ignore: [], policies: [], limits: {} });

export const CONFIG_FILE_NAMES = ['.pooltopo.yaml', '.pooltopo.yml'] as const;
