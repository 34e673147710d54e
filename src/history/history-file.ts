import { dsvFormat } from 'd3-dsv';
import { InputError } from '../inputs/errors.ts';
import { isoSeconds, parseIsoDate } from './dates.ts';

/**
 * One deployment of a team's history: when it reached production, whether it failed and when
 * service came back, and, when the source knows them, the size of the change and how long its
 * code had waited. Dates and counts only: no code, names or messages.
 */
export interface HistoryRow {
  /** When the deployment reached production, milliseconds since the epoch. */
  deployedAt: number;
  failed: boolean;
  /** When service was restored after a failed deployment. */
  restoredAt?: number;
  /** When the oldest commit in the deployment was made. */
  firstCommitAt?: number;
  /** Lines changed (inserted plus deleted) since the previous deployment. */
  lines?: number;
  /** Commits the deployment brought to production. */
  commits?: number;
  /** Median calendar days from commit to production of the deployment's lines. */
  leadTimeDays?: number;
  /** Mean lines committed and not yet deployed over the time since the previous deployment. */
  wipLines?: number;
}

type Kind = 'time' | 'flag' | 'count' | 'days' | 'lines';

/** The columns of a history file, the one table reading, writing and the docs use. */
export const HISTORY_COLUMNS = [
  {
    name: 'deployed_at',
    key: 'deployedAt',
    kind: 'time',
    doc: 'when the deployment reached production (ISO 8601; without a zone, UTC)',
  },
  {
    name: 'failed',
    key: 'failed',
    kind: 'flag',
    doc: 'yes if the deployment failed in production',
  },
  {
    name: 'restored_at',
    key: 'restoredAt',
    kind: 'time',
    doc: 'when service was restored, for a failed deployment',
  },
  {
    name: 'first_commit_at',
    key: 'firstCommitAt',
    kind: 'time',
    doc: 'when the oldest commit in the deployment was made',
  },
  {
    name: 'lines',
    key: 'lines',
    kind: 'count',
    doc: 'lines changed (inserted plus deleted) since the previous deployment',
  },
  { name: 'commits', key: 'commits', kind: 'count', doc: 'commits the deployment brought' },
  {
    name: 'lead_time_days',
    key: 'leadTimeDays',
    kind: 'days',
    doc: "median calendar days from commit to production of the deployment's lines",
  },
  {
    name: 'wip_lines',
    key: 'wipLines',
    kind: 'lines',
    doc: 'mean lines committed and not yet deployed since the previous deployment',
  },
] as const satisfies readonly { name: string; key: keyof HistoryRow; kind: Kind; doc: string }[];

const REQUIRED = ['deployed_at', 'failed'];

/** The size of the team the example history is from. */
export const EXAMPLE_TEAM_SIZE = 9;

/** An example history: a nine-person team on a two-week train, two failures in twelve. */
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

function parseFlag(text: string, field: string): boolean {
  const value = text.trim().toLowerCase();
  if (['yes', 'true', '1', 'y'].includes(value)) return true;
  if (['no', 'false', '0', 'n', ''].includes(value)) return false;
  throw new InputError(field, text, 'allowed: yes or no');
}

function parseAmount(text: string, field: string, kind: Kind): number {
  const value = Number(text.trim());
  const whole = kind === 'count';
  if (!Number.isFinite(value) || value < 0 || (whole && !Number.isInteger(value)))
    throw new InputError(
      field,
      text,
      whole ? 'allowed: a whole number, 0 or more' : 'allowed: a number, 0 or more',
    );
  return value;
}

/**
 * Reads a history file (CSV through d3-dsv: quoted cells, `,` or `;`, a byte-order mark, CRLF,
 * columns and rows in any order) into deployments, oldest first. Every refusal names the row,
 * the column and the value.
 */
