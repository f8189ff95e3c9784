/**
 * `validate` and `validateOutcomes`: lint paths, directories, globs and texts as `pooltopo validate`
 * does (the CLI is a thin shell over them), the config's ignore and limits applied.
 */
import { PooltopoError } from '../util/errors.js';
import type { ParseLimits } from '../io/yaml/parse.js';
import { expandPatterns } from '../io/files/expand.js';
import { workingDirectory } from '../io/files/errors.js';
import { DEFAULT_READ_LIMITS, readTopologyFile, type FileIdentity, type ReadLimits, type ReadResult } from '../io/files/read.js';
import { ignoreListProblem, ignoreMatcher } from '../io/files/ignore.js';
import { NO_NODES, SourceMap } from '../io/yaml/source-map.js';
import { checkLintOptions, checkOptionKeys, lintText, syntaxOutcome, type LintOptions, type LintOutcome } from './lint.js';
import { summarise, type Results } from '../kinds/results.js';
import type { Config } from '../core/config.js';

/** A topology given as text rather than as a path (read by the caller, from an editor or from git). */
export interface TextInput {
  /** The name the findings give the file; nothing is read from it. */
  readonly file: string;
  /** The topology's YAML (or JSON). */
  readonly text: string;
}

export interface ValidateOptions extends LintOptions {
  /** Where relative paths start (default: the process's working directory). */
  readonly cwd?: string | undefined;
  /**
   * A project configuration, as `loadConfig` returns it: its `rules`, `settings`, `policies`,
   * `limits` and `ignore` (relative to its `dir`) apply, as they do for `pooltopo validate`. Each of
   * those options given beside it replaces the config's (`ignore: []` ignores nothing).
   */
  readonly config?: Config | undefined;
  /** Not an option: a `Config` goes in `config`, where its `ignore` is taken relative to its `dir`. */
  readonly dir?: undefined;
  /** Globs of files to leave out, relative to `ignoreBase`. */
  readonly ignore?: readonly string[] | undefined;
  /** Where `ignore` globs start (default: `cwd`, or the config's `dir` for the config's `ignore`). */
  readonly ignoreBase?: string | undefined;
  /**
   * Parse limits, and `maxFileBytes` as well (a config's `limits` as they are). `maxFileBytes` bounds
   * the files read from disk, which are measured before they are read; a `TextInput` is already in
   * memory, so it bounds no text.
   */
  readonly limits?: Partial<ParseLimits & ReadLimits> | undefined;
  /** Read limits; `maxFileBytes` here wins over the one in `limits`. */
  readonly read?: Partial<ReadLimits> | undefined;
  /**
   * Called for problems that do not stop the run: a link loop met while walking a directory, an
   * ignored file named, and what `errorOnUnmatchedPattern: false` lets pass.
   */
  readonly onWarning?: ((message: string) => void) | undefined;
  /** Called once with the number of files and texts to lint, before the first is linted. */
  readonly onStart?: ((count: number) => void) | undefined;
  /**
   * Called with each file read from disk, named as its result names it, and its device and inode
   * as the read found them: a caller that must not write over an input needs no lookup of its own.
   */
  readonly onRead?: ((file: string, identity: FileIdentity) => void) | undefined;
  /**
   * Whether a glob that matches no file, a directory that holds no `*.yaml`/`*.yml` file, or inputs
   * whose every file `ignore` leaves out, stop the run (true, the default) or are only told to
   * `onWarning` (false, as ESLint's option of the same name). A path that does not exist stops the
   * run either way.
   */
  readonly errorOnUnmatchedPattern?: boolean | undefined;
  /**
   * Told of each file met while walking a directory or a glob that has none of any kind's
   * top-level keys (another tool's YAML): it is skipped, not linted. A file named is always linted.
   */
  readonly onSkipped?: ((file: string) => void) | undefined;
}

/**
 * Lints topology files: paths, directories and globs (expanded as `pooltopo validate` does) or
 * texts, and returns CLI.md's JSON shape: every file's result sorted by file, and the summary.
 * Anything wrong in a file is a finding in its result (a file too large, not UTF-8, not YAML, or not
 * a topology); a link loop met while walking a directory is told to `onWarning` (its files are read
 * once). What stops the run is a `PooltopoError` (`exitCode` 2), thrown when:
 * - `options` is not an object, has a key this function does not take (a misspelt `rule`, a
 *   `Config` passed as the options rather than as `{ config }`), or holds what a config file could
 *   not: an unknown rule id or setting, a severity, setting or limit of the wrong type or out of
 *   bounds, a change to `yaml-syntax`, `schema` or `internal-error`, or a policy loadConfig did not compile;
 * - a path given, or a `*.yaml`/`*.yml` name or folder met while walking a directory or a glob,
 *   does not exist (a link to nothing), cannot be read, or is not a regular file or directory (a
 *   device, socket or pipe);
 * - a glob matches no file, or a directory holds no `*.yaml`/`*.yml` file, even beside other
 *   inputs that do (unless `errorOnUnmatchedPattern` is false);
 * - every file given is left out by `ignore` (and no text is given; unless
 *   `errorOnUnmatchedPattern` is false).
 * Any other error is a bug in pooltopo.
 */
