/**
 * The comments of a YAML text, from js-yaml's event stream: js-yaml hands out no comment events, so
 * a comment is a `#` at a line's start or after a space or tab that lies outside every scalar the
 * parse found (keys and values, quoted, plain and block). A `#` inside a quoted value or a block
 * scalar is data, whatever it looks like.
 */
import * as yaml from 'js-yaml';

export interface Comment {
  /** 1-based line of the `#`, and its 1-based column. */
  readonly line: number;
  readonly column: number;
  /** From the `#` to the end of its line. */
  readonly text: string;
}

const E = yaml.EVENT_ID;

/**
 * The comments whose text contains `needle` (only those, so that a caller looking for directives
 * pays for no others); none when the text is not YAML js-yaml reads. `text` has no byte-order mark.
 */
export function commentsContaining(text: string, needle: string, maxDepth: number): Comment[] {
  if (!text.includes(needle)) return [];
  let events: yaml.Event[];
  try {
    events = yaml.parseEvents(text, { maxDepth });
  } catch {
    return [];
  }
  // Each scalar's range in the text, in document order (so sorted and disjoint): a quoted one with
  // its quotes, a block scalar from the line after its indicator (whose own line may end in a real
  // comment) to its last line.
  const starts: number[] = [];
  const ends: number[] = [];
  for (const ev of events) {
    if (ev.type !== E.SCALAR || ev.valueStart < 0) continue;
    const quoted = ev.style === yaml.SCALAR_STYLE.SINGLE_QUOTED || ev.style === yaml.SCALAR_STYLE.DOUBLE_QUOTED;
    starts.push(quoted ? ev.valueStart - 1 : ev.valueStart);
    ends.push(quoted ? ev.valueEnd + 1 : ev.valueEnd);
  }
  const inScalar = (offset: number): boolean => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (offset < starts[mid]!) hi = mid - 1;
      else if (offset >= ends[mid]!) lo = mid + 1;
      else return true;
    }
    return false;
  };
  const out: Comment[] = [];
  let line = 1;
  let lineStart = 0;
  let searched = 0;
  for (let hit = text.indexOf(needle); hit >= 0; hit = text.indexOf(needle, hit + needle.length)) {
    if (hit < searched) continue;
    // Count the line breaks up to the hit (LF, CRLF or CR), once over the whole text.
    for (let i = searched; i < hit; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
        line++;
        lineStart = i + 1;
      }
    }
    let lineEnd = hit;
    while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    searched = lineEnd;
    // The first `#` of the line that starts a comment; everything after it is the comment.
    for (let i = text.indexOf('#', lineStart); i >= 0 && i < lineEnd; i = text.indexOf('#', i + 1)) {
      const before = i === lineStart ? 32 : text.charCodeAt(i - 1);
      if ((before !== 32 && before !== 9) || inScalar(i)) continue;
      const comment = text.slice(i, lineEnd);
      if (comment.includes(needle)) out.push({ line, column: i - lineStart + 1, text: comment });
      break;
    }
  }
  return out;
}
