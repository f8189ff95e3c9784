/**
 * Globs as the command line and the config's `ignore` take them: `*`, `**`, `?`, `[...]` (`!` or
 * `^` to negate, ranges), `{a,b}` (nested) and `\` to escape. Matching takes time linear in the
 * path for every pattern: picomatch and the regular expressions this file replaces turn each `*`
 * into a lazy `[^/]*?`, which backtracks over every way to split a name between the stars
 * (`*-*-*-*-*.yaml` against a 250-character name did not finish in a minute). Here a `*` before a
 * piece consumes only characters where that piece does not start, so a name is split one way.
 */

/** A pattern the grammar above cannot read, with the reason. */
export class GlobSyntaxError extends Error {
  constructor(
    readonly pattern: string,
    readonly reason: string,
  ) {
    super(`"${pattern}" is not a valid glob: ${reason}`);
    this.name = 'GlobSyntaxError';
  }
}

/** The most patterns one pattern's braces may stand for (`{a,b}{c,d}` stands for 4). */
export const MAX_BRACE_EXPANSIONS = 1024;

/** Whether `pattern` holds a character that makes it a glob rather than a path. */
export function isGlob(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}

/** A compiled glob: whether a `/`-separated path (relative, no `.` or `..`) matches it. */
export interface Glob {
  readonly test: (path: string) => boolean;
  /** How many path segments a match can have at most (Infinity with a `**`). */
  readonly maxSegments: number;
}

/** Compiles `pattern`; throws GlobSyntaxError for one the grammar cannot read. */
export function compileGlob(pattern: string): Glob {
  const alternatives = expandBraces(pattern).map((p) => compileSegments(pattern, p));
  const maxSegments = Math.max(...alternatives.map((a) => (a.some((s) => s === GLOBSTAR) ? Infinity : a.length)));
  return {
    maxSegments,
    test: (path) => {
      const segments = path.split('/');
      return alternatives.some((a) => matchSegments(a, segments));
    },
  };
}

/**
 * The brace-free patterns `pattern` stands for, in order: `a{b,c{d,e}}` is `ab`, `acd`, `ace`.
 * Braces without a comma are literal (`{draft}`, as a shell reads them); an unclosed `{` or a `}`
 * without its `{` is an error, as are more than MAX_BRACE_EXPANSIONS patterns.
 */
export function expandBraces(pattern: string): string[] {
  let results = [''];
  const add = (texts: readonly string[]) => {
    const next: string[] = [];
    for (const r of results) for (const t of texts) next.push(r + t);
    if (next.length > MAX_BRACE_EXPANSIONS) throw new GlobSyntaxError(pattern, `its braces stand for more than ${MAX_BRACE_EXPANSIONS} patterns`);
    results = next;
  };
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      add([pattern.slice(i, i + 2)]);
      i += 2;
    } else if (c === '[') {
      const end = bracketEnd(pattern, i);
      add([pattern.slice(i, end)]);
      i = end;
    } else if (c === '{') {
      const close = braceEnd(pattern, i);
      if (close < 0) throw new GlobSyntaxError(pattern, `the "{" at character ${i + 1} is never closed (write \\{ for the character itself)`);
      const parts = splitTopLevel(pattern.slice(i + 1, close));
      if (parts.length === 1) {
        add(['\\{']);
        add(expandBraces(parts[0]!));
        add(['\\}']);
      } else {
        add(parts.flatMap((p) => expandBraces(p)));
      }
      i = close + 1;
    } else if (c === '}') {
      throw new GlobSyntaxError(pattern, `the "}" at character ${i + 1} closes no "{"`);
    } else {
      add([c]);
      i++;
    }
  }
  return results;
}

/** The index just past a bracket expression that opens at `start`, or start + 1 where it is unclosed. */
function bracketEnd(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === '!' || pattern[i] === '^') i++;
  // A `]` first in the brackets is one of the characters.
  if (pattern[i] === ']') i++;
  for (; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === ']') return i + 1;
    else if (pattern[i] === '/') break;
  }
  return start + 1;
}

