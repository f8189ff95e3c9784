/**
 * The largest and smallest of many numbers. `Math.max(...xs)` passes each number as an argument,
 * and past about 120,000 of them (a finding per server of a large file) V8 runs out of stack.
 */

/** The largest of `values` and `floor` (-Infinity, as Math.max() gives, by default). */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const v of values) if (v > max || Number.isNaN(v)) max = v;
  return max;
}

/** The smallest of `values` and `ceiling` (Infinity, as Math.min() gives, by default). */
export function minOf(values: Iterable<number>, ceiling = Infinity): number {
  let min = ceiling;
  for (const v of values) if (v < min || Number.isNaN(v)) min = v;
  return min;
}
