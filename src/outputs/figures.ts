// How the engine's figures are put in words, the same on the command line and on the screens.
// Making a number format is slow and using one is fast (in Chromium about 60 µs against 2 µs):
// the screens format hundreds of figures on a slider move, so each format is made once.
const formats: Intl.NumberFormat[] = [];

/** A count with thousands separators, to at most `digits` decimals: 4,170, 0.49. */
export function formatCount(value: number, digits = 0): string {
  formats[digits] ??= new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits });
  return formats[digits].format(value);
}

/** A duration given in calendar days, in the unit a person would say it in: "40 min", "26.5 days", "5.8 months". */
export function formatDuration(days: number): string {
  if (!Number.isFinite(days)) return '–';
  const hours = days * 24;
  if (hours < 1) return `${formatCount(hours * 60, 0)} min`;
  if (hours < 24) return `${formatCount(hours, 1)} h`;
  if (days < 60) return `${formatCount(days, 1)} days`;
  return `${formatCount(days / 30.4, 1)} months`;
}
