/**
 * Where a text stops being JSON (RFC 8259), and why, in words a person fixing it can act on. A
 * validator only: the value itself comes from the YAML reader, as for every file. JSON.parse stays
 * the judge of whether a text is JSON (parse.ts asks this only about a text JSON.parse refused), since
 * V8's messages give a position for some mistakes but not for others ("Unexpected token ''', ...
 * is not valid JSON"). Iterative, so nesting as deep as the text allows does not overflow the stack;
 * test/json-check.test.ts checks that it agrees with JSON.parse on generated texts.
 */

/** The first offset at which `text` is not JSON, with the reason; undefined where it is JSON. */
export function jsonError(text: string): { readonly offset: number; readonly reason: string } | undefined {
  const n = text.length;
  let i = 0;
  /** The open containers, innermost last: `{` or `[`. */
  const open: number[] = [];
  type State = 'value' | 'key' | 'after';
  let state: State = 'value';
  const fail = (reason: string, at = i) => ({ offset: Math.min(at, n), reason });
  const skipSpace = () => {
    for (let c = text.charCodeAt(i); c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d; c = text.charCodeAt(++i));
  };
  /** What is wrong with the character at `i`, where a value or a key should start. */
  const unexpected = (where: 'value' | 'key') => {
    if (i >= n) return fail(where === 'key' ? 'the text ends inside an object' : 'the text ends where a value should be');
    const c = text[i]!;
    if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) return fail('a comment; JSON has none');
    if (c === "'") return fail('a string in single quotes; JSON takes double quotes only');
    if (/[A-Za-z_$]/.test(c))
      return fail(
        where === 'key' ? 'a key without quotes; in JSON every key is in double quotes' : 'a word without quotes; in JSON a string is in double quotes',
      );
    return fail(`"${c}" where a ${where} should start`);
  };
  /** A string from the quote at `i`; undefined when it is well formed (i is then after it). */
  const string = () => {
    const start = i;
    i++;
    for (;;) {
      if (i >= n) return fail('the string is not closed', start);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c < 0x20) return fail('a tab or line break inside a string; write it as an escape (\\t, \\n)');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9A-Fa-f]{4}$/.test(text.slice(i + 2, i + 6))) return fail('a \\u escape needs four hexadecimal digits');
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) return fail('an escape JSON does not have (it has \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
        i += 2;
        continue;
      }
      i++;
    }
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const LITERAL = /true|false|null/y;

  for (;;) {
    skipSpace();
    if (state === 'value') {
      const c = text.charCodeAt(i);
      if (c === 0x7b || c === 0x5b) {
        open.push(c);
        i++;
        skipSpace();
        if (text.charCodeAt(i) === c + 2) {
          // `}` and `]` follow `{` and `[` by two
          open.pop();
          i++;
          state = 'after';
        } else {
          state = c === 0x7b ? 'key' : 'value';
        }
        continue;
      }
      if (c === 0x22) {
        const problem = string();
        if (problem) return problem;
        state = 'after';
        continue;
      }
      for (const re of [NUMBER, LITERAL]) re.lastIndex = i;
      const matched = NUMBER.exec(text) ?? LITERAL.exec(text);
      if (!matched) return c === 0x2b || c === 0x2e ? fail('a number JSON does not allow (no leading + or .)') : unexpected('value');
      i += matched[0].length;
      // `01`, `1.`, `1e`: the pattern stops short, and what follows cannot continue a value.
      if (/[0-9.eE+-]/.test(text[i] ?? ''))
        return fail('a number JSON does not allow (a leading zero, or a . or an exponent without digits)', i - matched[0].length);
      if (/[A-Za-z_$]/.test(text[i] ?? '')) return fail('a word without quotes; in JSON a string is in double quotes', i - matched[0].length);
      state = 'after';
      continue;
    }
    if (state === 'key') {
      if (text.charCodeAt(i) !== 0x22) return unexpected('key');
      const problem = string();
      if (problem) return problem;
      skipSpace();
      if (text.charCodeAt(i) !== 0x3a) return i >= n ? fail('the text ends inside an object') : fail('a ":" should follow the key');
      i++;
      state = 'value';
      continue;
    }
    // After a value: the end of the text, or a comma or the close of the container.
    const top = open[open.length - 1];
    if (top === undefined) {
      if (i >= n) return undefined;
      if (text[i] === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) return fail('a comment; JSON has none');
      return fail('more text after the end of the JSON value');
    }
    const c = text.charCodeAt(i);
    if (c === 0x2c) {
      const comma = i;
      i++;
      skipSpace();
      if (text.charCodeAt(i) === top + 2) return fail(`a comma before "${top === 0x7b ? '}' : ']'}"; JSON allows no trailing comma`, comma);
      state = top === 0x7b ? 'key' : 'value';
      continue;
    }
    if (c === top + 2) {
      open.pop();
      i++;
      continue;
    }
    if (i >= n) return fail(top === 0x7b ? 'the text ends inside an object' : 'the text ends inside a list');
    if (text[i] === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) return fail('a comment; JSON has none');
    return fail(`a "," or "${top === 0x7b ? '}' : ']'}" should come here`);
  }
}
