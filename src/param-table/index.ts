import type { ParamSpec } from '../param-spec';
import { CODE_PARAMS } from './code';
import { ECONOMICS_PARAMS } from './economics';
import { PRODUCTION_PARAMS } from './production';
import { REFLEXES_PARAMS } from './reflexes';
import { TEAM_PARAMS } from './team';
import { TESTING_PARAMS } from './testing';

/** The one table of parameters, in the order the UI and docs show them. */
export const PARAMS: readonly ParamSpec[] = [
  ...TEAM_PARAMS,
  ...CODE_PARAMS,
  ...TESTING_PARAMS,
  ...PRODUCTION_PARAMS,
  ...REFLEXES_PARAMS,
  ...ECONOMICS_PARAMS,
];
