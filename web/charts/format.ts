import { type ParamSpec, type SummaryNumber, summaryFigure } from '../../src/index.ts';

export { formatCount, formatDuration } from '../../src/outputs/figures.ts';

// Making a number format is slow and using one is fast (in Chromium about 60 µs against 2 µs),
// and `toLocaleString` makes one on every call: a slider move formats hundreds of numbers.
const significant: Intl.NumberFormat[] = [];

/** A share as a percentage. */
export function formatPercent(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}

/** A number to three significant figures with thousands separators: 7.86, 1,250, 0.00144. */
export function formatNumber(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return '–';
  const rounded = Number(value.toPrecision(digits));
  significant[digits] ??= new Intl.NumberFormat('en-GB', { maximumSignificantDigits: digits });
  return significant[digits].format(rounded);
}

/** A parameter's value with its unit, a share as a percentage: "10 working days", "30%". */
export function formatParam(spec: ParamSpec, value: number | boolean | string): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  if (spec.unit.startsWith('share (0–1)') || spec.unit.startsWith('utilisation'))
    return `${formatNumber(value * 100)}%`;
  return `${formatNumber(value)} ${spec.unit}`;
}

/** A summary figure with its unit, a share as a percentage; a figure with nothing to measure says so. */
export function formatFigure(id: SummaryNumber, value: number | null): string {
  const figure = summaryFigure(id);
  if (value === null) return id === 'timeToRestoreHours' ? 'no failures' : 'nothing to measure';
  if ('share' in figure && figure.share) return `${formatNumber(value * 100)}%`;
  if (figure.unit === 'calendar hours' && value < 1) return `${Math.round(value * 60)} minutes`;
  return `${formatNumber(value)} ${figure.unit}`;
}
