import { InputError } from '../inputs/errors.ts';
import { requireWhole } from '../inputs/numbers.ts';
import type { Params } from '../inputs/params.ts';
import { deploymentCost } from '../model/derived.ts';
import { type SimulationOptions, simulate } from '../simulate.ts';
import type { WithProgress } from './progress.ts';

/** The cost of one release interval, per working day, split as Reinertsen splits it. */
export interface IntervalCost {
  intervalDays: number;
  holdingCostPerDay: number;
  transactionCostPerDay: number;
  downtimeCostPerDay: number;
  totalCostPerDay: number;
  /** Null when the interval deployed nothing. */
  meanDeploymentSizeLines: number | null;
}

/** The batch-size U-curve over release intervals, its cheapest point and the closed-form interval. */
export interface BatchSizeCurve {
  points: IntervalCost[];
  minimum: IntervalCost;
  /** sqrt(2K / (h r)): the economic interval if only holding and transaction costs counted. */
  economicIntervalDays: number;
  /** The inputs of the closed form: cost per deploy, holding cost per line-day, merge rate (lines/day). */
  transactionCost: number;
  holdingCostPerLineDay: number;
  mergeRateLinesPerDay: number;
}

/**
 * The economic release interval T* = sqrt(2K / (h r)) for transaction cost K per deployment,
 * holding cost h per undeployed line per working day, and merge rate r lines per working day.
 */
export function economicInterval(
  transactionCost: number,
  holdingCostPerLineDay: number,
  mergeRateLinesPerDay: number,
): number {
  if (!(holdingCostPerLineDay > 0) || !(mergeRateLinesPerDay > 0)) return Number.POSITIVE_INFINITY;
  return Math.sqrt((2 * transactionCost) / (holdingCostPerLineDay * mergeRateLinesPerDay));
}

/** Release intervals from `from` to `to` working days in `steps` even steps, checked. */
export function intervalGrid(from: number, to: number, steps: number): number[] {
  if (!(Number.isFinite(from) && Number.isFinite(to) && from > 0 && to > from)) {
    throw new InputError(
      'range',
      `${from}..${to}`,
      'allowed: two positive numbers of working days, the first smaller',
    );
  }
  requireWhole(steps, 'steps', 2, 500);
  return Array.from({ length: steps }, (_, i) => from + ((to - from) * i) / (steps - 1));
}

/**
 * Costs per working day for a release train at each interval (expected-value runs unless the
 * options say otherwise): holding cost of undeployed code, transaction cost of deployments,
 * downtime cost of failures, and their total, with the cheapest interval marked.
 */
export function batchSizeCurve(
  params: Params,
  intervals: readonly number[],
  options: SimulationOptions & WithProgress = {},
): BatchSizeCurve {
  if (intervals.length === 0)
    throw new InputError('intervals', intervals, 'allowed: at least one release interval');
  const { onProgress, ...simulation } = options;
  const runOptions: SimulationOptions = { mode: 'expected', ...simulation };
  let mergeRate = 0;
  const points = intervals.map((intervalDays, index): IntervalCost => {
    onProgress?.(index, intervals.length);
    const result = simulate(
      { ...params, releasePolicy: 'train', releaseIntervalDays: intervalDays },
      runOptions,
    );
    const s = result.summary;
    mergeRate = Math.max(mergeRate, s.throughputLinesPerDay);
    return {
      intervalDays,
      holdingCostPerDay: s.holdingCostPerDay,
      transactionCostPerDay: s.transactionCostPerDay,
      downtimeCostPerDay: s.downtimeCostPerDay,
      totalCostPerDay: s.costPerDay,
      meanDeploymentSizeLines: s.meanDeploymentSizeLines,
    };
  });
  const minimum = points.reduce((best, point) =>
    point.totalCostPerDay < best.totalCostPerDay ? point : best,
  );
  const holding = params.holdingCostPerKlocDay / 1000;
  // The closed form takes the cost of a deployment as the team's automation makes it.
  const transactionCost = deploymentCost(params, params.testAutomation);
  return {
    points,
    minimum,
    economicIntervalDays: economicInterval(transactionCost, holding, mergeRate),
    transactionCost,
    holdingCostPerLineDay: holding,
    mergeRateLinesPerDay: mergeRate,
  };
}
