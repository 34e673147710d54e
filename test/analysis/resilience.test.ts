import { describe, expect, it } from 'vitest';
import { recoveryHalfLife, resilience } from '../../src/analysis/resilience.ts';
import { preset } from '../helpers.ts';

describe('resilience', () => {
  const reports = Object.fromEntries(
    ['elite', 'high', 'medium', 'low'].map((id) => [id, resilience(preset(id))]),
  );

  it('fragility follows DORA: the low team is the most fragile, the elite team the least', () => {
    const tolerance = (id: string) => reports[id].slipToleranceDays;
    expect(tolerance('low')).toBeLessThan(tolerance('medium'));
    expect(tolerance('low')).toBeLessThan(tolerance('high'));
    expect(tolerance('elite')).toBeGreaterThanOrEqual(tolerance('high'));
    expect(tolerance('elite')).toBeGreaterThanOrEqual(tolerance('medium'));
    // Finite for low and medium: some slip of twelve weeks or less tips most seeds.
    expect(tolerance('low')).toBeLessThan(60);
    expect(tolerance('medium')).toBeLessThan(60);
  });

  it("classes the teams as the article's kinds of organisation", () => {
    expect(reports.elite.resilience).toBe('ease');
    expect(reports.low.resilience).toBe('extreme');
    expect(reports.medium.resilience).not.toBe('extreme');
    expect(reports.medium.slip.outcome).not.toBe('spirals');
  });

  it('the half-life runs from the peak of the excess until it stays below half of it', () => {
    const baseline = new Float64Array(200).fill(1000);
    const excess = new Float64Array(200);
    for (let day = 100; day < 200; day++) excess[day] = day < 120 ? 800 : day < 150 ? 300 : 0;
    expect(recoveryHalfLife(excess, baseline, 100)).toBe(19);
    excess[180] = 700;
    expect(recoveryHalfLife(excess, baseline, 100)).toBe(80);
    expect(recoveryHalfLife(new Float64Array(200).fill(50), baseline, 100)).toBe(0);
  });
});
