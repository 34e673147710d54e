import { Bench } from 'tinybench';
import { findPreset, monteCarlo, presetParams, simulate } from '../../src/index';

// Engine benchmarks: figures to report, not pass/fail thresholds.
const params = presetParams(findPreset('medium')!);
const threeYears = 780;

const bench = new Bench({ time: 2000 });
bench
  .add('medium preset, 3 years, stochastic', () => {
    simulate(params, { days: threeYears, seed: 1 });
  })
  .add('medium preset, 3 years, expected value', () => {
    simulate(params, { days: threeYears, mode: 'expected' });
  });
await bench.run();
console.table(
  bench.tasks.map((task) => {
    const latency = task.result && 'latency' in task.result ? task.result.latency : undefined;
    return {
      task: task.name,
      'median (ms)': latency?.p50?.toFixed(3),
      'p99 (ms)': latency?.p99?.toFixed(3),
    };
  }),
);

for (const bands of [false, true]) {
  const started = performance.now();
  monteCarlo(params, { days: threeYears, runs: 1000, seed: 1, bandSeries: bands ? undefined : [] });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `Monte Carlo, 1,000 runs of 3 years${bands ? ' with bands for every series' : ' (summaries only)'}: ${seconds.toFixed(2)} s`,
  );
}
