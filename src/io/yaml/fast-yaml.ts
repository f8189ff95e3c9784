/**
 * A fast path for the YAML that topology files are written in: block mappings and sequences, flow
 * collections, plain and quoted one-line scalars, comments. One pass over the characters builds the
 * value and a compact table of where every node and key starts, with no event objects.
 *
 * It is a shortcut, not a second YAML parser: on anything outside that subset (anchors, aliases,
 * tags, block scalars, multi-line scalars, escapes, directives, several documents, duplicate keys,
 * tabs, odd characters, any doubt about well-formedness) it gives up and returns undefined, and the
 * caller parses the text with js-yaml as before. Where it does answer, its value and its positions
 * are those js-yaml gives: plain scalars are resolved by js-yaml's own core-schema tags, and a
 * differential test (test/fast-yaml.test.ts) compares both parsers on the examples, the fixtures and
 * thousands of generated and damaged documents.
 */
import * as yaml from 'js-yaml';
import type { NodeOffsets, NodeResolver } from './source-map.js';
import { CollectionIndex, pointerTokens } from './source-map.js';

/** What the fast path returns: the document's value and a resolver for its node positions. */
export interface FastParse {
  readonly value: unknown;
  readonly resolve: NodeResolver;
  /**
   * The length of the longest scalar's text (a key's or a value's, without its quotes): no string
   * of `value` is longer, and none holds a line break or a control character, which the fast path
   * leaves to js-yaml.
   */
  readonly longestScalar: number;
}

const NODE_SCALAR = 0;
const NODE_SEQUENCE = 1;
const NODE_MAPPING = 2;

// Character codes.
const LF = 10;
const CR = 13;
const SPACE = 32;
const HASH = 35;
const QUOTE = 39;
const DQUOTE = 34;
const COMMA = 44;
const DASH = 45;
const DOT = 46;
const COLON = 58;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;

/** Thrown (and caught in fastParse) to give the text to js-yaml. */
class GiveUp {}
const GIVE_UP = new GiveUp();

/**
 * Characters the fast path leaves to js-yaml wherever they occur: tabs, lone carriage returns,
 * characters YAML forbids (js-yaml's PATTERN_NON_PRINTABLE), line and paragraph separators, NEL and
 * byte-order marks.
 */
const LEAVE_TO_JS_YAML =
  /[\t\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF]|\r(?!\n)|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

/**
 * Any character but printable ASCII and LF: a text without one (nearly every topology file) has
 * nothing LEAVE_TO_JS_YAML looks for, and this simple scan costs a fraction of its alternatives.
 */
const NOT_PLAIN_ASCII = /[^\n\x20-\x7E]/;

/**
 * 1 for the ASCII characters that continue a plain scalar whatever surrounds them: all printable
 * ones but space, `:`, `#` and the flow indicators `,[]{}`.
 */
const PLAIN_ORDINARY = new Uint8Array(128);
for (let c = 33; c < 127; c++) PLAIN_ORDINARY[c] = 1;
for (const c of ':#,[]{}') PLAIN_ORDINARY[c.charCodeAt(0)] = 0;

/** Characters that may not start a plain scalar in this subset (YAML's indicators). */
function isIndicator(c: number): boolean {
  switch (c) {
    case COMMA:
    case LBRACKET:
    case RBRACKET:
    case LBRACE:
    case RBRACE:
    case HASH:
    case 38 /* & */:
    case 42 /* * */:
    case 33 /* ! */:
    case 124 /* | */:
    case 62 /* > */:
    case QUOTE:
    case DQUOTE:
    case 37 /* % */:
    case 64 /* @ */:
    case 96 /* ` */:
      return true;
    default:
      return false;
  }
}

function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;
}

/** End of a line: LF, CRLF (a lone CR never reaches here) or the end of the text (NaN). */
function isBreakOrEnd(c: number): boolean {
  return c === LF || c === CR || c !== c;
}

