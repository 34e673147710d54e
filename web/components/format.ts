/** A duration given in calendar days, in the unit a person would say it in. */
export function formatDuration(days: number): string {
  const hours = days * 24;
  if (!Number.isFinite(days)) return '–';
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 24) return `${hours.toFixed(1)} h`;
  if (days < 60) return `${days.toFixed(1)} days`;
  return `${(days / 30.4).toFixed(1)} months`;
}

/** A count with thousands separators. */
export function formatCount(value: number, digits = 0): string {
  return value.toLocaleString('en-GB', { maximumFractionDigits: digits });
}

/** A share as a percentage. */
export function formatPercent(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}
