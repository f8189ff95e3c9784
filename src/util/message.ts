/** How messages write values: templates filled from data, counts with their noun, figures, clipped names. */
/** Templates split once into text and `{{name}}` parts: [text, name, text, name, ..., text]. */
const TEMPLATE_PARTS = new Map<string, readonly string[]>();

export function formatMessage(template: string, data: Readonly<Record<string, string | number>>): string {
  let parts = TEMPLATE_PARTS.get(template);
  if (!parts) TEMPLATE_PARTS.set(template, (parts = template.split(/\{\{(\w+)\}\}/)));
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i]!;
    if (!Object.prototype.hasOwnProperty.call(data, key)) out += `{{${key}}}`;
    else out += valueText(data[key]);
    out += parts[i + 1]!;
  }
  return out;
}

/** A data value as a message shows it: a figure as messages write them, a long text clipped. */
function valueText(value: string | number | undefined): string {
  return formatFigure(typeof value === 'string' && value.length > MAX_MESSAGE_VALUE ? clipLong(value) : value);
}

/**
 * formatMessage's text in pieces, each in or out of one of the template's `code` spans: only the
 * template's own backticks delimit them, so a backtick in a value (a pool named ``Web `Pool``,
 * quoted in a command as PowerShell reads it) stays in its piece rather than end or start a span.
 */
export function messagePieces(template: string, data: Readonly<Record<string, string | number>>): { text: string; code: boolean }[] {
  const pieces: { text: string; code: boolean }[] = [];
  let code = false;
  let text = '';
  const literal = (part: string) => {
    const spans = part.split('`');
    for (let j = 0; j < spans.length; j++) {
      if (j > 0) {
        if (text !== '') pieces.push({ text, code });
        text = '';
        code = !code;
      }
      text += spans[j]!;
    }
  };
  const parts = template.split(/\{\{(\w+)\}\}/);
  literal(parts[0]!);
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i]!;
    text += Object.prototype.hasOwnProperty.call(data, key) ? valueText(data[key]) : `{{${key}}}`;
    literal(parts[i + 1]!);
  }
  if (text !== '') pieces.push({ text, code });
  return pieces;
}

/**
 * The longest text a message shows for one value (a name is at most 255 characters, but a list of
 * names may be as long as the file): past it the value is clipped, so that no file makes one
 * message as long as it likes.
 */
export const MAX_MESSAGE_VALUE = 1000;

/** A long value clipped, without splitting a surrogate pair, saying how much was left out. */
function clipLong(text: string): string {
  let end = MAX_MESSAGE_VALUE;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}… (${groupThousands(text.length - end)} more characters)`;
}

/** A value as a message quotes it: its first 40 characters, and an ellipsis if there were more. */
export function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** `1 voter`, `3 voters`, `1,200 voters`: for counts in messages, which never say "voter(s)". */
export function plural(n: number, word: string): string {
  return `${groupThousands(n)} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * A value as messages write it: whole numbers with thousands separators ("3,900 agents"), the same
 * on every machine; other numbers with at most 12 significant digits, without binary noise
 * (0.9994750125, not ...5000001); anything else as its string.
 */
export function formatFigure(value: unknown): string {
  if (typeof value !== 'number') return String(value);
  return Number.isInteger(value) ? groupThousands(value) : String(Number(value.toPrecision(12)));
}

/**
 * 12345 → "12,345", as en-US writes it, without the cost of ICU's toLocaleString. A whole number
 * past 10^21, which String() writes as "1e+23", is written out in digits as toLocaleString does:
 * its shortest digits, then zeros ("100,000,000,000,000,000,000,000").
 */
export function groupThousands(n: number): string {
  const s = wholeDigits(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length > 3 ? s.replace(/\B(?=(\d{3})+$)/g, ',') : s);
}

/** The digits of a whole number, without an exponent; anything else as String() gives it. */
function wholeDigits(n: number): string {
  const s = String(n);
  const m = /^(\d)(?:\.(\d+))?e\+(\d+)$/.exec(s);
  if (!m) return s;
  const digits = m[1]! + (m[2] ?? '');
  const exponent = Number(m[3]);
  return digits.length <= exponent + 1 ? digits.padEnd(exponent + 1, '0') : s;
}
