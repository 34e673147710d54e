import {
  type MonteCarloResult,
  type MonteCarloSamples,
  mergeSamples,
  type SimulationResult,
  summariseSamples,
} from '../../src/index.ts';
import type { UiScenario } from '../state/ui-scenario.ts';
import type { RunView } from './protocol.ts';

/** True when a scenario is shown as a Monte Carlo rather than one run. */
export function isMonteCarlo(scenario: UiScenario): boolean {
  return scenario.runs > 1 && scenario.mode !== 'expected';
}

export function viewOf(
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

/** The view of a Monte Carlo from its blocks, merged in run order. */
export function viewOfBlocks(blocks: MonteCarloSamples[], started: number): RunView {
  const result = summariseSamples(mergeSamples(blocks));
  return viewOf(result.first, result, started);
}
