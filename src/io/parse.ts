/**
 * Text → document value + source map. YAML 1.2 (which reads JSON too) through js-yaml 5's event
 * stream: one pass records the offset of every node and key, finds duplicate keys at their second
 * occurrence and bounds what aliases expand to; js-yaml then builds the value from the same events.
 */
import * as yaml from 'js-yaml';
import { SourceMap, escapePointerToken, type NodeLocation } from './source-map.js';

export interface ParseLimits {
  /** Deepest nesting of collections. */
  readonly maxDepth: number;
  /** Most nodes the document may expand to once aliases are followed ("billion laughs"). */
  readonly maxExpandedNodes: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxDepth: 64, maxExpandedNodes: 1_000_000 };

export interface SyntaxProblem {
  readonly message: string;
  readonly offset: number;
}

export type ParseResult =
  | { readonly ok: true; readonly value: unknown; readonly sourceMap: SourceMap }
  | { readonly ok: false; readonly problems: readonly SyntaxProblem[]; readonly sourceMap: SourceMap };

interface Frame {
  readonly kind: 'seq' | 'map';
  readonly pointer: string;
  /** Next index (sequence) or, for a mapping, whether the next scalar/collection is a key. */
  index: number;
  expectKey: boolean;
  pendingKey?: { name: string; offset: number };
  readonly keys?: Set<string>;
  /** Expanded node count of this collection so far, for anchors. */
  size: number;
  readonly anchor?: string;
}

const E = yaml.EVENT_ID;

