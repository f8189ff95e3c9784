/**
 * One topology text → its findings and pool figures. The whole pipeline, one way:
 * text → document with positions → schema → normalised model → analyses → rule findings.
 * No file system, no console: the caller hands in the text.
 */
import { parseDocument, syntaxOf, type SyntaxProblem } from '../io/yaml/parse.js';
import { actualType, checkSchema } from '../io/schema.js';
import type { Position, SourceMap } from '../io/yaml/source-map.js';
import { INTERNAL_ERROR } from './rules/internal-error.js';
import type { KindHost } from './kind.js';
import type { Registry } from './registry.js';
import { formatMessage, type AnyRule, type Problem, type Severity } from './rule.js';
import type { Suppressions } from './suppressions.js';
import { FindingCap, leftOutMessage } from './finding-cap.js';
import { compareFindings, MAX_FINDINGS_PER_RULE, type FileResultBase, type Finding, type SuppressedFinding } from './results.js';
import { prepareLintOptions, type LintOptions, type PreparedOptions } from './options.js';
import { PooltopoError } from '../util/errors.js';
import { own } from '../util/own.js';
import { reportDirectives, suppressionsOf } from './directives.js';

export { checkOptionKeys, type LintOptions, type RuleSetting } from './options.js';

/**
 * The full result of linting one text: `result` is the file's entry of the JSON output (its
 * findings are `outcome.result.findings`), beside the kind's models and analyses (`M`, under the
 * kind's own keys), present only when the file was analysed.
 */
export type LintOutcome<M extends object = object, F extends FileResultBase = FileResultBase> = Partial<M> & {
  /** The file's findings and figures, as `validate` reports them. */
  readonly result: F;
  /** How far the pipeline went: `read` (no YAML), `schema` (refused by it), `analysed` (the kind's rules ran). */
  readonly stage: 'read' | 'schema' | 'analysed';
};

/** The pipeline made for one registry of kinds: the library's lintText and its option checks. */
export interface Pipeline {
  lintText(text: string, file: string, options?: LintOptions): Promise<LintOutcome>;
  checkLintOptions(options: LintOptions): Promise<void>;
  syntaxOutcome(file: string, sourceMap: SourceMap, problems: readonly SyntaxProblem[], options?: LintOptions): LintOutcome;
}

export function createPipeline(registry: Registry): Pipeline {
  const prepared = new WeakMap<LintOptions, PreparedOptions>();
  return {
    lintText: (text, file, options = {}) => lintText(registry, prepared, text, file, options),
    checkLintOptions: async (options) => {
      await prepareLintOptions(registry, prepared, options);
    },
    syntaxOutcome: (file, sourceMap, problems, options = {}) => syntaxOutcome(registry, file, sourceMap, problems, options),
  };
}

/**
 * Lints one topology text, with no file system involved: `file` only names it in the findings.
 * Returns its `LintOutcome`: `result` (findings and figures, as `validate` reports a file) and the
 * kind's model and analyses when the text could be analysed. Whatever the text, its problems are
 * findings; throws `PooltopoError` only for options it does not take or a config file could not
 * hold (as `validate` does).
 */
