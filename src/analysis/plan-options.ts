import { escapeSteps, type Intervention } from '../inputs/interventions.ts';
import type { Params } from '../inputs/params.ts';
import { DEFAULT_DAYS } from '../inputs/run-length.ts';
import { monteCarlo } from '../monte-carlo.ts';
import type { Percentiles } from '../outputs/quantiles.ts';
import { defaultWarmupDays } from '../simulate.ts';
import { TARGET_METRICS } from './calibrate.ts';
import type { WithProgress } from './progress.ts';

/** The figures a plan is compared on: the four DORA metrics, deployment size, waiting code and cost. */
export const PLAN_FIGURES = [...TARGET_METRICS, 'costPerDay'] as const;

/** A figure a plan is compared on. */
export type PlanFigure = (typeof PLAN_FIGURES)[number];

const step = (day: number, type: Intervention['type']) =>
  escapeSteps(day).filter((i) => i.type === type);

const train = (day: number, releaseIntervalDays: number): Intervention[] => [
  { type: 'set', day, param: 'releasePolicy', value: 'train' },
  { type: 'cadence', day, releaseIntervalDays },
];

/**
 * What a team could change, each from a given day: its cadence (weekly, daily, continuous) and
 * each of the four escape steps alone and together. The one table the CLI and the screen read.
 */
export const PLAN_OPTIONS: readonly {
  id: string;
  label: string;
  changes: (day: number) => Intervention[];
}[] = [
  { id: 'today', label: 'As today', changes: () => [] },
  { id: 'weekly', label: 'Weekly release train (escape step 3)', changes: (day) => train(day, 5) },
  { id: 'daily', label: 'Daily release train', changes: (day) => train(day, 1) },
  {
    id: 'continuous',
    label: 'Continuous deployment',
    changes: (day) => [{ type: 'set', day, param: 'releasePolicy', value: 'continuous' }],
  },
  {
    id: 'freeze',
    label: 'Escape step 1: merge freeze on all but must-haves',
    changes: (day) => step(day, 'mergeFreeze'),
  },
  {
    id: 'automation',
    label: 'Escape step 2: a share of the team on test automation',
    changes: (day) => step(day, 'automationPush'),
  },
  {
    id: 'oneTeam',
    label: 'Escape step 4: no approvals, one cross-functional team',
    changes: (day) =>
      [...step(day, 'removeApprovals'), ...step(day, 'crossFunctionalTeam')].map((i) => ({
        ...i,
        day,
      })),
  },
  { id: 'allSteps', label: 'All four escape steps', changes: (day) => escapeSteps(day) },
];

/** One option compared: what changes, from when, and its figures' p10–p90 over the runs. */
export interface PlanRow {
  id: string;
  label: string;
  interventions: Intervention[];
  figures: Record<PlanFigure, Percentiles>;
}

/** A comparison of a team's options. */
export interface PlanComparison {
  /** The day every change starts: the end of the warm-up, so the figures measure the team after it. */
  day: number;
  days: number;
  runs: number;
  rows: PlanRow[];
}

/**
 * Compares a team's options over the same seeds: each runs `runs` times from the team as it is,
 * with its change from the end of the warm-up, and reports every figure's p10, median and p90
 * over the measured span.
 */
export function comparePlans(
  params: Params,
  options: { days?: number; runs?: number; seed?: number } & WithProgress = {},
): PlanComparison {
  const days = options.days ?? DEFAULT_DAYS;
  const runs = options.runs ?? 30;
  const day = defaultWarmupDays(days);
  const rows = PLAN_OPTIONS.map((option, index): PlanRow => {
    const interventions = option.changes(day);
    const result = monteCarlo(params, {
      days,
      runs,
      seed: options.seed ?? 1,
      interventions,
      bandSeries: [],
    });
    options.onProgress?.(index + 1, PLAN_OPTIONS.length);
    return {
      id: option.id,
      label: option.label,
      interventions,
      figures: Object.fromEntries(
        PLAN_FIGURES.map((figure) => [figure, result.percentiles[figure]]),
      ) as Record<PlanFigure, Percentiles>,
    };
  });
  return { day, days, runs, rows };
}
