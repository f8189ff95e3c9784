/**
 * Fitting a name into a diagram's box without a browser to measure it: the report is rendered
 * ahead of time, so a label's width is estimated from its characters (Arial-like advance widths,
 * rounded up, a little more for bold) and a label past its room is cut at a character boundary
 * with "…"; the full name stays in the box's tooltip and in the tables.
 */
import { escapeForTerminal } from './text.js';

/** A label as drawn, and the full text when it had to be cut. */
export interface FittedLabel {
  readonly label: string;
  /** The whole text, when `label` is a shortened form of it. */
  readonly full?: string;
  /**
   * True when the text starts (at its first strong character) right to left, as an Arabic or
   * Hebrew name does: drawn as a right-to-left line, so that its "…" is at its end, on the left.
   */
  readonly rtl?: true;
}

/** A fitted label as a view draws it: the label, the whole text when cut, and `labelRtl` for a right-to-left one. */
export function drawnLabel(f: FittedLabel): { readonly label: string; readonly full?: string; readonly labelRtl?: true } {
  return { label: f.label, ...(f.full !== undefined ? { full: f.full } : {}), ...(f.rtl ? { labelRtl: true as const } : {}) };
}

/** Scripts written right to left: Hebrew, Arabic, Syriac, Thaana, NKo..., their presentation forms and the RTL planes. */
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|[\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
/** Characters that are strongly left to right: letters of the other scripts. */
const LTR = /[\p{L}]/u;

/** Whether the first character with a direction of its own is right to left (the rule a `dir="auto"` follows). */
export function startsRightToLeft(text: string): boolean {
  for (const c of text) {
    if (RTL.test(c)) return true;
    if (LTR.test(c)) return false;
  }
  return false;
}

// Advance widths in em, on the wide side of common sans-serif faces (DejaVu Sans, which Linux
// browsers fall back to, is wider than Segoe UI, Roboto or Arial): a label that fits here fits there.
const WIDTHS: ReadonlyArray<readonly [string, number]> = [
  ["ijlI'|!", 0.28],
  ['ft.,:; ()[]{}`', 0.34],
  ['r-', 0.4],
  ['sczxyvk', 0.56],
  ['abdeghnopqu0123456789#$+=<>?_~^*"/\\', 0.64],
  ['ABCDEFGHIJKLNOPQRSTUVXYZ', 0.76],
  ['mw%&', 0.98],
  ['MW@', 1.02],
];
const ASCII_WIDTH = new Map(WIDTHS.flatMap(([chars, width]) => [...chars].map((c) => [c, width] as const)));
const OTHER = 0.64; // other alphabets: Greek, Cyrillic, Hebrew, Arabic, Devanagari...
const FULL = 1.0; // CJK, Hangul, fullwidth forms, emoji
const BOLD = 1.1;
const ELLIPSIS = '…';
const ELLIPSIS_WIDTH = 1.0;

/** The estimated advance of one character (a grapheme's first code point), in em. */
function advance(c: string): number {
  const ascii = ASCII_WIDTH.get(c);
  if (ascii !== undefined) return ascii;
  const code = c.codePointAt(0)!;
  if (code < 0x80) return 0.64;
  if (isFullWidth(code)) return FULL;
  return OTHER;
}

/** East Asian wide and fullwidth ranges, and the emoji planes. */
function isFullWidth(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x1f000
  );
}

/**
 * A user-perceived character, near enough for cutting a label: a flag (two regional indicators),
 * an emoji with its modifiers and zero-width-joined parts, or any character, each with the marks,
 * joiners and variation selectors that follow it. Not all of UAX #29 (Intl.Segmenter has it, but
 * loading its break data costs a report dearly): where the two differ (conjoining jamo, some Indic
 * clusters) a cut shows the pieces of a character, never half of a surrogate pair.
 */
// The class lists combining marks and joiners one by one, on purpose: each extends the cluster before it.
/* eslint-disable no-misleading-character-class -- listed one by one, on purpose */
const GRAPHEME =
  /(?:\p{Regional_Indicator}{2}|\p{Extended_Pictographic}(?:\p{EMod}|\uFE0F|\u20E3)*(?:\u200D\p{Extended_Pictographic}(?:\p{EMod}|\uFE0F)*)*|[\s\S])[\p{M}\u200C\u200D\uFE0E\uFE0F\u{E0020}-\u{E007F}]*/gu;
/* eslint-enable no-misleading-character-class */

/** The text's user-perceived characters, each as it will be shown (invisible ones escaped, as the page shows them). */
function graphemes(text: string): { text: string; width: number }[] {
  const out: { text: string; width: number }[] = [];
  for (const [segment] of text.matchAll(GRAPHEME)) {
    const shown = escapeForTerminal(segment);
    let width = 0;
    // An escape (`\u{202E}`) is drawn as its characters; a grapheme otherwise by its base character.
    if (shown !== segment) for (const c of shown) width += advance(c);
    else width = advance(String.fromCodePoint(segment.codePointAt(0)!));
    out.push({ text: segment, width });
  }
  return out;
}

