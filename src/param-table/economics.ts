import type { ParamSpec } from '../param-spec';

/** Economics: the rows of the parameter table for this group. */
export const ECONOMICS_PARAMS: readonly ParamSpec[] = [
  {
    id: 'holdingCostPerKlocDay',
    label: 'Holding cost',
    unit: 'money/KLOC-day',
    group: 'economics',
    kind: 'number',
    default: 300,
    min: 0,
    max: 100000,
    step: 10,
    source: 'calibrate',
    help: 'Cost of a thousand lines written but not in production, per working day (delayed value, risk).',
  },
  {
    id: 'deployTransactionCost',
    label: 'Cost per deployment',
    unit: 'money/deploy',
    group: 'economics',
    kind: 'number',
    default: 2000,
    min: 0,
    max: 1000000,
    step: 50,
    source: 'calibrate',
    help: 'Fixed cost of one deployment (coordination, approvals, downtime windows).',
  },
  {
    id: 'outageCostPerHour',
    label: 'Outage cost',
    unit: 'money/hour',
    group: 'economics',
    kind: 'number',
    default: 2000,
    min: 0,
    max: 10000000,
    step: 100,
    source: 'calibrate',
    help: 'Cost of an hour of failed service.',
  },
];
