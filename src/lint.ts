/**
 * One topology text → its findings and pool figures. The whole pipeline, one way:
 * text → document with positions → schema → normalised model → analyses → rule findings.
 * No file system, no console: the caller hands in the text.
 */
import { DEFAULT_PARSE_LIMITS, parseDocument, syntaxOf, type ParseLimits, type SyntaxProblem } from './io/yaml/parse.js';
import { actualType, checkConfigSchema, checkSchema } from './io/schema.js';
import type { Position, SourceMap } from './io/yaml/source-map.js';
import { COMMON_RULES, isSuppressible, nearestRuleId, ruleById, ruleSettingProblem } from './rules/index.js';
import { INTERNAL_ERROR } from './rules/common/internal-error.js';
import { DEFAULT_KIND, isKnownKind, isPlainlyNotATopology, kindOfKeys, KINDS, type TopologyKind } from './kinds/index.js';
import { kindPlugin } from './kinds/registry.js';
import type { KindHost, KindModels } from './kinds/types.js';
import type { Failover } from './kinds/opcon/index.js';
import { formatMessage, type AnyRule, type Report, type Severity } from './rules/types.js';
import type { CompiledPolicy, PolicyDefinition } from './policies/types.js';
import { parseDirectives, Suppressions, type FindingPlace } from './suppressions.js';
import { commentsContaining } from './io/yaml/comments.js';
import { FindingCap, leftOutMessage } from './finding-cap.js';
import { compareFindings, MAX_FINDINGS_PER_RULE, type FileResult, type Finding, type KindPoolResult, type ManagementGroupResult, type SuppressedFinding } from './results.js';
import { DEFAULT_SETTINGS, type Settings } from './settings.js';
import { PooltopoError } from './errors.js';
import { closest } from './util/suggest.js';
import { own } from './util/own.js';

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

/**
 * The full result of linting one text: `result` is the file's entry of the JSON output (its
 * findings are `outcome.result.findings`), beside the kind's model and analyses, present only when
 * the file was analysed (`topology` and `analysis` for SCOM, `skype`, `opcon`).
 */
export interface LintOutcome extends KindModels {
  /** The file's findings and figures, as `validate` reports them. */
  readonly result: FileResult;
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
interface PreparedOptions {
  readonly limits: ParseLimits;
  readonly settings: Settings;
  readonly policyById: ReadonlyMap<string, PolicyDefinition>;
  /** What the options held when checked (snapshotOf): a change since is checked again. */
  readonly snapshot: readonly unknown[];
}
const PREPARED = new WeakMap<LintOptions, PreparedOptions>();

/**
 * Throws PooltopoError for options a config file could not hold: its schema's checks of `rules`,
 * `settings` and `limits` (severities, known keys, their types and bounds), a rule id that is
 * neither a rule nor a policy, as loadConfig checks a config file (there with positions), and
 * policies that are not loadConfig's compiled ones.
 */
export async function checkLintOptions(options: LintOptions): Promise<void> {
  await prepareLintOptions(options);
}

/** The options checked (checkLintOptions), with the limits, settings and policies each file uses. */
async function prepareLintOptions(options: LintOptions): Promise<PreparedOptions> {
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
    const problem = ruleSettingProblem(id, setting, policyIds);
    if (problem) throw new PooltopoError(`options.rules: ${problem}`);
  }
  const prepared: PreparedOptions = {
    limits: Object.assign({}, DEFAULT_PARSE_LIMITS, options.limits),
    settings: Object.assign({}, DEFAULT_SETTINGS, options.settings),
    policyById: new Map(policies.map((p) => [p.definition.id, p.definition])),
    snapshot: snapshotOf(options),
  };
  PREPARED.set(options, prepared);
  return prepared;
}

/**
 * The options' own keys and values, and those of `rules`, `settings` and `limits` and the policies,
 * in one list: options changed after their first use (`options.rules.x = 'bogus'`) are checked
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
  return out;
}

function sameSnapshot(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

/**
 * Lints one topology text, with no file system involved: `file` only names it in the findings.
 * Returns its `LintOutcome`: `result` (findings and figures, as `validate` reports a file) and the
 * kind's model and analyses when the text could be analysed. Whatever the text, its problems are
 * findings; throws `PooltopoError` only for options it does not take or a config file could not
 * hold (as `validate` does).
 */
