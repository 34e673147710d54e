import { monteCarlo, type SeriesId, simulate } from '../../src/index';
import { runOptions, type UiScenario } from '../state/scenario';
import type { RunView } from './protocol';

/** The series the charts draw bands for. */
export const BAND_SERIES: readonly SeriesId[] = [
  'wipLines',
  'deploymentSize',
  'leadTimeDays',
  'restoreHours',
  'releaseIntervalDays',
  'capacityFeatures',
  'automationLevel',
  'failedDeployments',
  'deployments',
];

/** Runs a scenario the way the UI shows it; the same code runs in the worker and, as a fallback, in the page. */
export function runScenario(scenario: UiScenario): RunView {
  const started = performance.now();
  const options = runOptions(scenario);
  if (scenario.runs <= 1 || scenario.mode === 'expected') {
    const result = simulate(scenario.params, options);
    return {
      days: result.days,
      warmupDays: result.warmupDays,
      runs: 1,
      series: result.series,
      bands: {},
      deployments: result.deployments,
      incidents: result.incidents,
      interventions: result.interventions,
      summary: result.summary,
      percentiles: null,
      engineMs: performance.now() - started,
    };
  }
  const result = monteCarlo(scenario.params, {
    ...options,
    runs: scenario.runs,
    bandSeries: BAND_SERIES,
  });
  const first = result.first;
  return {
    days: first.days,
    warmupDays: first.warmupDays,
    runs: result.runs,
    series: first.series,
    bands: result.bands,
    deployments: first.deployments,
    incidents: first.incidents,
    interventions: first.interventions,
    summary: result.summary,
    percentiles: result.percentiles,
    engineMs: performance.now() - started,
  };
}
