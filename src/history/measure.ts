import type { CalibrationTargets } from '../analysis/calibrate.ts';
import { classifyDora, type DoraClassification } from '../outputs/dora.ts';
import { medianOf } from '../outputs/quantiles.ts';
import { DAY_MS, HOUR_MS } from './dates.ts';
import type { HistoryRow } from './history-file.ts';
import { readAnyHistory } from './read-history.ts';

/** A value with a weight: a commit's lead time weighted by its lines, say. */
export interface Weighted {
  value: number;
  weight: number;
}

/** Where a history's lead time comes from, most exact first. */
export type LeadTimeSource = 'commits' | 'deployments' | 'first commits';

/** The six figures the article says to watch, measured from a team's history, with its DORA level. */
export interface HistoryFigures {
  deployments: number;
  /** Calendar days from the first deployment to the last. */
  spanDays: number;
  deploymentsPerWeek: number;
  /** Median calendar days from commit to production of a line; null when the history has no commit dates. */
  leadTimeDays: number | null;
  /** 90th percentile of the same; null unless every commit's lead time is known. */
  leadTimeP90Days: number | null;
  leadTimeSource: LeadTimeSource | null;
  changeFailureRate: number;
  /** Median calendar hours from a failed deployment to its restore; null with no restore times. */
  timeToRestoreHours: number | null;
  /** Mean lines changed per deployment; null when the history has no sizes. */
  meanDeploymentSizeLines: number | null;
  /** Mean lines committed and not yet deployed, over time; null when the history has none. */
  meanWipLines: number | null;
  dora: DoraClassification;
}

/** The value below which a share `q` of the weight lies (the first value reaching it). */
export function weightedQuantile(samples: readonly Weighted[], q: number): number | null {
  const sorted = samples.filter((s) => s.weight > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, s) => sum + s.weight, 0);
  if (!(total > 0)) return null;
  let cumulative = 0;
  for (const sample of sorted) {
    cumulative += sample.weight;
    if (cumulative >= q * total - 1e-9 * total) return sample.value;
  }
  return sorted[sorted.length - 1].value;
}

function leadTimes(
  rows: readonly HistoryRow[],
  commits: readonly Weighted[] | undefined,
): Pick<HistoryFigures, 'leadTimeDays' | 'leadTimeP90Days' | 'leadTimeSource'> {
  if (commits && commits.length > 0)
    return {
      leadTimeDays: weightedQuantile(commits, 0.5),
      leadTimeP90Days: weightedQuantile(commits, 0.9),
      leadTimeSource: 'commits',
    };
  const measured = rows
    .filter((row) => row.leadTimeDays !== undefined)
    .map((row) => ({ value: row.leadTimeDays!, weight: row.lines ?? row.commits ?? 1 }));
  if (measured.length > 0)
    return {
      leadTimeDays: weightedQuantile(measured, 0.5),
      leadTimeP90Days: null,
      leadTimeSource: 'deployments',
    };
  // Only the oldest commit's date: with code arriving evenly up to the cut, the median line has
  // waited half as long as the oldest.
  const ages = rows
    .filter((row) => row.firstCommitAt !== undefined)
    .map((row) => (row.deployedAt - row.firstCommitAt!) / DAY_MS / 2);
  return {
    leadTimeDays: medianOf(ages),
    leadTimeP90Days: null,
    leadTimeSource: ages.length > 0 ? 'first commits' : null,
  };
}

/**
 * Measures a history (deployments oldest first): frequency over the span, lead time, change
 * failure rate, time to restore, mean deployment size and mean waiting code, and the DORA level
 * they make. `commitLeadTimes`, when the source saw every commit, gives the exact lead time.
 */
export function measureHistory(
  rows: readonly HistoryRow[],
  commitLeadTimes?: readonly Weighted[],
): HistoryFigures {
  const spanDays = (rows[rows.length - 1].deployedAt - rows[0].deployedAt) / DAY_MS;
  const deploymentsPerWeek = spanDays > 0 ? ((rows.length - 1) / spanDays) * 7 : 0;
  const failures = rows.filter((row) => row.failed).length;
  const restores = rows
    .filter((row) => row.failed && row.restoredAt !== undefined)
    .map((row) => (row.restoredAt! - row.deployedAt) / HOUR_MS);
  const sized = rows.filter((row) => row.lines !== undefined);
  const waiting = rows
    .map((row, i) => ({ row, span: i > 0 ? row.deployedAt - rows[i - 1].deployedAt : 0 }))
    .filter(({ row, span }) => row.wipLines !== undefined && span > 0);
  const waitingSpan = waiting.reduce((sum, w) => sum + w.span, 0);
  const lead = leadTimes(rows, commitLeadTimes);
  const changeFailureRate = failures / rows.length;
  const timeToRestoreHours = medianOf(restores);
  return {
    deployments: rows.length,
    spanDays,
    deploymentsPerWeek,
    ...lead,
    changeFailureRate,
    timeToRestoreHours,
    meanDeploymentSizeLines:
      sized.length > 0 ? sized.reduce((sum, row) => sum + row.lines!, 0) / sized.length : null,
    meanWipLines:
      waitingSpan > 0
        ? waiting.reduce((sum, w) => sum + w.row.wipLines! * w.span, 0) / waitingSpan
        : null,
    dora: classifyDora({
      deploymentsPerWeek,
      leadTimeHours: lead.leadTimeDays === null ? null : lead.leadTimeDays * 24,
      changeFailureRate,
      timeToRestoreHours,
    }),
  };
}

/** The calibration targets a history's figures set for a team of `teamSize`: every figure it has. */
export function targetsFromFigures(figures: HistoryFigures, teamSize: number): CalibrationTargets {
  const present = <K extends string>(key: K, value: number | null) =>
    value === null ? {} : ({ [key]: value } as Record<K, number>);
  return {
    teamSize,
    deploymentsPerWeek: figures.deploymentsPerWeek,
    changeFailureRate: figures.changeFailureRate,
    ...present('leadTimeDays', figures.leadTimeDays),
    ...present('timeToRestoreHours', figures.timeToRestoreHours),
    ...present('meanDeploymentSizeLines', figures.meanDeploymentSizeLines),
    ...present('meanWipLines', figures.meanWipLines),
  };
}

/**
 * Reads a history file (CSV, or a GitHub or GitLab deployments export) and returns the
 * calibration targets it sets for a team of `teamSize`.
 */
export function historyTargets(text: string, teamSize: number): CalibrationTargets {
  return targetsFromFigures(measureHistory(readAnyHistory(text, 'history').rows), teamSize);
}