export async function lintText(text: string, file: string, options: LintOptions = {}): Promise<LintOutcome> {
  if (typeof text !== 'string' || typeof file !== 'string') throw new PooltopoError('lintText needs the text and the file name, both strings');
  const { limits, settings, policyById } = await prepareLintOptions(options);
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const severityOf = (ruleId: string) => severityFor(ruleId, options, policyById);
  const cap = new FindingCap(file);
  const suppressedCap = new FindingCap(file);
  // The file's comments, once it has been read: each finding is matched as it is made.
  let suppressions: Suppressions | undefined;
  /**
   * Adds a finding at a position (the rule's configured severity; nothing when it is off), among
   * the suppressed ones when a comment covers it (not for the comments' own, `direct`). The message
   * is made only for a finding that is kept.
   */
  const add = (ruleId: string, at: Position, path: string, message: string | (() => string), pool?: string, direct = false, report?: Pick<Report, 'messageId' | 'data'>) => {
    const severity = severityOf(ruleId);
    if (!severity) return;
    const covering = direct ? undefined : suppressions?.covering({ ruleId, line: at.line, path });
    const words = () => (typeof message === 'string' ? message : message());
    if (covering) {
      // Suppressed findings past the cap are dropped: the comments that covered them are used.
      if (suppressedCap.full(ruleId)) return;
      suppressedCap.count(ruleId);
      suppressed.push({ ruleId, severity, message: words(), file, line: at.line, column: at.column, ...(pool !== undefined ? { pool } : {}), path, justification: covering.reason });
      return;
    }
    if (cap.full(ruleId)) return cap.leaveOut(ruleId, severity, () => ({ at, path }));
    cap.count(ruleId);
    // messageId and data beside the wording, as ESLint's results carry them: diff matches findings by them.
    findings.push({
      ruleId, severity, message: words(), file, line: at.line, column: at.column, ...(pool !== undefined ? { pool } : {}), path,
      ...(report !== undefined ? { messageId: report.messageId, data: report.data } : {}),
    });
  };
  const addReport = (ruleId: string, sourceMap: SourceMap, report: Report, message: string | (() => string)) =>
    add(ruleId, sourceMap.locate(report.path, report.at ?? 'value'), report.path, message, report.pool, false, report);
  const reportRule = (rule: AnyRule, sourceMap: SourceMap, report: Report) => {
    const id = rule.meta.id;
    // Past the cap, and with no comment that could cover it, a finding is only counted.
    if (!suppressions && cap.full(id)) {
      const severity = severityOf(id);
      if (severity) cap.leaveOut(id, severity, () => ({ at: sourceMap.locate(report.path, report.at ?? 'value'), path: report.path }));
      return;
    }
    const template = own(rule.meta.messages, report.messageId) ?? report.messageId;
    addReport(id, sourceMap, report, () => formatMessage(template, report.data));
  };
  /** Runs each rule's check on a kind's context; a rule that throws is an internal-error finding. */
  const runRules = (rules: readonly AnyRule[], context: unknown, sourceMap: SourceMap) => {
    for (const rule of rules) {
      if (!rule.check || !severityOf(rule.meta.id)) continue;
      try {
        for (const report of rule.check(context)) reportRule(rule, sourceMap, report);
      } catch (err) {
        const internal = ruleById(INTERNAL_ERROR)!;
        add(internal.meta.id, { line: 1, column: 1 }, '', formatMessage(internal.meta.messages['ruleFailed']!, {
          ruleId: rule.meta.id,
          error: err instanceof Error ? err.message : String(err),
        }));
      }
    }
  };
  // Whether the kind's rules ran (suppress judges unused comments only then).
  let rulesRan = false;
  const done = (sourceMap: SourceMap, kind?: TopologyKind, pools: readonly KindPoolResult[] = [], models: KindModels = {}, failover?: Failover, managementGroup?: ManagementGroupResult): LintOutcome => {
    if (suppressions) {
      reportDirectives(suppressions, options, (ruleId, at, message) => add(ruleId, at, '', message, undefined, true), rulesRan);
    }
    cap.summarise(findings);
    // The kind's own plug-in made the pools and the failover, so they are the figures of
    // FileResult's variant for that kind (the type checker cannot follow a plug-in looked up by id).
    const result = {
      file, ...(kind !== undefined ? { kind } : {}), findings: findings.sort(compareFindings),
      ...(managementGroup ? { managementGroup } : {}),
      pools,
      ...(failover ? { failover } : {}),
      ...(suppressed.length > 0 ? { suppressed: suppressed.sort(compareFindings) } : {}),
    } as FileResult;
    return { result, ...models };
  };

  // 1. Text → document with source positions.
  const parsed = parseDocument(text, limits, syntaxOf(file));
  if (!parsed.ok) return syntaxOutcome(file, parsed.sourceMap, parsed.problems, options);
  const { value, sourceMap } = parsed;
  suppressions = suppressionsOf(text, sourceMap, limits.maxDepth);

  // 2. The kind, then the schema.
  const schemaRule = ruleById('schema')!;
  let declaredKind = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as { kind?: unknown }).kind : undefined;
  // `kind` compares case-insensitively (FORMAT.md): `kind: SCOM` is scom.
  if (typeof declaredKind === 'string' && !isKnownKind(declaredKind) && isKnownKind(declaredKind.toLowerCase())) {
    declaredKind = declaredKind.toLowerCase();
    (value as { kind?: unknown }).kind = declaredKind;
  }
  if (declaredKind !== undefined && !isKnownKind(declaredKind)) {
    // A kind that is no text (`kind: [scom]`) is named by its type, not as "[object Object]".
    const report: Pick<Report, 'messageId' | 'data'> = typeof declaredKind === 'string'
      ? { messageId: 'unknownKind', data: { kind: declaredKind, known: KINDS.join(', ') } }
      : { messageId: 'kindNotText', data: { actual: actualType(declaredKind), known: KINDS.join(', ') } };
    reportRule(schemaRule, sourceMap, { messageId: report.messageId, data: report.data, path: '/kind' });
    return done(sourceMap);
  }
  const { violations, more, firstMore } = await checkSchema(value, (p) => sourceMap.isPlainScalar(p), MAX_FINDINGS_PER_RULE);
  // No `kind`, and the keys of another kind than the default: one finding that names the kind to add.
  const meant = declaredKind === undefined && violations.length > 0 ? kindOfKeys(value) : undefined;
  if (meant !== undefined) {
    reportRule(schemaRule, sourceMap, { messageId: 'missingKind', data: { kind: meant }, path: '', at: 'key' });
    return done(sourceMap);
  }
  if (violations.length > 0) {
    // Another tool's file: one finding per violation all the same (CLI.md), the first of them
    // saying that it is not a topology and how to leave it out.
    const notATopology = isPlainlyNotATopology(value);
    for (const [i, v] of violations.entries()) {
      const messageId = notATopology && i === 0 ? 'notATopology' : 'violation';
      const report: Report = value === null ? { messageId: 'empty', data: {}, path: '' } : { messageId, data: { message: v.message }, path: v.path, at: v.at };
      reportRule(schemaRule, sourceMap, report);
    }
    const severity = severityOf(schemaRule.meta.id);
    if (firstMore && severity) {
      cap.leaveOut(schemaRule.meta.id, severity, () => ({ at: sourceMap.locate(firstMore.path, firstMore.at), path: firstMore.path }), more);
    }
    return done(sourceMap, isKnownKind(declaredKind) ? declaredKind : undefined);
  }
  // 3. The kind's own model, analyses and rules.
  const kind = isKnownKind(declaredKind) ? declaredKind : DEFAULT_KIND;
  const plugin = kindPlugin(kind)!;
  const host: KindHost = {
    settings, limits, policies: options.policies ?? [],
    // The common rules (unknown-reference, duplicate-name, the model's schema issues) run for every kind.
    runRules: (rules, context) => runRules([...COMMON_RULES, ...rules], context, sourceMap),
    report: (ruleId, report, message) => {
      const rule = ruleById(ruleId);
      if (rule && message === undefined) reportRule(rule, sourceMap, report);
      else addReport(ruleId, sourceMap, report, message ?? report.messageId);
    },
    severityOf,
  };
  const run = await plugin.lint(value, host);
  rulesRan = true;
  return done(sourceMap, kind, run.pools, run.models, run.failover, run.managementGroup);
}