export async function validate(inputs: ReadonlyArray<string | TextInput>, options: ValidateOptions = {}): Promise<Results> {
  // Only each file's result is kept: a thousand files' models and analyses, held to the end, would
  // all survive into the old generation and cost the garbage collector more than the linting.
  let skipped = 0;
  const files = await lintInputs(
    inputs,
    options,
    (o) => o.result,
    (r) => r.file,
    () => {
      skipped++;
    },
  );
  const summary = summarise(files);
  return { version: 1, files, summary: skipped > 0 ? { ...summary, skipped } : summary };
}

/**
 * Like `validate`, but each file's whole `LintOutcome`: its result beside its kind's model and
 * analyses (`topology` and `analysis`, `skype`, `opcon`), sorted by file. Throws as `validate` does.
 */
export async function validateOutcomes(inputs: ReadonlyArray<string | TextInput>, options: ValidateOptions = {}): Promise<LintOutcome[]> {
  return lintInputs(
    inputs,
    options,
    (o) => o,
    (o) => o.result.file,
  );
}

/** Every option validate takes (`dir` only to tell a Config passed as the options). */
const VALIDATE_OPTION_KEYS = {
  cwd: true,
  config: true,
  ignore: true,
  ignoreBase: true,
  limits: true,
  read: true,
  onWarning: true,
  onStart: true,
  onRead: true,
  rules: true,
  settings: true,
  policies: true,
  reportUnusedDisable: true,
  errorOnUnmatchedPattern: true,
  onSkipped: true,
} satisfies Record<Exclude<keyof ValidateOptions, 'dir'>, true>;

/**
 * Throws PooltopoError for inputs or options of the wrong type, which would otherwise fail deep
 * inside as a TypeError: `validate('topologies/')` for `validate(['topologies/'])`, say.
 */
function checkInputsAndOptions(inputs: unknown, options: ValidateOptions): void {
  if (!Array.isArray(inputs)) throw new PooltopoError("inputs must be a list of paths, globs or { file, text } (validate(['topologies/']))");
  for (const [i, input] of inputs.entries()) {
    const text = input as Partial<TextInput> | null;
    if (typeof input !== 'string' && (typeof text?.file !== 'string' || typeof text.text !== 'string')) {
      throw new PooltopoError(`inputs[${i}]: a path, a glob or { file, text } with both strings`);
    }
  }
  const wrong = (key: string, what: string) => {
    throw new PooltopoError(`options.${key}: must be ${what}`);
  };
  const o = options as Record<string, unknown>;
  for (const key of ['cwd', 'ignoreBase'] as const) if (o[key] !== undefined && typeof o[key] !== 'string') wrong(key, 'a string');
  for (const key of ['onWarning', 'onStart', 'onRead', 'onSkipped'] as const)
    if (o[key] !== undefined && typeof o[key] !== 'function') wrong(key, 'a function');
  if (o['errorOnUnmatchedPattern'] !== undefined && typeof o['errorOnUnmatchedPattern'] !== 'boolean') wrong('errorOnUnmatchedPattern', 'true or false');
  if (o['ignore'] !== undefined && !(Array.isArray(o['ignore']) && o['ignore'].every((g) => typeof g === 'string'))) wrong('ignore', 'a list of globs');
  const config = o['config'] as Partial<Config> | null | undefined;
  if (
    config !== undefined &&
    (config === null || typeof config.dir !== 'string' || !Array.isArray(config.ignore) || !Array.isArray(config.policies) || typeof config.rules !== 'object')
  ) {
    wrong('config', 'a Config as loadConfig returns it');
  }
}

/**
 * Files are read ahead of the linting, a chunk at a time (up to READ_AHEAD_FILES files or about
 * READ_AHEAD_CHARS characters of text, whichever comes first), rather than one read per file
 * between two files' linting: alternating system calls and JavaScript costs both more
 * (docs/PERFORMANCE.md). The bounds keep what is held to READ_AHEAD_CHARS and one more file (at
 * most maxFileBytes) whatever the folder.
 */
const READ_AHEAD_FILES = 1024;
const READ_AHEAD_CHARS = 4 * 1024 * 1024;

