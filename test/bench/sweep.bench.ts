import type { SweepSpec } from '../../src/analysis/sweep.ts';
import { runSweepInParallel } from '../../src/cli/sweep-pool.ts';
import { findPreset, presetParams } from '../../src/index.ts';

// Phase-map benchmark: a 20 x 20 map, 20 seeds a cell, two-year runs, on 1 and 2 workers. Figures, not tests.
const spec: SweepSpec = {
  axes: [
    { param: 'releaseIntervalDays', from: 3, to: 20, steps: 20 },
    { param: 'regressionPassDays', from: 1, to: 10, steps: 20 },
  ],
  seeds: 20,
  days: 520,
};
const params = presetParams(findPreset('spiral')!);
for (const workers of [1, 2]) {
  const started = performance.now();
  const { cells } = await runSweepInParallel(params, spec, { workers });
  const seconds = (performance.now() - started) / 1000;
  const spirals = cells.filter((c) => c.outcome === 'spirals').length;
  console.log(
    `Phase map 20x20 x 20 seeds x 520 days on ${workers} worker${workers > 1 ? 's' : ''}: ${seconds.toFixed(1)} s (${spirals} of 400 cells spiral)`,
  );
}
const controller = new AbortController();
const running = runSweepInParallel(params, spec, { workers: 2, signal: controller.signal });
await new Promise((resolve) => setTimeout(resolve, 500));
const aborted = performance.now();
controller.abort();
await running;
console.log(`Cancel took effect in ${(performance.now() - aborted).toFixed(0)} ms`);
