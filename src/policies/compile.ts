/**
 * Compiles policy expressions with mathjs, loaded only when a policy exists (it costs ~600 ms).
 * Evaluated in mathjs's own expression sandbox (no JavaScript, no Node, no file system), with the
 * functions that could reach outside it (import, createUnit, evaluate, parse, ...) disabled, and
 * only the pool's figures and the group's as symbols.
 */
import { closest } from '../util/suggest.js';
import { POOL_SYMBOLS } from './scope.js';
import type { CompiledPolicy, PolicyDefinition } from './types.js';

export interface PolicyProblem {
  /** Index of the policy in the config's list. */
  readonly index: number;
  readonly message: string;
  /** The field concerned: the expression (default) or the message. */
  readonly field?: 'assert' | 'message';
  /** Character offset in that field's text, where known. */
  readonly at?: number;
}

const DISABLED = ['import', 'createUnit', 'evaluate', 'parse', 'simplify', 'simplifyConstant', 'simplifyCore', 'derivative', 'resolve', 'compile', 'reviver', 'replacer', 'config', 'chain', 'rationalize', 'leafCount'] as const;
const CONSTANTS = new Set(['true', 'false', 'null', 'pi', 'e', 'Infinity', 'NaN']);

interface MathNode {
  type: string;
  name?: string;
  fn?: MathNode;
  traverse(callback: (node: MathNode, path: string, parent: MathNode | null) => void): void;
  compile(): { evaluate(scope: ReadonlyMap<string, unknown>): unknown };
}

export async function compilePolicies(definitions: readonly PolicyDefinition[], sampleScope: ReadonlyMap<string, unknown>): Promise<{ policies: CompiledPolicy[]; problems: PolicyProblem[] }> {
  if (definitions.length === 0) return { policies: [], problems: [] };
  const { create, all } = await import('mathjs');
  const math = create(all!) as unknown as Record<string, unknown> & { parse(expr: string): MathNode; import(o: object, opts: object): void };
  const parse = math.parse.bind(math);
  const disabled: Record<string, () => never> = {};
  for (const name of DISABLED) disabled[name] = () => { throw new Error(`the function ${name} is disabled in policies`); };
  math.import(disabled, { override: true });
  const isFunction = (name: string) => !(DISABLED as readonly string[]).includes(name) && typeof math[name] === 'function';

  const policies: CompiledPolicy[] = [];
  const problems: PolicyProblem[] = [];
  definitions.forEach((definition, index) => {
    let node: MathNode;
    try {
      node = parse(definition.assert);
    } catch (err) {
      const e = err as Error & { char?: number };
      problems.push({ index, message: `the expression does not parse: ${e.message.replace(/\s*\(char \d+\)$/, '')}`, ...(typeof e.char === 'number' ? { at: e.char } : {}) });
      return;
    }
    const unknown: string[] = [];
    node.traverse((n, path, parent) => {
      if (n.type === 'FunctionAssignmentNode' || n.type === 'AssignmentNode') unknown.push('(assignment)');
      if (n.type !== 'SymbolNode' || n.name === undefined) return;
      const calledAs = parent?.type === 'FunctionNode' && path === 'fn';
      if (calledAs && (DISABLED as readonly string[]).includes(n.name)) unknown.push(`(disabled)${n.name}`);
      else if (calledAs ? !isFunction(n.name) : !(n.name in POOL_SYMBOLS || CONSTANTS.has(n.name))) unknown.push(n.name);
    });
    if (unknown.length > 0) {
      const [name] = unknown;
      const message = name === '(assignment)'
        ? 'the expression assigns a value; a policy only tests the figures'
        : name!.startsWith('(disabled)')
          ? `the function ${name!.slice(10)} is not allowed in policies`
          : `unknown symbol "${name}"${hint(name!)}; a policy sees ${Object.keys(POOL_SYMBOLS).join(', ')}`;
      problems.push({ index, message });
      return;
    }
    const placeholder = placeholderProblem(definition.message, sampleScope);
    if (placeholder) {
      problems.push({ index, field: 'message', ...placeholder });
      return;
    }
    const code = node.compile();
    const policy: CompiledPolicy = { definition, evaluate: (scope) => code.evaluate(new Map(scope)) };
    // Try it once on a sample pool, so that a mistake shows now rather than in every file.
    try {
      const result = policy.evaluate(sampleScope);
      if (typeof result !== 'boolean') {
        problems.push({ index, message: `the expression gives ${describe(result)}, not true or false; write a comparison such as "tolerableFailures >= 2"` });
        return;
      }
    } catch (err) {
      const text = (err as Error).message;
      const hintText = /Cannot convert ".*" to a number/.test(text) ? ' (compare text with equalText(name, "…"), not ==)' : '';
      problems.push({ index, message: `the expression fails: ${text}${hintText}` });
      return;
    }
    policies.push(policy);
  });
  return { policies, problems };
}

/**
 * A `{{name}}` in the message that would be printed as it is: formatMessage (src/rules/types.ts)
 * fills in `{{word}}` only, with no spaces inside the braces, and only figures that are one value
 * (text, a number, true or false), not `group` or `withDefaultObserver`.
 */
function placeholderProblem(message: string, scope: ReadonlyMap<string, unknown>): { message: string; at: number } | undefined {
  const shown = [...scope].filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v)).map(([k]) => k);
  const list = `; a message can show ${shown.join(', ')}`;
  for (const m of message.matchAll(/\{\{([^{}]*)\}\}/g)) {
    const inner = m[1]!;
    const name = inner.trim();
    if (shown.includes(name)) {
      if (inner === name) continue;
      return { message: `placeholder "${m[0]}" in the message has spaces; write "{{${name}}}"`, at: m.index };
    }
    if (scope.has(name)) return { message: `placeholder "${m[0]}" in the message is not a single figure${list}`, at: m.index };
    const [near] = closest(name, shown, 1);
    return { message: `unknown placeholder "${m[0]}" in the message${near ? ` (did you mean "{{${near}}}"?)` : ''}${list}`, at: m.index };
  }
  return undefined;
}

function hint(name: string): string {
  const [near] = closest(name, Object.keys(POOL_SYMBOLS), 1);
  return near ? ` (did you mean "${near}"?)` : '';
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'object') return 'a value that is not a truth value';
  return `${typeof value} ${String(value)}`;
}