/** Lints every input and keeps what `keep` takes from each outcome, sorted by file. */
async function lintInputs<T>(
  inputs: ReadonlyArray<string | TextInput>,
  options: ValidateOptions,
  keep: (outcome: LintOutcome) => T,
  fileOf: (kept: T) => string,
  countSkipped: () => void = () => {},
): Promise<T[]> {
  checkOptionKeys(options, VALIDATE_OPTION_KEYS, true);
  checkInputsAndOptions(inputs, options);
  const cwd = options.cwd ?? workingDirectory();
  const config = options.config;
  const limits: Partial<ParseLimits & ReadLimits> = { ...(options.limits ?? config?.limits), ...options.read };
  // One object for every file, checked once: the options given, else the config's.
  const lint: LintOptions = {
    rules: options.rules ?? config?.rules,
    settings: options.settings ?? config?.settings,
    policies: options.policies ?? config?.policies,
    limits,
    reportUnusedDisable: options.reportUnusedDisable,
  };
  await checkLintOptions(lint);
  const patterns = inputs.filter((i): i is string => typeof i === 'string');
  const texts = inputs.filter((i): i is TextInput => typeof i !== 'string');
  const errorOnUnmatched = options.errorOnUnmatchedPattern ?? true;
  const expanded = patterns.length > 0 ? await expandPatterns(patterns, cwd, errorOnUnmatched) : { files: [], explicit: new Set<string>(), warnings: [] };
  for (const w of expanded.warnings) options.onWarning?.(w);
  const ignoreBase = options.ignoreBase ?? (options.ignore === undefined ? config?.dir : undefined) ?? cwd;
  const globs = options.ignore ?? config?.ignore ?? [];
  const ignoreProblem = ignoreListProblem(globs);
  if (ignoreProblem) throw new PooltopoError(`${options.ignore ? 'options' : 'config'}.ignore[${ignoreProblem.index}]: ${ignoreProblem.problem}`);
  const ignored = ignoreMatcher(globs, ignoreBase, cwd);
  const files = expanded.files.filter((f) => {
    if (!ignored(f)) return true;
    if (expanded.explicit.has(f)) options.onWarning?.(`"${f}" is ignored by the config's ignore patterns`);
    return false;
  });
  if (expanded.files.length > 0 && files.length === 0 && texts.length === 0) {
    // As ESLint's "all files matched are ignored", which its errorOnUnmatchedPattern also turns off.
    const message = "every file given is ignored by the config's ignore patterns";
    if (errorOnUnmatched) throw new PooltopoError(message);
    options.onWarning?.(message);
  }
  options.onStart?.(files.length + texts.length);
  const kept: T[] = [];
  const readLimits: ReadLimits = {
    ...DEFAULT_READ_LIMITS,
    ...(limits.maxFileBytes !== undefined ? { maxFileBytes: limits.maxFileBytes } : {}),
  };
  type Read = { readonly file: string; readonly read: ReadResult } | { readonly file: string; readonly read?: undefined; readonly err: unknown };
  let next = 0;
  while (next < files.length) {
    const chunk: Read[] = [];
    for (let chars = 0; next < files.length && chunk.length < READ_AHEAD_FILES && chars < READ_AHEAD_CHARS; next++) {
      const file = files[next]!;
      try {
        const read = readTopologyFile(file, cwd, readLimits);
        if (read.identity) options.onRead?.(file, read.identity);
        chars += read.text.length;
        chunk.push({ file, read });
      } catch (err) {
        chunk.push({ file, err });
      }
    }
    for (const entry of chunk) {
      const { file, read } = entry;
      if (read === undefined) {
        // A file met while walking a directory that cannot be read is reported, not fatal; a file named is.
        if (entry.err instanceof PooltopoError && !expanded.explicit.has(file)) {
          options.onWarning?.(entry.err.message);
          continue;
        }
        throw entry.err;
      }
      const outcome = read.ok ? await lintText(read.text, file, lint) : unreadable(file, read.text, read.message, read.offset, lint);
      // Another tool's YAML met on a walk (a docker-compose.yml, a workflow) is skipped, not failed.
      if (!expanded.explicit.has(file) && notATopology(outcome)) {
        countSkipped();
        options.onSkipped?.(file);
        continue;
      }
      kept.push(keep(outcome));
    }
  }
  for (const t of texts) kept.push(keep(await lintText(t.text, t.file, lint)));
  return kept.sort((a, b) => {
    const x = fileOf(a);
    const y = fileOf(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** Whether linting found the file to have none of any kind's top-level keys. */
function notATopology(outcome: LintOutcome): boolean {
  return outcome.result.findings.some((f) => f.ruleId === 'schema' && f.messageId === 'notATopology');
}

function unreadable(file: string, text: string, reason: string, offset: number, options: LintOptions): LintOutcome {
  return syntaxOutcome(file, new SourceMap(text, NO_NODES), [{ message: reason, offset }], options);
}