async function lintText(
  registry: Registry,
  PREPARED: WeakMap<LintOptions, PreparedOptions>,
  text: string,
  file: string,
  options: LintOptions,
): Promise<LintOutcome> {
  if (typeof text !== 'string' || typeof file !== 'string') throw new PooltopoError('lintText needs the text and the file name, both strings');
  const { limits, settings, policyById, severities } = await prepareLintOptions(registry, PREPARED, options);
  const { ruleById } = registry;
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  // Asked for every rule of every file: worked out once per options, not per file.
  const severityOf = (ruleId: string): Severity | undefined => {
    let severity = severities.get(ruleId);
    if (severity === undefined) severities.set(ruleId, (severity = severityFor(registry, ruleId, options, policyById) ?? 'off'));
    return severity === 'off' ? undefined : severity;
  };
  const cap = new FindingCap(file);
  const suppressedCap = new FindingCap(file);
  // The file's comments, once it has been read: each finding is matched as it is made.
  let suppressions: Suppressions | undefined;
  /**
   * Adds a finding at a position (the rule's configured severity; nothing when it is off), among
   * the suppressed ones when a comment covers it (not for the comments' own, `direct`). The message
   * is made only for a finding that is kept.
   */
  const add = (
    ruleId: string,
    at: Position,
    path: string,
    message: string | (() => string),
    pool?: string,
    direct = false,
    problem?: Pick<Problem, 'messageId' | 'data'>,
  ) => {
    const severity = severityOf(ruleId);
    if (!severity) return;
    const covering = direct ? undefined : suppressions?.covering({ ruleId, line: at.line, path });
    // messageId and data beside the wording, as ESLint's results carry them: diff matches findings by them.
    const finding = (): Finding => ({
      ruleId,
      severity,
      message: typeof message === 'string' ? message : message(),
      file,
      line: at.line,
      column: at.column,
      ...(pool !== undefined ? { pool } : {}),
      path,
      ...(problem !== undefined ? { messageId: problem.messageId, data: problem.data } : {}),
    });
    if (covering) {
      // Suppressed findings past the cap are dropped: the comments that covered them are used.
      if (suppressedCap.full(ruleId)) return;
      suppressedCap.count(ruleId);
      suppressed.push(Object.assign(finding(), { justification: covering.reason }));
      return;
    }
    if (cap.full(ruleId)) return cap.leaveOut(ruleId, severity, () => ({ at, path }));
    cap.count(ruleId);
    findings.push(finding());
  };
  const addProblem = (ruleId: string, sourceMap: SourceMap, problem: Problem, message: string | (() => string)) =>
    add(ruleId, sourceMap.locate(problem.path, problem.at ?? 'value'), problem.path, message, problem.pool, false, problem);
  const addRuleProblem = (rule: AnyRule, sourceMap: SourceMap, problem: Problem) => {
    const id = rule.meta.id;
    // Past the cap, and with no comment that could cover it, a finding is only counted.
    if (!suppressions && cap.full(id)) {
      const severity = severityOf(id);
      if (severity) cap.leaveOut(id, severity, () => ({ at: sourceMap.locate(problem.path, problem.at ?? 'value'), path: problem.path }));
      return;
    }
    const template = own(rule.meta.messages, problem.messageId);
    // A message id the rule does not have is a bug, told as one (exit 2), never printed as the id.
    if (template === undefined) return internalError('unknownMessage', { ruleId: id, messageId: problem.messageId });
    addProblem(id, sourceMap, problem, () => formatMessage(template, problem.data));
  };
  const internalError = (messageId: 'ruleFailed' | 'unknownMessage', data: Problem['data']) => {
    const internal = ruleById(INTERNAL_ERROR)!;
    add(internal.meta.id, { line: 1, column: 1 }, '', formatMessage(internal.meta.messages[messageId]!, data), undefined, false, { messageId, data });
  };
  /** Runs each rule's check on a kind's context; a rule that throws is an internal-error finding. */
  const runRules = (rules: readonly AnyRule[], context: unknown, sourceMap: SourceMap) => {
    for (const rule of rules) {
      if (!rule.check || !severityOf(rule.meta.id)) continue;
      try {
        for (const problem of rule.check(context)) addRuleProblem(rule, sourceMap, problem);
      } catch (err) {
        internalError('ruleFailed', { ruleId: rule.meta.id, error: err instanceof Error ? err.message : String(err) });
      }
    }
  };
  // Whether the kind's rules ran (suppress judges unused comments only then).
  let rulesRan = false;
  const done = (stage: LintOutcome['stage'], kind?: string, figures: object = { pools: [] }, models: object = {}): LintOutcome => {
    if (suppressions) {
      reportDirectives(
        registry,
        suppressions,
        options,
        (ruleId, at, problem) =>
          add(ruleId, at, '', () => formatMessage(ruleById(ruleId)!.meta.messages[problem.messageId]!, problem.data), undefined, true, problem),
        rulesRan,
      );
    }
    cap.summarise(findings);
    // The kind's figures (pools, and its own) follow the findings, as CLI.md's JSON output has them.
    const result: FileResultBase = Object.assign(
      kind !== undefined ? { file, kind, findings: findings.sort(compareFindings) } : { file, findings: findings.sort(compareFindings) },
      figures,
      suppressed.length > 0 ? { suppressed: suppressed.sort(compareFindings) } : {},
    );
    return Object.assign({ result, stage }, models);
  };

  // 1. Text → document with source positions.
  const parsed = parseDocument(text, limits, syntaxOf(file));
  if (!parsed.ok) return syntaxOutcome(registry, file, parsed.sourceMap, parsed.problems, options);
  const { value, sourceMap } = parsed;
  suppressions = suppressionsOf(registry, text, sourceMap, limits.maxDepth);

  // 2. The kind, then the schema.
  const schemaRule = ruleById('schema')!;
  let declaredKind = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as { kind?: unknown }).kind : undefined;
  // `kind` compares case-insensitively (FORMAT.md): `kind: SCOM` is scom.
  const { isKnownKind } = registry;
  const known = registry.ids.join(', ');
  if (typeof declaredKind === 'string' && !isKnownKind(declaredKind) && isKnownKind(declaredKind.toLowerCase())) {
    declaredKind = declaredKind.toLowerCase();
    (value as { kind?: unknown }).kind = declaredKind;
  }
  if (declaredKind !== undefined && !isKnownKind(declaredKind)) {
    // A kind that is no text (`kind: [scom]`) is named by its type, not as "[object Object]".
    const problem: Pick<Problem, 'messageId' | 'data'> =
      typeof declaredKind === 'string'
        ? { messageId: 'unknownKind', data: { kind: declaredKind, known } }
        : { messageId: 'kindNotText', data: { actual: actualType(declaredKind), known } };
    addRuleProblem(schemaRule, sourceMap, { messageId: problem.messageId, data: problem.data, path: '/kind' });
    return done('schema');
  }
  const plugin = isKnownKind(declaredKind) ? registry.kind(declaredKind as string)! : registry.defaultKind;
  const { violations, more, firstMore } = await checkSchema(
    value,
    (p) => sourceMap.isPlainScalar(p),
    MAX_FINDINGS_PER_RULE,
    plugin.validator,
    parsed.longestText,
  );
  // No `kind`, and the keys of another kind than the default: one finding that names the kind to add.
  const meant = declaredKind === undefined && violations.length > 0 ? registry.kindOfKeys(value) : undefined;
  if (meant !== undefined) {
    addRuleProblem(schemaRule, sourceMap, { messageId: 'missingKind', data: { kind: meant.id }, path: '', at: 'key' });
    return done('schema');
  }
  if (violations.length > 0) {
    // Another tool's file: one finding per violation all the same (CLI.md), the first of them
    // saying that it is not a topology and how to leave it out.
    const notATopology = registry.isPlainlyNotATopology(value);
    for (const [i, v] of violations.entries()) {
      const messageId = notATopology && i === 0 ? 'notATopology' : 'violation';
      const problem: Problem =
        value === null ? { messageId: 'empty', data: {}, path: '' } : { messageId, data: { message: v.message }, path: v.path, at: v.at };
      addRuleProblem(schemaRule, sourceMap, problem);
    }
    const severity = severityOf(schemaRule.meta.id);
    if (firstMore && severity) {
      cap.leaveOut(schemaRule.meta.id, severity, () => ({ at: sourceMap.locate(firstMore.path, firstMore.at), path: firstMore.path }), more);
    }
    return done('schema', isKnownKind(declaredKind) ? plugin.id : undefined);
  }
  // 3. The kind's own model, analyses and rules.
  const host: KindHost = {
    settings,
    limits,
    policies: options.policies ?? [],
    // The common rules (unknown-reference, duplicate-name, the model's schema issues) run for every kind.
    runRules: (rules, context) => runRules(registry.commonRules.concat(rules), context, sourceMap),
    report: (ruleId, problem, message) => {
      const rule = ruleById(ruleId);
      if (rule && message === undefined) addRuleProblem(rule, sourceMap, problem);
      else addProblem(ruleId, sourceMap, problem, message ?? problem.messageId);
    },
    severityOf,
  };
  const run = await plugin.lint(value, host);
  rulesRan = true;
  return done(run.models ? 'analysed' : 'schema', plugin.id, run.figures, run.models);
}