function isSpaceBreakOrEnd(c: number): boolean {
  return c === SPACE || c === LF || c === CR || c !== c;
}

/** js-yaml's core-schema implicit tags, in its order. */
let coreTags: readonly yaml.ScalarTagDefinition[] | undefined;
/** For each ASCII code, 1 where a scalar starting with it may resolve to something other than a string. */
let mayResolve: Uint8Array | undefined;
/** The same for other first characters (none in js-yaml 5's core schema), or undefined when any may. */
let mayResolveOther: Set<string> | undefined;
/**
 * Plain decimals that the core schema's int and float tags read as the number they spell (parseInt
 * and parseFloat agree with Number on them): no sign, no leading zero, 15 digits at most each side.
 */
const SIMPLE_DECIMAL = /^(?:0|[1-9]\d{0,14})(?:\.\d{1,15})?$/;

/** A plain scalar's value, resolved exactly as js-yaml's CORE_SCHEMA (its default) resolves it. */
export function resolvePlain(source: string): unknown {
  if (coreTags === undefined) {
    coreTags = [yaml.nullCoreTag, yaml.boolCoreTag, yaml.intCoreTag, yaml.floatCoreTag] as readonly yaml.ScalarTagDefinition[];
    const table = new Uint8Array(128);
    const other = new Set<string>();
    let any = false;
    for (const tag of coreTags) {
      // A tag without first characters may match anything: then every scalar goes through the tags.
      if (tag.implicitFirstChars === null) any = true;
      else {
        for (const ch of tag.implicitFirstChars) {
          if (ch.length === 1 && ch.charCodeAt(0) < 128) table[ch.charCodeAt(0)] = 1;
          else other.add(ch);
        }
      }
    }
    if (any) table.fill(1);
    mayResolve = table;
    mayResolveOther = any ? undefined : other;
  }
  // Most scalars are names (a first character no core tag starts with: a string), many others
  // counts and availabilities (a simple decimal: its number).
  const c = source.charCodeAt(0);
  if (c < 128 ? mayResolve![c] === 0 : mayResolveOther !== undefined && !mayResolveOther.has(source.charAt(0))) return source;
  if (c >= 48 && c <= 57 && SIMPLE_DECIMAL.test(source)) return Number(source);
  // The rest go through the tags, each at most once: the same few (`name`, `true`, `failover`...)
  // recur in every file of a batch.
  const known = RESOLVED.get(source);
  if (known !== undefined) return known;
  const value = resolveByTags(source);
  if (RESOLVED.size < RESOLVED_MAX) RESOLVED.set(source, value);
  return value;
}

/**
 * Plain scalars already resolved through the tags, and their values: primitives (null, booleans,
 * numbers, strings), never undefined, so sharing them is safe. Bounded, for a file of a million
 * distinct values.
 */
const RESOLVED = new Map<string, unknown>();
const RESOLVED_MAX = 4096;

function resolveByTags(source: string): unknown {
  const first = source.charAt(0);
  for (const tag of coreTags!) {
    if (tag.implicitFirstChars !== null && !tag.implicitFirstChars.includes(first)) continue;
    const value = tag.resolve(source, false, tag.tagName);
    if (value !== yaml.NOT_RESOLVED) return value;
  }
  return source;
}

/**
 * Parses `text` (without a byte-order mark) when it is in the fast path's subset; undefined when it
 * is not, and the caller should use js-yaml.
 */
export function fastParse(text: string, maxDepth: number): FastParse | undefined {
  if (NOT_PLAIN_ASCII.test(text) && LEAVE_TO_JS_YAML.test(text)) return undefined;
  const parser = new FastParser(text, maxDepth);
  try {
    const value = parser.document();
    return { value, resolve: parser.resolver(), longestScalar: parser.longestScalar };
  } catch {
    // GIVE_UP, or anything unexpected (a stack overflow): js-yaml reads the text, or says what is
    // wrong with it.
    return undefined;
  }
}

