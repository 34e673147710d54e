/** The engine's public API: everything the CLI, the web app and scripts use. */

export * from './analysis/calibrate';
export * from './analysis/constraints';
export * from './analysis/economics';
export * from './analysis/outcome';
export * from './analysis/resilience';
export * from './analysis/sensitivity';
export * from './analysis/sweep';
export * from './analysis/team-history';
export * from './analysis/tipping';
export * from './dora';
export { InputError, suggestNearest } from './errors';
export { MAX_JSON_DEPTH, parseJsonInput } from './json-input';
export * from './game/game';
export * from './game/outcomes';
export * from './interventions';
export * from './loops/dominance';
export * from './loops/structure';
export type { Summary, SummaryFigure, SummaryNumber } from './metrics';
export { SUMMARY_FIGURES, SUMMARY_NUMBERS, summaryFigure } from './metrics';
export * from './monte-carlo';
export * from './params';
export * from './presets';
export * from './scenario';
export { scenarioJsonSchema } from './schema';
export * from './series';
export * from './simulate';
export type { DeploymentEvent, IncidentEvent, InterventionEvent, SimulationState } from './state';
