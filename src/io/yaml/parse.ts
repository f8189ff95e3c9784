/**
 * Text → document value + source map. Plain block YAML, which nearly every topology file is, goes
 * through the one-pass fast path (fast-yaml.ts); everything else, and every error, through js-yaml
 * 5's event stream: js-yaml builds the value from the events, and the same events give the offset of
 * every node and key. The position index is built only when a finding first asks for a position, and
 * the slower checks (every duplicate key, alias expansion) run only where the text calls for them.
 */
import * as yaml from 'js-yaml';
import { MAX_FINDINGS_PER_RULE } from '../../util/limits.js';
import { clip } from '../../util/message.js';
import { keyName, nodeStart, resolver } from './event-positions.js';
import { fastParse } from './fast-yaml.js';
import { jsonError } from './json-check.js';
import { NO_NODES, SourceMap } from './source-map.js';

export interface ParseLimits {
  /** Deepest nesting of collections. */
  readonly maxDepth: number;
  /** Most nodes the document may expand to once aliases are followed ("billion laughs"). */
  readonly maxExpandedNodes: number;
  /** Most management servers and gateways in one file. */
  readonly maxServers: number;
  /**
   * Most bytes (UTF-8) of text the document may expand to once aliases are followed: one long
   * name aliased a thousand times is few nodes but more text than any output should carry.
   */
  readonly maxExpandedBytes: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxDepth: 64, maxExpandedNodes: 1_000_000, maxServers: 100_000, maxExpandedBytes: 32 * 1024 * 1024 };

export interface SyntaxProblem {
  readonly message: string;
  readonly offset: number;
  /** Where a file named .json stops being JSON (jsonProblem), though YAML might read it. */
  readonly json?: true;
  /** Stands for this many problems left out (MAX_FINDINGS_PER_RULE), the first of them here. */
  readonly leftOut?: number;
}

export type ParseResult =
  | {
      readonly ok: true;
      readonly value: unknown;
      readonly sourceMap: SourceMap;
      /**
       * Set where the reader vouches for every string of `value` (the fast path): none is longer than
       * this, and none holds a line break or a control character.
       */
      readonly longestText?: number;
    }
  | { readonly ok: false; readonly problems: readonly SyntaxProblem[]; readonly sourceMap: SourceMap };

const E = yaml.EVENT_ID;

/** What a file is written in: YAML, or JSON for a file named `.json` (syntaxOf). */
export type Syntax = 'yaml' | 'json';

/** JSON for a file whose name ends in `.json` (any case), else YAML. */
export function syntaxOf(file: string): Syntax {
  return /\.json$/i.test(file) ? 'json' : 'yaml';
}

export function parseDocument(rawText: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS, syntax: Syntax = 'yaml'): ParseResult {
  // A byte-order mark is not part of the document, and editors do not count it as a column: drop it
  // and take every position from the text without it.
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  if (syntax === 'json') {
    const problem = jsonProblem(text);
    if (problem) return { ok: false, problems: [problem], sourceMap: new SourceMap(text, NO_NODES) };
  }
  // A text is at most 3 bytes of UTF-8 a UTF-16 unit: only a long one is measured.
  if (text.length * 3 > limits.maxExpandedBytes && Buffer.byteLength(text) > limits.maxExpandedBytes) {
    return {
      ok: false,
      problems: [
        {
          message: `the document is ${mib(Buffer.byteLength(text))}, more than the ${mib(limits.maxExpandedBytes)} pooltopo reads (limits.maxExpandedBytes)`,
          offset: 0,
        },
      ],
      sourceMap: new SourceMap(text, NO_NODES),
    };
  }
  // Most topology files are plain block YAML, which the fast path reads in one pass; it hands
  // anything else (and anything wrong) to js-yaml below.
  const fast = fastParse(text, limits.maxDepth);
  if (fast) return { ok: true, value: fast.value, sourceMap: new SourceMap(text, fast.resolve), longestText: fast.longestScalar };
  return parseWithEvents(text, limits);
}

/**
 * The general path: js-yaml's events for the value, every YAML feature and every error message.
 * `text` has no byte-order mark.
 */
