import type { ParamRow } from '../param-spec.ts';

/** Economics: the rows of the parameter table for this group. */
export const ECONOMICS_PARAMS = [
  {
    id: 'holdingCostPerKlocDay',
    label: 'Cost of code waiting',
    unit: 'cost units/KLOC-day',
    group: 'economics',
    kind: 'number',
    default: 300,
    min: 0,
    max: 100000,
    step: 10,
    source: 'calibrate',
    help: 'Cost of delay of a thousand lines written but not in production, per working day: the value they would earn live. A KLOC takes about 17 engineer-days (17,000 at 1,000 an engineer-day) and is assumed to earn five times that a year once live.',
  },
  {
    id: 'deployTransactionCost',
    label: 'Cost per deployment',
    unit: 'cost units/deploy',
    group: 'economics',
    kind: 'number',
    default: 2000,
    min: 0,
    max: 1000000,
    step: 50,
    source: 'calibrate',
    help: 'Cost of one deployment done by hand (coordination, change board, deploying and watching it, about two engineer-days); it falls with the square of the manual share automation leaves.',
  },
  {
    id: 'outageCostPerHour',
    label: 'Cost of an hour down',
    unit: 'cost units/hour',
    group: 'economics',
    kind: 'number',
    default: 2000,
    min: 0,
    max: 10000000,
    step: 100,
    source: 'calibrate',
    help: "Cost of an hour of full outage (lost revenue, support, goodwill); a degradation costs its severity's share.",
  },
] as const satisfies readonly ParamRow[];