/** A rule's or policy's severity as configured, else its own; undefined when it is off. */
function severityFor(
  registry: Registry,
  ruleId: string,
  options: LintOptions,
  policyById?: ReadonlyMap<string, { readonly severity: Severity }>,
): Severity | undefined {
  const configured = own(options.rules, ruleId);
  if (configured === 'off') return undefined;
  return configured ?? registry.ruleById(ruleId)?.meta.severity ?? policyById?.get(ruleId)?.severity ?? 'error';
}

/** The outcome for a file that could not be read as YAML: one `yaml-syntax` finding per problem. */
function syntaxOutcome(registry: Registry, file: string, sourceMap: SourceMap, problems: readonly SyntaxProblem[], options: LintOptions): LintOutcome {
  const rule = registry.ruleById('yaml-syntax')!;
  const severity = severityFor(registry, rule.meta.id, options);
  const findings: Finding[] = [];
  if (severity !== undefined) {
    for (const p of problems) {
      const { line, column } = sourceMap.positionOf(p.offset);
      const message =
        p.leftOut !== undefined
          ? leftOutMessage(rule.meta.id, p.leftOut)
          : formatMessage(rule.meta.messages[p.json ? 'jsonSyntax' : 'syntax']!, { reason: p.message });
      findings.push({
        ruleId: rule.meta.id,
        severity,
        message,
        file,
        line,
        column,
        path: '',
        ...(p.leftOut === undefined ? { messageId: p.json ? 'jsonSyntax' : 'syntax', data: { reason: p.message } } : {}),
      });
    }
  }
  return { result: { file, findings: findings.sort(compareFindings), pools: [] } as FileResultBase, stage: 'read' };
}
