/** The project configuration (.pooltopo.yaml), once read and checked. */
import type { RuleSetting } from './pipeline.js';
import type { CompiledPolicy } from './policy.js';
import type { Settings } from './settings.js';
import type { ParseLimits } from '../io/yaml/parse.js';
import type { ReadLimits } from '../io/files/read.js';

/**
 * A project configuration (`.pooltopo.yaml`) as `loadConfig` read and checked it. Pass it to
 * `validate` as `{ config }`: its `ignore` globs are relative to `dir`, which the options' `cwd` is not.
 */
export interface Config {
  /**
   * The config file's path as its messages show it: as given to `loadConfig` (`explicit`, relative
   * to its `cwd` or absolute), else relative to that `cwd`; undefined when there is no config file.
   */
  readonly file?: string;
  /** The directory `ignore` globs are relative to: the config file's, or without one the `cwd` given to `loadConfig`. */
  readonly dir: string;
  /** Severities by rule or policy id (`off`, `info`, `warning`, `error`). */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Thresholds that replace the sources' recommendations. */
  readonly settings: Partial<Settings>;
  /** Globs of files `validate` leaves out, relative to `dir`, read as .gitignore reads its own. */
  readonly ignore: readonly string[];
  /** The config's own rules, compiled. */
  readonly policies: readonly CompiledPolicy[];
  /** Bounds on what a file may be (size, depth, alias expansion, servers). */
  readonly limits: Partial<ParseLimits & ReadLimits>;
}

export const NO_CONFIG = (dir: string): Config => ({ dir, rules: {}, settings: {}, ignore: [], policies: [], limits: {} });

export const CONFIG_FILE_NAMES = ['.pooltopo.yaml', '.pooltopo.yml'] as const;
