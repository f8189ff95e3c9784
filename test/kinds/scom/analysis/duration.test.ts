import { describe, expect, it } from 'vitest';
import { loadUnitParser, parseCommonDuration, parseDurationWithUnits } from '../../../../src/kinds/scom/model/duration.js';

describe('latency durations', () => {
  it.each([
    [24, 24],
    ['24', 24],
    ['24 ms', 24],
    ['24ms', 24],
    ['0.024 s', 24],
    ['1500 us', 1.5],
    ['1500 µs', 1.5],
    ['2 seconds', 2000],
    ['1.5e1 ms', 15],
    ['.5 ms', 0.5],
    ['3 Milliseconds', 3],
  ] as const)('reads %j without mathjs as %d ms', (input, ms) => {
    const r = parseCommonDuration(input);
    expect(r?.ok).toBe(true);
    if (r?.ok) expect(r.ms).toBeCloseTo(ms, 12);
  });

  it('rejects negative and hands unusual forms on', () => {
    expect(parseCommonDuration(-1)).toMatchObject({ ok: false });
    expect(parseCommonDuration('-3 ms')).toMatchObject({ ok: false });
    // A round trip in megaseconds means nothing: "24 Ms" and "24 MS" are milliseconds (FORMAT.md), and ping's "<1 ms" its bound.
    expect(parseCommonDuration('24 Ms')).toEqual({ ok: true, ms: 24 });
    expect(parseCommonDuration('24 MS')).toEqual({ ok: true, ms: 24 });
    expect(parseCommonDuration('<1 ms')).toEqual({ ok: true, ms: 1 });
    expect(parseCommonDuration('half a second')).toBeUndefined();
    expect(parseCommonDuration('constructor')).toBeUndefined();
  });

  it('reads other time units through mathjs and rejects units that are not times', async () => {
    const math = await loadUnitParser();
    expect(parseDurationWithUnits('0.25 hour', math)).toEqual({ ok: true, ms: 900_000 });
    expect(parseDurationWithUnits('5 kg', math)).toMatchObject({ ok: false, reason: expect.stringMatching(/not a time/) });
    expect(parseDurationWithUnits('import("fs")', math)).toMatchObject({ ok: false });
  });
});