/**
 * The file's suppression comments, matched to findings by the lines their node and its ancestors
 * begin on: a mapping entry where its key is, a sequence item where it is. (A sequence begins, as a
 * value, on the line of its first item: by that line a comment above the first item would cover
 * the whole list.) Undefined when the file has none.
 */
function suppressionsOf(text: string, sourceMap: SourceMap, maxDepth: number): Suppressions | undefined {
  if (!text.includes('pooltopo-disable')) return undefined;
  const directives = parseDirectives(commentsContaining(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, 'pooltopo-disable', maxDepth));
  if (directives.length === 0) return undefined;
  const linesOf = (f: FindingPlace) => {
    const lines = new Set<number>();
    for (let p = f.path; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) {
      if (sourceMap.has(p)) lines.add(sourceMap.locate(p, 'key').line);
    }
    return lines;
  };
  return new Suppressions(directives, linesOf, isSuppressible);
}

/**
 * Findings about the comments themselves: no reason, an unknown or fixed rule, and unused ones
 * only where `rulesRan` (before the kind's rules ran, none can be judged unused).
 */
function reportDirectives(
  suppressions: Suppressions, options: LintOptions, add: (ruleId: string, at: Position, message: string) => void, rulesRan: boolean,
): void {
  const { directives } = suppressions;
  const message = (ruleId: string, messageId: string, data: Report['data'] = {}) => formatMessage(ruleById(ruleId)!.meta.messages[messageId]!, data);
  for (const d of suppressions.withoutReason()) add('suppression-without-reason', d, message('suppression-without-reason', 'noReason'));
  // A rule id that is neither a rule nor a policy, or names a rule no comment can suppress:
  // reported whether or not unused ones are asked for (and not again as unused).
  const policyIds = new Set((options.policies ?? []).map((p) => p.definition.id));
  const unknown = (id: string) => !ruleById(id) && !policyIds.has(id);
  for (const d of directives) {
    for (const id of d.ruleIds.filter((r) => !unknown(r) && !isSuppressible(r))) {
      add('invalid-suppression', d, message('invalid-suppression', 'notSuppressible', { ruleId: id, why: ruleById(id)!.meta.fixed! }));
    }
    for (const id of d.ruleIds.filter(unknown)) {
      const near = nearestRuleId(id, policyIds);
      add('invalid-suppression', d, near
        ? message('invalid-suppression', 'unknownRuleNear', { ruleId: id, near })
        : message('invalid-suppression', 'unknownRule', { ruleId: id }));
    }
  }
  if (options.reportUnusedDisable && rulesRan) {
    for (const u of suppressions.unused()) {
      const invalid = (id: string) => unknown(id) || !isSuppressible(id);
      if (u.ruleId !== undefined ? invalid(u.ruleId) : u.directive.ruleIds.length > 0 && u.directive.ruleIds.every(invalid)) continue;
      add('unused-suppression', u.directive,
        u.ruleId === undefined ? message('unused-suppression', 'unused') : message('unused-suppression', 'unusedRule', { ruleId: u.ruleId }));
    }
  }
}

