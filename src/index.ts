/** The engine's public API: everything the CLI, the web app and scripts use. */

export * from './analysis/calibrate.ts';
export * from './analysis/constraints.ts';
export * from './analysis/economics.ts';
export * from './analysis/outcome.ts';
export * from './analysis/plan-options.ts';
export * from './analysis/resilience.ts';
export * from './analysis/sensitivity.ts';
export * from './analysis/sweep.ts';
export * from './analysis/tipping.ts';
export * from './game/facilitation.ts';
export * from './game/game.ts';
export * from './game/outcomes.ts';
export * from './history/dates.ts';
export * from './history/deployment-apis.ts';
export * from './history/git-history.ts';
export * from './history/history-file.ts';
export * from './history/measure.ts';
export * from './history/read-history.ts';
export * from './history/simulated-history.ts';
export { errorMessage, InputError, suggestNearest } from './inputs/errors.ts';
export * from './inputs/interventions.ts';
export { MAX_JSON_DEPTH, parseJsonInput } from './inputs/json-input.ts';
export { decimalValue, parseWholeText, requireWhole } from './inputs/numbers.ts';
export * from './inputs/params.ts';
export * from './inputs/presets.ts';
export * from './inputs/run-length.ts';
export * from './loops/dominance.ts';
export * from './loops/structure.ts';
export type { Summary, SummaryFigure, SummaryNumber } from './metrics.ts';
export { SUMMARY_FIGURES, SUMMARY_NUMBERS, summaryFigure } from './metrics.ts';
export type {
  DeploymentEvent,
  IncidentEvent,
  InterventionEvent,
  SimulationState,
} from './model/state.ts';
export * from './monte-carlo.ts';
export * from './outputs/dora.ts';
export * from './outputs/series.ts';
export * from './scenario.ts';
export { scenarioJsonSchema } from './schema.ts';
export * from './simulate.ts';
