import { describe, expect, it } from 'vitest';
import { createExpectedDraws, createSeededDraws } from '../../src/model/random.ts';

function moments(draw: () => number, samples = 40000) {
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < samples; i++) {
    const x = draw();
    sum += x;
    squares += x * x;
  }
  const mean = sum / samples;
  return { mean, variance: squares / samples - mean * mean };
}

describe('seeded draws', () => {
  const cases: [number, number][] = [
    [10, 0.3],
    [100, 0.02],
    [30, 0.9],
    [1000, 0.35],
    [5, 0.5],
  ];
  for (const [n, p] of cases) {
    it(`binomial(${n}, ${p}) has the right mean and variance`, () => {
      const draws = createSeededDraws(11);
      const { mean, variance } = moments(() => draws.binomial(n, p));
      expect(Math.abs(mean - n * p)).toBeLessThan(0.05 * n * p + 0.05);
      expect(Math.abs(variance - n * p * (1 - p))).toBeLessThan(0.1 * n * p * (1 - p) + 0.05);
    });
  }

  for (const mean of [0.5, 4, 80]) {
    it(`poisson(${mean}) has the right mean and variance`, () => {
      const draws = createSeededDraws(12);
      const m = moments(() => draws.poisson(mean));
      expect(Math.abs(m.mean - mean)).toBeLessThan(0.05 * mean);
      expect(Math.abs(m.variance - mean)).toBeLessThan(0.1 * mean);
    });
  }

  it('stays finite and in range at the edges of probability', () => {
    const draws = createSeededDraws(13);
    expect(draws.binomial(20, 5e-324)).toBe(0);
    expect(draws.binomial(20, 1e-17)).toBe(0);
    expect(draws.binomial(20, 1)).toBe(20);
    expect(draws.binomial(0, 0.5)).toBe(0);
    expect(draws.poisson(0)).toBe(0);
    for (let i = 0; i < 1000; i++) {
      const x = draws.binomial(50, 0.999999);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(50);
    }
  });

  it('resumes exactly from a saved state', () => {
    const a = createSeededDraws('seed');
    a.poisson(3);
    const saved = JSON.parse(JSON.stringify(a.saveState()));
    const b = createSeededDraws('ignored', saved);
    expect([a.binomial(40, 0.3), a.poisson(5)]).toEqual([b.binomial(40, 0.3), b.poisson(5)]);
  });

  it('expected-value draws are the means', () => {
    const draws = createExpectedDraws();
    expect(draws.binomial(10, 0.3)).toBeCloseTo(3);
    expect(draws.poisson(2.5)).toBe(2.5);
    expect(draws.chance(0.2)).toBe(0.2);
  });
});
