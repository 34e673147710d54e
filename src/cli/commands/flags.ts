import { writeFileSync } from 'node:fs';
import { csvFormatRows } from 'd3-dsv';
import { InputError } from '../../inputs/errors.ts';
import { decimalValue, parseWholeText } from '../../inputs/numbers.ts';
import { formatCount } from '../../outputs/figures.ts';
import type { CliArgs } from '../args.ts';

/** The one value of a subcommand flag, or undefined; more than one is an error. */
export function single(args: CliArgs, flag: string): string | undefined {
  const values = args.extra[flag];
  if (!values) return undefined;
  if (values.length > 1) throw new InputError(flag, values.join(' '), 'allowed: once');
  return values[0];
}

/** A number flag within limits. */
export function numberFlag(
  args: CliArgs,
  flag: string,
  min: number,
  max: number,
  fallback?: number,
): number | undefined {
  const text = single(args, flag);
  if (text === undefined) return fallback;
  const value = decimalValue(text);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new InputError(flag, text, `allowed: a number from ${min} to ${max}`);
  }
  return value;
}

/** A whole-number flag within limits. */
export function wholeFlag(
  args: CliArgs,
  flag: string,
  min: number,
  max: number,
  fallback: number,
): number {
  const text = single(args, flag);
  return text === undefined ? fallback : parseWholeText(text, flag, min, max);
}

/** A range written FROM:TO. */
export function rangeFlag(text: string, flag: string): [number, number] {
  const parts = text.split(':');
  const [from, to] = parts.map(decimalValue);
  if (parts.length !== 2 || !Number.isFinite(from) || !Number.isFinite(to) || !(from < to)) {
    throw new InputError(flag, text, 'allowed: FROM:TO with FROM below TO, e.g. 2:20');
  }
  return [from, to];
}

/** Rows as CSV (RFC 4180 quoting), with a header; numbers to eight significant figures, null as an empty cell. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  const cell = (v: string | number | null) =>
    v === null ? '' : typeof v === 'number' ? String(Number(v.toPrecision(8))) : v;
  return `${csvFormatRows([[...header], ...rows.map((row) => row.map(cell))])}\n`;
}

/** Writes a CSV file, or says plainly why it could not. */
export function writeCsvFile(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw new InputError(
      '--csv',
      file,
      `allowed: a writable file path (${(error as NodeJS.ErrnoException).code ?? 'unwritable'})`,
    );
  }
}

/** Pads a table cell to a width. */
export function pad(text: string, width: number): string {
  return text.length >= width ? `${text} ` : text + ' '.repeat(width - text.length);
}

/** A number for a readable table. */
export function show(value: number | null, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return formatCount(value, digits);
}
