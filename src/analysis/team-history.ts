import { InputError } from '../errors';
import type { CalibrationTargets } from './calibrate';

/** The columns of a team-history CSV: one row per deployment, oldest first. */
export const HISTORY_COLUMNS = ['deployed_at', 'failed', 'restored_at', 'first_commit_at'] as const;

/** An example of the format, for the docs and the UI: a two-week train with two failures in twelve. */
export const EXAMPLE_HISTORY_CSV = `deployed_at,failed,restored_at,first_commit_at
2026-01-09T16:00,no,,2025-12-19
2026-01-23T16:00,no,,2026-01-02
2026-02-06T16:00,yes,2026-02-07T14:00,2026-01-16
2026-02-20T17:00,no,,2026-01-30
2026-03-06T16:00,no,,2026-02-13
2026-03-20T16:00,no,,2026-02-27
2026-04-03T16:00,no,,2026-03-13
2026-04-17T16:00,yes,2026-04-18T20:00,2026-03-27
2026-05-01T16:00,no,,2026-04-10
2026-05-15T16:00,no,,2026-04-24
2026-05-29T16:00,no,,2026-05-08
2026-06-12T16:00,no,,2026-05-22
`;

function parseDate(text: string, field: string): number {
  const trimmed = text.trim();
  // Dates only, or date and time; anything else (and impossible dates) is refused.
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?$/.test(trimmed)) {
    throw new InputError(field, text, 'allowed: a date like 2026-01-31 or 2026-01-31T14:00');
  }
  const time = Date.parse(
    trimmed.length === 10 ? `${trimmed}T00:00:00Z` : `${trimmed.replace(' ', 'T')}Z`,
  );
  const [year, month, day] = trimmed.slice(0, 10).split('-').map(Number);
  const check = new Date(time);
  if (
    Number.isNaN(time) ||
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() + 1 !== month ||
    check.getUTCDate() !== day
  ) {
    throw new InputError(field, text, 'allowed: a real calendar date');
  }
  return time;
}

function parseFailed(text: string, field: string): boolean {
  const value = text.trim().toLowerCase();
  if (['yes', 'true', '1', 'y'].includes(value)) return true;
  if (['no', 'false', '0', 'n', ''].includes(value)) return false;
  throw new InputError(field, text, 'allowed: yes or no');
}

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Reads a team's deployment history (CSV, header first, oldest deployment first) into
 * calibration targets: deployments per week, change failure rate, median time to restore and,
 * when first-commit dates are given, median lead time. Every problem names the row and column.
 */
export function historyTargets(csv: string, teamSize: number): CalibrationTargets {
  const lines = csv.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length === 0)
    throw new InputError(
      'history',
      '',
      'allowed: a CSV with a header row and at least two deployments; the file is empty',
    );
  const header = lines[0].split(',').map((cell) => cell.trim().toLowerCase());
  if (header[0] !== 'deployed_at' || header[1] !== 'failed') {
    throw new InputError(
      'history header',
      lines[0],
      `allowed: columns ${HISTORY_COLUMNS.join(',')} (the last two optional)`,
    );
  }
  const unknown = header.find((column) => !(HISTORY_COLUMNS as readonly string[]).includes(column));
  if (unknown)
    throw new InputError(
      'history header',
      unknown,
      `allowed: columns ${HISTORY_COLUMNS.join(',')}`,
    );
  const column = (name: string) => header.indexOf(name);
  const rows = lines.slice(1);
  if (rows.length < 2)
    throw new InputError(
      'history',
      `${rows.length} deployment(s)`,
      'allowed: at least two deployments, to measure how often they happen',
    );
  let previous = Number.NEGATIVE_INFINITY;
  let failures = 0;
  const restores: number[] = [];
  const leads: number[] = [];
  const times: number[] = [];
  rows.forEach((line, i) => {
    const row = `row ${i + 2}`;
    const cells = line.split(',');
    if (cells.length > header.length)
      throw new InputError(row, line, `allowed: ${header.length} columns`);
    const deployed = parseDate(cells[0] ?? '', `${row} deployed_at`);
    if (deployed < previous)
      throw new InputError(`${row} deployed_at`, cells[0], 'allowed: dates in order, oldest first');
    previous = deployed;
    times.push(deployed);
    const failed = parseFailed(cells[1] ?? '', `${row} failed`);
    if (failed) failures++;
    const restoredText =
      column('restored_at') >= 0 ? (cells[column('restored_at')] ?? '').trim() : '';
    if (restoredText) {
      if (!failed)
        throw new InputError(
          `${row} restored_at`,
          restoredText,
          'allowed: only on a failed deployment',
        );
      const restored = parseDate(restoredText, `${row} restored_at`);
      if (restored < deployed)
        throw new InputError(
          `${row} restored_at`,
          restoredText,
          'allowed: a time after the deployment',
        );
      restores.push((restored - deployed) / HOUR);
    }
    const commitText =
      column('first_commit_at') >= 0 ? (cells[column('first_commit_at')] ?? '').trim() : '';
    if (commitText) {
      const commit = parseDate(commitText, `${row} first_commit_at`);
      if (commit > deployed)
        throw new InputError(
          `${row} first_commit_at`,
          commitText,
          'allowed: a date before the deployment',
        );
      leads.push((deployed - commit) / DAY);
    }
  });
  const weeks = (times[times.length - 1] - times[0]) / (7 * DAY);
  if (!(weeks > 0))
    throw new InputError('history', 'all on one moment', 'allowed: deployments spread over time');
  return {
    teamSize,
    deploymentsPerWeek: (rows.length - 1) / weeks,
    changeFailureRate: failures / rows.length,
    ...(restores.length > 0 ? { timeToRestoreHours: median(restores) } : {}),
    // Lead time from first commit to production; half of that is the median line's lead time.
    ...(leads.length > 0 ? { leadTimeDays: median(leads)! / 2 } : {}),
  };
}
