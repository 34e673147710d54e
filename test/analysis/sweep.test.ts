import { describe, expect, it } from 'vitest';
import {
  cellValues,
  phaseBoundary,
  runSweep,
  runSweepCell,
  type SweepSpec,
  validateSweep,
} from '../../src/analysis/sweep.ts';
import { runSweepInParallel } from '../../src/cli/sweep-pool.ts';
import { InputError } from '../../src/index.ts';
import { preset } from '../helpers.ts';

const map: SweepSpec = {
  axes: [
    { param: 'regressionPassDays', from: 1, to: 7, steps: 4 },
    { param: 'releaseIntervalDays', from: 5, to: 15, steps: 3 },
  ],
  seeds: 2,
  days: 400,
};

describe('sweeps', () => {
  it('lays out cells with the first axis varying fastest', () => {
    expect(cellValues(map, 0)).toEqual([1, 5]);
    expect(cellValues(map, 5)[0]).toBeCloseTo(3, 9);
    expect(cellValues(map, 5)[1]).toBe(10);
  });

  it('gives the same cells in one thread and on worker threads, and per cell on its own', async () => {
    const params = preset('spiral');
    const serial = runSweep(params, map);
    const parallel = await runSweepInParallel(params, map, { workers: 2 });
    expect(parallel.cancelled).toBe(false);
    expect(parallel.cells).toEqual(serial.cells);
    expect(runSweepCell(params, map, 7)).toEqual(serial.cells[7]);
    // The phase map has both outcomes and a boundary between them.
    const outcomes = new Set(serial.cells.map((c) => c.outcome));
    expect(outcomes.has('spirals')).toBe(true);
    expect(phaseBoundary(map, serial.cells).length).toBeGreaterThan(0);
  }, 60000);

  it('cancels within 200 ms', async () => {
    const controller = new AbortController();
    const big: SweepSpec = {
      ...map,
      axes: [
        { param: 'teamSize', from: 2, to: 40, steps: 30 },
        { param: 'releaseIntervalDays', from: 2, to: 30, steps: 30 },
      ],
      seeds: 20,
    };
    const running = runSweepInParallel(preset('medium'), big, {
      workers: 2,
      signal: controller.signal,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const aborted = performance.now();
    controller.abort();
    const result = await running;
    expect(performance.now() - aborted).toBeLessThan(200);
    expect(result.cancelled).toBe(true);
    expect(result.cells.length).toBeLessThan(900);
  }, 60000);

  it('refuses inverted or empty ranges, a zero-size grid and unknown parameters', () => {
    const bad =
      (axes: SweepSpec['axes'], extra: Partial<SweepSpec> = {}) =>
      () =>
        validateSweep({ ...map, axes, ...extra });
    expect(bad([{ param: 'teamSize', from: 10, to: 5, steps: 3 }])).toThrow(/axes\[0\]\.range/);
    expect(bad([{ param: 'teamSize', from: 5, to: 5, steps: 3 }])).toThrow(InputError);
    expect(bad([{ param: 'teamSize', from: 1, to: 5, steps: 0 }])).toThrow(/steps/);
    expect(bad([{ param: 'teamSise' as never, from: 1, to: 5, steps: 3 }])).toThrow(/teamSize/);
    expect(bad([{ param: 'releasePolicy', from: 1, to: 5, steps: 3 }])).toThrow(/numeric/);
    expect(bad([])).toThrow(/axes/);
    expect(bad([{ param: 'teamSize', from: 1, to: 5, steps: 3 }], { seeds: 0 })).toThrow(/seeds/);
  });
});
