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
} from '../../src/index';
import type { AnalysisRequest } from '../analysis/run-analysis';
import type { UiScenario } from '../state/scenario';

/** A request to a simulation worker: the scenario, or one block of its Monte Carlo runs. */
export interface RunRequest {
  id: number;
  scenario?: UiScenario;
  block?: { fromRun: number; count: number };
  analysis?: AnalysisRequest;
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
  | { id: number; analysis: unknown }
  | { id: number; error: string };
