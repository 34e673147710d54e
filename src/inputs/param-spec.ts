import type { ParamTableRow } from './param-table/index.ts';

/** How a parameter's value is read and shown. */
export type ParamKind = 'number' | 'integer' | 'boolean' | 'choice';

/** Where a default value comes from: published data, or a judgement the user should calibrate. */
export type ParamSource = 'sourced' | 'calibrate';

/** The groups the UI and the docs arrange parameters in. */
export type ParamGroup = 'team' | 'code' | 'testing' | 'production' | 'reflexes' | 'economics';

/** One row of the parameter table as it is written: its id is any name until the table fixes the set. */
export interface ParamRow {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly group: ParamGroup;
  readonly kind: ParamKind;
  readonly default: number | boolean | string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly choices?: readonly string[];
  /** Named values a control marks (a release interval's "weekly"). */
  readonly stops?: readonly { readonly value: number; readonly label: string }[];
  readonly source: ParamSource;
  readonly help: string;
}

/** How many decades a number's range must span before its control is logarithmic. */
export const LOG_SCALE_DECADES = 2;

/**
 * Whether a numeric parameter's control should be logarithmic: its range spans more than two
 * decades above its finest step, so a linear slider would spend nearly all its length on values
 * nobody uses (a release interval of 0.2 to 260 days).
 */
export function usesLogScale(spec: ParamSpec): boolean {
  if (spec.kind !== 'number' && spec.kind !== 'integer') return false;
  const smallest = Math.max(spec.min, spec.step);
  return smallest > 0 && spec.max / smallest > 10 ** LOG_SCALE_DECADES;
}

/** The type of the value a row of the table holds: a number, a yes/no, or one of its choices. */
type ValueOf<Row extends ParamRow> = Row['kind'] extends 'boolean'
  ? boolean
  : Row['kind'] extends 'choice'
    ? NonNullable<Row['choices']>[number]
    : number;

/** Every model parameter with its type, derived from the table; the ids are part of the public scenario format. */
export type Params = { -readonly [Row in ParamTableRow as Row['id']]: ValueOf<Row> };

/** A parameter's id. */
export type ParamId = keyof Params;

/** One row of the parameter table: everything validation, controls, URLs, flags and docs need. */
export interface ParamSpec extends ParamRow {
  readonly id: ParamId;
}

/** How releases are cut: a fixed train, when the previous one is out, or each change on its own. */
export type ReleasePolicy = Params['releasePolicy'];

/** The usual range of a share, for table rows. */
export const SHARE = { min: 0, max: 1, step: 0.01, unit: 'share (0–1)' } as const;
