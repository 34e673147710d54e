import { calendarHours } from './model/incidents.ts';
import { leadTimeQuantile } from './model/lead-time.ts';
import { type SimulationState, STAGES, type Stage } from './model/state.ts';
import {
  classifyDora,
  type DoraClassification,
  type DoraRating,
  type DoraYear,
  toCalendarDays,
} from './outputs/dora.ts';

/**
 * The figures a run is judged by, over its summary window, with DORA figures in calendar time.
 * A figure with nothing to measure is null (no deployments: no failure rate; no failures: no
 * restore time), never a flattering zero.
 */
export interface Summary {
  /** Working days the summary covers (after the warm-up). */
  windowDays: number;
  deploymentsPerWeek: number;
  /** Median lead time for changes, calendar days, commit to production; null when nothing shipped. */
  leadTimeDays: number | null;
  leadTimeP90Days: number | null;
  /** Share of deployments that failed; null with no deployments. */
  changeFailureRate: number | null;
  /** Median time to restore service after a failed deployment, calendar hours (failures still open count with their age so far); null with no failures. */
  timeToRestoreHours: number | null;
  meanWipLines: number;
  /** Mean lines per deployment; null with no deployments. */
  meanDeploymentSizeLines: number | null;
  /** Lines reaching production per working day. */
  throughputLinesPerDay: number;
  /** Share of defects found that were found in production rather than before release. */
  escapedDefectShare: number;
  /** Defects that reached production per thousand lines shipped; null when nothing shipped. */
  escapedDefectsPerKloc: number | null;
  /** Share of engineer time on feature work. */
  newWorkShare: number;
  /** Share of engineer time on incidents and production fixes. */
  unplannedWorkShare: number;
  /** Holding + transaction + downtime cost per working day. */
  costPerDay: number;
  holdingCostPerDay: number;
  transactionCostPerDay: number;
  downtimeCostPerDay: number;
  /** Calendar hours in the window with at least one failure open (overlapping failures count once). */
  outageHours: number;
  /** Engineer-days spent restoring service (incident response) in the window. */
  incidentEngineerDays: number;
  releasesDelayed: number;
  failedDeployments: number;
  automationLevel: number;
  /** Calendar days the oldest undeployed code has waited at the end of the run. */
  oldestWaitingDays: number;
  doraLevel: DoraRating;
  dora: DoraClassification;
  /** Mean calendar days a shipped line spent in each value-stream stage; they add up to its mean lead time. */
  valueStreamDays: Record<Stage, number>;
}

/**
 * The summary's figures (not levels), each with its label and unit, in the order tables show
 * them: the one list percentiles, the sensitivity menu, CLI tables and the screens read.
 * `share` figures are fractions of 1, shown as percentages.
 */
export const SUMMARY_FIGURES = [
  { id: 'deploymentsPerWeek', label: 'Deployment frequency', unit: 'deployments a week' },
  { id: 'leadTimeDays', label: 'Lead time (median)', unit: 'calendar days' },
  { id: 'leadTimeP90Days', label: 'Lead time (p90)', unit: 'calendar days' },
  { id: 'changeFailureRate', label: 'Change failure rate', unit: 'share', share: true },
  { id: 'timeToRestoreHours', label: 'Time to restore (median)', unit: 'calendar hours' },
  { id: 'meanWipLines', label: 'Undeployed code (mean)', unit: 'lines' },
  { id: 'meanDeploymentSizeLines', label: 'Deployment size (mean)', unit: 'lines' },
  { id: 'throughputLinesPerDay', label: 'Throughput', unit: 'lines a working day' },
  { id: 'escapedDefectShare', label: 'Defects found in production', unit: 'share', share: true },
  { id: 'escapedDefectsPerKloc', label: 'Escaped defects', unit: 'per 1,000 lines shipped' },
  { id: 'newWorkShare', label: 'Time on new work', unit: 'share', share: true },
  { id: 'unplannedWorkShare', label: 'Time on unplanned work', unit: 'share', share: true },
  { id: 'costPerDay', label: 'Cost', unit: 'cost units a working day' },
  { id: 'holdingCostPerDay', label: 'Holding cost', unit: 'cost units a working day' },
  { id: 'transactionCostPerDay', label: 'Deployment cost', unit: 'cost units a working day' },
  { id: 'downtimeCostPerDay', label: 'Downtime cost', unit: 'cost units a working day' },
  { id: 'outageHours', label: 'Hours with service failed', unit: 'calendar hours' },
  { id: 'incidentEngineerDays', label: 'Incident work', unit: 'engineer-days' },
  { id: 'releasesDelayed', label: 'Releases cut late', unit: 'releases' },
  { id: 'failedDeployments', label: 'Failed deployments', unit: 'deployments' },
  { id: 'automationLevel', label: 'Test automation', unit: 'share', share: true },
  { id: 'oldestWaitingDays', label: 'Oldest code waiting', unit: 'calendar days' },
] as const satisfies readonly { id: keyof Summary; label: string; unit: string; share?: boolean }[];

