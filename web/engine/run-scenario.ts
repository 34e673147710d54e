import { collectRuns, type MonteCarloSamples, type SeriesId, simulate } from '../../src/index';
import { runOptions, type UiScenario } from '../state/scenario';
import type { RunView } from './protocol';
import { isMonteCarlo, viewOf, viewOfBlocks } from './view-of';

/** The series the charts draw p10–p90 bands for; only these are gathered across runs. */
export const BAND_SERIES: readonly SeriesId[] = ['wipLines', 'releaseIntervalDays'];

/** One block of a scenario's Monte Carlo runs (what a worker of a pool computes). */
export function runBlock(scenario: UiScenario, fromRun: number, count: number): MonteCarloSamples {
  return collectRuns(scenario.params, {
    ...runOptions(scenario),
    bandSeries: BAND_SERIES,
    fromRun,
    count,
  });
}

/** Runs a scenario the way the UI shows it, in one thread (a worker, or the page as a fallback). */
export function runScenario(scenario: UiScenario): RunView {
  const started = performance.now();
  if (!isMonteCarlo(scenario))
    return viewOf(simulate(scenario.params, runOptions(scenario)), null, started);
  return viewOfBlocks([runBlock(scenario, 0, scenario.runs)], started);
}
