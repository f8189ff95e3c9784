/**
 * Compiles policy expressions with mathjs, loaded only when a policy exists (it costs ~600 ms).
 * Evaluated in mathjs's own expression sandbox (no JavaScript, no Node, no file system), with only
 * the pool's figures and the group's as symbols, and only what tests figures allowed: scalar
 * operators and the functions of POLICY_FUNCTIONS, no ranges (`1:1e9`), no assignments, nothing
 * that builds a matrix (`ones(1e5, 1e5)`) or loops. So a policy runs in time and memory bounded
 * by its length, on every pool of every file. The functions that could reach outside the sandbox
 * (import, createUnit, evaluate, parse, ...) are also replaced by ones that throw.
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

/** The functions a policy may call: each takes and gives single values, in constant time. */
export const POLICY_FUNCTIONS = [
  'abs', 'ceil', 'floor', 'round', 'fix', 'sign', 'sqrt', 'cbrt', 'exp', 'log', 'log10', 'log2',
  'min', 'max', 'mod', 'pow', 'gcd', 'lcm', 'hypot',
  'add', 'subtract', 'multiply', 'divide', 'equal', 'unequal', 'larger', 'largerEq', 'smaller', 'smallerEq', 'compare',
  'and', 'or', 'not', 'xor', 'isInteger', 'isNaN', 'isNegative', 'isPositive', 'isZero',
  'equalText', 'compareText', 'number', 'string', 'boolean',
] as const;
const ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set(POLICY_FUNCTIONS);

/**
 * The operators a policy may use (by the function mathjs gives them): arithmetic, comparison,
 * logic and bitwise ones on single values; not `to`/`in` (units).
 */
const ALLOWED_OPERATORS: ReadonlySet<string> = new Set([
  'add', 'subtract', 'multiply', 'divide', 'mod', 'pow', 'unaryMinus', 'unaryPlus', 'factorial',
  'dotMultiply', 'dotDivide', 'dotPow',
  'equal', 'unequal', 'larger', 'largerEq', 'smaller', 'smallerEq', 'and', 'or', 'xor', 'not',
  'bitAnd', 'bitOr', 'bitXor', 'bitNot', 'leftShift', 'rightArithShift', 'rightLogShift',
]);

/** Why a kind of node is not allowed in a policy; absent for the kinds that are. */
const NOT_ALLOWED_NODES: Readonly<Record<string, string>> = {
  RangeNode: 'a range (a:b) is not allowed in policies; a policy tests one pool\'s figures',
  AssignmentNode: 'the expression assigns a value; a policy only tests the figures',
  FunctionAssignmentNode: 'the expression assigns a value; a policy only tests the figures',
  BlockNode: 'a policy is one expression, not several separated by ; or a new line',
  ObjectNode: 'an object ({...}) is not allowed in policies; a policy tests one pool\'s figures',
};
const CONSTANTS = new Set(['true', 'false', 'null', 'pi', 'e', 'Infinity', 'NaN']);

interface MathNode {
  type: string;
  name?: string;
  /** A FunctionNode's callee; an OperatorNode's function name. */
  fn?: MathNode | string;
  /** An OperatorNode's operator as written. */
  op?: string;
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
  const isFunction = (name: string) => ALLOWED_FUNCTIONS.has(name) && typeof math[name] === 'function';

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
    // The first thing the expression may not do, as a message.
    let refused: string | undefined;
    node.traverse((n, path, parent) => {
      if (refused !== undefined) return;
      const calledAs = parent?.type === 'FunctionNode' && path === 'fn';
      if (NOT_ALLOWED_NODES[n.type] !== undefined) refused = NOT_ALLOWED_NODES[n.type];
      else if (n.type === 'OperatorNode' && !ALLOWED_OPERATORS.has(String(n.fn))) refused = `the operator "${n.op ?? String(n.fn)}" is not allowed in policies (units and matrices are not a pool's figures)`;
      else if (n.type === 'FunctionNode' && (typeof n.fn !== 'object' || n.fn.type !== 'SymbolNode')) refused = `only a function named in the expression can be called; a policy may call ${POLICY_FUNCTIONS.join(', ')}`;
      else if (n.type !== 'SymbolNode' || n.name === undefined) return;
      else if (calledAs && !isFunction(n.name)) {
        refused = typeof math[n.name] === 'function' || (DISABLED as readonly string[]).includes(n.name)
          ? `the function ${n.name} is not allowed in policies (a policy may call ${POLICY_FUNCTIONS.join(', ')})`
          : `unknown function "${n.name}"; a policy may call ${POLICY_FUNCTIONS.join(', ')}`;
      } else if (!calledAs && !(n.name in POOL_SYMBOLS || CONSTANTS.has(n.name))) {
        refused = `unknown symbol "${n.name}"${hint(n.name)}; a policy sees ${Object.keys(POOL_SYMBOLS).join(', ')}`;
      }
    });
    if (refused !== undefined) {
      problems.push({ index, message: refused });
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