export function parseDocument(rawText: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParseResult {
  // A byte-order mark is not part of the document; editors do not count it as a column.
  const text = rawText.charCodeAt(0) === 0xfeff ? ' ' + rawText.slice(1) : rawText;
  const nodes = new Map<string, NodeLocation>();
  const fail = (problems: SyntaxProblem[]): ParseResult => ({ ok: false, problems, sourceMap: new SourceMap(rawText, nodes) });

  const nul = text.indexOf('\u0000');
  if (nul >= 0) return fail([{ message: 'the file contains a NUL character: it is binary, not YAML or JSON', offset: nul }]);

  let events: yaml.Event[];
  try {
    events = yaml.parseEvents(text, { maxDepth: limits.maxDepth });
  } catch (err) {
    return fail([syntaxProblem(err, limits)]);
  }

  const problems: SyntaxProblem[] = [];
  const stack: Frame[] = [];
  const anchorSizes = new Map<string, number>();
  let documents = 0;
  let expanded = 0;

  /** Where the next node goes: its pointer, and the key that holds it. */
  const place = (offset: number): { pointer: string; key?: number } | undefined => {
    const top = stack[stack.length - 1];
    if (!top) return { pointer: '' };
    if (top.kind === 'seq') return { pointer: top.pointer + '/' + top.index++ };
    if (top.expectKey) return undefined;
    const key = top.pendingKey;
    top.expectKey = true;
    top.pendingKey = undefined;
    if (!key) return undefined;
    return { pointer: top.pointer + '/' + escapePointerToken(key.name), key: key.offset };
  };

  const addSize = (size: number) => {
    const top = stack[stack.length - 1];
    if (top) top.size += size;
    expanded += size;
  };

  for (const ev of events) {
    switch (ev.type) {
      case E.DOCUMENT:
        documents++;
        if (documents === 2) {
          problems.push({ message: 'the file holds several YAML documents; a topology file holds one', offset: nextOffset(events, ev) });
        }
        break;
      case E.SCALAR: {
        const top = stack[stack.length - 1];
        // Quoted scalars' values start inside the quote: point at the quote.
        const quoted = ev.style === yaml.SCALAR_STYLE.SINGLE_QUOTED || ev.style === yaml.SCALAR_STYLE.DOUBLE_QUOTED;
        const start = firstOf(anchorMark(ev), ev.tagStart, quoted ? ev.valueStart - 1 : ev.valueStart);
        if (top && top.kind === 'map' && top.expectKey) {
          const name = yaml.getScalarValue(text, ev);
          if (top.keys!.has(name)) {
            problems.push({ message: `duplicate key "${name}": a later value would silently replace the earlier one`, offset: start });
          }
          top.keys!.add(name);
          top.pendingKey = { name, offset: start };
          top.expectKey = false;
          addSize(1);
          break;
        }
        const at = place(start);
        if (at && documents === 1) nodes.set(at.pointer, at.key === undefined ? { value: start } : { value: start, key: at.key });
        if (ev.anchorStart >= 0) anchorSizes.set(text.slice(ev.anchorStart, ev.anchorEnd), 1);
        addSize(1);
        break;
      }
      case E.SEQUENCE:
      case E.MAPPING: {
        const top = stack[stack.length - 1];
        const start = firstOf(anchorMark(ev), ev.tagStart, ev.start);
        let ptr: string;
        if (top && top.kind === 'map' && top.expectKey) {
          problems.push({ message: 'a mapping or sequence used as a key: keys must be plain names', offset: start });
          top.pendingKey = { name: `#complex-key-${top.size}`, offset: start };
          top.expectKey = false;
          ptr = top.pointer + '/#';
        } else {
          const at = place(start);
          ptr = at ? at.pointer : '/#';
          if (at && documents === 1) nodes.set(at.pointer, at.key === undefined ? { value: start } : { value: start, key: at.key });
        }
        const anchor = ev.anchorStart >= 0 ? text.slice(ev.anchorStart, ev.anchorEnd) : undefined;
        const frame: Frame = ev.type === E.MAPPING
          ? { kind: 'map', pointer: ptr, index: 0, expectKey: true, keys: new Set(), size: 1, ...(anchor ? { anchor } : {}) }
          : { kind: 'seq', pointer: ptr, index: 0, expectKey: false, size: 1, ...(anchor ? { anchor } : {}) };
        expanded += 1;
        stack.push(frame);
        break;
      }
      case E.ALIAS: {
        const top = stack[stack.length - 1];
        const name = text.slice(ev.anchorStart, ev.anchorEnd);
        const size = anchorSizes.get(name) ?? 1;
        if (top && top.kind === 'map' && top.expectKey) {
          top.pendingKey = { name: `*${name}`, offset: ev.anchorStart };
          top.expectKey = false;
        } else {
          const at = place(ev.anchorStart);
          if (at && documents === 1) nodes.set(at.pointer, at.key === undefined ? { value: ev.anchorStart } : { value: ev.anchorStart, key: at.key });
        }
        addSize(size);
        if (expanded > limits.maxExpandedNodes) {
          return fail([{
            message: `aliases expand the document to more than ${limits.maxExpandedNodes.toLocaleString('en-US')} nodes (an alias bomb?)`,
            offset: ev.anchorStart,
          }]);
        }
        break;
      }
      case E.POP: {
        const done = stack.pop();
        if (done) {
          if (done.anchor !== undefined) anchorSizes.set(done.anchor, done.size);
          const parent = stack[stack.length - 1];
          if (parent) parent.size += done.size;
        }
        break;
      }
    }
  }

  if (problems.length > 0) return fail(problems);

  let docs: unknown[];
  try {
    docs = yaml.constructFromEvents(events, { source: text, maxAliases: -1 });
  } catch (err) {
    return fail([syntaxProblem(err, limits)]);
  }
  return { ok: true, value: docs.length === 0 ? null : docs[0], sourceMap: new SourceMap(rawText, nodes) };
}

function firstOf(...offsets: number[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (const o of offsets) if (o >= 0 && o < best) best = o;
  return Number.isFinite(best) ? best : 0;
}

function nextOffset(events: readonly yaml.Event[], ev: yaml.Event): number {
  const i = events.indexOf(ev);
  for (let j = i + 1; j < events.length; j++) {
    const e = events[j]!;
    if (e.type === E.SCALAR) return e.valueStart;
    if (e.type === E.SEQUENCE || e.type === E.MAPPING) return e.start;
    if (e.type === E.ALIAS) return e.anchorStart;
  }
  return 0;
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

/** Offset of a node's `&anchor` (js-yaml's anchor range excludes the `&`), or -1. */
function anchorMark(ev: { anchorStart: number }): number {
  return ev.anchorStart > 0 ? ev.anchorStart - 1 : -1;
}
