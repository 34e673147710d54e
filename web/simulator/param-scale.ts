import { type ParamSpec, usesLogScale } from '../../src/index.ts';

/** Positions of a logarithmic slider: the first is the range's bottom, the rest a log scale. */
export const LOG_POSITIONS = 200;

function bottom(spec: ParamSpec): number {
  return Math.max(spec.min, spec.step);
}

function onStep(spec: ParamSpec, value: number): number {
  const stepped = Math.round(value / spec.step) * spec.step;
  return Math.min(spec.max, Math.max(spec.min, Number(stepped.toPrecision(12))));
}

/** The slider position that shows a value: the value itself, or its place on the log scale. */
export function sliderPosition(spec: ParamSpec, value: number): number {
  if (!usesLogScale(spec)) return value;
  const low = bottom(spec);
  if (value < low) return 0;
  const share = Math.log(value / low) / Math.log(spec.max / low);
  return Math.min(LOG_POSITIONS, 1 + Math.round(share * (LOG_POSITIONS - 1)));
}

/** The value at a slider position, on the parameter's step. */
export function sliderValue(spec: ParamSpec, position: number): number {
  if (!usesLogScale(spec)) return position;
  if (position <= 0) return spec.min;
  const low = bottom(spec);
  const share = (Math.min(LOG_POSITIONS, position) - 1) / (LOG_POSITIONS - 1);
  return onStep(spec, low * (spec.max / low) ** share);
}

/** The named stop a value sits on ("weekly"), if any. */
export function stopAt(spec: ParamSpec, value: number): string | null {
  return spec.stops?.find((stop) => Math.abs(stop.value - value) < spec.step / 2)?.label ?? null;
}