class FastParser {
  private pos = 0;
  /** Column of the current line's first character (after skipToContent), or -1 at the end of the text. */
  private indent = -1;
  private depth = 0;

  // The node table, in document order: a node's children follow it, up to its end. Four numbers a
  // node in one array of small integers (kind, start, key start, end: no per-node objects, one
  // growth for all four), its key apart (for a mapping's entries). A plain array rather than an
  // Int32Array: a typed array's allocation cost a small file more than its nodes did.
  private readonly table: number[] = [];
  private count = 0;
  private readonly key: string[] = [];

  // The last scalar scanned: its start (a quoted scalar's quote) and its value.
  private scalarStart = 0;
  private scalarValue: unknown = null;
  /** The longest scalar's text so far (FastParse's longestScalar). */
  longestScalar = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  document(): unknown {
    const text = this.text;
    if (text.startsWith('---') && isSpaceBreakOrEnd(text.charCodeAt(3))) {
      this.pos = 3;
      this.endOfLine();
    }
    this.skipToContent();
    if (this.indent !== 0) throw GIVE_UP; // empty, or a top-level node that does not start its line
    const c = text.charCodeAt(this.pos);
    let value: unknown;
    if (c === LBRACE || c === LBRACKET) {
      value = this.flowCollection(-1, -1, '');
      this.endOfLine();
      this.skipToContent();
    } else {
      value = this.blockNode(0, -1, '');
      if (value === null || typeof value !== 'object') throw GIVE_UP; // a lone scalar: not a topology
    }
    if (this.pos < text.length) throw GIVE_UP;
    return value;
  }

  resolver(): NodeResolver {
    const { table, key, text } = this;
    const index = new CollectionIndex(
      (node) => {
        const children: number[] = [];
        for (let j = node + 1; j < table[4 * node + 3]!; j = table[4 * j + 3]!) children.push(j);
        return children;
      },
      (entry) => key[entry]!,
    );
    return (pointer: string): NodeOffsets | undefined => {
      let i: number | undefined = 0;
      for (const token of pointerTokens(pointer)) {
        const k = table[4 * i];
        if (k === NODE_SEQUENCE) i = /^(0|[1-9]\d*)$/.test(token) ? index.item(i, Number(token)) : undefined;
        else if (k === NODE_MAPPING) i = index.entry(i, token);
        else i = undefined;
        if (i === undefined) return undefined;
      }
      const value = table[4 * i + 1]!;
      const keyAt = table[4 * i + 2]!;
      // The subset's scalars are plain or quoted (a scalar's start is its quote, if it has one).
      const c = text.charCodeAt(value);
      const plain = table[4 * i] === NODE_SCALAR && value >= 0 && c !== QUOTE && c !== DQUOTE;
      return { value, ...(keyAt >= 0 ? { key: keyAt } : {}), ...(plain ? { plain } : {}) };
    };
  }

  /** Appends a node to the table; its end is set when its children are done (close). */
  private node(kind: number, start: number, keyAt: number, key: string): number {
    const i = this.count++;
    this.table.push(kind, start, keyAt, i + 1);
    this.key.push(key);
    return i;
  }

  /** A collection's subtree ends after the last node added. */
  private close(node: number): void {
    this.table[4 * node + 3] = this.count;
  }

  /** One level deeper; js-yaml reports nesting past maxDepth, so stop a level short of it. */
  private enter(): void {
    if (++this.depth >= this.maxDepth) throw GIVE_UP;
  }

  /**
   * Moves over blank lines, comment lines and a document's trailing spaces to the first character of
   * the next line with content, setting `indent` to its column (-1 at the end of the text).
   */
  private skipToContent(): void {
    const text = this.text;
    const length = text.length;
    let pos = this.pos;
    for (;;) {
      // pos is at the start of a line.
      let col = 0;
      while (text.charCodeAt(pos) === SPACE) {
        pos++;
        col++;
      }
      const c = text.charCodeAt(pos);
      if (c === HASH) {
        pos = this.lineEnd(pos);
      }
      if (pos >= length) {
        this.pos = length;
        this.indent = -1;
        return;
      }
      const d = text.charCodeAt(pos);
      if (d === CR) pos += 2;
      else if (d === LF) pos++;
      else {
        // A document marker or directive at the start of a line: leave it to js-yaml.
        if (col === 0 && (((d === DASH || d === DOT) && text.charCodeAt(pos + 1) === d && text.charCodeAt(pos + 2) === d) || d === 37)) throw GIVE_UP;
        this.pos = pos;
        this.indent = col;
        return;
      }
    }
  }

