/** Making untrusted text safe to print on a terminal. */

// C0/C1 controls (but tab), bidirectional overrides and isolates, zero-width characters, line and paragraph separators.
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

/** Replaces control, bidirectional and invisible characters with a visible `\u{…}` escape. */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`);
}
