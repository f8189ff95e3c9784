/**
 * Where each node and key of js-yaml's event stream starts in the text, and the resolver that turns
 * a JSON Pointer into those offsets (built only when a finding first asks for a position).
 */
import * as yaml from 'js-yaml';
import { resolvePlain } from './fast-yaml.js';
import { CollectionIndex, pointerTokens, type NodeOffsets, type NodeResolver } from './source-map.js';

const E = yaml.EVENT_ID;

/**
 * A block scalar's `|` or `>`: js-yaml's valueStart is the start of the line after it (or the end
 * of a text that ends with the indicator), so the indicator is the one ending the line before,
 * after it only chomping and indentation digits, spaces and a comment. The line is found by
 * looking back over it alone (LF, CRLF or CR breaks), so placing many block scalars stays linear.
 */
function blockIndicator(text: string, valueStart: number): number {
  let end = valueStart;
  if (text.charCodeAt(end - 1) === 10) end--;
  if (text.charCodeAt(end - 1) === 13) end--;
  let start = end;
  while (start > 0 && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13) start--;
  const m = /[|>][-+0-9]*[ \t]*(?:#.*)?$/.exec(text.slice(start, end));
  return m ? start + m.index : valueStart;
}

/**
 * Where a node's text starts: its `&anchor` or `!tag` if it has one, else its value (a quoted
 * scalar's quote, a block scalar's indicator).
 */
export function nodeStart(text: string, ev: yaml.Event): number {
  let start: number;
  if (ev.type === E.SCALAR) {
    const quoted = ev.style === yaml.SCALAR_STYLE.SINGLE_QUOTED || ev.style === yaml.SCALAR_STYLE.DOUBLE_QUOTED;
    const block = ev.style === yaml.SCALAR_STYLE.LITERAL_BLOCK || ev.style === yaml.SCALAR_STYLE.FOLDED_BLOCK;
    start = quoted ? ev.valueStart - 1 : block ? blockIndicator(text, ev.valueStart) : ev.valueStart;
  } else if (ev.type === E.SEQUENCE || ev.type === E.MAPPING) {
    start = ev.start;
  } else if (ev.type === E.ALIAS) {
    return ev.anchorStart - 1;
  } else {
    return 0;
  }
  // js-yaml's anchor range excludes the `&`. An empty node (-1) with a tag or anchor starts there.
  if (ev.anchorStart > 0 && (start < 0 || ev.anchorStart - 1 < start)) start = ev.anchorStart - 1;
  if (ev.tagStart >= 0 && (start < 0 || ev.tagStart < start)) start = ev.tagStart;
  return start;
}

/** For each collection event, the index of the POP that closes it (one pass, numbers only). */
function collectionEnds(events: readonly yaml.Event[]): Int32Array {
  const ends = new Int32Array(events.length).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < events.length; i++) {
    const t = events[i]!.type;
    if (t === E.SEQUENCE || t === E.MAPPING) open.push(i);
    else if (t === E.POP && open.length > 0) ends[open.pop()!] = i;
  }
  return ends;
}

/**
 * Finds the node at a JSON Pointer in the first document by walking down from the root and jumping
 * over sibling subtrees, so only the path asked for is visited.
 */
export function resolver(text: string, events: readonly yaml.Event[]): NodeResolver {
  let ends: Int32Array | undefined;
  const next = (i: number) => {
    const t = events[i]!.type;
    return t === E.SEQUENCE || t === E.MAPPING ? ends![i]! + 1 : i + 1;
  };
  // A sequence's children are its items; a mapping's are its keys (each followed by its value).
  const index = new CollectionIndex(
    (node) => {
      const children: number[] = [];
      const mapping = events[node]!.type === E.MAPPING;
      for (let j = node + 1; j < ends![node]!; j = mapping ? next(next(j)) : next(j)) children.push(j);
      return children;
    },
    (key) => {
      const k = events[key]!;
      return k.type === E.SCALAR ? keyName(text, k) : undefined;
    },
  );
  return (pointer: string): NodeOffsets | undefined => {
    ends ??= collectionEnds(events);
    let i: number | undefined = events.findIndex((e) => e.type !== E.DOCUMENT);
    if (i < 0 || events[i]!.type === E.POP) return undefined;
    let key: number | undefined;
    for (const token of pointerTokens(pointer)) {
      const type: number = events[i]!.type;
      if (type === E.SEQUENCE) {
        i = /^(0|[1-9]\d*)$/.test(token) ? index.item(i, Number(token)) : undefined;
        key = undefined;
      } else if (type === E.MAPPING) {
        const found = index.entry(i, token);
        key = found === undefined ? undefined : nodeStart(text, events[found]!);
        i = found === undefined ? undefined : next(found);
      } else {
        i = undefined;
      }
      if (i === undefined) return undefined;
    }
    const ev = events[i]!;
    const value = nodeStart(text, ev);
    // An anchor changes nothing of how a scalar is read; a tag does. An empty value (`key:` alone)
    // is no scalar in the text, as the fast path says too.
    const plain = value >= 0 && ev.type === E.SCALAR && ev.style === yaml.SCALAR_STYLE.PLAIN && ev.tagStart < 0;
    return { value, ...(key !== undefined ? { key } : {}), ...(plain ? { plain } : {}) };
  };
}

/** A key as js-yaml stores it: a plain key resolved (`~` is "null", `0x1F` is "31"), then a string. */
export function keyName(text: string, key: yaml.ScalarEvent): string {
  const source = yaml.getScalarValue(text, key);
  return key.style === yaml.SCALAR_STYLE.PLAIN && key.tagStart < 0 ? String(resolvePlain(source)) : source;
}