export function readHistoryCsv(csv: string): HistoryRow[] {
  const text = csv.charCodeAt(0) === 0xfeff ? csv.slice(1) : csv;
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  // A spreadsheet set to a comma decimal writes `;` between cells.
  const delimiter =
    (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const table = dsvFormat(delimiter)
    .parseRows(text)
    .filter((cells) => cells.some((cell) => cell.trim() !== ''));
  const names = HISTORY_COLUMNS.map((column) => column.name).join(',');
  if (table.length === 0)
    throw new InputError(
      'history',
      '',
      'allowed: a CSV with a header row and at least two deployments; the file is empty',
    );
  const header = table[0].map((cell) => cell.trim().toLowerCase());
  if (!REQUIRED.every((name) => header.includes(name)))
    throw new InputError(
      'history header',
      table[0].join(delimiter),
      `allowed: columns deployed_at and failed, and any of ${names}`,
    );
  for (const [index, name] of header.entries()) {
    if (!HISTORY_COLUMNS.some((column) => column.name === name))
      throw new InputError('history header', name, `allowed: columns ${names}`);
    if (header.indexOf(name) !== index)
      throw new InputError('history header', name, 'allowed: each column once');
  }
  const rows = table.slice(1).map((cells, i) => ({ cells, row: `row ${i + 2}` }));
  if (rows.length < 2)
    throw new InputError(
      'history',
      `${rows.length} deployment(s)`,
      'allowed: at least two deployments, to measure how often they happen',
    );
  const seen = new Map<string, string>();
  const read = rows.map(({ cells, row }) => {
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
    const entry: Partial<Record<keyof HistoryRow, number | boolean>> = {};
    for (const column of HISTORY_COLUMNS) {
      const at = header.indexOf(column.name);
      const cell = at >= 0 ? (cells[at] ?? '').trim() : '';
      const field = `${row} ${column.name}`;
      if (column.kind === 'flag') entry[column.key] = parseFlag(cell, field);
      else if (cell === '' && column.kind === 'time' && column.name === 'deployed_at')
        throw new InputError(field, cell, 'allowed: the time of the deployment');
      else if (cell === '') continue;
      else if (column.kind === 'time') entry[column.key] = parseIsoDate(cell, field);
      else entry[column.key] = parseAmount(cell, field, column.kind);
    }
    const deployment = entry as unknown as HistoryRow;
    checkRow(deployment, row, header, cells);
    return deployment;
  });
  read.sort((a, b) => a.deployedAt - b.deployedAt);
  if (!(read[read.length - 1].deployedAt > read[0].deployedAt))
    throw new InputError('history', 'all on one moment', 'allowed: deployments spread over time');
  return read;
}

function checkRow(row: HistoryRow, name: string, header: string[], cells: string[]): void {
  const cell = (column: string) => cells[header.indexOf(column)] ?? '';
  if (row.restoredAt !== undefined && !row.failed)
    throw new InputError(
      `${name} restored_at`,
      cell('restored_at'),
      'allowed: only on a failed deployment',
    );
  if (row.restoredAt !== undefined && row.restoredAt < row.deployedAt)
    throw new InputError(
      `${name} restored_at`,
      cell('restored_at'),
      'allowed: a time after the deployment',
    );
  if (row.firstCommitAt !== undefined && row.firstCommitAt > row.deployedAt)
    throw new InputError(
      `${name} first_commit_at`,
      cell('first_commit_at'),
      'allowed: a date before the deployment',
    );
}

/** Writes deployments as a history file: the documented columns, UTC times, blank where unknown. */
export function writeHistoryCsv(rows: readonly HistoryRow[]): string {
  const format = (column: (typeof HISTORY_COLUMNS)[number], row: HistoryRow): string => {
    const value = row[column.key];
    if (value === undefined) return '';
    if (typeof value === 'boolean') return value ? 'yes' : 'no';
    if (column.kind === 'time') return isoSeconds(value);
    return String(Number(value.toPrecision(6)));
  };
  const lines = rows.map((row) => HISTORY_COLUMNS.map((column) => format(column, row)).join(','));
  return `${[HISTORY_COLUMNS.map((column) => column.name).join(','), ...lines].join('\n')}\n`;
}
