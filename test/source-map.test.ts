/** SourceMap's offsets → line:column, and JSON Pointer tokens, against plain reference versions. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_NODES, SourceMap, pointerTokens } from '../src/io/yaml/source-map.js';

/** Line and column of an offset, walking the text: LF, CRLF and a lone CR each end a line. */
function reference(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

describe('SourceMap.positionOf', () => {
  it('agrees with a walk over the text for LF, CRLF and lone CR line ends', () => {
    const textArb = fc.array(fc.constantFrom('a', 'b: c', ' ', '\n', '\r\n', '\r', 'é'), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(textArb, fc.nat(), (text, n) => {
        const map = new SourceMap(text, NO_NODES);
        const offset = text.length === 0 ? 0 : n % (text.length + 1);
        expect(map.positionOf(offset)).toEqual(reference(text, offset));
      }),
      { seed: 20261201, numRuns: 500 },
    );
  });

  it('places offsets on the last line of a text without a final line break', () => {
    const map = new SourceMap('a: 1\nb: 2', NO_NODES);
    expect(map.positionOf(5)).toEqual({ line: 2, column: 1 });
    expect(map.positionOf(9)).toEqual({ line: 2, column: 5 });
  });
});

describe('pointerTokens', () => {
  it('splits a pointer and unescapes ~1 and ~0 only where the pointer has a ~', () => {
    expect(pointerTokens('')).toEqual([]);
    expect(pointerTokens('/pools/0/members')).toEqual(['pools', '0', 'members']);
    expect(pointerTokens('/a~1b/c~0d/~01')).toEqual(['a/b', 'c~d', '~1']);
    expect(pointerTokens('/')).toEqual(['']);
  });
});