/** One summary figure's description. */
export type SummaryFigure = (typeof SUMMARY_FIGURES)[number];

/** The summary numbers that are figures (not levels), for percentiles and tables. */
export const SUMMARY_NUMBERS = SUMMARY_FIGURES.map((figure) => figure.id);

/** The description of a summary figure. */
export function summaryFigure(id: SummaryNumber): SummaryFigure {
  return SUMMARY_FIGURES.find((figure) => figure.id === id)!;
}

/** A numeric summary key. */
export type SummaryNumber = SummaryFigure['id'];

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

/** A count per thousand lines, or null when no lines shipped (or too few to divide by). */
function perKloc(count: number, lines: number): number | null {
  const value = (count / lines) * 1000;
  return lines > 0 && Number.isFinite(value) ? value : null;
}

/** Weighted median restore time of the failures that began in the window; open ones count their age so far. */
function medianRestoreHours(state: SimulationState): number | null {
  const samples = state.incidentLog
    .filter((incident) => incident.cause === 'deployment' && incident.time >= state.warmupDays)
    .map((incident) => ({
      weight: incident.weight,
      hours: incident.restored ? incident.restoreHours : calendarHours(state.day - incident.time),
    }))
    .sort((a, b) => a.hours - b.hours);
  let total = 0;
  for (const sample of samples) total += sample.weight;
  if (!(total > 0)) return null;
  let cumulative = 0;
  for (const sample of samples) {
    cumulative += sample.weight;
    if (cumulative >= total / 2) return sample.hours;
  }
  return samples[samples.length - 1].hours;
}

/** Summarises a run's window; figures with nothing to measure are null. */
export function summarise(state: SimulationState, doraYear: DoraYear = 2023): Summary {
  const totals = state.windowTotals;
  const days = Math.max(1, totals.days);
  const leadTimes = totals.leadTimes;
  const shipped = leadTimes.total > 0;
  const leadTimeDays = shipped ? toCalendarDays(leadTimeQuantile(leadTimes, 0.5)) : null;
  const leadTimeP90Days = shipped ? toCalendarDays(leadTimeQuantile(leadTimes, 0.9)) : null;
  const deploymentsPerWeek = (totals.deployments / days) * 5;
  const deployed = totals.deployments > 0;
  const changeFailureRate = deployed ? totals.failedDeployments / totals.deployments : null;
  const timeToRestoreHours = deployed ? medianRestoreHours(state) : null;
  const found = totals.defectsFoundBeforeRelease + totals.defectsEscaped;
  const capacity = totals.capacity;
  const holdingCostPerDay = totals.holdingCost / days;
  const transactionCostPerDay = totals.transactionCost / days;
  const downtimeCostPerDay = totals.downtimeCost / days;
  const dora = classifyDora(
    {
      deploymentsPerWeek,
      leadTimeHours: leadTimeDays === null ? null : leadTimeDays * 24,
      changeFailureRate,
      timeToRestoreHours,
    },
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
    meanDeploymentSizeLines: deployed ? totals.linesDeployed / totals.deployments : null,
    throughputLinesPerDay: totals.linesDeployed / days,
    escapedDefectShare: found > 0 ? totals.defectsEscaped / found : 0,
    escapedDefectsPerKloc: perKloc(totals.defectsEscaped, totals.linesDeployed),
    newWorkShare: capacity > 0 ? totals.featureCapacity / capacity : 0,
    unplannedWorkShare: capacity > 0 ? totals.unplannedCapacity / capacity : 0,
    costPerDay: holdingCostPerDay + transactionCostPerDay + downtimeCostPerDay,
    holdingCostPerDay,
    transactionCostPerDay,
    downtimeCostPerDay,
    outageHours: totals.outageHours,
    incidentEngineerDays: totals.incidentEffort,
    releasesDelayed: totals.releasesDelayed,
    failedDeployments: totals.failedDeployments,
    automationLevel: state.automation,
    oldestWaitingDays: toCalendarDays(oldestUndeployedAge(state)),
    doraLevel: dora.level,
    dora,
    valueStreamDays: Object.fromEntries(
      STAGES.map((stage) => [
        stage,
        shipped ? toCalendarDays(totals.stageLineDays[stage] / leadTimes.total) : 0,
      ]),
    ) as Record<Stage, number>,
  };
}
