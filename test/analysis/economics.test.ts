import { describe, expect, it } from 'vitest';
import { batchSizeCurve, economicInterval, intervalGrid } from '../../src/analysis/economics.ts';
import { defaultParams, InputError, monteCarlo, type Params, simulate } from '../../src/index.ts';
import { preset } from '../helpers.ts';

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

describe('economics a CFO would accept', () => {
  const medians = (params: Params) =>
    monteCarlo(params, { days: 520, runs: 10, seed: 6, bandSeries: [] }).summary;

  it('no high, medium or low preset pays more than 90% of its cost in one component', () => {
    for (const id of ['high', 'medium', 'low']) {
      const s = medians(preset(id));
      const largest = Math.max(s.holdingCostPerDay, s.transactionCostPerDay, s.downtimeCostPerDay);
      expect(largest / s.costPerDay, id).toBeLessThanOrEqual(0.9);
    }
  });

  it('the "be careful" reflex never lowers a preset\u2019s cost', () => {
    for (const id of ['high', 'medium', 'low']) {
      const calm = medians(preset(id, { fearResponse: 0 })).costPerDay;
      const fearful = medians(preset(id, { fearResponse: 2 })).costPerDay;
      expect(fearful, id).toBeGreaterThanOrEqual(calm);
    }
  });

  it('advises the spiral team to release at least as often as it does', () => {
    const team = preset('spiral');
    const curve = batchSizeCurve(team, intervalGrid(2, 40, 20));
    expect(curve.minimum.intervalDays).toBeLessThanOrEqual(team.releaseIntervalDays);
  });

  it('a deployment costs less the more it is automated', () => {
    const cost = (testAutomation: number) =>
      simulate(preset('medium', { testAutomation, automationErosionPerKloc: 0 }), {
        days: 300,
        mode: 'expected',
      }).summary;
    const manual = cost(0);
    const automated = cost(0.9);
    const perDeploy = (s: ReturnType<typeof cost>) =>
      s.transactionCostPerDay / (s.deploymentsPerWeek / 5);
    expect(perDeploy(automated)).toBeLessThan(0.05 * perDeploy(manual));
  });
});
