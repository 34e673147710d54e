import { type CalibrationTargets, calibrate } from '../../src/analysis/calibrate.ts';
import { improvementRanking } from '../../src/analysis/constraints.ts';
import { batchSizeCurve, intervalGrid } from '../../src/analysis/economics.ts';
import { comparePlans } from '../../src/analysis/plan-options.ts';
import { type ProgressReport, phaseOf } from '../../src/analysis/progress.ts';
import { resilience } from '../../src/analysis/resilience.ts';
import { sensitivity } from '../../src/analysis/sensitivity.ts';
import { runSweepCell, type SweepSpec } from '../../src/analysis/sweep.ts';
import { criticalValue, slipGrid, tippingCurve } from '../../src/analysis/tipping.ts';
import type { GameState } from '../../src/game/game.ts';
import { standings } from '../../src/game/outcomes.ts';
import type { ParamId, Params, SummaryNumber } from '../../src/index.ts';

/** An analysis the page asks a worker for: plain data in, plain data out. */
export type AnalysisRequest =
  | { kind: 'sweepCell'; params: Params; spec: SweepSpec; index: number }
  | { kind: 'tipping'; params: Params; days: number; param: ParamId; range?: [number, number] }
  | { kind: 'sensitivity'; params: Params; days: number; metric: SummaryNumber }
  | { kind: 'calibrate'; params: Params; days: number; targets: CalibrationTargets }
  | { kind: 'plan'; params: Params; days: number; runs: number; seed: number }
  | { kind: 'resilience'; params: Params; days: number }
  | { kind: 'economics'; params: Params; days: number; from: number; to: number; steps: number }
  | { kind: 'constraints'; params: Params; days: number }
  | { kind: 'gameStandings'; game: GameState; rounds: number };

/** One kind of analysis request. */
type RequestOf<Kind extends AnalysisRequest['kind']> = Extract<AnalysisRequest, { kind: Kind }>;

/** How each kind of analysis runs: the one place a request meets the engine's analysis. */
const RUNS = {
  sweepCell: (request: RequestOf<'sweepCell'>) =>
    runSweepCell(request.params, request.spec, request.index),
  tipping: (request: RequestOf<'tipping'>, onProgress?: ProgressReport) => ({
    ...tippingCurve(request.params, {
      days: request.days,
      seeds: 10,
      slips: slipGrid(60),
      onProgress: phaseOf(onProgress, 0, 0.6),
    }),
    critical: criticalValue(request.params, request.param, request.range, {
      days: request.days,
      onProgress: phaseOf(onProgress, 0.6, 1),
    }),
  }),
  sensitivity: (request: RequestOf<'sensitivity'>, onProgress?: ProgressReport) =>
    sensitivity(request.params, request.metric, { days: request.days, onProgress }),
  calibrate: (request: RequestOf<'calibrate'>, onProgress?: ProgressReport) =>
    calibrate(request.params, request.targets, { days: request.days, onProgress }),
  plan: (request: RequestOf<'plan'>, onProgress?: ProgressReport) =>
    comparePlans(request.params, {
      days: request.days,
      runs: request.runs,
      seed: request.seed,
      onProgress,
    }),
  resilience: (request: RequestOf<'resilience'>, onProgress?: ProgressReport) =>
    resilience(request.params, { days: request.days, onProgress }),
  economics: (request: RequestOf<'economics'>, onProgress?: ProgressReport) =>
    batchSizeCurve(request.params, intervalGrid(request.from, request.to, request.steps), {
      days: request.days,
      onProgress,
    }),
  constraints: (request: RequestOf<'constraints'>, onProgress?: ProgressReport) =>
    improvementRanking(request.params, { days: request.days, onProgress }),
  gameStandings: (request: RequestOf<'gameStandings'>) => standings(request.game, request.rounds),
} satisfies {
  [Kind in AnalysisRequest['kind']]: (
    request: RequestOf<Kind>,
    onProgress?: ProgressReport,
  ) => unknown;
};

/** What an analysis of each kind answers. */
export type AnalysisResult<Kind extends AnalysisRequest['kind']> = ReturnType<(typeof RUNS)[Kind]>;

/**
 * Runs one analysis request: the same code in a worker and, without workers, in the page.
 * `onProgress` hears how far it has got, as a share of the whole.
 */
export function runAnalysis<Request extends AnalysisRequest>(
  request: Request,
  onProgress?: ProgressReport,
): AnalysisResult<Request['kind']> {
  // The entry for the request's own kind: the compiler cannot follow a lookup by a union's tag.
  const run = RUNS[request.kind] as unknown as (
    request: Request,
    onProgress?: ProgressReport,
  ) => AnalysisResult<Request['kind']>;
  return run(request, onProgress);
}