export function parseWithEvents(text: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParseResult {
  const fail = (problems: SyntaxProblem[]): ParseResult => ({ ok: false, problems, sourceMap: new SourceMap(text, NO_NODES) });

  const nul = text.indexOf('\u0000');
  if (nul >= 0) return fail([{ message: 'the file contains a NUL character: it is binary, not YAML or JSON', offset: nul }]);

  let events: yaml.Event[];
  try {
    events = yaml.parseEvents(text, { maxDepth: limits.maxDepth });
  } catch (err) {
    return fail([syntaxProblem(err, limits)]);
  }

  let documents = 0;
  let aliases = 0;
  for (let i = 0; i < events.length; i++) {
    const type = events[i]!.type;
    if (type === E.DOCUMENT && ++documents === 2) {
      return fail([{ message: 'the file holds several YAML documents; a topology file holds one', offset: firstNodeOffset(text, events, i) }]);
    }
    if (type === E.ALIAS) aliases++;
  }
  if (aliases > 0) {
    const bomb = aliasExpansion(text, events, limits.maxExpandedNodes, limits.maxExpandedBytes);
    if (bomb) return fail([bomb]);
  }

  let docs: unknown[];
  try {
    docs = yaml.constructFromEvents(events, { source: text, maxAliases: -1 });
  } catch (err) {
    // Report every duplicate or complex key at its position, not only the first js-yaml stopped
    // at (which it places at the document's start for a complex key).
    const problems = keyProblems(text, events);
    return fail(problems.length > 0 ? problems : [syntaxProblem(err, limits)]);
  }
  return { ok: true, value: docs.length === 0 ? null : docs[0], sourceMap: new SourceMap(text, resolver(text, events)) };
}

/** Every duplicate key of the first document, at its second occurrence, and every key that is a collection. */
function keyProblems(text: string, events: readonly yaml.Event[]): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  let leftOut = 0;
  let firstLeftOut = 0;
  const push = (problem: SyntaxProblem) => {
    if (problems.length < MAX_FINDINGS_PER_RULE) problems.push(problem);
    else if (leftOut++ === 0) firstLeftOut = problem.offset;
  };
  const frames: { isMap: boolean; expectKey: boolean; keys: Set<string> }[] = [];
  let documents = 0;
  for (let i = 0; i < events.length; i++) {
    const ev = events[i]!;
    if (ev.type === E.DOCUMENT) {
      if (++documents > 1) break;
      continue;
    }
    if (ev.type === E.POP) {
      frames.pop();
      continue;
    }
    const top = frames[frames.length - 1];
    if (top?.isMap) {
      if (top.expectKey && ev.type === E.SCALAR) {
        const name = keyName(text, ev);
        if (top.keys.has(name))
          push({ message: `duplicate key ${JSON.stringify(clip(name))}: a later value would silently replace the earlier one`, offset: nodeStart(text, ev) });
        top.keys.add(name);
      } else if (top.expectKey && (ev.type === E.SEQUENCE || ev.type === E.MAPPING)) {
        push({
          message: `a key is a ${ev.type === E.SEQUENCE ? 'list' : 'mapping'} (a YAML complex key, \`? ...\`); keys in a topology file are names`,
          offset: nodeStart(text, ev),
        });
      }
      top.expectKey = !top.expectKey;
    }
    if (ev.type === E.SEQUENCE || ev.type === E.MAPPING) frames.push({ isMap: ev.type === E.MAPPING, expectKey: true, keys: new Set() });
  }
  if (leftOut > 0) problems.push({ message: '', offset: firstLeftOut, leftOut });
  return problems;
}

/**
 * How many nodes, and bytes of scalar text, the document expands to once aliases are followed; a
 * problem past either limit.
 */