  /** After a node on a line: spaces, an optional comment, then the line's end (which is consumed). */
  private endOfLine(): void {
    const text = this.text;
    let pos = this.pos;
    let spaced = pos === 0 || text.charCodeAt(pos - 1) === SPACE;
    while (text.charCodeAt(pos) === SPACE) {
      pos++;
      spaced = true;
    }
    let c = text.charCodeAt(pos);
    if (c === HASH) {
      if (!spaced) throw GIVE_UP;
      pos = this.lineEnd(pos);
      c = text.charCodeAt(pos);
    }
    if (c === CR) pos += 2;
    else if (c === LF) pos++;
    else if (c === c) throw GIVE_UP; // something else follows on the line
    this.pos = pos;
  }

  /**
   * Where the line `pos` is on ends: at its LF, or at the CR of its CRLF (a lone CR never reaches
   * here), or at the end of the text. Comments are nearly half of a topology file's characters, and
   * one native search skips each, where a loop ran in V8's interpreter for most of a batch.
   */
  private lineEnd(pos: number): number {
    const text = this.text;
    const lf = text.indexOf('\n', pos);
    if (lf < 0) return text.length;
    return lf > pos && text.charCodeAt(lf - 1) === CR ? lf - 1 : lf;
  }

  /** Column of an offset (the subset has no tabs, so columns are characters). */
  private columnOf(offset: number): number {
    const text = this.text;
    let i = offset;
    while (i > 0 && text.charCodeAt(i - 1) !== LF) i--;
    return offset - i;
  }

  /**
   * A block node whose first character is at `pos`, at column `indent` (a line's first content):
   * a sequence, a mapping, or a scalar or flow collection alone on its line. Leaves `pos` at the
   * next line with content.
   */
  private blockNode(indent: number, keyAt: number, key: string): unknown {
    const text = this.text;
    const c = text.charCodeAt(this.pos);
    if (c === DASH && isSpaceBreakOrEnd(text.charCodeAt(this.pos + 1))) return this.blockSequence(indent, keyAt, key);
    if (c === LBRACE || c === LBRACKET) {
      const value = this.flowCollection(keyAt, indent, key);
      this.endOfLine();
      this.skipToContent();
      return value;
    }
    const start = this.pos;
    this.blockScalar();
    if (text.charCodeAt(this.pos) === COLON) {
      this.pos = start;
      return this.blockMapping(indent, keyAt, key);
    }
    this.node(NODE_SCALAR, this.scalarStart, keyAt, key);
    const value = this.scalarValue;
    this.endOfLine();
    this.skipToContent();
    return value;
  }

  /** A block sequence whose first `-` is at `pos`, column `indent`. */
  private blockSequence(indent: number, keyAt: number, key: string): unknown[] {
    this.enter();
    const text = this.text;
    const self = this.node(NODE_SEQUENCE, this.pos, keyAt, key);
    const items: unknown[] = [];
    for (;;) {
      // At a `-` followed by a space or the line's end.
      this.pos++;
      while (text.charCodeAt(this.pos) === SPACE) this.pos++;
      const c = text.charCodeAt(this.pos);
      if (isBreakOrEnd(c) || c === HASH) {
        this.endOfLine();
        this.skipToContent();
        if (this.indent > indent) items.push(this.blockNode(this.indent, -1, ''));
        else {
          this.node(NODE_SCALAR, -1, -1, '');
          items.push(null);
        }
      } else if (c === DASH && isSpaceBreakOrEnd(text.charCodeAt(this.pos + 1))) {
        throw GIVE_UP; // `- - x`: a sequence in a sequence on one line
      } else {
        // The item starts on the dash's line: a compact mapping takes its column as indentation.
        items.push(this.blockNode(this.columnOf(this.pos), -1, ''));
      }
      if (this.indent > indent) throw GIVE_UP;
      if (this.indent < indent || text.charCodeAt(this.pos) !== DASH || !isSpaceBreakOrEnd(text.charCodeAt(this.pos + 1))) break;
    }
    this.close(self);
    this.depth--;
    return items;
  }

