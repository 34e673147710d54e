import {
  collectRuns,
  type MonteCarloResult,
  type MonteCarloSamples,
  mergeSamples,
  type SeriesId,
  type SimulationResult,
  simulate,
  summariseSamples,
} from '../../src/index';
import { runOptions, type UiScenario } from '../state/scenario';
import type { RunView } from './protocol';

/** The series the charts draw p10–p90 bands for; only these are gathered across runs. */
export const BAND_SERIES: readonly SeriesId[] = ['wipLines', 'releaseIntervalDays'];

/** True when a scenario is shown as a Monte Carlo rather than one run. */
export function isMonteCarlo(scenario: UiScenario): boolean {
  return scenario.runs > 1 && scenario.mode !== 'expected';
}

function viewOf(
  result: SimulationResult,
  monteCarlo: MonteCarloResult | null,
  started: number,
): RunView {
  return {
    days: result.days,
    warmupDays: result.warmupDays,
    runs: monteCarlo?.runs ?? 1,
    series: result.series,
    bands: monteCarlo?.bands ?? {},
    deployments: result.deployments,
    incidents: result.incidents,
    interventions: result.interventions,
    summary: monteCarlo?.summary ?? result.summary,
    percentiles: monteCarlo?.percentiles ?? null,
    engineMs: performance.now() - started,
  };
}

/** One block of a scenario's Monte Carlo runs (what a worker of a pool computes). */
export function runBlock(scenario: UiScenario, fromRun: number, count: number): MonteCarloSamples {
  return collectRuns(scenario.params, {
    ...runOptions(scenario),
    bandSeries: BAND_SERIES,
    fromRun,
    count,
  });
}

/** The view of a Monte Carlo from its blocks, merged in run order. */
export function viewOfBlocks(blocks: MonteCarloSamples[], started: number): RunView {
  const result = summariseSamples(mergeSamples(blocks));
  return viewOf(result.first, result, started);
}

/** Runs a scenario the way the UI shows it, in one thread (a worker, or the page as a fallback). */
export function runScenario(scenario: UiScenario): RunView {
  const started = performance.now();
  if (!isMonteCarlo(scenario))
    return viewOf(simulate(scenario.params, runOptions(scenario)), null, started);
  return viewOfBlocks([runBlock(scenario, 0, scenario.runs)], started);
}
