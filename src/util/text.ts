/** Making untrusted text safe to print on a terminal. */

/**
 * What a terminal or a reader must not be handed raw, but tab and line breaks: C0 and C1 controls
 * (ESC starts the CSI and OSC sequences that move the cursor, retitle the window or write links),
 * the bidirectional marks, overrides and isolates (U+061C, U+200E-F, U+202A-E, U+2066-9), the
 * zero-width and invisible characters (U+200B-D, U+2060-4, U+FEFF), the deprecated format
 * controls U+206A-F, the line and paragraph separators, and the tag characters (U+E0000-E007F),
 * which hide text inside what looks like one character.
 */
const INVISIBLE = '\\u061c\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff\\u{e0000}-\\u{e007f}';

// C0/C1 controls (but tab), and the invisible characters above.
const UNSAFE = new RegExp(`[\\u0000-\\u0008\\u000a-\\u001f\\u007f-\\u009f${INVISIBLE}]`, 'gu');

/** Replaces control, bidirectional and invisible characters with a visible `\u{…}` escape. */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** A character as its `\\u{…}` escape. */
function visible(c: string): string {
  return `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`;
}

// The same in a page's markup, but the line breaks and tabs that markup is made of.
const UNSAFE_IN_MARKUP = new RegExp(`[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f${INVISIBLE}]`, 'gu');

// In JSON text, where JSON.stringify has escaped every C0 control inside a string already, and a
// raw line break or tab is the layout between values.
const UNSAFE_IN_JSON = new RegExp(`[\\u007f-\\u009f${INVISIBLE}]`, 'gu');

/**
 * JSON text with every character of UNSAFE that is left raw inside its strings written as a
 * `\\uXXXX` escape: the same data for a parser, nothing a terminal acts on when it is printed.
 */
export function escapeJsonForTerminal(json: string): string {
  // Nearly every output has none: a plain scan first spares a large one a copy.
  return anyUnsafeInJson(json) ? json.replace(UNSAFE_IN_JSON, utf16Escapes) : json;
}

/**
 * Whether a text holds any character of UNSAFE_IN_JSON: the same set without the unicode flag (the
 * tag characters as their surrogate pairs), which scans a large output several times faster.
 */
const ANY_UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]|\uDB40[\uDC00-\uDC7F]/;

function anyUnsafeInJson(text: string): boolean {
  // Every character of the set but U+007F is past ASCII, and an ASCII text (nearly every output)
  // has as many UTF-8 bytes as characters: counting them is many times faster than the scan.
  if (Buffer.byteLength(text, 'utf8') === text.length) return text.includes('\u007f');
  return ANY_UNSAFE_IN_JSON.test(text);
}

/** A character as JSON's `\\uXXXX` escapes of its UTF-16 code units (two for a tag character). */
function utf16Escapes(c: string): string {
  let out = '';
  for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

// In XML text and attributes, where junit.ts shows C0 controls (which XML cannot hold) its own way.
const UNSAFE_IN_XML = new RegExp(`[\\u007f-\\u009f${INVISIBLE}]`, 'gu');

/** XML text with the characters of UNSAFE_IN_XML as character references: the same text for a parser. */
export function escapeXmlForTerminal(xml: string): string {
  if (!anyUnsafeInJson(xml)) return xml;
  return xml.replace(UNSAFE_IN_XML, (c) => `&#x${c.codePointAt(0)!.toString(16).toUpperCase()};`);
}

/**
 * The same escape for a rendered HTML page: a name with a right-to-left override ("ms04\u202Eevil"
 * shown as "ms04live") cannot spoof what a reader sees. The templates hold none of these
 * characters, so only text from the file is changed.
 */
export function escapeInvisibleInMarkup(html: string): string {
  return html.replace(UNSAFE_IN_MARKUP, visible);
}

/** `scom-ms01.corp.contoso.com` as `scom-ms01.`, `corp.`, `contoso.com`: a name three columns of a printed table wide breaks only there. */
export function atDots(text: string): string[] {
  return text.split(/(?<=\.)(?=[^\s.])/);
}
