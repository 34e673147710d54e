import { Bench } from 'tinybench';
import {
  createGame,
  findPreset,
  type GameState,
  loopTimeline,
  monteCarlo,
  nextRound,
  presetParams,
  revealResults,
  runRound,
  simulate,
  standings,
} from '../../src/index.ts';

// Engine benchmarks: figures to report, not pass/fail thresholds.
const params = presetParams(findPreset('medium')!);
const threeYears = 780;

/** Runs a set of timed tasks and prints their median and p99 latency. */
async function report(tasks: Record<string, () => void>): Promise<void> {
  const bench = new Bench({ time: 2000 });
  for (const [name, task] of Object.entries(tasks)) bench.add(name, task);
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
}

// The single runs and Monte Carlo go first: other scenarios run beforehand (the game's
// parameter changes, another preset) make the engine's hot functions polymorphic and every
// later run about a third slower, which would blur the engine's own figure.
await report({
  'medium preset, 3 years, stochastic': () => simulate(params, { days: threeYears, seed: 1 }),
  'medium preset, 3 years, expected value': () =>
    simulate(params, { days: threeYears, mode: 'expected' }),
});

for (const bands of [false, true]) {
  const started = performance.now();
  monteCarlo(params, { days: threeYears, runs: 1000, seed: 1, bandSeries: bands ? undefined : [] });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `Monte Carlo, 1,000 runs of 3 years${bands ? ' with bands for every series' : ' (summaries only)'}: ${seconds.toFixed(2)} s`,
  );
}

/** A finished game: eight teams, twelve monthly rounds. */
function fullGame(): GameState {
  const teams = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
  const first = {
    releaseIntervalDays: 10,
    regressionPasses: 1,
    automationShare: 0.1,
    freezeMerges: false,
  };
  let game = createGame({ teams, rounds: 12, roundDays: 20, preset: 'spiral', seed: 1 }, first);
  for (let round = 0; round < 12; round++) game = nextRound(revealResults(runRound(game)));
  return game;
}

const spiralRun = simulate(presetParams(findPreset('spiral')!), { days: threeYears, seed: 1 });
const game = fullGame();
await report({
  'which loop dominates, every day of a 3-year run': () =>
    loopTimeline(spiralRun.series, spiralRun.days),
  'workshop game results: 8 teams, 12 rounds': () => standings(game),
});
