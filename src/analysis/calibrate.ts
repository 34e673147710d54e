import { InputError } from '../inputs/errors.ts';
import { type ParamId, type Params, paramSpec } from '../inputs/params.ts';
import { DEFAULT_DAYS } from '../inputs/run-length.ts';
import { type Summary, summaryFigure } from '../metrics.ts';
import { exp, log } from '../model/portable-math.ts';
import { type SimulationOptions, simulate } from '../simulate.ts';
import { polish } from './polish-fit.ts';
import type { WithProgress } from './progress.ts';

/** A team's own figures to fit: its size, any of the four DORA metrics (calendar units), deployment size and waiting code. */
export interface CalibrationTargets {
  teamSize: number;
  deploymentsPerWeek?: number;
  leadTimeDays?: number;
  changeFailureRate?: number;
  timeToRestoreHours?: number;
  meanDeploymentSizeLines?: number;
  meanWipLines?: number;
}

/** The metrics a calibration can fit, in the order they are reported. */
export const TARGET_METRICS = [
  'deploymentsPerWeek',
  'leadTimeDays',
  'changeFailureRate',
  'timeToRestoreHours',
  'meanDeploymentSizeLines',
  'meanWipLines',
] as const;

/** A target metric. */
export type TargetMetric = (typeof TARGET_METRICS)[number];

/**
 * The parameters with no public anchor that calibration fits, and the range it searches. Output
 * per engineer is fitted only to a team's measured sizes: with the DORA figures alone nothing
 * pins it down.
 */
export const FITTED_PARAMS: readonly {
  id: ParamId;
  from: number;
  to: number;
  onlyFor?: readonly TargetMetric[];
}[] = [
  { id: 'releaseIntervalDays', from: 0.5, to: 120 },
  { id: 'regressionPassDays', from: 0, to: 30 },
  { id: 'approvalWaitDays', from: 0, to: 40 },
  { id: 'testAutomation', from: 0.005, to: 0.99 },
  { id: 'diagnosisHoursPerKloc', from: 0.02, to: 200 },
  { id: 'detectionHours', from: 0.05, to: 200 },
  {
    id: 'linesPerEngineerDay',
    from: 2,
    to: 1000,
    onlyFor: ['meanDeploymentSizeLines', 'meanWipLines'],
  },
];

/** The parameters a calibration to these figures fits. */
export function paramsToFit(metrics: readonly TargetMetric[]): typeof FITTED_PARAMS {
  return FITTED_PARAMS.filter(
    (param) => !param.onlyFor || param.onlyFor.some((metric) => metrics.includes(metric)),
  );
}

/** One fitted parameter: where the search started, where it ended, and whether it hit its range's end. */
export interface FittedParam {
  id: ParamId;
  from: number;
  to: number;
  atLimit: boolean;
}

/** One metric of a fit: what the team reported and what the fitted model gives. */
export interface FitLine {
  metric: TargetMetric;
  target: number;
  /** Null when the fitted model has nothing to measure (no deployments, or no failures). */
  simulated: number | null;
  relativeError: number;
}

/** A calibration: the fitted scenario, the fit metric by metric, and whether it is a fit at all. */
export interface Calibration {
  params: Params;
  fit: FitLine[];
  /** The parameters fitted, from the team as given to the fitted value. */
  fitted: FittedParam[];
  /** False when some target is out of the model's reach: then `message` says which, plainly. */
  reachable: boolean;
  message: string;
}

/** A target in words: "a change failure rate of 37.5%", "a lead time of 9.3 calendar days". */
function targetText(metric: TargetMetric, value: number): string {
  const figure = summaryFigure(metric);
  const shown =
    'share' in figure && figure.share
      ? `${Number((value * 100).toPrecision(3))}%`
      : `${Number(value.toPrecision(3))} ${figure.unit}`;
  const name = figure.label.replace(/ \(.*\)$/, '').toLowerCase();
  // "Undeployed code" is an amount, not a count: no article.
  const article = metric === 'meanWipLines' ? '' : /^[aeiou]/.test(name) ? 'an ' : 'a ';
  return `${article}${name} of ${shown}`;
}

/** How many of the screened starts the search refines, and how many of those it polishes. */
const SCREENED = 3;
const POLISHED = 2;

/** Relative error above which a metric counts as not reached. */
export const FIT_TOLERANCE = 0.2;

