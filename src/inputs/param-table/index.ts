import type { ParamSpec } from '../param-spec.ts';
import { CODE_PARAMS } from './code.ts';
import { ECONOMICS_PARAMS } from './economics.ts';
import { PRODUCTION_PARAMS } from './production.ts';
import { REFLEXES_PARAMS } from './reflexes.ts';
import { TEAM_PARAMS } from './team.ts';
import { TESTING_PARAMS } from './testing.ts';

/** The rows exactly as written, so the type of each parameter's value can be read from its row. */
const ROWS = [
  ...TEAM_PARAMS,
  ...CODE_PARAMS,
  ...TESTING_PARAMS,
  ...PRODUCTION_PARAMS,
  ...REFLEXES_PARAMS,
  ...ECONOMICS_PARAMS,
] as const;

/** One row of the table, as written. */
export type ParamTableRow = (typeof ROWS)[number];

/** The one table of parameters, in the order the UI and docs show them. */
export const PARAMS: readonly ParamSpec[] = ROWS;
