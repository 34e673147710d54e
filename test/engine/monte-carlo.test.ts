import { describe, expect, it } from 'vitest';
import { monteCarlo, quantileSorted, runSeed, simulate } from '../../src/index.ts';
import { preset } from '../helpers.ts';

describe('Monte Carlo', () => {
  for (const runs of [1, 2, 7, 40]) {
    it(`bands over ${runs} runs are the per-day percentiles of the runs`, () => {
      const params = preset('medium');
      const result = monteCarlo(params, {
        runs,
        days: 120,
        seed: 5,
        bandSeries: ['wipLines', 'deployments'],
      });
      const singles = Array.from({ length: runs }, (_, i) =>
        simulate(params, { days: 120, seed: runSeed(5, i) }),
      );
      for (const id of ['wipLines', 'deployments'] as const) {
        for (const day of [0, 30, 77, 119]) {
          const sorted = Float32Array.from(singles.map((r) => r.series[id][day])).sort();
          expect(result.bands[id]!.p10[day]).toBeCloseTo(quantileSorted(sorted, 0.1), 3);
          expect(result.bands[id]!.p50[day]).toBeCloseTo(quantileSorted(sorted, 0.5), 3);
          expect(result.bands[id]!.p90[day]).toBeCloseTo(quantileSorted(sorted, 0.9), 3);
        }
      }
      const leadTimes = singles.map((r) => r.summary.leadTimeDays!).sort((a, b) => a - b);
      expect(result.percentiles.leadTimeDays.p50).toBeCloseTo(quantileSorted(leadTimes, 0.5), 9);
      expect(result.summary.leadTimeDays).toBe(result.percentiles.leadTimeDays.p50);
      expect(Object.values(result.levelCounts).reduce((a, b) => a + b, 0)).toBe(runs);
    });
  }

  it('rejects a run count outside what is allowed', () => {
    expect(() => monteCarlo(preset('medium'), { runs: 0 })).toThrow(/runs/);
  });
});

describe('Monte Carlo in blocks', () => {
  it('gives the same result whether the runs are done in one block or several merged', async () => {
    const { collectRuns, mergeSamples, summariseSamples } = await import(
      '../../src/monte-carlo.ts'
    );
    const params = preset('high');
    const options = { days: 100, seed: 3, bandSeries: ['wipLines'] as const };
    const whole = monteCarlo(params, { ...options, runs: 9 });
    const blocks = [
      collectRuns(params, { ...options, fromRun: 0, count: 4 }),
      collectRuns(params, { ...options, fromRun: 4, count: 5 }),
    ];
    const merged = summariseSamples(mergeSamples(blocks));
    expect(merged.summary).toEqual(whole.summary);
    expect(merged.percentiles).toEqual(whole.percentiles);
    expect(Array.from(merged.bands.wipLines!.p90)).toEqual(Array.from(whole.bands.wipLines!.p90));
  });

  it('past MAX_BAND_RUNS the bands come from the first runs, in one block or many, and the figures from all', async () => {
    const { collectRuns, MAX_BAND_RUNS, mergeSamples, summariseSamples } = await import(
      '../../src/monte-carlo.ts'
    );
    const params = preset('elite');
    const options = { days: 20, seed: 1, bandSeries: ['wipLines'] as const };
    const runs = MAX_BAND_RUNS + 40;
    const blocks = [
      collectRuns(params, { ...options, fromRun: 0, count: MAX_BAND_RUNS - 10 }),
      collectRuns(params, { ...options, fromRun: MAX_BAND_RUNS - 10, count: 50 }),
    ];
    // The second block keeps only the ten runs still below the limit.
    expect(blocks[1].bandRuns).toBe(10);
    expect(blocks[1].series.wipLines!.length).toBe(10 * 20);
    const merged = summariseSamples(mergeSamples(blocks));
    const first = monteCarlo(params, { ...options, runs: MAX_BAND_RUNS });
    expect(merged.bandRuns).toBe(MAX_BAND_RUNS);
    expect(Array.from(merged.bands.wipLines!.p50)).toEqual(Array.from(first.bands.wipLines!.p50));
    expect(Object.values(merged.levelCounts).reduce((a, b) => a + b, 0)).toBe(runs);
  });
});
