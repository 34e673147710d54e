import type {
  Band,
  DeploymentEvent,
  IncidentEvent,
  InterventionEvent,
  MonteCarloSamples,
  Percentiles,
  SeriesSet,
  Summary,
  SummaryNumber,
} from '../../src/index.ts';
import type { UiScenario } from '../state/ui-scenario.ts';
import type { AnalysisRequest } from './run-analysis.ts';

/** A request to a simulation worker: the scenario, one block of its Monte Carlo runs, or its figures up to a day. */
export interface RunRequest {
  id: number;
  scenario?: UiScenario;
  block?: { fromRun: number; count: number };
  /** The scenario's figures over the days up to this one (a story step, a paused play). */
  upToDay?: number;
  analysis?: AnalysisRequest;
}

/** A run's figures over part of it: the window from the end of the warm-up up to a day. */
export interface WindowSummary {
  /** The first and last working day the figures cover (1-based, inclusive). */
  fromDay: number;
  toDay: number;
  summary: Summary;
  percentiles: Record<SummaryNumber, Percentiles> | null;
}

/** What the UI draws: one run (the first seed) plus, with several runs, percentile bands. */
export interface RunView {
  days: number;
  warmupDays: number;
  runs: number;
  series: SeriesSet;
  bands: Partial<Record<keyof SeriesSet, Band>>;
  deployments: DeploymentEvent[];
  incidents: IncidentEvent[];
  interventions: InterventionEvent[];
  /** Medians across runs when there are several. */
  summary: Summary;
  percentiles: Record<SummaryNumber, Percentiles> | null;
  /** Time the engine took, in milliseconds. */
  engineMs: number;
}

/** A worker's answer: a view, a block of samples, or an error message naming the field. */
export type RunResponse =
  | { id: number; view: RunView }
  | { id: number; samples: MonteCarloSamples }
  | { id: number; window: WindowSummary }
  /** Not an answer yet: how far a long analysis has got, as a share of the whole. */
  | { id: number; progress: number }
  | { id: number; analysis: unknown }
  | { id: number; error: string };

/**
 * Working days the scorecard looks back over while a run plays or a story step is shown: a
 * quarter, the period DORA's survey asks about, so a team that has changed is rated as it is now.
 */
export const RECENT_WINDOW_DAYS = 65;
