/**
 * Where each node of a document sits in its text. Findings carry a JSON Pointer; this turns a pointer
 * into 1-based line:column, in one place (STYLE.md habit 2).
 */

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface NodeLocation {
  /** Offset of the node's value (a scalar's first character, a collection's opening token). */
  readonly value: number;
  /** Offset of the mapping key that holds the node, where it is a mapping value. */
  readonly key?: number;
}

export class SourceMap {
  private readonly lineStarts: number[];

  constructor(
    readonly text: string,
    private readonly nodes: ReadonlyMap<string, NodeLocation>,
  ) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    this.lineStarts = starts;
  }

  /** 1-based line and column of a character offset. */
  positionOf(offset: number): Position {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    const at = Math.max(0, Math.min(offset, this.text.length));
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - (starts[lo] ?? 0) + 1 };
  }

  /**
   * The position of the node at `pointer` (its key where `at` is 'key' and it has one). A pointer
   * that names no node in the text (a default, a node under an alias) falls back to its nearest
   * ancestor that does.
   */
  locate(pointer: string, at: 'key' | 'value' = 'value'): Position {
    let p = pointer;
    for (;;) {
      const node = this.nodes.get(p);
      if (node) {
        const offset = at === 'key' && node.key !== undefined ? node.key : node.value;
        return this.positionOf(offset);
      }
      if (p === '') return { line: 1, column: 1 };
      p = p.slice(0, p.lastIndexOf('/'));
      at = 'value';
    }
  }

  has(pointer: string): boolean {
    return this.nodes.has(pointer);
  }
}

/** Escapes one reference token of a JSON Pointer (RFC 6901). */
export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Builds a JSON Pointer from its tokens. */
export function pointer(...tokens: ReadonlyArray<string | number>): string {
  let out = '';
  for (const t of tokens) out += '/' + escapePointerToken(t);
  return out;
}
