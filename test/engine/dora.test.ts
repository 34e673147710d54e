import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyDora,
  type DoraLevel,
  durationBucket,
  frequencyBucket,
  toCalendarDays,
} from '../../src/outputs/dora.ts';

const RANK: Record<DoraLevel, number> = { elite: 0, high: 1, medium: 2, low: 3 };

describe('DORA classification', () => {
  it('puts figures in the survey buckets', () => {
    expect(durationBucket(0.5)).toBe(0);
    expect(durationBucket(23)).toBe(1);
    expect(durationBucket(24 * 3)).toBe(2);
    expect(durationBucket(24 * 20)).toBe(3);
    expect(durationBucket(24 * 90)).toBe(4);
    expect(durationBucket(24 * 400)).toBe(5);
    expect(frequencyBucket(30)).toBe(0);
    expect(frequencyBucket(2)).toBe(1);
    expect(frequencyBucket(0.5)).toBe(2);
    expect(frequencyBucket(0.1)).toBe(3);
    expect(frequencyBucket(0)).toBe(4);
  });

  it('classifies each 2023 cluster profile as its level', () => {
    const level = (figures: Parameters<typeof classifyDora>[0]) => classifyDora(figures).level;
    expect(
      level({
        deploymentsPerWeek: 40,
        leadTimeHours: 6,
        changeFailureRate: 0.05,
        timeToRestoreHours: 0.5,
      }),
    ).toBe('elite');
    expect(
      level({
        deploymentsPerWeek: 2,
        leadTimeHours: 72,
        changeFailureRate: 0.1,
        timeToRestoreHours: 8,
      }),
    ).toBe('high');
    expect(
      level({
        deploymentsPerWeek: 0.5,
        leadTimeHours: 24 * 14,
        changeFailureRate: 0.15,
        timeToRestoreHours: 48,
      }),
    ).toBe('medium');
    expect(
      level({
        deploymentsPerWeek: 0.5,
        leadTimeHours: 24 * 14,
        changeFailureRate: 0.6,
        timeToRestoreHours: 24 * 60,
      }),
    ).toBe('low');
  });

  it('with no deployments there is no level, and no metric is rated', () => {
    const none = classifyDora({
      deploymentsPerWeek: 0,
      leadTimeHours: null,
      changeFailureRate: null,
      timeToRestoreHours: null,
    });
    expect(none.level).toBe('none');
    expect(none.deploymentFrequency).toEqual([]);
    expect(none.changeFailureRate).toEqual([]);
  });

  it('a figure beyond the worst bucket is low, never the nearest level', () => {
    // Deploying every few months with months of lead time: past 2023's medium/low buckets.
    const spiral = classifyDora({
      deploymentsPerWeek: 0.05,
      leadTimeHours: 24 * 140,
      changeFailureRate: 0.2,
      timeToRestoreHours: 48,
    });
    expect(spiral.deploymentFrequency).toEqual(['low']);
    expect(spiral.leadTime).toEqual(['low']);
    expect(spiral.level).toBe('low');
    expect(
      classifyDora({
        deploymentsPerWeek: 0.5,
        leadTimeHours: 24 * 14,
        changeFailureRate: 0.9,
        timeToRestoreHours: 48,
      }).changeFailureRate,
    ).toEqual(['low']);
  });

  it('a figure in a gap between two levels goes to the worse one', () => {
    // 2023 has no level for recovery of one week to one month: it misses medium's bar.
    const gap = classifyDora({
      deploymentsPerWeek: 0.5,
      leadTimeHours: 24 * 14,
      changeFailureRate: 0.15,
      timeToRestoreHours: 24 * 10,
    });
    expect(gap.timeToRestore).toEqual(['low']);
    expect(gap.level).toBe('low');
    expect(
      classifyDora({
        deploymentsPerWeek: 0.5,
        leadTimeHours: 24 * 14,
        changeFailureRate: 0.3,
        timeToRestoreHours: 48,
      }).changeFailureRate,
    ).toEqual(['medium']);
  });

  it('a failure rate within five points of a level counts as that level, the team favoured', () => {
    const at = (changeFailureRate: number) =>
      classifyDora({
        deploymentsPerWeek: 2,
        leadTimeHours: 72,
        changeFailureRate,
        timeToRestoreHours: 8,
      });
    expect(at(0.13).changeFailureRate).toEqual(['high', 'medium']);
    expect(at(0.13).level).toBe('high');
    expect(at(0.17).level).toBe('medium');
  });

  it('the overall level is never better than any metric allows (random figures)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 200, noNaN: true }),
        fc.double({ min: 0.01, max: 24 * 800, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 24 * 800, noNaN: true }),
        fc.constantFrom(2021 as const, 2023 as const),
        (deploymentsPerWeek, leadTimeHours, changeFailureRate, timeToRestoreHours, year) => {
          const d = classifyDora(
            { deploymentsPerWeek, leadTimeHours, changeFailureRate, timeToRestoreHours },
            year,
          );
          if (d.level === 'none') throw new Error('a team that deploys has a level');
          for (const levels of [d.deploymentFrequency, d.leadTime, d.changeFailureRate]) {
            const best = Math.min(...levels.map((l) => RANK[l]));
            expect(RANK[d.level]).toBeGreaterThanOrEqual(best);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('uses the 2021 table when asked', () => {
    const figures = {
      deploymentsPerWeek: 0.05,
      leadTimeHours: 24 * 300,
      changeFailureRate: 0.2,
      timeToRestoreHours: 24 * 200,
    };
    expect(classifyDora(figures, 2021).level).toBe('low');
    expect(classifyDora(figures, 2023).level).toBe('low');
    expect(
      classifyDora(
        {
          deploymentsPerWeek: 0.1,
          leadTimeHours: 24 * 60,
          changeFailureRate: 0.2,
          timeToRestoreHours: 48,
        },
        2021,
      ).level,
    ).toBe('medium');
  });

  it('converts working days to calendar days', () => {
    expect(toCalendarDays(5)).toBeCloseTo(7);
  });
});
