/**
 * Schema stage: the document against schemas/topology.schema.json, one violation per finding, with
 * a message a person understands rather than ajv's raw text.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { clip, formatFigure, plural } from '../util/message.js';
import { closest } from '../util/suggest.js';
import { escapePointerToken, pointerTokens } from './yaml/source-map.js';

export interface SchemaViolation {
  readonly message: string;
  /** JSON Pointer of the offending node. */
  readonly path: string;
  readonly at: 'key' | 'value';
}

let schemaText: string | undefined;
/** The JSON Schema of the topology format (schemas/topology.schema.json) as text, as `pooltopo schema` prints it, for editors and other tools. */
export function topologySchemaText(): string {
  schemaText ??= readFileSync(fileURLToPath(new URL('../../schemas/topology.schema.json', import.meta.url)), 'utf8');
  return schemaText;
}

let topology: Promise<ValidateFunction> | undefined;
let config: Promise<ValidateFunction> | undefined;

/** The validators precompiled from the schemas at build time (tools/build/validator.mjs): no ajv compile at run time. */
function topologyValidator(): Promise<ValidateFunction> {
  topology ??= import('./generated/topology-validator.js').then((m) => m.default);
  return topology;
}

function configValidator(): Promise<ValidateFunction> {
  config ??= import('./generated/config-validator.js').then((m) => m.default);
  return config;
}

/**
 * Violations of the topology schema; a document that is empty gives one at its root. `writtenPlain`
 * says whether the node at a JSON Pointer is a plain scalar in the text (not quoted, not tagged):
 * a plain number past a double's range is left a string by the YAML reader, and is named as the
 * number it is written as rather than as a string. `longestText` is the reader's word that no
 * string of `value` is longer and none holds a line break or control character (ParseResult's).
 */
export async function checkSchema(
  value: unknown,
  writtenPlain: (pointer: string) => boolean,
  max = Infinity,
  ownValidator?: ValidateFunction,
  longestText?: number,
): Promise<SchemaViolations> {
  if (value === null || value === undefined) return { violations: [{ message: '', path: '', at: 'value' }], more: 0 };
  const found = violations(ownValidator ?? (await topologyValidator()), value, writtenPlain, max);
  // Where the reader has already vouched for every text, the walk could find nothing.
  if (longestText !== undefined && longestText <= MAX_TEXT) return found;
  const long = textProblems(value, new Set(found.violations.map((v) => v.path)), max - found.violations.length);
  if (long.length === 0) return found;
  const all = [...found.violations, ...long];
  return found.firstMore ? { violations: all, more: found.more, firstMore: found.firstMore } : { violations: all, more: found.more };
}

/**
 * The longest text any value of a topology may be, names aside (definitions/name bounds those to
 * 255): a description, a script's path, an operating system. Longer, one value alone could make
 * a report that a browser takes seconds to lay out.
 */
export const MAX_TEXT = 1000;

/** Deeper than any value of the format (`/pools/0/backupService/exportStatus` is 4). */
const MAX_TEXT_DEPTH = 32;

/** A character that would start a line of its own, or act on a terminal: names and texts hold none. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * Every string value longer than MAX_TEXT, or holding a line break or a control character, but
 * those at `reported` paths, up to `max` of them: as names are (definitions/name), every text of a
 * topology is one line, so no output carries a line the file chose.
 */
function textProblems(value: unknown, reported: ReadonlySet<string>, max: number): SchemaViolation[] {
  const out: SchemaViolation[] = [];
  // The path is kept as tokens and made a pointer only for a text found wrong.
  const tokens: (string | number)[] = [];
  const walk = (node: unknown): void => {
    // No value of the format nests deeper than a few levels: deeper, the schema has said so.
    if (out.length >= max || tokens.length > MAX_TEXT_DEPTH) return;
    if (typeof node === 'string') {
      const long = node.length > MAX_TEXT;
      if (!long && !CONTROL.test(node)) return;
      let path = '';
      for (const t of tokens) path += `/${escapePointerToken(t)}`;
      if (reported.has(path)) return;
      const field = capital(fieldName(path));
      out.push(
        long
          ? { message: `${field} must be at most ${MAX_TEXT.toLocaleString('en-US')} characters long.`, path, at: 'value' }
          : { message: `${field} must be on one line, without control characters${whichControl(node)}.`, path, at: 'value' },
      );
    } else if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        tokens.push(i);
        walk(node[i]);
        tokens.pop();
      }
    } else if (node !== null && typeof node === 'object') {
      for (const key in node) {
        tokens.push(key);
        walk((node as Record<string, unknown>)[key]);
        tokens.pop();
      }
    }
  };
  walk(value);
  return out;
}