/** The index of the `}` closing the `{` at `start`, or -1. */
function braceEnd(pattern: string, start: number): number {
  let depth = 0;
  for (let i = start; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '[') i = bracketEnd(pattern, i) - 1;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/** `a,{b,c},d` split at its commas outside braces and brackets. */
function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') i++;
    else if (c === '[') i = bracketEnd(body, i) - 1;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(body.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(body.slice(from));
  return parts;
}

const GLOBSTAR = Symbol('**');
type Segment = typeof GLOBSTAR | RegExp;

/** A brace-free pattern's segments: `**`, or a regular expression that matches one name. */
function compileSegments(original: string, pattern: string): Segment[] {
  const segments = pattern.split('/');
  // `a//b` and a trailing `/` name no segment: skipped, as a path's would be.
  const kept = segments.filter((s, i) => s !== '' || (i === 0 && segments.length === 1));
  const out: Segment[] = [];
  for (const s of kept) {
    if (s === '**') {
      if (out.at(-1) !== GLOBSTAR) out.push(GLOBSTAR);
    } else {
      out.push(compileSegment(original, s));
    }
  }
  return out;
}

/**
 * One segment as a regular expression that cannot backtrack more than linearly: the pieces between
 * its stars (each of fixed length: characters, `?`, brackets) matched left to right, a `*` taking
 * the characters up to where the next piece first matches, the last piece at the end.
 */
function compileSegment(original: string, segment: string): RegExp {
  const pieces: string[][] = [[]];
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '*') {
      // `**` inside a name is one `*`; stars side by side are one.
      if (pieces.at(-1)!.length > 0 || pieces.length === 1) pieces.push([]);
      while (segment[i + 1] === '*') i++;
    } else if (c === '?') {
      pieces.at(-1)!.push('[^/]');
    } else if (c === '[') {
      const end = bracketEnd(segment, i);
      if (end === i + 1) throw new GlobSyntaxError(original, 'a "[" is never closed (write \\[ for the character itself)');
      pieces.at(-1)!.push(bracket(original, segment.slice(i + 1, end - 1)));
      i = end - 1;
    } else if (c === '\\' && i + 1 < segment.length) {
      pieces.at(-1)!.push(escapeRegExp(segment[++i]!));
    } else if (c === ']') {
      throw new GlobSyntaxError(original, 'a "]" closes no "[" (write \\] for the character itself)');
    } else {
      pieces.at(-1)!.push(escapeRegExp(c));
    }
  }
  const sources = pieces.map((p) => p.join(''));
  if (sources.length === 1) return new RegExp(`^${sources[0]}$`);
  const [first, ...rest] = sources;
  const last = rest.pop()!;
  const middle = rest
    .filter((s) => s !== '')
    .map((s) => `(?:(?!${s})[^/])*${s}`)
    .join('');
  return new RegExp(`^${first}${middle}[^/]*${last}$`);
}

/** A bracket expression's body (between `[` and `]`) as a regular expression's class. */
function bracket(original: string, body: string): string {
  let negate = false;
  let i = 0;
  if (body[0] === '!' || body[0] === '^') {
    negate = true;
    i = 1;
  }
  const chars: string[] = [];
  while (i < body.length) {
    let c = body[i]!;
    if (c === '\\' && i + 1 < body.length) c = body[++i]!;
    if (body[i + 1] === '-' && i + 2 < body.length) {
      let to = body[i + 2]!;
      let next = i + 3;
      if (to === '\\' && i + 3 < body.length) {
        to = body[i + 3]!;
        next = i + 4;
      }
      if (to.codePointAt(0)! < c.codePointAt(0)!)
        throw new GlobSyntaxError(original, `the range "${c}-${to}" is backwards (its first character comes after its last)`);
      chars.push(`${escapeClass(c)}-${escapeClass(to)}`);
      i = next;
    } else {
      chars.push(escapeClass(c));
      i++;
    }
  }
  return `[${negate ? '^/' : ''}${chars.join('')}]`;
}

function escapeRegExp(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function escapeClass(c: string): string {
  return c.replace(/[\\\]^[-]/g, '\\$&');
}

/**
 * Whether the path's segments match the pattern's, a `**` standing for any number of segments
 * (none too): a table of which pattern suffixes match which path suffixes, so linear in each.
 */
function matchSegments(pattern: readonly Segment[], path: readonly string[]): boolean {
  const n = path.length;
  // ok[j]: pattern[i..] matches path[j..], for the i of the loop (from the end).
  let ok = new Array<boolean>(n + 1).fill(false);
  ok[n] = true;
  for (let i = pattern.length - 1; i >= 0; i--) {
    const p = pattern[i]!;
    const next = new Array<boolean>(n + 1).fill(false);
    if (p === GLOBSTAR) {
      next[n] = ok[n]!;
      for (let j = n - 1; j >= 0; j--) next[j] = ok[j]! || next[j + 1]!;
    } else {
      for (let j = 0; j < n; j++) next[j] = ok[j + 1]! && p.test(path[j]!);
    }
    ok = next;
  }
  return ok[0]!;
}
