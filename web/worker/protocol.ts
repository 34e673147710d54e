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

/**
 * What a simulation worker does, by kind: the fields a request of that kind carries and what it
 * answers. One table, so a request and its answer cannot drift apart.
 */
export interface WorkerJobs {
  /** One run of the scenario (or its first seed), as the charts draw it. */
  run: { request: { scenario: UiScenario }; answer: RunView };
  /** One block of the scenario's Monte Carlo runs, merged with the others on the page. */
  block: {
    request: { scenario: UiScenario; block: { fromRun: number; count: number } };
    answer: MonteCarloSamples;
  };
  /** The scenario's figures over the days up to one (a story step, a paused play). */
  window: { request: { scenario: UiScenario; upToDay: number }; answer: WindowSummary };
  /** A what-if analysis; its answer's type follows the analysis (`AnalysisResult`). */
  analysis: { request: { analysis: AnalysisRequest }; answer: unknown };
}

/** The kinds of work a simulation worker does. */
export type WorkerJob = keyof WorkerJobs;

/** A request as the page writes it, tagged with its kind; the worker client adds its id. */
export type WorkerCall<Job extends WorkerJob = WorkerJob> = {
  [Kind in Job]: { kind: Kind } & WorkerJobs[Kind]['request'];
}[Job];

/** A request as the worker receives it. */
export type WorkerRequest = WorkerCall & { id: number };

/** A worker's message: the answer to a request, how far a long one has got, or its error. */
export type WorkerResponse =
  | { id: number; answer: WorkerJobs[WorkerJob]['answer'] }
  /** Not an answer yet: how far a long analysis has got, as a share of the whole. */
  | { id: number; progress: number }
  /** The request was refused or failed: the message names the field when it was the input. */
  | { id: number; error: string };

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

/**
 * Working days the scorecard looks back over while a run plays or a story step is shown: a
 * quarter, the period DORA's survey asks about, so a team that has changed is rated as it is now.
 */
export const RECENT_WINDOW_DAYS = 65;
