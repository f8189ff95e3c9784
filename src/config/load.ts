/**
 * Finding and reading the config file: `--config FILE`, else `.pooltopo.yaml` (or `.yml`) found
 * upward from the working directory. Anything wrong with it is a `PooltopoError` (exit code 2) naming
 * file:line:column.
 */
import { lstatSync } from 'node:fs';
import * as path from 'node:path';
import { NotRegularFileError, PooltopoError } from '../util/errors.js';
import { DEFAULT_READ_LIMITS, readTopologyFile } from '../io/files/read.js';
import { ignoreListProblem } from '../io/files/ignore.js';
import { parseDocument, syntaxOf } from '../io/yaml/parse.js';
import { checkConfigSchema } from '../io/schema.js';
import { pointer, pointerTokens, type SourceMap } from '../io/yaml/source-map.js';
import { checkOptionKeys, type RuleSetting } from '../core/pipeline.js';
import { compilePolicies } from '../policies/compile.js';
import { sampleScope } from '../kinds/scom/analysis/policy-scope.js';
import type { PolicyDefinition } from '../core/policy.js';
import { RULES, ruleSettingProblem } from '../rules/index.js';
import { groupThousands, plural, type Severity } from '../core/rule.js';
import type { Settings } from '../core/settings.js';
import { CONFIG_FILE_NAMES, NO_CONFIG, type Config } from '../core/config.js';
import type { ParseLimits } from '../io/yaml/parse.js';
import type { ReadLimits } from '../io/files/read.js';

interface ConfigDocument {
  rules?: Record<string, RuleSetting>;
  settings?: Partial<Settings>;
  ignore?: string[];
  limits?: Partial<ParseLimits & ReadLimits>;
  policies?: { id: string; severity?: Severity; assert: string; message: string; description?: string }[];
}

/** The config file that applies to `cwd`: the one named, or the nearest `.pooltopo.yaml` upward. */
export async function findConfigFile(cwd: string, explicit?: string): Promise<string | undefined> {
  return (await findConfig(cwd, explicit)).file;
}

/**
 * The config file that applies, and the other names of CONFIG_FILE_NAMES in its folder, which are
 * not read (`.pooltopo.yml` beside `.pooltopo.yaml`).
 */
async function findConfig(cwd: string, explicit?: string): Promise<{ file?: string; passedOver: string[] }> {
  if (explicit !== undefined) return { file: path.resolve(cwd, explicit), passedOver: [] };
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const found = CONFIG_FILE_NAMES.map((name) => path.join(dir, name)).filter(exists);
    // Anything else of that name (a pipe, a folder) is the config that applies, which
    // loadConfig then refuses, rather than passed over for one further up.
    if (found.length > 0) return { file: found[0]!, passedOver: found.slice(1) };
    if (path.dirname(dir) === dir) return { passedOver: [] };
  }
}

/**
 * Whether anything has that name, a link to nothing or to itself included: it is the config that
 * applies, which loadConfig then refuses to read (exit 2) rather than pass over for a parent
 * folder's config.
 */
function exists(candidate: string): boolean {
  // Synchronous, and no error for a missing file: every start asks in each folder up to the
  // root, and a thrown ENOENT (and node:fs/promises, loaded for it) cost more than the asking.
  try {
    return lstatSync(candidate, { throwIfNoEntry: false }) !== undefined;
  } catch {
    // not readable here (a folder without search permission): as if absent
    return false;
  }
}

/** Every option loadConfig takes: a misspelt one is refused, as validate refuses one. */
const LOAD_CONFIG_OPTION_KEYS = { onWarning: true } satisfies Record<keyof LoadConfigOptions, true>;

/** What loadConfig may tell beside the config it returns. */
export interface LoadConfigOptions {
  /**
   * Called with a warning that does not stop the run: a `.pooltopo.yml` in the same folder as the
   * `.pooltopo.yaml` read, which is not read.
   */
  readonly onWarning?: ((message: string) => void) | undefined;
}

/**
 * Reads the project configuration that applies to `cwd`: the file `explicit` names (relative to
 * `cwd`), else the nearest `.pooltopo.yaml` or `.pooltopo.yml` found upward from `cwd`. Returns it
 * checked, its policies compiled, ready for `validate(inputs, { config })`; without a file, a Config
 * with nothing set (`file` undefined, `dir` = `cwd`). Throws `PooltopoError` when the file cannot be
 * read, is not UTF-8 or YAML, or breaks the config schema (an unknown key, rule id or setting, a bad
 * severity or limit, a policy that does not compile), naming `file:line:column`. Another config file
 * name in the same folder (`.pooltopo.yml` beside `.pooltopo.yaml`) is not read, and `onWarning` is
 * told so.
 */