function aliasExpansion(text: string, events: readonly yaml.Event[], limit: number, byteLimit: number): SyntaxProblem | undefined {
  const anchorSizes = new Map<string, { nodes: number; bytes: number }>();
  const sizes: { nodes: number; bytes: number }[] = [];
  const anchors: (string | undefined)[] = [];
  let expanded = 0;
  let expandedBytes = 0;
  for (const ev of events) {
    if (ev.type === E.DOCUMENT) continue;
    if (ev.type === E.POP) {
      const size = sizes.pop() ?? { nodes: 0, bytes: 0 };
      const anchor = anchors.pop();
      if (anchor !== undefined) anchorSizes.set(anchor, size);
      const parent = sizes[sizes.length - 1];
      if (parent) {
        parent.nodes += size.nodes;
        parent.bytes += size.bytes;
      }
      continue;
    }
    let size = { nodes: 1, bytes: 0 };
    if (ev.type === E.ALIAS) size = anchorSizes.get(text.slice(ev.anchorStart, ev.anchorEnd)) ?? size;
    else if (ev.type === E.SCALAR && ev.valueStart >= 0) size = { nodes: 1, bytes: Buffer.byteLength(text.slice(ev.valueStart, ev.valueEnd)) };
    expanded += size.nodes;
    expandedBytes += size.bytes;
    if (expanded > limit) {
      return { message: `aliases expand the document to more than ${limit.toLocaleString('en-US')} nodes (an alias bomb?)`, offset: nodeStart(text, ev) };
    }
    if (expandedBytes > byteLimit) {
      return { message: `aliases expand the document to more than ${mib(byteLimit)} of text (limits.maxExpandedBytes)`, offset: nodeStart(text, ev) };
    }
    const anchor = ev.type !== E.ALIAS && ev.anchorStart >= 0 ? text.slice(ev.anchorStart, ev.anchorEnd) : undefined;
    if (ev.type === E.SEQUENCE || ev.type === E.MAPPING) {
      sizes.push({ nodes: 1, bytes: 0 });
      anchors.push(anchor);
    } else {
      if (anchor !== undefined) anchorSizes.set(anchor, size);
      const parent = sizes[sizes.length - 1];
      if (parent) {
        parent.nodes += size.nodes;
        parent.bytes += size.bytes;
      }
    }
  }
  return undefined;
}

/** A size as the file-size limit gives it: `32.0 MiB`, or bytes below one MiB. */
function mib(bytes: number): string {
  return bytes < 1024 * 1024 ? `${bytes.toLocaleString('en-US')} bytes` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function firstNodeOffset(text: string, events: readonly yaml.Event[], from: number): number {
  for (let j = from + 1; j < events.length; j++) {
    const e = events[j]!;
    if (e.type === E.SCALAR || e.type === E.SEQUENCE || e.type === E.MAPPING || e.type === E.ALIAS) return nodeStart(text, e);
  }
  return 0;
}

/**
 * Where a text stops being JSON; undefined when it is JSON. YAML reads every JSON text, but also
 * much that JSON does not allow (a trailing comma, a comment, a key without quotes, a single-quoted
 * string), which every other JSON tool would then reject: so a `.json` file is first checked as JSON,
 * by the engine's own JSON.parse, and its value and positions then come from the YAML reader as for
 * any file (which also reports a key given twice, as JSON.parse does not).
 */
export function jsonProblem(text: string): SyntaxProblem | undefined {
  // An empty file is not JSON either, but it is reported as an empty YAML file is (the schema's
  // "the file is empty").
  if (/^\s*$/.test(text)) return undefined;
  try {
    JSON.parse(text);
    return undefined;
  } catch (err) {
    const found = jsonError(text);
    if (found) return { message: found.reason, offset: found.offset, json: true };
    // Refused by JSON.parse but not by jsonError (it should not happen): the engine's words.
    const message = err instanceof Error ? err.message.replace(/ in JSON at position .*$/, '') : String(err);
    return { message: message.replace(/^\w/, (c) => c.toLowerCase()), offset: 0, json: true };
  }
}

function syntaxProblem(err: unknown, limits: ParseLimits): SyntaxProblem {
  if (err instanceof yaml.YAMLException) {
    let reason = err.reason || 'the file is not well-formed YAML';
    if (/maxDepth/.test(reason)) reason = `the document nests deeper than ${limits.maxDepth} levels`;
    if (/duplicated mapping key/.test(reason)) reason = 'duplicate key: a later value would silently replace the earlier one';
    if (/unknown .*tag/.test(reason)) reason = `${reason}: topology files use plain YAML without custom tags`;
    return { message: reason, offset: err.mark?.position ?? 0 };
  }
  return { message: 'the file could not be read as YAML', offset: 0 };
}
