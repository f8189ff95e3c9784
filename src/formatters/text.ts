/** Making untrusted text safe to print on a terminal. */

// C0/C1 controls (but tab), bidirectional overrides and isolates, zero-width characters, line and paragraph separators.
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

/** Replaces control, bidirectional and invisible characters with a visible `\u{…}` escape. */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** A character as its `\\u{…}` escape. */
function visible(c: string): string {
  return `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`;
}

// The same in a page's markup, but the line breaks and tabs that markup is made of.
const UNSAFE_IN_MARKUP = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

/**
 * The same escape for a rendered HTML page: a name with a right-to-left override ("ms04\u202Eevil"
 * shown as "ms04live") cannot spoof what a reader sees. The templates hold none of these
 * characters, so only text from the file is changed.
 */
export function escapeInvisibleInMarkup(html: string): string {
  return html.replace(UNSAFE_IN_MARKUP, visible);
}
