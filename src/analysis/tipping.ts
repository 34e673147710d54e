import { InputError } from '../inputs/errors.ts';
import { STANDARD_SLIP_DAYS } from '../inputs/interventions.ts';
import { requireWhole } from '../inputs/numbers.ts';
import { type ParamId, type Params, paramSpec } from '../inputs/params.ts';
import { DEFAULT_DAYS } from '../inputs/run-length.ts';
import { runSeed } from '../monte-carlo.ts';
import { type SimulationOptions, simulate } from '../simulate.ts';
import {
  classifyOutcome,
  MAX_ANALYSIS_SEEDS,
  type Outcome,
  STANDARD_SHOCK_DAY,
  withSlip,
} from './outcome.ts';
import type { WithProgress } from './progress.ts';

/** Options shared by the tipping-point finders: run settings and where the shock lands. */
export interface TippingOptions extends SimulationOptions {
  shockDay?: number;
}

function runDays(options: TippingOptions): number {
  return options.days ?? DEFAULT_DAYS;
}

/**
 * The outcome of one run with a release slip of `slipDays` at the shock day, in place of any
 * slip the scenario carries (expected-value unless told).
 */
export function outcomeWithSlip(
  params: Params,
  slipDays: number,
  options: TippingOptions = {},
): Outcome {
  const shockDay = options.shockDay ?? STANDARD_SHOCK_DAY;
  const result = simulate(params, {
    mode: 'expected',
    ...options,
    days: runDays(options),
    interventions: withSlip(options.interventions, slipDays, shockDay),
  });
  return classifyOutcome(result, shockDay).outcome;
}

function checkMaxSlip(max: number): void {
  requireWhole(max, 'maxSlipDays', 1, 1000);
}

/**
 * Slip tolerance of the expected-value run: the longest one-time release slip (whole working
 * days, up to `maxSlipDays`) after which the team does not spiral. Bisection assumes longer slips
 * never help.
 */
export function slipTolerance(
  params: Params,
  options: TippingOptions & { maxSlipDays?: number } = {},
): number {
  const max = options.maxSlipDays ?? 120;
  checkMaxSlip(max);
  const spirals = (slip: number) => outcomeWithSlip(params, slip, options) === 'spirals';
  if (spirals(0)) return 0;
  if (!spirals(max)) return max;
  let low = 0;
  let high = max;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (spirals(middle)) high = middle;
    else low = middle;
  }
  return low;
}

/** How often a slip of one length tips the team, over seeds. */
export interface TippingPoint {
  slipDays: number;
  /** Share of seeds (0–1) that spiral after this slip. */
  tippedShare: number;
}

/** The tipping curve over seeds, and the slip tolerance it implies. */
export interface TippingCurve {
  seeds: number;
  points: TippingPoint[];
  /**
   * The longest slip in the grid before half or more of the seeds spiral (every shorter slip
   * tips fewer than half); the grid's largest when none does, 0 when even no slip does.
   */
  slipToleranceDays: number;
}

/** The slip lengths a tipping curve tries: every `step` days from 0 to `maxSlipDays`. */
export function slipGrid(maxSlipDays: number, step = 5): number[] {
  checkMaxSlip(maxSlipDays);
  const grid: number[] = [];
  for (let slip = 0; slip < maxSlipDays; slip += step) grid.push(slip);
  grid.push(maxSlipDays);
  return grid;
}

/**
 * Runs the team over `seeds` seeds for each slip length (replacing any slip the scenario
 * carries) and counts how many spiral: a stochastic team near its tipping point tips on some
 * seeds before others, so the answer is a share, not one expected-value number.
 */
