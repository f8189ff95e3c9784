/**
 * Latency values: a number of milliseconds, or a string with a time unit ("24 ms", "0.024 s",
 * "1500 us"). The common forms are read here without mathjs; anything else goes to mathjs's unit
 * parser, loaded only when such a string exists (it is the heaviest module pooltopo uses).
 */

export type DurationResult = { readonly ok: true; readonly ms: number } | { readonly ok: false; readonly reason: string };

const FACTOR_TO_MS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    ns: 1e-6,
    nanosecond: 1e-6,
    nanoseconds: 1e-6,
    us: 1e-3,
    µs: 1e-3,
    μs: 1e-3,
    microsecond: 1e-3,
    microseconds: 1e-3,
    ms: 1,
    msec: 1,
    msecs: 1,
    millisecond: 1,
    milliseconds: 1,
    s: 1000,
    sec: 1000,
    secs: 1000,
    second: 1000,
    seconds: 1000,
    min: 60_000,
    minute: 60_000,
    minutes: 60_000,
  }),
);

/** `<` first is ping's "time<1ms": the bound it gives is read as the value. */
const COMMON = /^\s*<?\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*([a-zA-Zµμ]*)\s*$/;

/** Reads a duration without mathjs; `undefined` when the form needs the full unit parser. */
export function parseCommonDuration(value: number | string): DurationResult | undefined {
  if (typeof value === 'number') return checkMs(value);
  const m = COMMON.exec(value);
  if (!m) return undefined;
  const unit = m[2] ?? '';
  // Any case: "12 MS" or "12 Ms" is milliseconds, not megasiemens or megaseconds, for a round trip
  // (FORMAT.md); only the time units above are read here.
  const factor = unit === '' ? 1 : (FACTOR_TO_MS.get(unit) ?? FACTOR_TO_MS.get(unit.toLowerCase()));
  if (factor === undefined) return undefined;
  return checkMs(Number(m[1]) * factor);
}

function checkMs(ms: number): DurationResult {
  if (!Number.isFinite(ms)) return { ok: false, reason: 'is not a finite duration' };
  if (ms < 0) return { ok: false, reason: 'is negative: a round trip takes time' };
  return { ok: true, ms };
}

/** The minimal view of mathjs this module needs. */
export interface UnitParser {
  unit(text: string): { equalBase(other: unknown): boolean; toNumber(unit: string): number };
}

/** Reads any duration mathjs understands ("0.5 milliseconds", "2.4e-2 second"); rejects non-time units. */
export function parseDurationWithUnits(value: string, math: UnitParser): DurationResult {
  let parsed: ReturnType<UnitParser['unit']>;
  try {
    parsed = math.unit(value);
  } catch {
    return { ok: false, reason: 'is not a duration: write a number of milliseconds or a time such as "24 ms"' };
  }
  let isTime: boolean;
  try {
    isTime = parsed.equalBase(math.unit('1 s'));
  } catch {
    isTime = false;
  }
  if (!isTime) return { ok: false, reason: 'is not a time: latency needs a time unit such as ms, s or us' };
  return checkMs(parsed.toNumber('ms'));
}

/** Loads mathjs's unit parser on demand. */
export async function loadUnitParser(): Promise<UnitParser> {
  const mathjs = await import('mathjs');
  return { unit: (text: string) => mathjs.unit(text) as unknown as ReturnType<UnitParser['unit']> };
}