  /** A block mapping whose first key is at `pos`, column `indent`. */
  private blockMapping(indent: number, keyAt: number, key: string): Record<string, unknown> {
    this.enter();
    const text = this.text;
    const self = this.node(NODE_MAPPING, this.pos, keyAt, key);
    const map: Record<string, unknown> = {};
    for (;;) {
      // At a key, the first content of its line.
      const c = text.charCodeAt(this.pos);
      if (c === DASH && isSpaceBreakOrEnd(text.charCodeAt(this.pos + 1))) throw GIVE_UP; // a sequence entry among keys
      if (c === LBRACE || c === LBRACKET || (c === 63 /* ? */ && isSpaceBreakOrEnd(text.charCodeAt(this.pos + 1)))) throw GIVE_UP;
      this.blockScalar();
      if (text.charCodeAt(this.pos) !== COLON) throw GIVE_UP;
      const name = this.keyName(map);
      const at = this.scalarStart;
      this.pos++;
      while (text.charCodeAt(this.pos) === SPACE) this.pos++;
      const v = text.charCodeAt(this.pos);
      let value: unknown;
      if (isBreakOrEnd(v) || v === HASH) {
        // The value is on the following lines, or empty.
        this.endOfLine();
        this.skipToContent();
        const d = text.charCodeAt(this.pos);
        if (this.indent > indent) value = this.blockNode(this.indent, at, name);
        else if (this.indent === indent && d === DASH && isSpaceBreakOrEnd(text.charCodeAt(this.pos + 1))) value = this.blockSequence(indent, at, name);
        else {
          this.node(NODE_SCALAR, -1, at, name);
          value = null;
        }
      } else {
        value = this.inlineValue(indent, at, name);
        this.endOfLine();
        this.skipToContent();
      }
      map[name] = value;
      if (this.indent > indent) throw GIVE_UP;
      if (this.indent < indent) break;
    }
    this.close(self);
    this.depth--;
    return map;
  }

  /**
   * The key just scanned, as js-yaml stores it (String(value)); gives up on a key it treats specially
   * or longer than an implicit key may be, and on a key the mapping already has.
   */
  private keyName(map: Record<string, unknown>): string {
    const name = String(this.scalarValue);
    if (name === '__proto__' || name === '<<' || this.pos - this.scalarStart > 1000 || Object.prototype.hasOwnProperty.call(map, name)) throw GIVE_UP;
    return name;
  }

  /** A value after `key: ` on the key's line: a flow collection or a scalar. */
  private inlineValue(indent: number, keyAt: number, key: string): unknown {
    const text = this.text;
    const c = text.charCodeAt(this.pos);
    if (c === LBRACE || c === LBRACKET) return this.flowCollection(keyAt, indent, key);
    if (c === DASH && isSpaceBreakOrEnd(text.charCodeAt(this.pos + 1))) throw GIVE_UP;
    this.blockScalar();
    if (text.charCodeAt(this.pos) === COLON) throw GIVE_UP; // `a: b: c`
    this.node(NODE_SCALAR, this.scalarStart, keyAt, key);
    return this.scalarValue;
  }

