import {
  collectRuns,
  defaultWarmupDays,
  type MonteCarloSamples,
  monteCarlo,
  type SeriesId,
  simulate,
} from '../../src/index.ts';
import { runOptions, type UiScenario } from '../state/ui-scenario.ts';
import { RECENT_WINDOW_DAYS, type RunView, type WindowSummary } from './protocol.ts';
import { isMonteCarlo, viewOf, viewOfBlocks } from './view-of.ts';

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

/**
 * A scenario's figures up to a day: the same runs stopped there (the engine looks only backwards,
 * so they are the shown runs' first days), summarised over the last quarter up to that day (or
 * from the end of the full run's warm-up, if that is later).
 */
export function runWindow(scenario: UiScenario, upToDay: number): WindowSummary {
  const days = Math.max(1, Math.min(scenario.days, Math.floor(upToDay)));
  const warmupDays = Math.min(
    Math.max(defaultWarmupDays(scenario.days), days - RECENT_WINDOW_DAYS),
    days - 1,
  );
  const options = { ...runOptions(scenario), days, warmupDays };
  const window = { fromDay: warmupDays + 1, toDay: days };
  if (!isMonteCarlo(scenario))
    return { ...window, summary: simulate(scenario.params, options).summary, percentiles: null };
  const result = monteCarlo(scenario.params, { ...options, runs: scenario.runs, bandSeries: [] });
  return { ...window, summary: result.summary, percentiles: result.percentiles };
}
