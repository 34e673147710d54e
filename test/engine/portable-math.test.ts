import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cosTurns, exp, log, log1p, powPositive } from '../../src/model/portable-math.ts';

/** Relative difference, scaled so that agreement to a few units in the last place passes. */
const close = (a: number, b: number, ulps = 8) =>
  a === b || Math.abs(a - b) <= ulps * Number.EPSILON * Math.max(Math.abs(a), Math.abs(b));

describe('portable math', () => {
  it('exp agrees with Math.exp to a few units in the last place, edges included', () => {
    fc.assert(
      fc.property(fc.double({ min: -745, max: 709.7, noNaN: true }), (x) => {
        // Near underflow the result is subnormal and has fewer bits to agree in.
        if (x > -700) expect(close(exp(x), Math.exp(x)), `exp(${x})`).toBe(true);
      }),
      { numRuns: 5000, seed: 1 },
    );
    expect(exp(0)).toBe(1);
    expect(exp(800)).toBe(Number.POSITIVE_INFINITY);
    expect(exp(-800)).toBe(0);
    expect(exp(Number.NaN)).toBeNaN();
  });

  it('log and log1p agree with Math.log and Math.log1p, down to subnormals', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), (x) => {
        expect(close(log(x), Math.log(x)), `log(${x})`).toBe(true);
      }),
      { numRuns: 5000, seed: 2 },
    );
    fc.assert(
      fc.property(fc.double({ min: -0.999999, max: 1e6, noNaN: true }), (x) => {
        expect(close(log1p(x), Math.log1p(x)), `log1p(${x})`).toBe(true);
      }),
      { numRuns: 5000, seed: 3 },
    );
    expect(log(1)).toBe(0);
    expect(log(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(log(-1)).toBeNaN();
    expect(log1p(-1)).toBe(Number.NEGATIVE_INFINITY);
    expect(log1p(1e-300)).toBe(1e-300);
  });

  it('cos of turns agrees with Math.cos, and powers with **', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (t) => {
        const expected = Math.cos(2 * Math.PI * t);
        // Near a zero of cos the absolute error is what can be compared.
        expect(Math.abs(cosTurns(t) - expected)).toBeLessThan(4e-16);
      }),
      { numRuns: 5000, seed: 4 },
    );
    expect(cosTurns(0)).toBe(1);
    expect(cosTurns(0.5)).toBe(-1);
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e4, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (x, y) => {
          expect(close(powPositive(x, y), x ** y, 64), `${x} ** ${y}`).toBe(true);
        },
      ),
      { numRuns: 5000, seed: 5 },
    );
    expect(powPositive(0, 0.5)).toBe(0);
    expect(powPositive(1, 7.3)).toBe(1);
  });
});