  /**
   * A scalar in block context on one line, quoted or plain; leaves `pos` after it and its trailing
   * spaces (at `:` when it is a key).
   */
  private blockScalar(): void {
    const text = this.text;
    const c = text.charCodeAt(this.pos);
    if (c === QUOTE || c === DQUOTE) {
      this.quotedScalar(c);
      while (text.charCodeAt(this.pos) === SPACE) this.pos++;
      const d = text.charCodeAt(this.pos);
      if (d === COLON && !isSpaceBreakOrEnd(text.charCodeAt(this.pos + 1))) throw GIVE_UP;
      return;
    }
    this.plainScalar(false);
  }

  /**
   * A plain scalar on one line. In block context it ends at `: `, ` #` or the line's end; in flow
   * context also at `,`, `[`, `]`, `{`, `}` and `:` before them. Leaves `pos` at what ended it,
   * past trailing spaces.
   */
  private plainScalar(flow: boolean): void {
    const text = this.text;
    const start = this.pos;
    const c = text.charCodeAt(start);
    if (isIndicator(c) || isBreakOrEnd(c) || c === SPACE || c === 63 /* ? */ || c === COLON) throw GIVE_UP;
    if (c === DASH && (isSpaceBreakOrEnd(text.charCodeAt(start + 1)) || (flow && isFlowIndicator(text.charCodeAt(start + 1))))) throw GIVE_UP;
    let i = start + 1;
    let end = i;
    for (;;) {
      const d = text.charCodeAt(i);
      // Most characters of a name or number need no thought (one table load: a batch of files runs
      // mostly in V8's interpreter, where every comparison and call counts).
      if (d >= 128 || PLAIN_ORDINARY[d] === 1) {
        end = ++i;
        continue;
      }
      if (isBreakOrEnd(d)) break;
      if (d === SPACE) {
        i++;
        continue;
      }
      if (d === COLON) {
        const e = text.charCodeAt(i + 1);
        if (isSpaceBreakOrEnd(e) || (flow && isFlowIndicator(e))) break;
      } else if (d === HASH) {
        if (text.charCodeAt(i - 1) === SPACE) break;
      } else if (flow && isFlowIndicator(d)) {
        break;
      }
      i++;
      end = i;
    }
    const source = text.slice(start, end);
    if (end - start > this.longestScalar) this.longestScalar = end - start;
    this.scalarStart = start;
    this.scalarValue = resolvePlain(source);
    this.pos = end;
    while (text.charCodeAt(this.pos) === SPACE) this.pos++;
  }

  /** A single- or double-quoted scalar that ends on its line, without escapes; `pos` after its closing quote. */
  private quotedScalar(quote: number): void {
    const text = this.text;
    const start = this.pos;
    let i = start + 1;
    let doubled = false;
    for (;;) {
      const d = text.charCodeAt(i);
      if (isBreakOrEnd(d)) throw GIVE_UP; // a quoted scalar over several lines
      if (d === quote) {
        if (quote === QUOTE && text.charCodeAt(i + 1) === QUOTE) {
          doubled = true;
          i += 2;
          continue;
        }
        break;
      }
      if (d === BACKSLASH && quote === DQUOTE) throw GIVE_UP; // escapes: js-yaml decodes them
      i++;
    }
    const raw = text.slice(start + 1, i);
    if (raw.length > this.longestScalar) this.longestScalar = raw.length;
    this.scalarStart = start;
    this.scalarValue = doubled ? raw.replace(/''/g, "'") : raw;
    this.pos = i + 1;
  }

