/**
 * Where each node of a document sits in its text. Findings carry a JSON Pointer; this turns a pointer
 * into 1-based line:column, in one place (STYLE.md habit 2).
 */

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Where the node at a JSON Pointer is: its value's offset and, for a mapping value, its key's. */
export interface NodeOffsets {
  readonly value: number;
  readonly key?: number;
  /** A plain scalar: not quoted, not a block scalar, with no tag (and not an alias). */
  readonly plain?: boolean;
}

/** Finds the node at a pointer, or undefined where the text has none. */
export type NodeResolver = (pointer: string) => NodeOffsets | undefined;

export const NO_NODES: NodeResolver = () => undefined;

export class SourceMap {
  private lineStartsCache: number[] | undefined;
  private readonly cache = new Map<string, NodeOffsets | undefined>();

  constructor(
    readonly text: string,
    private readonly resolve: NodeResolver,
  ) {}

  private node(pointer: string): NodeOffsets | undefined {
    if (this.cache.has(pointer)) return this.cache.get(pointer);
    let node = this.resolve(pointer);
    // An empty value (`key:` with nothing after it) has no offset of its own: it is where its key is;
    // an empty sequence item falls back to its sequence.
    if (node !== undefined && node.value < 0) node = node.key !== undefined ? { value: node.key, key: node.key } : undefined;
    this.cache.set(pointer, node);
    return node;
  }

  private get lineStarts(): number[] {
    if (this.lineStartsCache) return this.lineStartsCache;
    const text = this.text;
    const starts = [0];
    if (!text.includes('\r')) {
      // LF only (nearly every file): the breaks found by native scans, not a loop over every character.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
      }
    }
    this.lineStartsCache = starts;
    return starts;
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
      const node = this.node(p);
      if (node) return this.positionOf(at === 'key' && node.key !== undefined ? node.key : node.value);
      if (p === '') return { line: 1, column: 1 };
      p = p.slice(0, p.lastIndexOf('/'));
      at = 'value';
    }
  }

  has(pointer: string): boolean {
    return this.node(pointer) !== undefined;
  }

  /** Whether the node at `pointer` is a plain scalar in the text (NodeOffsets' `plain`). */
  isPlainScalar(pointer: string): boolean {
    return this.node(pointer)?.plain === true;
  }
}

/**
 * The children of a document's collections, listed when a pointer first goes through them and kept:
 * resolving a pointer into a sequence or mapping of n children is then a lookup, not a walk over
 * the siblings before it, so placing a finding on each of 20,000 servers stays linear.
 */
export class CollectionIndex {
  private readonly lists = new Map<number, readonly number[]>();
  private readonly keyed = new Map<number, ReadonlyMap<string, number>>();

  constructor(
    /** A collection node's children, in order (for a mapping: one node per entry). */
    private readonly childrenOf: (node: number) => number[],
    /** A mapping entry's key, as the document's value has it; undefined for a key no pointer names (a complex key). */
    private readonly keyOf: (entry: number) => string | undefined,
  ) {}

  /** The n-th child of a sequence node. */
  item(node: number, n: number): number | undefined {
    return this.children(node)[n];
  }

  /** The entry of a mapping node with this key (its first, were a key repeated). */
  entry(node: number, key: string): number | undefined {
    let byKey = this.keyed.get(node);
    if (!byKey) {
      const map = new Map<string, number>();
      for (const child of this.children(node)) {
        const k = this.keyOf(child);
        if (k !== undefined && !map.has(k)) map.set(k, child);
      }
      this.keyed.set(node, (byKey = map));
    }
    return byKey.get(key);
  }

  private children(node: number): readonly number[] {
    let list = this.lists.get(node);
    if (!list) this.lists.set(node, (list = this.childrenOf(node)));
    return list;
  }
}

/** The reference tokens of a JSON Pointer (RFC 6901). */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '') return [];
  const tokens = pointer.slice(1).split('/');
  return pointer.includes('~') ? tokens.map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~')) : tokens;
}

/** Escapes one reference token of a JSON Pointer (RFC 6901). */
export function escapePointerToken(token: string | number): string {
  const s = String(token);
  return s.includes('~') || s.includes('/') ? s.replace(/~/g, '~0').replace(/\//g, '~1') : s;
}

/** Builds a JSON Pointer from its tokens. */
export function pointer(...tokens: ReadonlyArray<string | number>): string {
  let out = '';
  for (const t of tokens) out += '/' + escapePointerToken(t);
  return out;
}
