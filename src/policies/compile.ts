/**
 * Compiles policy expressions with mathjs, loaded only when a policy exists (it is the heaviest module pooltopo uses).
 * Evaluated in mathjs's own expression sandbox (no JavaScript, no Node, no file system), with only
 * the pool's figures and the group's as symbols, and only what tests figures allowed: scalar
 * operators and the functions of POLICY_FUNCTIONS, no ranges (`1:1e9`), no assignments, nothing
 * that builds a matrix (`ones(1e5, 1e5)`) or loops. So a policy runs in time and memory bounded
 * by its length, on every pool of every file. The functions that could reach outside the sandbox
 * (import, createUnit, evaluate, parse, ...) are also replaced by ones that throw.
 */
import { closest } from '../util/suggest.js';
import { POOL_SYMBOLS } from '../kinds/scom/analysis/policy-scope.js';
import type { CompiledPolicy, PolicyDefinition } from '../core/policy.js';

export interface PolicyProblem {
  /** Index of the policy in the config's list. */
  readonly index: number;
  readonly message: string;
  /** The field concerned: the expression (default) or the message. */
  readonly field?: 'assert' | 'message';
  /** Character offset in that field's text, where known. */
  readonly at?: number;
}

const DISABLED = [
  'import',
  'createUnit',
  'evaluate',
  'parse',
  'simplify',
  'simplifyConstant',
  'simplifyCore',
  'derivative',
  'resolve',
  'compile',
  'reviver',
  'replacer',
  'config',
  'chain',
  'rationalize',
  'leafCount',
] as const;

/** The functions a policy may call: each takes and gives single values, in constant time. */
export const POLICY_FUNCTIONS = [
  'abs',
  'ceil',
  'floor',
  'round',
  'fix',
  'sign',
  'sqrt',
  'cbrt',
  'exp',
  'log',
  'log10',
  'log2',
  'min',
  'max',
  'mod',
  'pow',
  'gcd',
  'lcm',
  'hypot',
  'add',
  'subtract',
  'multiply',
  'divide',
  'equal',
  'unequal',
  'larger',
  'largerEq',
  'smaller',
  'smallerEq',
  'compare',
  'and',
  'or',
  'not',
  'xor',
  'isInteger',
  'isNaN',
  'isNegative',
  'isPositive',
  'isZero',
  'equalText',
  'compareText',
  'number',
  'string',
  'boolean',
] as const;
const ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set(POLICY_FUNCTIONS);

/**
 * The operators a policy may use (by the function mathjs gives them): arithmetic, comparison,
 * logic and bitwise ones on single values; not `to`/`in` (units).
 */
const ALLOWED_OPERATORS: ReadonlySet<string> = new Set([
  'add',
  'subtract',
  'multiply',
  'divide',
  'mod',
  'pow',
  'unaryMinus',
  'unaryPlus',
  'factorial',
  'dotMultiply',
  'dotDivide',
  'dotPow',
  'equal',
  'unequal',
  'larger',
  'largerEq',
  'smaller',
  'smallerEq',
  'and',
  'or',
  'xor',
  'not',
  'bitAnd',
  'bitOr',
  'bitXor',
  'bitNot',
  'leftShift',
  'rightArithShift',
  'rightLogShift',
]);

/**
 * The kinds of node a policy may hold: single values, their operators, calls and conditions. An
 * array, a matrix, an index, an accessor, an object or a range would let a short expression build
 * and work on values of any size (`[[...]]^9`, `min([1,2,3])`).
 */
const ALLOWED_NODES: ReadonlySet<string> = new Set([
  'ConstantNode',
  'SymbolNode',
  'OperatorNode',
  'FunctionNode',
  'ParenthesisNode',
  'ConditionalNode',
  'RelationalNode',
]);

