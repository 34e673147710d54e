import {
  classifyDora,
  type DoraClassification,
  type DoraLevel,
  type DoraYear,
  toCalendarDays,
} from './dora';
import { leadTimeQuantile } from './lead-time';
import { type SimulationState, STAGES, type Stage } from './state';

/** The figures a run is judged by, over its summary window, with DORA figures in calendar time. */
export interface Summary {
  /** Working days the summary covers (after the warm-up). */
  windowDays: number;
  deploymentsPerWeek: number;
  /** Median lead time for changes, calendar days, commit to production. */
  leadTimeDays: number;
  leadTimeP90Days: number;
  changeFailureRate: number;
  /** Median time to restore service after a failed deployment, calendar hours. */
  timeToRestoreHours: number;
  meanWipLines: number;
  meanDeploymentSizeLines: number;
  /** Lines reaching production per working day. */
  throughputLinesPerDay: number;
  /** Share of defects found that were found in production rather than before release. */
  escapedDefectShare: number;
  /** Share of engineer time on feature work. */
  newWorkShare: number;
  /** Share of engineer time on incidents and production fixes. */
  unplannedWorkShare: number;
  /** Holding + transaction + downtime cost per working day. */
  costPerDay: number;
  holdingCostPerDay: number;
  transactionCostPerDay: number;
  downtimeCostPerDay: number;
  releasesDelayed: number;
  failedDeployments: number;
  automationLevel: number;
  doraLevel: DoraLevel;
  dora: DoraClassification;
  /** Mean calendar days a shipped line spent in each value-stream stage; they add up to its mean lead time. */
  valueStreamDays: Record<Stage, number>;
}

/** The summary numbers that are figures (not levels), for percentiles and tables. */
export const SUMMARY_NUMBERS = [
  'deploymentsPerWeek',
  'leadTimeDays',
  'leadTimeP90Days',
  'changeFailureRate',
  'timeToRestoreHours',
  'meanWipLines',
  'meanDeploymentSizeLines',
  'throughputLinesPerDay',
  'escapedDefectShare',
  'newWorkShare',
  'unplannedWorkShare',
  'costPerDay',
  'holdingCostPerDay',
  'transactionCostPerDay',
  'downtimeCostPerDay',
  'releasesDelayed',
  'failedDeployments',
  'automationLevel',
] as const;

/** A numeric summary key. */
export type SummaryNumber = (typeof SUMMARY_NUMBERS)[number];

function oldestUndeployedAge(state: SimulationState): number {
  let oldest = state.day;
  const visit = (commitTime: number, lines: number) => {
    if (lines > 0 && commitTime < oldest) oldest = commitTime;
  };
  for (const c of state.branches) visit(c.commitTime, c.lines);
  for (const c of state.merged) visit(c.commitTime, c.lines);
  for (const c of state.pipeline) visit(c.commitTime, c.lines);
  for (const c of state.candidate?.cohorts ?? []) visit(c.commitTime, c.lines);
  visit(state.held.commitTime, state.held.lines);
  return state.day - oldest;
}

function medianRestoreHours(state: SimulationState): number {
  const samples = state.incidentLog
    .filter((incident) => incident.cause === 'deployment' && incident.time >= state.warmupDays)
    .sort((a, b) => a.restoreHours - b.restoreHours);
  let total = 0;
  for (const sample of samples) total += sample.weight;
  let cumulative = 0;
  for (const sample of samples) {
    cumulative += sample.weight;
    if (cumulative >= total / 2) return sample.restoreHours;
  }
  return 0;
}

/** Summarises a run's window; with nothing deployed, lead time is the age of the oldest waiting code. */
export function summarise(state: SimulationState, doraYear: DoraYear = 2023): Summary {
  const totals = state.windowTotals;
  const days = Math.max(1, totals.days);
  const leadTimes = totals.leadTimes;
  const nothingShipped = leadTimes.total <= 0;
  const waiting = toCalendarDays(oldestUndeployedAge(state));
  const leadTimeDays = nothingShipped ? waiting : toCalendarDays(leadTimeQuantile(leadTimes, 0.5));
  const leadTimeP90Days = nothingShipped
    ? waiting
    : toCalendarDays(leadTimeQuantile(leadTimes, 0.9));
  const deploymentsPerWeek = (totals.deployments / days) * 5;
  const changeFailureRate =
    totals.deployments > 0 ? totals.failedDeployments / totals.deployments : 0;
  const timeToRestoreHours = medianRestoreHours(state);
  const found = totals.defectsFoundBeforeRelease + totals.defectsEscaped;
  const capacity = totals.capacity;
  const holdingCostPerDay = totals.holdingCost / days;
  const transactionCostPerDay = totals.transactionCost / days;
  const downtimeCostPerDay = totals.downtimeCost / days;
  const dora = classifyDora(
    { deploymentsPerWeek, leadTimeHours: leadTimeDays * 24, changeFailureRate, timeToRestoreHours },
    doraYear,
  );
  return {
    windowDays: totals.days,
    deploymentsPerWeek,
    leadTimeDays,
    leadTimeP90Days,
    changeFailureRate,
    timeToRestoreHours,
    meanWipLines: totals.wipLineDays / days,
    meanDeploymentSizeLines: totals.deployments > 0 ? totals.linesDeployed / totals.deployments : 0,
    throughputLinesPerDay: totals.linesDeployed / days,
    escapedDefectShare: found > 0 ? totals.defectsEscaped / found : 0,
    newWorkShare: capacity > 0 ? totals.featureCapacity / capacity : 0,
    unplannedWorkShare: capacity > 0 ? totals.unplannedCapacity / capacity : 0,
    costPerDay: holdingCostPerDay + transactionCostPerDay + downtimeCostPerDay,
    holdingCostPerDay,
    transactionCostPerDay,
    downtimeCostPerDay,
    releasesDelayed: totals.releasesDelayed,
    failedDeployments: totals.failedDeployments,
    automationLevel: state.automation,
    doraLevel: dora.level,
    dora,
    valueStreamDays: Object.fromEntries(
      STAGES.map((stage) => [
        stage,
        leadTimes.total > 0 ? toCalendarDays(totals.stageLineDays[stage] / leadTimes.total) : 0,
      ]),
    ) as Record<Stage, number>,
  };
}
