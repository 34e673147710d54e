import { InputError } from '../errors';
import { type ParamId, type Params, paramSpec } from '../params';
import { type SimulationOptions, simulate } from '../simulate';
import { classifyOutcome, type Outcome, STANDARD_SHOCK_DAY, standardSlip } from './outcome';

/** Options shared by the tipping-point finders: run settings and where the shock lands. */
export interface TippingOptions extends SimulationOptions {
  shockDay?: number;
}

function runDays(options: TippingOptions): number {
  return options.days ?? 520;
}

/** The outcome of one run with a release slip of `slipDays` at the shock day (expected-value unless told). */
export function outcomeWithSlip(
  params: Params,
  slipDays: number,
  options: TippingOptions = {},
): Outcome {
  const shockDay = options.shockDay ?? STANDARD_SHOCK_DAY;
  const interventions = [
    ...(options.interventions ?? []),
    ...(slipDays > 0 ? [standardSlip(slipDays, shockDay)] : []),
  ];
  const result = simulate(params, {
    mode: 'expected',
    ...options,
    days: runDays(options),
    interventions,
  });
  return classifyOutcome(result, shockDay).outcome;
}

/**
 * Slip tolerance: the longest one-time release slip (whole working days, up to `maxSlipDays`)
 * after which the team does not spiral. Bisection assumes longer slips never help.
 */
export function slipTolerance(
  params: Params,
  options: TippingOptions & { maxSlipDays?: number } = {},
): number {
  const max = options.maxSlipDays ?? 120;
  if (!(Number.isInteger(max) && max >= 1 && max <= 1000)) {
    throw new InputError('maxSlipDays', max, 'allowed: a whole number from 1 to 1000');
  }
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
  options: TippingOptions & { slipDays?: number; tolerance?: number } = {},
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
  const slip = options.slipDays ?? 15;
  const at = (value: number) =>
    outcomeWithSlip(
      { ...params, [param]: spec.kind === 'integer' ? Math.round(value) : value },
      slip,
      options,
    );
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
  const tolerance = (options.tolerance ?? 0.005) * (high - low);
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