/** Why a kind of node is not allowed in a policy, for the kinds a reader may try. */
const NOT_ALLOWED_NODES: ReadonlyMap<string, string> = new Map([
  ['RangeNode', "a range (a:b) is not allowed in policies; a policy tests one pool's figures"],
  ['AssignmentNode', 'the expression assigns a value; a policy only tests the figures'],
  ['FunctionAssignmentNode', 'the expression assigns a value; a policy only tests the figures'],
  ['BlockNode', 'a policy is one expression, not several separated by ; or a new line'],
  ['ObjectNode', "an object ({...}) is not allowed in policies; a policy tests one pool's figures"],
  ['ArrayNode', "a list or matrix ([...]) is not allowed in policies; a policy tests one pool's figures"],
  ['IndexNode', "an index ([...] or .name after a value) is not allowed in policies; a policy tests one pool's figures"],
  ['AccessorNode', "an index ([...] or .name after a value) is not allowed in policies; a policy tests one pool's figures"],
]);

/** The longest expression a policy may have, so that parsing and checking it stay bounded. */
export const MAX_POLICY_EXPRESSION = 1000;

const CONSTANTS = new Set(['true', 'false', 'null', 'pi', 'e', 'Infinity', 'NaN']);

interface MathNode {
  type: string;
  name?: string;
  /** A FunctionNode's callee; an OperatorNode's function name. */
  fn?: MathNode | string;
  /** An OperatorNode's operator as written. */
  op?: string;
  /** An AccessorNode's value and index; an IndexNode's dimensions, and whether it is `.name`. */
  object?: MathNode;
  index?: MathNode;
  dimensions?: MathNode[];
  dotNotation?: boolean;
  value?: unknown;
  traverse(callback: (node: MathNode, path: string, parent: MathNode | null) => void): void;
  compile(): { evaluate(scope: ReadonlyMap<string, unknown>): unknown };
}

