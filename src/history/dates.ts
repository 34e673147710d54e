import { InputError } from '../inputs/errors.ts';

/** Milliseconds in an hour and in a day. */
export const HOUR_MS = 3600 * 1000;
export const DAY_MS = 24 * HOUR_MS;

/** ISO 8601 as tools write it: a date, or a date and time with seconds, milliseconds and a zone. */
const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads a date as GitHub, GitLab and spreadsheets write it (`2026-01-09`, `2026-01-09T16:00`,
 * `2026-01-09T16:00:00.123Z`, `2026-01-09T17:00:00+01:00`) as milliseconds since the epoch;
 * without a zone it is taken as UTC.
 */
export function parseIsoDate(text: string, field: string): number {
  const trimmed = text.trim();
  const match = ISO_8601.exec(trimmed);
  if (!match)
    throw new InputError(
      field,
      text,
      'allowed: an ISO 8601 date, like 2026-01-31, 2026-01-31T14:00 or 2026-01-31T14:00:00.000+01:00',
    );
  const [, year, month, day, hour, , , zone] = match;
  const zoned =
    zone && !zone.includes(':') && zone !== 'Z' ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const body = trimmed.replace(' ', 'T').replace(/(Z|[+-]\d{2}:?\d{2})$/, '');
  const time = Date.parse(hour === undefined ? `${body}T00:00:00Z` : `${body}${zoned ?? 'Z'}`);
  const check = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (
    Number.isNaN(time) ||
    check.getUTCFullYear() !== Number(year) ||
    check.getUTCMonth() + 1 !== Number(month) ||
    check.getUTCDate() !== Number(day)
  )
    throw new InputError(field, text, 'allowed: a real calendar date');
  return time;
}

/** A moment as ISO 8601 in UTC to the second: `2026-01-09T16:00:00Z`. */
export function isoSeconds(time: number): string {
  return `${new Date(time).toISOString().slice(0, 19)}Z`;
}