export async function loadConfig(cwd: string, explicit?: string, options: LoadConfigOptions = {}): Promise<Config> {
  if (typeof cwd !== 'string' || cwd === '') throw new PooltopoError('loadConfig needs the folder to start from as a path (loadConfig(process.cwd()))');
  if (explicit !== undefined && (typeof explicit !== 'string' || explicit === ''))
    throw new PooltopoError('loadConfig: the config file, where given, must be a path');
  checkOptionKeys(options, LOAD_CONFIG_OPTION_KEYS, false);
  if (options.onWarning !== undefined && typeof options.onWarning !== 'function') throw new PooltopoError('options.onWarning: must be a function');
  const { file, passedOver } = await findConfig(cwd, explicit);
  if (file === undefined) return NO_CONFIG(cwd);
  // Named as given with --config, else relative to the working directory (`../.pooltopo.yaml`).
  const shown = explicit ?? (path.relative(cwd, file) || file);
  // As a topology file is read: a pipe or a device (`/dev/zero`) is refused rather than waited on
  // or read forever, and a file over the default size limit is not read.
  let read;
  try {
    read = readTopologyFile(shown, cwd, DEFAULT_READ_LIMITS, 'config file ');
  } catch (err) {
    // `--config /dev/null` for no config at all: say how.
    if (err instanceof NotRegularFileError) throw new PooltopoError(`${err.message}; --no-config runs without one`);
    throw err;
  }
  if (!read.ok) throw new PooltopoError(`${shown}: ${read.message}`);
  const config = await parseConfig(read.text, shown, path.dirname(file));
  for (const other of passedOver) {
    // As Jest does with two config files: say which one is read, rather than leave an edit to the
    // other one to do nothing without a word. Only once it is read: a config that stops the run
    // is its one line on standard error.
    options.onWarning?.(`"${path.relative(cwd, other) || other}" is not read: "${shown}" beside it is the config file that applies (remove one of them)`);
  }
  return config;
}

/** Reads a config file's text; `shown` names it in messages. */
export async function parseConfig(text: string, shown: string, dir: string): Promise<Config> {
  const parsed = parseDocument(text, undefined, syntaxOf(shown));
  if (!parsed.ok) {
    const [p] = parsed.problems;
    const { line, column } = parsed.sourceMap.positionOf(p!.offset);
    const reason = p!.json ? `not valid JSON (${p!.message}), which a file named .json must be; fix it, or rename the file .yaml` : p!.message;
    throw new PooltopoError(`${shown}:${line}:${column}: bad config file: ${reason}`);
  }
  const { value, sourceMap } = parsed;
  const at = (ptr: string, key = false) => {
    const { line, column } = sourceMap.locate(ptr, key ? 'key' : 'value');
    return `${shown}:${line}:${column}`;
  };
  if (value === null) return { ...NO_CONFIG(dir), file: shown };
  const violations = await checkConfigSchema(value, (p) => sourceMap.isPlainScalar(p));
  if (violations.length > 0) {
    // The first problem at its position, and how many more there are, the rules' ids among them
    // (a misspelt id is no schema violation, and would otherwise only show once the rest is fixed).
    const [v] = violations;
    // A rule's entry the schema already faults (a key that is no rule id's shape, a severity that
    // is none) counts once.
    const faulted = new Set(
      violations
        .map((x) => pointerTokens(x.path))
        .filter((t) => t[0] === 'rules' && t.length > 1)
        .map((t) => t[1]!),
    );
    const more = violations.length - 1 + rulesProblems(value).filter((r) => !faulted.has(r.id)).length;
    throw new PooltopoError(`${at(v!.path, v!.at === 'key')}: bad config file: ${sentence(v!.message, moreProblems(more))}`);
  }
  const doc = value as ConfigDocument;
  const ignoreProblem = ignoreListProblem(doc.ignore ?? []);
  if (ignoreProblem) throw new PooltopoError(`${at(pointer('ignore', ignoreProblem.index))}: bad config file: ${ignoreProblem.problem}.`);
  const known = RULES.map((r) => r.meta.id);
  const policyIds = new Set<string>();
  const idProblems: { readonly where: string; readonly problem: string }[] = [];
  for (const [i, p] of (doc.policies ?? []).entries()) {
    if (known.includes(p.id) || policyIds.has(p.id)) {
      idProblems.push({
        where: at(pointer('policies', i, 'id')),
        problem: `policy id "${p.id}" is already ${known.includes(p.id) ? 'a built-in rule' : 'used by another policy'}`,
      });
    }
    policyIds.add(p.id);
  }
  const definitions: PolicyDefinition[] = (doc.policies ?? []).map((p) => ({
    id: p.id,
    severity: p.severity ?? 'warning',
    assert: p.assert,
    message: p.message,
    ...(p.description !== undefined ? { description: p.description } : {}),
  }));
  // The first problem at its position, and how many more there are (as for schema violations):
  // policy ids, rules and the policies' own, so that fixing one kind reveals no other only then.
  const ruleProblems = rulesProblems(doc);
  const compiled = await compilePolicies(definitions, sampleScope());
  const total = idProblems.length + ruleProblems.length + compiled.problems.length;
  if (idProblems.length > 0) {
    const [{ where, problem }] = idProblems as [{ where: string; problem: string }];
    throw new PooltopoError(`${where}: bad config file: ${sentence(problem, moreProblems(total - 1))}`);
  }
  if (ruleProblems.length > 0) {
    const [{ id, problem }] = ruleProblems as [{ id: string; problem: string }];
    throw new PooltopoError(`${at(pointer('rules', id), true)}: bad config file: ${sentence(problem, moreProblems(total - 1))}`);
  }
  const { policies, problems } = compiled;
  if (problems.length > 0) {
    const [problem] = problems;
    const definition = definitions[problem!.index]!;
    const field = problem!.field ?? 'assert';
    // The first problem at its position, and how many more policies have one (compilePolicies
    // stops at a policy's first problem, so they are counted by policy).
    const more = problems.length - 1;
    const others = more === 0 ? '' : more === 1 ? ' (and 1 more policy with a problem)' : ` (and ${groupThousands(more)} more policies with problems)`;
    throw new PooltopoError(
      `${policyPosition(sourceMap, shown, problem!.index, field, definition[field], problem!.at)}: bad config file: policy "${definition.id}": ${sentence(problem!.message, others)}`,
    );
  }
  return {
    file: shown,
    dir,
    rules: { ...(doc.rules ?? {}) },
    settings: { ...(doc.settings ?? {}) },
    ignore: [...(doc.ignore ?? [])],
    policies,
    limits: { ...(doc.limits ?? {}) },
  };
}