/** ` (U+000A at character 8)`: the first control character of a text, and where it is. */
function whichControl(text: string): string {
  const bad = CONTROL.exec(text);
  return bad ? ` (U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} at character ${bad.index + 1})` : '';
}

/**
 * Violations of the config file's schema (`writtenPlain` as for checkSchema; options given in
 * code, which have no text, have no plain scalars).
 */
export async function checkConfigSchema(value: unknown, writtenPlain: (pointer: string) => boolean = () => false): Promise<SchemaViolation[]> {
  return violations(await configValidator(), value, writtenPlain).violations;
}

/** The violations described, and how many more there are, the first of them where `firstMore` is. */
export interface SchemaViolations {
  readonly violations: SchemaViolation[];
  readonly more: number;
  readonly firstMore?: SchemaViolation;
}

/**
 * The first `max` violations described, and how many more there are: a file of a million unknown
 * keys is told about the first ones, and not worded a million times.
 */
function violations(validate: ValidateFunction, value: unknown, writtenPlain: (pointer: string) => boolean, max = Infinity): SchemaViolations {
  if (validate(value)) return { violations: [], more: 0 };
  const errors = validate.errors ?? [];
  const out: SchemaViolation[] = [];
  const seen = new Set<string>();
  let more = 0;
  let firstMore: SchemaViolation | undefined;
  for (const e of errors) {
    // A propertyNames failure is reported twice by ajv: once for the name, once for the object; and
    // the kind's if/then/else adds a wrapper error beside the real ones.
    if (e.keyword === 'propertyNames' || e.keyword === 'if') continue;
    if (out.length >= max) {
      if (more++ === 0) firstMore = describe(e, writtenPlain);
      continue;
    }
    const described = describe(e, writtenPlain);
    const v = /[.?!]$/.test(described.message) ? described : Object.assign({}, described, { message: `${described.message}.` });
    const key = `${v.path}\u0000${v.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return firstMore ? { violations: out, more, firstMore } : { violations: out, more };
}

/** `/managementServers/0/agents` → `managementServers[0].agents`. */
export function fieldName(pointer: string): string {
  if (pointer === '') return 'the document';
  let out = '';
  for (const token of pointerTokens(pointer)) {
    out += /^\d+$/.test(token) ? `[${token}]` : out === '' ? token : `.${token}`;
  }
  return `\`${out}\``;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  integer: 'a whole number',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys to values',
  null: 'empty',
};

function typeName(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => TYPE_NAMES[String(t)] ?? String(t)).join(' or ');
}

/** A value as a message names it: `empty`, `a list`, `the number 3`, `the string "x"`, `true`. */
export function actualType(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'string') return `the string ${JSON.stringify(clip(value))}`;
  return String(value);
}

/**
 * What YAML 1.2's core schema reads as a number (js-yaml's patterns, which take no underscores):
 * decimals with or without an exponent, hexadecimal and octal integers. Where a plain scalar
 * written so is a string, the number is past a double's range (`1e400`), and js-yaml left it as
 * it was written.
 */
/** The pattern of definitions/name (src/kinds/schema.base.json) that keeps a name on one line. */
const NAME_CHARACTERS = '^[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]*$';

