/**
 * The options lintText takes, checked as a config file is and prepared once per options object: a
 * batch passes the same object for every file.
 */
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from '../io/yaml/parse.js';
import { checkConfigSchema } from '../io/schema.js';
import type { Registry } from './registry.js';
import type { Severity } from './rule.js';
import type { CompiledPolicy, PolicyDefinition } from './policy.js';
import { DEFAULT_SETTINGS, type Settings } from './settings.js';
import { PooltopoError } from '../util/errors.js';
import { closest } from '../util/suggest.js';

export type RuleSetting = Severity | 'off';

export interface LintOptions {
  /** Turn rules off or change their severity, by rule id. */
  readonly rules?: Readonly<Record<string, RuleSetting>> | undefined;
  /** Thresholds that DOMAIN.md gives as recommendations; those left out keep their defaults. */
  readonly settings?: Partial<Settings> | undefined;
  /** Bounds on a document's nesting, alias expansion and servers; past them it is a finding. */
  readonly limits?: Partial<ParseLimits> | undefined;
  /** Users' own rules (compiled from the config by `loadConfig`). */
  readonly policies?: readonly CompiledPolicy[] | undefined;
  /** Report suppression comments that suppress nothing. */
  readonly reportUnusedDisable?: boolean | undefined;
}

/** Every option lintText takes: a misspelt or unsupported one is refused, not ignored. */
const LINT_OPTION_KEYS = { rules: true, settings: true, limits: true, policies: true, reportUnusedDisable: true } satisfies Record<keyof LintOptions, true>;

/**
 * Throws PooltopoError when `options` is not an object or has a key not in `known`: `rule` for
 * `rules` would otherwise be ignored without a word (ESLint refuses unknown options too). Where a
 * Config may be given (`takesConfig`), one passed as the options themselves is told apart.
 */
export function checkOptionKeys(options: unknown, known: Readonly<Record<string, true>>, takesConfig: boolean): void {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) throw new PooltopoError('options must be an object');
  if (takesConfig && Object.prototype.hasOwnProperty.call(options, 'dir')) {
    throw new PooltopoError('options: this is a Config (it has "dir"); pass it as { config }, so that its ignore globs are taken relative to its folder');
  }
  for (const key of Object.keys(options)) {
    if (Object.prototype.hasOwnProperty.call(known, key)) continue;
    const [near] = closest(key, Object.keys(known), 1);
    throw new PooltopoError(`options: unknown option "${key}"${near ? `; did you mean "${near}"?` : ''}`);
  }
}

/**
 * Options already checked, and what every file linted with them needs from them: a batch passes the
 * same object for every file, so the merged limits and settings are one object for the whole batch.
 * Made per file, as `{ ...DEFAULT_SETTINGS, ...options.settings }`, each was an object of a hidden
 * class of its own (test/object-shapes.test.ts says why), and every read of a setting in the
 * analyses and rules a lookup V8 could not cache. Options changed after their first use are
 * checked and prepared again (snapshotOf).
 */
export interface PreparedOptions {
  readonly limits: ParseLimits;
  readonly settings: Settings;
  readonly policyById: ReadonlyMap<string, PolicyDefinition>;
  /**
   * Each rule's or policy's severity under these options ('off' for none), kept at its first use:
   * the ids are the registry's rules and the options' policies, never a file's text.
   */
  readonly severities: Map<string, Severity | 'off'>;
  /** What the options held when checked (snapshotOf): a change since is checked again. */
  readonly snapshot: readonly unknown[];
}

/**
 * The options checked, with the limits, settings and policies each file uses. Throws PooltopoError
 * for options a config file could not hold: its schema's checks of `rules`, `settings` and `limits`
 * (severities, known keys, their types and bounds), a rule id that is neither a rule nor a policy,
 * as loadConfig checks a config file (there with positions), and policies that are not loadConfig's
 * compiled ones.
 */
export async function prepareLintOptions(registry: Registry, PREPARED: WeakMap<LintOptions, PreparedOptions>, options: LintOptions): Promise<PreparedOptions> {
  const known = PREPARED.get(options);
  if (known && sameSnapshot(known.snapshot, snapshotOf(options))) return known;
  checkOptionKeys(options, LINT_OPTION_KEYS, false);
  const given = (o: object | undefined) => o !== undefined && Object.keys(o).length > 0;
  // Nothing to check, nothing loaded (the config validator is a chunk of its own): the CLI passes
  // empty rules, settings and limits when there is no config file.
  if (given(options.rules) || given(options.settings) || given(options.limits)) {
    const [v] = await checkConfigSchema({ rules: options.rules ?? {}, settings: options.settings ?? {}, limits: options.limits ?? {} });
    if (v) throw new PooltopoError(`options: ${v.message}`);
  }
  const policies = options.policies ?? [];
  if (!Array.isArray(policies)) throw new PooltopoError('options.policies: must be a list of the policies loadConfig compiles');
  for (const [i, p] of policies.entries()) {
    const policy = p as Partial<CompiledPolicy> | null;
    if (typeof policy?.definition?.id !== 'string' || typeof policy.evaluate !== 'function') {
      throw new PooltopoError(`options.policies[${i}]: not a compiled policy (loadConfig compiles a config file's policies)`);
    }
  }
  const policyIds = new Set(policies.map((p) => p.definition.id));
  for (const [id, setting] of Object.entries(options.rules ?? {})) {
    if (setting === undefined) continue;
    const problem = registry.ruleSettingProblem(id, setting, policyIds);
    if (problem) throw new PooltopoError(`options.rules: ${problem}`);
  }
  const prepared: PreparedOptions = {
    limits: Object.assign({}, DEFAULT_PARSE_LIMITS, options.limits),
    settings: Object.assign({}, DEFAULT_SETTINGS, options.settings),
    policyById: new Map(policies.map((p) => [p.definition.id, p.definition])),
    severities: new Map(),
    snapshot: snapshotOf(options),
  };
  PREPARED.set(options, prepared);
  return prepared;
}

/**
 * The options' own keys and values, and those of `rules`, `settings` and `limits`, the policies and
 * their definitions, in one list: options changed after their first use (`options.rules.x = 'bogus'`) are checked
 * again, as the first use checked them, rather than trusted because the object is the same.
 */
function snapshotOf(options: LintOptions): unknown[] {
  const out: unknown[] = [];
  const add = (o: unknown) => {
    out.push(o);
    if (o === null || typeof o !== 'object') return;
    for (const key of Object.keys(o)) out.push(key, (o as Record<string, unknown>)[key]);
  };
  add(options);
  add(options.rules);
  add(options.settings);
  add(options.limits);
  add(options.policies);
  // A policy's definition holds its severity, which the severities cache keeps.
  if (Array.isArray(options.policies)) for (const p of options.policies) add((p as { definition?: unknown } | null)?.definition);
  return out;
}

function sameSnapshot(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}
