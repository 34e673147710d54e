import { describe, expect, it } from 'vitest';
import { classifyDora, durationBucket, frequencyBucket, toCalendarDays } from '../../src/dora';

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
    expect(
      classifyDora({
        deploymentsPerWeek: 40,
        leadTimeHours: 6,
        changeFailureRate: 0.05,
        timeToRestoreHours: 0.5,
      }).level,
    ).toBe('elite');
    expect(
      classifyDora({
        deploymentsPerWeek: 2,
        leadTimeHours: 72,
        changeFailureRate: 0.1,
        timeToRestoreHours: 8,
      }).level,
    ).toBe('high');
    expect(
      classifyDora({
        deploymentsPerWeek: 0.5,
        leadTimeHours: 24 * 14,
        changeFailureRate: 0.15,
        timeToRestoreHours: 48,
      }).level,
    ).toBe('medium');
    expect(
      classifyDora({
        deploymentsPerWeek: 0.5,
        leadTimeHours: 24 * 14,
        changeFailureRate: 0.6,
        timeToRestoreHours: 24 * 60,
      }).level,
    ).toBe('low');
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