  /**
   * A flow collection starting at `pos` (`[` or `{`), over one or more lines; `pos` after its
   * closing bracket. `blockIndent` is the indentation its continuation lines must exceed.
   */
  private flowCollection(keyAt: number, blockIndent: number, key: string): unknown {
    this.enter();
    const text = this.text;
    const open = text.charCodeAt(this.pos);
    const isMap = open === LBRACE;
    const close = isMap ? RBRACE : RBRACKET;
    const self = this.node(isMap ? NODE_MAPPING : NODE_SEQUENCE, this.pos, keyAt, key);
    const items: unknown[] = [];
    const map: Record<string, unknown> = {};
    this.pos++;
    this.flowSpace(blockIndent);
    if (text.charCodeAt(this.pos) === close) {
      this.pos++;
    } else {
      for (;;) {
        if (isMap) {
          const c = text.charCodeAt(this.pos);
          if (c === LBRACE || c === LBRACKET || c === COLON || c === 63 /* ? */) throw GIVE_UP;
          const quoted = c === QUOTE || c === DQUOTE;
          if (quoted) this.quotedScalar(c);
          else this.plainScalar(true);
          const name = this.keyName(map);
          const at = this.scalarStart;
          this.flowSpace(blockIndent);
          if (text.charCodeAt(this.pos) !== COLON) throw GIVE_UP; // `{a}` or `{a, b}`: keys without values
          // After a plain key the `:` needs a space; after a quoted one (JSON) it may touch the value.
          const afterColon = text.charCodeAt(this.pos + 1);
          if (!quoted && !isSpaceBreakOrEnd(afterColon)) throw GIVE_UP;
          this.pos++;
          this.flowSpace(blockIndent);
          const d = text.charCodeAt(this.pos);
          if (d === COMMA || d === close) throw GIVE_UP; // `{a: }`: an empty value
          map[name] = this.flowValue(at, name, blockIndent);
        } else {
          items.push(this.flowValue(-1, '', blockIndent));
        }
        this.flowSpace(blockIndent);
        const e = text.charCodeAt(this.pos);
        if (e === close) {
          this.pos++;
          break;
        }
        if (e !== COMMA) throw GIVE_UP;
        this.pos++;
        this.flowSpace(blockIndent);
        if (text.charCodeAt(this.pos) === close) throw GIVE_UP; // a trailing comma
      }
    }
    this.close(self);
    this.depth--;
    const after = text.charCodeAt(this.pos);
    if (!isSpaceBreakOrEnd(after) && after !== COMMA && after !== RBRACKET && after !== RBRACE && after !== HASH) throw GIVE_UP;
    return isMap ? map : items;
  }

  /** A value inside a flow collection: a nested collection or a scalar that is not a key. */
  private flowValue(keyAt: number, key: string, blockIndent: number): unknown {
    const text = this.text;
    const c = text.charCodeAt(this.pos);
    if (c === LBRACE || c === LBRACKET) return this.flowCollection(keyAt, blockIndent, key);
    if (c === QUOTE || c === DQUOTE) this.quotedScalar(c);
    else this.plainScalar(true);
    const start = this.scalarStart;
    const value = this.scalarValue;
    this.flowSpace(blockIndent);
    if (text.charCodeAt(this.pos) === COLON) throw GIVE_UP; // `[a: b]`: a pair in a sequence
    this.node(NODE_SCALAR, start, keyAt, key);
    return value;
  }

  /**
   * Spaces, comments and line breaks inside a flow collection. A continuation line must be indented
   * past the block it is in, and must not be a document marker.
   */
  private flowSpace(blockIndent: number): void {
    const text = this.text;
    let pos = this.pos;
    let spaced = text.charCodeAt(pos - 1) === SPACE;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === SPACE) {
        pos++;
        spaced = true;
      } else if (c === HASH && spaced) {
        pos = this.lineEnd(pos);
      } else if (c === LF || c === CR) {
        pos += c === CR ? 2 : 1;
        let col = 0;
        while (text.charCodeAt(pos) === SPACE) {
          pos++;
          col++;
        }
        const d = text.charCodeAt(pos);
        if (!isBreakOrEnd(d) && d !== HASH && col <= blockIndent) throw GIVE_UP;
        if (col === 0 && (d === DASH || d === DOT) && text.charCodeAt(pos + 1) === d && text.charCodeAt(pos + 2) === d) throw GIVE_UP;
        spaced = true;
      } else {
        if (c !== c) throw GIVE_UP; // the text ends inside the collection
        this.pos = pos;
        return;
      }
    }
  }
}