const YAML_NUMBER = /^(?:[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+)$/;

function describe(e: ErrorObject, writtenPlain: (pointer: string) => boolean): SchemaViolation {
  const field = fieldName(e.instancePath);
  const p = e.params as Record<string, unknown>;
  // The value as the message names it: a plain number out of range as the number it is written
  // as (the YAML reader left it a string), anything else as actualType says.
  const given = (): string =>
    typeof e.data === 'string' && YAML_NUMBER.test(e.data) && !Number.isFinite(Number(e.data)) && writtenPlain(e.instancePath)
      ? `${clip(e.data)}, a number out of range`
      : actualType(e.data);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(p['additionalProperty']);
      // $schema is for editors: not a key to suggest for a topology's own.
      const allowed = allowedKeys(e).filter((k) => k !== '$schema');
      const [near] = closest(key, allowed, 1);
      const hint = near ? `; did you mean "${near}"?` : allowed.length ? `; allowed keys are ${allowed.join(', ')}` : '';
      return {
        message: `Unknown key ${JSON.stringify(clip(key))} in ${field}${hint}`,
        path: `${e.instancePath}/${escapePointerToken(key)}`,
        at: 'key',
      };
    }
    case 'required':
      return { message: `${capital(field)} is missing the required key "${String(p['missingProperty'])}"`, path: e.instancePath, at: 'value' };
    case 'type':
      return { message: `${capital(field)} must be ${typeName(p['type'])}, not ${given()}`, path: e.instancePath, at: 'value' };
    case 'enum': {
      const allowed = p['allowedValues'] as unknown[];
      // `scomVersion: 2022` is read as a number; the value wanted is the string.
      const quote = typeof e.data === 'number' && allowed.includes(String(e.data));
      return {
        message: quote
          ? `${capital(field)} must be a string: write it in quotes, "${String(e.data)}"`
          : `${capital(field)} must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}, not ${given()}`,
        path: e.instancePath,
        at: 'value',
      };
    }
    case 'const':
      return { message: `${capital(field)} must be ${JSON.stringify(p['allowedValue'])}, not ${given()}`, path: e.instancePath, at: 'value' };
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const words: Record<string, string> = { minimum: 'at least', exclusiveMinimum: 'more than', maximum: 'at most', exclusiveMaximum: 'less than' };
      // Figures as messages write them; a number past what a double holds exactly is not repeated
      // (12345678901234567 reads as ...568).
      const data =
        typeof e.data === 'number' && Number.isInteger(e.data) && !Number.isSafeInteger(e.data) ? 'a number too large to hold exactly' : formatFigure(e.data);
      return { message: `${capital(field)} must be ${words[e.keyword]} ${formatFigure(p['limit'])}, not ${data}`, path: e.instancePath, at: 'value' };
    }
    case 'minItems':
      return { message: `${capital(field)} must have at least ${plural(Number(p['limit']), 'item')}`, path: e.instancePath, at: 'value' };
    case 'maxItems':
      return { message: `${capital(field)} must have at most ${plural(Number(p['limit']), 'item')}`, path: e.instancePath, at: 'value' };
    case 'minLength':
      return { message: `${capital(field)} must not be empty`, path: e.instancePath, at: 'value' };
    case 'maxLength':
      if (e.propertyName !== undefined) {
        return {
          message: `Key ${JSON.stringify(clip(e.propertyName))} in ${field} must be at most ${String(p['limit'])} characters long`,
          path: `${e.instancePath}/${escapePointerToken(e.propertyName)}`,
          at: 'key',
        };
      }
      return { message: `${capital(field)} must be at most ${String(p['limit'])} characters long`, path: e.instancePath, at: 'value' };
    case 'pattern': {
      // A name (definitions/name) has a character other than a space.
      if (p['pattern'] === '\\S') return { message: `${capital(field)} must not be blank (only spaces)`, path: e.instancePath, at: 'value' };
      // A duration (latency's ms): a number, then its unit.
      if (String(p['pattern']).includes('[A-Za-zµμ]'))
        return {
          message: `${capital(field)} must be a duration: a number of milliseconds, or a number and a time unit such as "24 ms" or "0.024 s"`,
          path: e.instancePath,
          at: 'value',
        };
      if (p['pattern'] === NAME_CHARACTERS) {
        const which = typeof e.data === 'string' ? whichControl(e.data) : '';
        const name = e.propertyName !== undefined ? `Key ${JSON.stringify(clip(e.propertyName))} in ${field}` : capital(field);
        const path = e.propertyName !== undefined ? `${e.instancePath}/${escapePointerToken(e.propertyName)}` : e.instancePath;
        return { message: `${name} must be on one line, without control characters${which}`, path, at: e.propertyName !== undefined ? 'key' : 'value' };
      }
      const name = e.propertyName !== undefined ? `Key "${e.propertyName}" in ${field}` : capital(field);
      const path = e.propertyName !== undefined ? `${e.instancePath}/${escapePointerToken(e.propertyName)}` : e.instancePath;
      return { message: `${name} must be a kebab-case rule id such as "no-high-availability"`, path, at: e.propertyName !== undefined ? 'key' : 'value' };
    }
    case 'uniqueItems':
      return { message: `${capital(field)} lists the same value twice (items ${String(p['j'])} and ${String(p['i'])})`, path: e.instancePath, at: 'value' };
    default:
      return { message: `${capital(field)} is not valid (${e.keyword})`, path: e.instancePath, at: 'value' };
  }
}

function allowedKeys(e: ErrorObject): string[] {
  const props = (e.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return props ? Object.keys(props) : [];
}

function capital(s: string): string {
  return s.startsWith('`') ? s : s.charAt(0).toUpperCase() + s.slice(1);
}