function checkTargets(targets: CalibrationTargets): TargetMetric[] {
  const team = paramSpec('teamSize');
  if (
    !(Number.isInteger(targets.teamSize) && targets.teamSize >= 1 && targets.teamSize <= team.max)
  ) {
    throw new InputError(
      'teamSize',
      targets.teamSize,
      `allowed: a whole number of engineers from 1 to ${team.max}`,
    );
  }
  const given = TARGET_METRICS.filter((metric) => targets[metric] !== undefined);
  if (given.length === 0)
    throw new InputError(
      'targets',
      'none',
      `allowed: at least one of ${TARGET_METRICS.join(', ')}`,
    );
  for (const metric of given) {
    const value = targets[metric]!;
    const mayBeZero = RESOLUTION[metric] !== undefined;
    const ok =
      metric === 'changeFailureRate'
        ? value >= 0 && value <= 1
        : Number.isFinite(value) && (mayBeZero ? value >= 0 : value > 0);
    if (!ok)
      throw new InputError(
        metric,
        value,
        metric === 'changeFailureRate'
          ? 'allowed: a share from 0 to 1'
          : mayBeZero
            ? 'allowed: a number of 0 or more'
            : 'allowed: a positive number',
      );
  }
  return given;
}

/**
 * The smallest difference worth telling apart in the figures a history can measure as 0: code
 * committed straight to the deployed branch has a lead time of 0, a fix deployed within minutes a
 * restore time of 0, and a team that ships every commit no waiting code. Below these the model
 * and the measurement agree.
 */
const RESOLUTION: Partial<Record<TargetMetric, number>> = {
  leadTimeDays: 1 / 24,
  timeToRestoreHours: 0.1,
  meanWipLines: 1,
};

function relativeError(metric: TargetMetric, target: number, simulated: number | null): number {
  // A figure the model cannot measure (nothing deployed, nothing failed) is as far off as can be.
  if (simulated === null) return 10;
  // Failure rates near zero are compared on a five-point scale, not relative to a tiny target.
  if (metric === 'changeFailureRate') return Math.abs(simulated - target) / Math.max(0.05, target);
  const floor = RESOLUTION[metric] ?? 1e-6;
  return Math.abs(log(Math.max(simulated, floor) / Math.max(target, floor)));
}

/**
 * Where the search starts: a train at the interval the deployment frequency implies, with a
 * pipeline short enough to keep up with it. The search is local, so a start far from the answer
 * (a two-week train behind a medium team's pipeline) can leave it stuck where the pipeline, not
 * the interval, sets the cadence.
 */
function startingGuess(base: Params, targets: CalibrationTargets): Partial<Params> {
  if (targets.deploymentsPerWeek === undefined) return {};
  const interval = Math.min(120, Math.max(0.5, 5 / targets.deploymentsPerWeek));
  // The lines a deployment carries, spread over the engineers and the working days between
  // deployments, with about a third of their time away from feature work.
  const size = targets.meanDeploymentSizeLines;
  const output =
    size === undefined
      ? {}
      : {
          linesPerEngineerDay: Math.min(
            1000,
            Math.max(2, size / interval / targets.teamSize / 0.65),
          ),
        };
  return {
    ...output,
    releaseIntervalDays: interval,
    // A train tested by hand: a team given with no manual passes could not fit a train's failure
    // rate any other way, since pass length does nothing without a pass.
    regressionPasses: Math.max(1, base.regressionPasses),
    regressionPassDays: Math.min(base.regressionPassDays, interval / 5),
    approvalWaitDays: Math.min(base.approvalWaitDays, interval / 10),
  };
}

/**
 * Fits the unanchored parameters to a team's figures: coordinate descent in log space over
 * expected-value runs, from each release policy and with and without rollback, keeping the best.
 * Targets no setting reaches are reported as such, never papered over.
 */
