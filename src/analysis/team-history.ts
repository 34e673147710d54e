import { dsvFormat } from 'd3-dsv';
import { InputError } from '../errors';
import type { CalibrationTargets } from './calibrate';

/** The columns of a team-history CSV: one row per deployment, in any order. */
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

/** ISO 8601 as tools write it: a date, or a date and time with seconds, milliseconds and a zone. */
const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads a date as GitHub, GitLab and spreadsheets write it (`2026-01-09`, `2026-01-09T16:00`,
 * `2026-01-09T16:00:00.123Z`, `2026-01-09T17:00:00+01:00`); without a zone it is taken as UTC.
 */
function parseDate(text: string, field: string): number {
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
 * Reads a team's deployment history (CSV through d3-dsv: quoted cells, `,` or `;`, a byte-order
 * mark, CRLF, rows in any order) into
 * calibration targets: deployments per week, change failure rate, median time to restore and,
 * when first-commit dates are given, median lead time. Every problem names the row and column.
 */
export function historyTargets(csv: string, teamSize: number): CalibrationTargets {
  const text = csv.charCodeAt(0) === 0xfeff ? csv.slice(1) : csv;
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  // A spreadsheet set to a comma decimal writes `;` between cells.
  const delimiter =
    (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const table = dsvFormat(delimiter)
    .parseRows(text)
    .filter((cells) => cells.some((cell) => cell.trim() !== ''));
  if (table.length === 0)
    throw new InputError(
      'history',
      '',
      'allowed: a CSV with a header row and at least two deployments; the file is empty',
    );
  const header = table[0].map((cell) => cell.trim().toLowerCase());
  if (header[0] !== 'deployed_at' || header[1] !== 'failed') {
    throw new InputError(
      'history header',
      table[0].join(delimiter),
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
  // Rows in any order (newest first, as deployment APIs list them): sorted by deployment time,
  // each keeping its line number in the file for messages.
  const rows = table.slice(1).map((cells, i) => ({ cells, row: `row ${i + 2}` }));
  if (rows.length < 2)
    throw new InputError(
      'history',
      `${rows.length} deployment(s)`,
      'allowed: at least two deployments, to measure how often they happen',
    );
  const seen = new Map<string, string>();
  for (const { cells, row } of rows) {
    if (cells.length > header.length)
      throw new InputError(row, cells.join(delimiter), `allowed: ${header.length} columns`);
    const key = cells.map((cell) => cell.trim()).join('\u0000');
    const first = seen.get(key);
    if (first)
      throw new InputError(
        row,
        cells.join(delimiter),
        `allowed: each deployment once (the same as ${first})`,
      );
    seen.set(key, row);
  }
  const dated = rows
    .map((entry) => ({
      ...entry,
      deployed: parseDate(entry.cells[0] ?? '', `${entry.row} deployed_at`),
    }))
    .sort((a, b) => a.deployed - b.deployed);
  let failures = 0;
  const restores: number[] = [];
  const leads: number[] = [];
  const times: number[] = [];
  for (const { cells, row, deployed } of dated) {
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
  }
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