/** The estimated width of `text` in pixels at `fontSize`. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  return sum(graphemes(text)) * fontSize * (bold ? BOLD : 1);
}

/** A DNS name with a domain: `scom-ms01.corp.contoso.com` (its host is the first label). */
const HOST_NAME = /^([A-Za-z0-9-]+)(?:\.[A-Za-z0-9-]+)+$/;

/**
 * `text` as it fits in `room` pixels at `fontSize`: whole, or shortened with "…" (and the full text
 * kept). Names of one design mostly differ at their ends (`scom-ms01`, `scom-ms02`), or in the host
 * of a DNS name, so a DNS name loses its domain first (`scom-ms01…`) and a name still too wide
 * keeps its start and its end (`scom-managem…server-01`). Prose (a sublabel) keeps its start.
 */
export function fitText(text: string, room: number, fontSize: number, bold = false, keep: 'ends' | 'start' = 'ends'): FittedLabel {
  const scale = fontSize * (bold ? BOLD : 1);
  const rtl = startsRightToLeft(text) ? { rtl: true as const } : {};
  const parts = graphemes(text);
  if (sum(parts) * scale <= room) return { label: text, ...rtl };
  const budget = (room - ELLIPSIS_WIDTH * scale) / scale;
  const host = keep === 'ends' ? HOST_NAME.exec(text)?.[1] : undefined;
  const source = host !== undefined ? graphemes(host) : parts;
  if (host !== undefined && sum(source) <= budget) return { label: host + ELLIPSIS, full: text, ...rtl };
  // Both ends: half the room for the start, the rest for the end (or all of it for the start).
  const headBudget = keep === 'start' ? budget : budget / 2;
  let head = 0;
  let headWidth = 0;
  while (head < source.length && headWidth + source[head]!.width <= headBudget) headWidth += source[head++]!.width;
  let tail = source.length;
  let tailWidth = 0;
  while (tail > head && headWidth + tailWidth + source[tail - 1]!.width <= budget) tailWidth += source[--tail]!.width;
  const join = (from: number, to: number) =>
    source
      .slice(from, to)
      .map((g) => g.text)
      .join('');
  return { label: join(0, head).trimEnd() + ELLIPSIS + join(tail, source.length).trimStart(), full: text, ...rtl };
}

function sum(parts: readonly { readonly width: number }[]): number {
  let total = 0;
  for (const p of parts) total += p.width;
  return total;
}

/**
 * The first of `candidates` (longest first: "management server · 1,200 agents", "1,200 agents")
 * that fits whole; else the last, cut. `full` is the first whenever another is drawn.
 */
export function fitFirst(candidates: readonly [string, ...string[]], room: number, fontSize: number, bold = false): FittedLabel {
  for (const [i, text] of candidates.entries()) {
    if (textWidth(text, fontSize, bold) <= room) return i === 0 ? { label: text } : { label: text, full: candidates[0] };
  }
  const last = fitText(candidates[candidates.length - 1]!, room, fontSize, bold, 'start');
  return { label: last.label, full: candidates[0] };
}

/** Where a name may break: after a hyphen, a dot, an underscore, a slash or a space (`globex-nyc-|scom-|ms01.|corp.`). */
const BREAK_AFTER = new Set(['-', '.', '_', '/', ' ']);

/**
 * `text` in lines of at most `room` pixels at `fontSize`, never cut: broken after a hyphen, dot,
 * underscore, slash or space where one is near enough, else between characters (a name with no
 * such place, or CJK). The lines joined give back `text`, so the whole name is always drawn.
 */
export function wrapText(text: string, room: number, fontSize: number, bold = false): string[] {
  const scale = fontSize * (bold ? BOLD : 1);
  const parts = graphemes(text);
  const lines: string[] = [];
  let start = 0;
  while (start < parts.length) {
    let width = 0;
    let end = start;
    let lastBreak = -1;
    while (end < parts.length && (end === start || width + parts[end]!.width * scale <= room)) {
      width += parts[end]!.width * scale;
      if (BREAK_AFTER.has(parts[end]!.text)) lastBreak = end + 1;
      end++;
    }
    // Break at the last separator when the line is full, unless that leaves it under half its room.
    if (end < parts.length && lastBreak > start) {
      let head = 0;
      for (let k = start; k < lastBreak; k++) head += parts[k]!.width * scale;
      if (head >= room / 2) end = lastBreak;
    }
    lines.push(
      parts
        .slice(start, end)
        .map((g) => g.text)
        .join(''),
    );
    start = end;
  }
  return lines.length > 0 ? lines : [''];
}