export function calibrate(
  base: Params,
  targets: CalibrationTargets,
  options: SimulationOptions & WithProgress = {},
): Calibration {
  const metrics = checkTargets(targets);
  const searched = paramsToFit(metrics);
  const { onProgress, ...simulation } = options;
  // A fit makes thousands of runs: each is at most the default run's two years.
  const days = Math.min(simulation.days ?? 400, DEFAULT_DAYS);
  const runOptions: SimulationOptions = { mode: 'expected', ...simulation, days };
  const summaryOf = (params: Params): Summary => simulate(params, runOptions).summary;
  const loss = (summary: Summary) =>
    metrics.reduce((sum, m) => sum + relativeError(m, targets[m]!, summary[m]) ** 2, 0);

  /** Coordinate descent from a start: a log-grid scan of each fitted parameter in turn, refined. */
  const descend = (start: Params, rounds: number): { params: Params; loss: number } => {
    let params = start;
    let current = loss(summaryOf(params));
    for (let round = 0; round < rounds; round++) {
      for (const { id, from, to } of searched) {
        if (
          params.releasePolicy === 'continuous' &&
          (id === 'releaseIntervalDays' || id === 'regressionPassDays')
        )
          continue;
        // Scan a log grid, then refine around the best point.
        let bestValue = params[id] as number;
        let lo = log(from + 1e-3);
        let hi = log(to + 1e-3);
        for (let pass = 0; pass < 3; pass++) {
          const grid = Array.from({ length: 9 }, (_, i) => exp(lo + ((hi - lo) * i) / 8) - 1e-3);
          for (const value of grid) {
            const candidate = { ...params, [id]: Math.min(to, Math.max(from, value)) };
            const l = loss(summaryOf(candidate));
            if (l < current - 1e-12) {
              current = l;
              bestValue = candidate[id] as number;
            }
          }
          const centre = log(bestValue + 1e-3);
          const width = (hi - lo) / 8;
          lo = centre - width;
          hi = centre + width;
        }
        params = { ...params, [id]: bestValue };
      }
    }
    return { params, loss: current };
  };

  // The search is local: it starts from the team as given and from a guess read off the targets,
  // for each policy with and without rollback. One round of descent screens the eight starts;
  // the three best get two more, and the two best of those are polished.
  const starts: Params[] = [];
  for (const releasePolicy of ['train', 'continuous'] as const) {
    for (const rollbackAvailable of [true, false]) {
      const plain: Params = {
        ...base,
        teamSize: targets.teamSize,
        releasePolicy,
        rollbackAvailable,
      };
      starts.push(plain, { ...plain, ...startingGuess(base, targets) });
    }
  }
  const steps = starts.length + SCREENED * 2 + POLISHED;
  let done = 0;
  const screened = starts.map((start) => {
    const result = descend(start, 1);
    onProgress?.(++done, steps);
    return result;
  });
  screened.sort((a, b) => a.loss - b.loss);
  const refined = screened.slice(0, SCREENED).map((candidate) => {
    const result = descend(candidate.params, 2);
    done += 2;
    onProgress?.(done, steps);
    return result;
  });
  refined.sort((a, b) => a.loss - b.loss);
  let best = refined
    .slice(0, POLISHED)
    .map((candidate) => {
      const polished = polish(candidate, (params) => loss(summaryOf(params)), searched);
      onProgress?.(++done, steps);
      return polished;
    })
    .reduce((a, b) => (b.loss < a.loss ? b : a));
  // The fitted values as a person would write them down: two significant figures.
  const fittedParams = { ...best.params };
  for (const { id } of searched) {
    (fittedParams as unknown as Record<string, number>)[id] = Number(
      (fittedParams[id] as number).toPrecision(2),
    );
  }
  best = { params: fittedParams, loss: loss(summaryOf(fittedParams)) };
  // A wait or pass within a thousandth of its range of none is written as none when that costs
  // the fit nothing (an approval wait of 0.000086 days is no approval wait), or else as that
  // thousandth: a manual pass of seconds is still a pass, and none at all changes how the team
  // ships.
  for (const { id, from, to } of searched) {
    const value = best.params[id] as number;
    const least = Number((to / 1000).toPrecision(2));
    if (from !== 0 || value === 0 || value >= least) continue;
    for (const readable of [0, least]) {
      const snapped = { ...best.params, [id]: readable };
      const snappedLoss = loss(summaryOf(snapped));
      if (snappedLoss <= best.loss * 1.01 + 1e-9) {
        best = { params: snapped, loss: snappedLoss };
        break;
      }
    }
  }
  const summary = summaryOf(best.params);
  const fit = metrics.map(
    (metric): FitLine => ({
      metric,
      target: targets[metric]!,
      simulated: summary[metric],
      relativeError: relativeError(metric, targets[metric]!, summary[metric]),
    }),
  );
  const missed = fit.filter((line) => line.relativeError > FIT_TOLERANCE);
  const reachable = missed.length === 0;
  const fitted = searched
    .filter(
      ({ id }) =>
        best.params.releasePolicy !== 'continuous' ||
        (id !== 'releaseIntervalDays' && id !== 'regressionPassDays'),
    )
    .map(({ id, from, to }): FittedParam => {
      const value = best.params[id] as number;
      return {
        id,
        from: base[id] as number,
        to: value,
        atLimit: value <= from * 1.05 + 1e-9 || value >= to * 0.95,
      };
    });
  if (best.params.regressionPasses !== base.regressionPasses)
    fitted.push({
      id: 'regressionPasses',
      from: base.regressionPasses,
      to: best.params.regressionPasses,
      atLimit: false,
    });
  const limits = fitted.filter((p) => p.atLimit);
  const why =
    limits.length > 0
      ? ` The search stopped at the end of its range for ${limits.map((p) => `${paramSpec(p.id).label.toLowerCase()} (${Number(p.to.toPrecision(3))})`).join(', ')}: the model would need a team beyond that to match.`
      : ' No fitted parameter is at its limit: the figures pull against each other, and the fit trades them off.';
  const message = reachable
    ? 'Every target is matched within 20%.'
    : `No setting of the fitted parameters reaches ${missed.map((m) => `${targetText(m.metric, m.target)} (closest: ${m.simulated === null ? 'nothing to measure' : targetText(m.metric, m.simulated)})`).join(', ')}; the other figures are fitted as well as they can be.${why}`;
  return { params: best.params, fit, fitted, reachable, message };
}