export function tippingCurve(
  params: Params,
  options: TippingOptions & { seeds?: number; slips?: readonly number[] } & WithProgress = {},
): TippingCurve {
  const seeds = options.seeds ?? 20;
  requireWhole(seeds, 'seeds', 1, MAX_ANALYSIS_SEEDS);
  const slips = options.slips ?? slipGrid(60);
  const shockDay = options.shockDay ?? STANDARD_SHOCK_DAY;
  const { onProgress, ...simulation } = options;
  let runs = 0;
  const points = slips.map((slipDays): TippingPoint => {
    let tipped = 0;
    for (let run = 0; run < seeds; run++) {
      const result = simulate(params, {
        ...simulation,
        mode: 'stochastic',
        days: runDays(options),
        seed: runSeed(options.seed ?? 1, run),
        interventions: withSlip(options.interventions, slipDays, shockDay),
      });
      if (classifyOutcome(result, shockDay).outcome === 'spirals') tipped++;
      onProgress?.(++runs, slips.length * seeds);
    }
    return { slipDays, tippedShare: tipped / seeds };
  });
  let tolerance = points[points.length - 1].slipDays;
  for (let i = 0; i < points.length; i++) {
    if (points[i].tippedShare >= 0.5) {
      tolerance = i === 0 ? 0 : points[i - 1].slipDays;
      break;
    }
  }
  return { seeds, points, slipToleranceDays: tolerance };
}

/** Where, between two values of one parameter, the team starts to spiral after the standard shock. */
export interface CriticalValue {
  param: ParamId;
  /** The value at which the outcome turns to spirals, or null when it does not within the range. */
  value: number | null;
  /** Whether the team spirals above the value or below it. */
  spiralsWhen: 'above' | 'below' | null;
  range: [number, number];
  outcomeAtLow: Outcome;
  outcomeAtHigh: Outcome;
}

/**
 * The critical value of one numeric parameter: the point in `range` where the outcome after the
 * standard slip turns to spirals, found by bisection to within `tolerance` (a fraction of the range).
 */
export function criticalValue(
  params: Params,
  param: ParamId,
  range?: [number, number],
  options: TippingOptions & { slipDays?: number; tolerance?: number } & WithProgress = {},
): CriticalValue {
  const spec = paramSpec(param, 'param');
  if (spec.kind !== 'number' && spec.kind !== 'integer') {
    throw new InputError('param', param, 'allowed: a numeric parameter');
  }
  const [low, high] = range ?? [spec.min, spec.max];
  if (
    !(
      Number.isFinite(low) &&
      Number.isFinite(high) &&
      low < high &&
      low >= spec.min &&
      high <= spec.max
    )
  ) {
    throw new InputError(
      'range',
      `${low}..${high}`,
      `allowed: two values from ${spec.min} to ${spec.max}, the first smaller`,
    );
  }
  const slip = options.slipDays ?? STANDARD_SLIP_DAYS;
  const { onProgress, ...simulation } = options;
  const toleranceShare = options.tolerance ?? 0.005;
  // Two ends, then one bisection step per halving of the range down to the tolerance.
  const evaluations = 2 + Math.ceil(Math.log2(1 / toleranceShare));
  let evaluated = 0;
  const at = (value: number) => {
    const outcome = outcomeWithSlip(
      { ...params, [param]: spec.kind === 'integer' ? Math.round(value) : value },
      slip,
      simulation,
    );
    onProgress?.(Math.min(++evaluated, evaluations), evaluations);
    return outcome;
  };
  const outcomeAtLow = at(low);
  const outcomeAtHigh = at(high);
  const lowSpirals = outcomeAtLow === 'spirals';
  if (lowSpirals === (outcomeAtHigh === 'spirals')) {
    return {
      param,
      value: null,
      spiralsWhen: null,
      range: [low, high],
      outcomeAtLow,
      outcomeAtHigh,
    };
  }
  const tolerance = toleranceShare * (high - low);
  let a = low;
  let b = high;
  while (b - a > Math.max(tolerance, spec.kind === 'integer' ? 1 : 0)) {
    const middle = (a + b) / 2;
    if ((at(middle) === 'spirals') === lowSpirals) a = middle;
    else b = middle;
  }
  const value = spec.kind === 'integer' ? Math.round(b) : (a + b) / 2;
  return {
    param,
    value,
    spiralsWhen: lowSpirals ? 'below' : 'above',
    range: [low, high],
    outcomeAtLow,
    outcomeAtHigh,
  };
}