export async function compilePolicies(
  definitions: readonly PolicyDefinition[],
  sampleScope: ReadonlyMap<string, unknown>,
): Promise<{ policies: CompiledPolicy[]; problems: PolicyProblem[] }> {
  if (definitions.length === 0) return { policies: [], problems: [] };
  const { create, all } = await import('mathjs');
  const math = create(all!) as unknown as Record<string, unknown> & { parse(expr: string): MathNode; import(o: object, opts: object): void };
  const parse = math.parse.bind(math);
  const disabled: Record<string, () => never> = {};
  for (const name of DISABLED)
    disabled[name] = () => {
      throw new Error(`the function ${name} is disabled in policies`);
    };
  math.import(disabled, { override: true });
  const isFunction = (name: string) => ALLOWED_FUNCTIONS.has(name) && typeof math[name] === 'function';

  const policies: CompiledPolicy[] = [];
  const problems: PolicyProblem[] = [];
  definitions.forEach((definition, index) => {
    let node: MathNode;
    if (definition.assert.length > MAX_POLICY_EXPRESSION) {
      problems.push({
        index,
        message: `the expression is ${definition.assert.length.toLocaleString('en-US')} characters long; a policy has at most ${MAX_POLICY_EXPRESSION.toLocaleString('en-US')}`,
        at: MAX_POLICY_EXPRESSION,
      });
      return;
    }
    try {
      node = parse(definition.assert);
    } catch (err) {
      const e = err as Error & { char?: number };
      if (e instanceof RangeError) {
        problems.push({ index, message: 'the expression nests too deeply; write it with fewer parentheses' });
        return;
      }
      problems.push({
        index,
        message: `the expression does not parse: ${e.message.replace(/\s*\(char \d+\)$/, '')}`,
        ...(typeof e.char === 'number' ? { at: e.char } : {}),
      });
      return;
    }
    // The first thing the expression may not do, as a message.
    let refused: string | undefined;
    try {
      node.traverse((n, path, parent) => {
        if (refused !== undefined) return;
        const calledAs = parent?.type === 'FunctionNode' && path === 'fn';
        if (isFigureOfFigure(n, parent, path)) {
          if (n.type === 'AccessorNode') refused = fieldProblem(n, sampleScope);
          return;
        }
        if (!ALLOWED_NODES.has(n.type)) refused = NOT_ALLOWED_NODES.get(n.type) ?? `a ${n.type} is not allowed in policies; a policy tests one pool's figures`;
        else if (n.type === 'OperatorNode' && !ALLOWED_OPERATORS.has(String(n.fn)))
          refused = `the operator "${n.op ?? String(n.fn)}" is not allowed in policies (units and matrices are not a pool's figures)`;
        else if (n.type === 'FunctionNode' && (typeof n.fn !== 'object' || n.fn.type !== 'SymbolNode'))
          refused = `only a function named in the expression can be called; a policy may call ${POLICY_FUNCTIONS.join(', ')}`;
        else if (n.type !== 'SymbolNode' || n.name === undefined) return;
        else if (calledAs && !isFunction(n.name)) {
          refused =
            typeof math[n.name] === 'function' || (DISABLED as readonly string[]).includes(n.name)
              ? `the function ${n.name} is not allowed in policies (a policy may call ${POLICY_FUNCTIONS.join(', ')})`
              : `unknown function "${n.name}"; a policy may call ${POLICY_FUNCTIONS.join(', ')}`;
        } else if (!calledAs && !(Object.prototype.hasOwnProperty.call(POOL_SYMBOLS, n.name) || CONSTANTS.has(n.name))) {
          refused = `unknown symbol "${n.name}"${hint(n.name)}; a policy sees ${Object.keys(POOL_SYMBOLS).join(', ')}`;
        }
      });
    } catch {
      // Nesting deeper than the engine's stack: within the length cap only parentheses do that.
      refused = 'the expression nests too deeply; write it with fewer parentheses';
    }
    if (refused !== undefined) {
      problems.push({ index, message: refused });
      return;
    }
    const placeholder = placeholderProblem(definition.message, sampleScope);
    if (placeholder) {
      problems.push({ index, field: 'message', ...placeholder });
      return;
    }
    // Try it once on a sample pool, so that a mistake shows now rather than in every file.
    let policy: CompiledPolicy;
    try {
      const code = node.compile();
      policy = { definition, evaluate: (scope) => code.evaluate(new Map(scope)) };
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
 * A `{{name}}` in the message that would be printed as it is: formatMessage (src/util/message.ts)
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

/**
 * `group.name` or `withDefaultObserver.tolerableFailures`: a field, by `.name`, of a figure that
 * is an object (the AccessorNode, its IndexNode and the field's name in it).
 */
function isFigureOfFigure(n: MathNode, parent: MathNode | null, path: string): boolean {
  const dotted = (a: MathNode | null | undefined) =>
    a?.type === 'AccessorNode' &&
    a.object?.type === 'SymbolNode' &&
    a.index?.type === 'IndexNode' &&
    a.index.dotNotation === true &&
    a.index.dimensions?.length === 1 &&
    a.index.dimensions[0]!.type === 'ConstantNode';
  if (n.type === 'AccessorNode') return dotted(n);
  if (n.type === 'IndexNode') return path === 'index' && dotted(parent);
  return n.type === 'ConstantNode' && parent?.type === 'IndexNode' && parent.dotNotation === true;
}

/** Why `figure.field` names nothing: the figure is not an object, or has no such field of its own. */
function fieldProblem(n: MathNode, scope: ReadonlyMap<string, unknown>): string | undefined {
  const figure = n.object!.name!;
  const field = String(n.index!.dimensions![0]!.value);
  const value = scope.get(figure);
  if (value === undefined) return `unknown symbol "${figure}"${hint(figure)}; a policy sees ${Object.keys(POOL_SYMBOLS).join(', ')}`;
  if (value === null || typeof value !== 'object') return `"${figure}" is a single figure; it has no field "${field}"`;
  if (!Object.prototype.hasOwnProperty.call(value, field)) return `"${figure}" has no field "${field}"; it has ${Object.keys(value).join(', ')}`;
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