/** A rule's or policy's severity as configured, else its own; undefined when it is off. */
function severityFor(ruleId: string, options: LintOptions, policyById?: ReadonlyMap<string, { readonly severity: Severity }>): Severity | undefined {
  const configured = own(options.rules, ruleId);
  if (configured === 'off') return undefined;
  return configured ?? ruleById(ruleId)?.meta.severity ?? policyById?.get(ruleId)?.severity ?? 'error';
}

/** The outcome for a file that could not be read as YAML: one `yaml-syntax` finding per problem. */
export function syntaxOutcome(file: string, sourceMap: SourceMap, problems: readonly SyntaxProblem[], options: LintOptions = {}): LintOutcome {
  const rule = ruleById('yaml-syntax')!;
  const severity = severityFor(rule.meta.id, options);
  const findings: Finding[] = [];
  if (severity !== undefined) {
    for (const p of problems) {
      const { line, column } = sourceMap.positionOf(p.offset);
      const message = p.leftOut !== undefined
        ? leftOutMessage(rule.meta.id, p.leftOut)
        : formatMessage(rule.meta.messages[p.json ? 'jsonSyntax' : 'syntax']!, { reason: p.message });
      findings.push({
        ruleId: rule.meta.id, severity, message, file, line, column, path: '',
        ...(p.leftOut === undefined ? { messageId: p.json ? 'jsonSyntax' : 'syntax', data: { reason: p.message } } : {}),
      });
    }
  }
  return { result: { file, findings: findings.sort(compareFindings), pools: [] } };
}