/**
 * The position of a policy's expression or message (`value`, as read), moved to the offending
 * character where the file has it there: on the value's line, with no escape or fold before it.
 */
function policyPosition(sourceMap: SourceMap, shown: string, index: number, field: 'assert' | 'message', value: string, char?: number): string {
  const ptr = pointer('policies', index, field);
  const { line, column } = sourceMap.locate(ptr);
  if (char === undefined) return `${shown}:${line}:${column}`;
  const lineText = sourceMap.text.split(/\r?\n/)[line - 1] ?? '';
  const quote = lineText.charAt(column - 1) === '"' || lineText.charAt(column - 1) === "'" ? 1 : 0;
  const start = column - 1 + quote;
  const same = lineText.slice(start, start + char + 1) === value.slice(0, char + 1);
  return `${shown}:${line}:${same ? column + quote + char : column}`;
}

/**
 * A config file's first problem and what follows it (`more`: how many more there are, or ''), as
 * one sentence: a full stop at its end, but after a question or an exclamation with nothing after it.
 */
function sentence(problem: string, more: string): string {
  const text = `${problem.replace(/\.$/, '')}${more}`;
  return more === '' && /[?!]$/.test(text) ? text : `${text}.`;
}

/** ` (and 2 more problems)`, or '' for none. */
function moreProblems(count: number): string {
  return count > 0 ? ` (and ${plural(count, 'more problem')})` : '';
}

/**
 * What is wrong with the config's `rules` beyond its schema: unknown ids, and fixed rules set to
 * another severity. Read from the document as it is, before or after the schema passed it: only
 * string settings count (the schema reports the others), and only ids a policy that has one does
 * not define.
 */
function rulesProblems(document: unknown): { id: string; problem: string }[] {
  const doc = document as { rules?: unknown; policies?: unknown } | null;
  const rules = doc?.rules;
  if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) return [];
  const policyIds = new Set<string>();
  if (Array.isArray(doc?.policies)) {
    for (const p of doc.policies as { id?: unknown }[]) if (typeof p?.id === 'string') policyIds.add(p.id);
  }
  return Object.entries(rules).flatMap(([id, setting]) => {
    const problem = typeof setting === 'string' ? ruleSettingProblem(id, setting, policyIds) : undefined;
    return problem ? [{ id, problem }] : [];
  });
}
