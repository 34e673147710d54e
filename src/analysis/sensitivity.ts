import { InputError } from '../inputs/errors.ts';
import { PARAMS, type ParamId, type ParamSpec, type Params } from '../inputs/params.ts';
import { SUMMARY_NUMBERS, type SummaryNumber } from '../metrics.ts';
import { type SimulationOptions, simulate } from '../simulate.ts';
import type { WithProgress } from './progress.ts';

/** One bar of a tornado chart: a parameter moved across its plausible range and what the metric did. */
export interface SensitivityBar {
  param: ParamId;
  label: string;
  low: number;
  high: number;
  /** Null where the run had nothing to measure (no deployments, no failures). */
  metricAtLow: number | null;
  metricAtHigh: number | null;
  /** |metric at high − metric at low|: the length of the bar. */
  swing: number;
}

/**
 * A parameter's plausible range around its current value: half to one and a half times it,
 * inside the table's limits (a value at zero moves up by a tenth of its full range).
 */
export function plausibleRange(spec: ParamSpec, value: number): [number, number] {
  const span = spec.max - spec.min;
  const low = value === 0 ? spec.min : Math.max(spec.min, value * 0.5);
  const high =
    value === 0 ? Math.min(spec.max, spec.min + span * 0.1) : Math.min(spec.max, value * 1.5);
  const round = (v: number) => (spec.kind === 'integer' ? Math.round(v) : v);
  return [round(low), round(high)];
}

/**
 * Sensitivity of one summary metric to every numeric parameter (or the ones named), each moved
 * across its plausible range with the rest held (expected-value runs), sorted by swing.
 */
export function sensitivity(
  params: Params,
  metric: SummaryNumber,
  options: SimulationOptions & { only?: readonly ParamId[] } & WithProgress = {},
): SensitivityBar[] {
  if (!(SUMMARY_NUMBERS as readonly string[]).includes(metric)) {
    throw new InputError('metric', metric, `allowed: one of ${SUMMARY_NUMBERS.join(', ')}`);
  }
  const { onProgress, only: _only, ...simulation } = options;
  const runOptions: SimulationOptions = { mode: 'expected', ...simulation };
  const specs = PARAMS.filter(
    (spec) =>
      (spec.kind === 'number' || spec.kind === 'integer') &&
      (!options.only || options.only.includes(spec.id)),
  );
  const bars = specs
    .map((spec, index): SensitivityBar | null => {
      onProgress?.(index, specs.length);
      const value = params[spec.id] as number;
      const [low, high] = plausibleRange(spec, value);
      if (low === high) return null;
      const at = (v: number) => simulate({ ...params, [spec.id]: v }, runOptions).summary[metric];
      const metricAtLow = at(low);
      const metricAtHigh = at(high);
      return {
        param: spec.id,
        label: spec.label,
        low,
        high,
        metricAtLow,
        metricAtHigh,
        swing:
          metricAtLow === null || metricAtHigh === null ? 0 : Math.abs(metricAtHigh - metricAtLow),
      };
    })
    .filter((bar): bar is SensitivityBar => bar !== null);
  return bars.sort((a, b) => b.swing - a.swing);
}
