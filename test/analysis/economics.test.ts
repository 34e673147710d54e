import { describe, expect, it } from 'vitest';
import { batchSizeCurve, economicInterval, intervalGrid } from '../../src/analysis/economics';
import { defaultParams, InputError } from '../../src/index';

describe('batch-size economics', () => {
  it('finds the U-curve minimum within one grid step of sqrt(2K/(h r)) where the closed form applies', () => {
    // No defects, no testing, approvals or hand-offs: only holding and transaction costs remain.
    const params = {
      ...defaultParams(),
      defectsPerKloc: 0,
      regressionPasses: 0,
      approvalWaitDays: 0,
      handoffs: 0,
      deployHours: 0,
      deployErrorRate: 0,
      contextSwitchCost: 0,
      mergeCostPerBranchDay: 0,
      automationShare: 0,
      automationErosionPerKloc: 0,
      deployTransactionCost: 10000,
    };
    // The model moves code in daily cohorts, so the grid is coarser than a day.
    const grid = intervalGrid(2, 60, 30);
    const curve = batchSizeCurve(params, grid, { days: 600 });
    const step = grid[1] - grid[0];
    expect(Number.isFinite(curve.economicIntervalDays)).toBe(true);
    expect(Math.abs(curve.minimum.intervalDays - curve.economicIntervalDays)).toBeLessThanOrEqual(
      step,
    );
    // The curve is a U: dearer at both ends than at the bottom, and flat near it (+8% at 1.5 T*).
    expect(curve.points[0].totalCostPerDay).toBeGreaterThan(curve.minimum.totalCostPerDay * 1.2);
    expect(curve.points.at(-1)!.totalCostPerDay).toBeGreaterThan(
      curve.minimum.totalCostPerDay * 1.2,
    );
    const near = curve.points.reduce((best, p) =>
      Math.abs(p.intervalDays - 1.5 * curve.economicIntervalDays) <
      Math.abs(best.intervalDays - 1.5 * curve.economicIntervalDays)
        ? p
        : best,
    );
    expect(near.totalCostPerDay / curve.minimum.totalCostPerDay).toBeLessThan(1.15);
  });

  it('computes the closed form and refuses bad ranges', () => {
    expect(economicInterval(500, 0.05, 480)).toBeCloseTo(Math.sqrt(1000 / 24), 9);
    expect(economicInterval(500, 0, 480)).toBe(Number.POSITIVE_INFINITY);
    expect(() => intervalGrid(10, 5, 10)).toThrow(InputError);
    expect(() => intervalGrid(1, 5, 0)).toThrow(/steps/);
    expect(() => batchSizeCurve(defaultParams(), [])).toThrow(/intervals/);
  });
});
