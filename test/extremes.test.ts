import { describe, expect, it } from 'vitest';
import { maxOf, minOf } from '../src/util/extremes.js';

describe('maxOf and minOf', () => {
  it('agree with Math.max and Math.min, floor and ceiling included, and take more numbers than fit on the stack', () => {
    expect(maxOf([3, 9, 2])).toBe(9);
    expect(maxOf([], 0)).toBe(0);
    expect(maxOf([])).toBe(-Infinity);
    expect(maxOf([-5, -7], 0)).toBe(0);
    expect(minOf([3, 9, 2])).toBe(2);
    expect(minOf([8], 4)).toBe(4);
    expect(minOf([])).toBe(Infinity);
    expect(maxOf([1, Number.NaN, 2])).toBeNaN();
    const many = Array.from({ length: 500_000 }, (_, i) => (i * 7919) % 500_000);
    expect(maxOf(many)).toBe(499_999);
    expect(minOf(many)).toBe(0);
    expect(() => Math.max(...many)).toThrow(RangeError);
  });
});
