import { BRANCH_STAGE, CANDIDATE_STAGE, type DayContext, HELD_STAGE, MERGED_STAGE } from './day.ts';
import { deploymentCost } from './derived.ts';
import { shipsInBatches, trainInterval } from './release.ts';
import type { SimulationState } from './state.ts';

function sumLines(cohorts: readonly { lines: number }[]): number {
  let lines = 0;
  for (let i = 0; i < cohorts.length; i++) lines += cohorts[i].lines;
  return lines;
}

/** The release interval in force: the train's stretched interval, or the actual gap between cuts. */
function intervalInForce(state: SimulationState, context: DayContext): number {
  const { params } = state;
  if (params.releasePolicy === 'train') return trainInterval(state);
  if (!shipsInBatches(state)) {
    // A trickle of changes means a long gap, but never longer than the run so far.
    return context.deployments > 0 ? Math.min(state.day + 1, 1 / context.deployments) : 0;
  }
  return releaseGap(state, context);
}

/**
 * The gap between releases as it is: between the last two deployments, or the time since the
 * last one once that is longer (a train whose pipeline is slower than its interval leaves late).
 */
function releaseGap(state: SimulationState, context: DayContext): number {
  const log = state.deploymentsLog;
  if (log.length === 0) return context.end;
  const last = log[log.length - 1].time;
  const sinceLast = context.end - last;
  const previous = log.length >= 2 ? last - log[log.length - 2].time : last;
  return Math.max(previous, sinceLast);
}

/** A stage's line-days with the rounding of sums and differences (a millionth of a line) taken off. */
function withoutRounding(lineDays: number): number {
  return Math.abs(lineDays) < 1e-6 ? 0 : lineDays;
}

/** Opens today's book of line-days by stage with the stock each stage holds as the day starts. */
export function openStageBook(state: SimulationState, context: DayContext): void {
  const stages = context.stageLineDays;
  stages[BRANCH_STAGE] = sumLines(state.branches);
  stages[HELD_STAGE] = state.held.lines;
  stages[MERGED_STAGE] = sumLines(state.merged) + sumLines(state.pipeline);
  stages[CANDIDATE_STAGE] = state.candidate?.lines ?? 0;
}

/** Writes today's values into the series and, past the warm-up, into the window totals. */
export function recordDay(
  state: SimulationState,
  context: DayContext,
  undeployedAtStart: number,
  density: number,
  overheadShare: number,
): void {
  const { params, series, day } = state;
  const wipLineDays = undeployedAtStart + context.wipLineDaysAdjustment;
  const use = context.use;
  const holdingCost = (params.holdingCostPerKlocDay * wipLineDays) / 1000;
  const transactionCost = deploymentCost(params, state.automation) * context.deployments;
  const downtimeCost = params.outageCostPerHour * context.severityHours;

  series.wipLines[day] = wipLineDays;
  // Each stage's mean over the day, so the stages add up to the total (a team that ships within
  // the day still shows the code that waited hours).
  const stages = context.stageLineDays;
  series.wipBranchLines[day] = withoutRounding(stages[BRANCH_STAGE]);
  series.wipHeldLines[day] = withoutRounding(stages[HELD_STAGE]);
  series.wipMergedLines[day] = withoutRounding(stages[MERGED_STAGE]);
  series.wipCandidateLines[day] = withoutRounding(stages[CANDIDATE_STAGE]);
  series.productionLines[day] = state.productionLines;
  series.linesWritten[day] = context.linesWritten;
  series.linesDeployed[day] = context.linesDeployed;
  series.deployments[day] = context.deployments;
  series.deploymentSize[day] =
    context.deployments > 0 ? context.linesDeployed / context.deployments : 0;
  series.escapedDefects[day] = context.escapedDefects;
  series.failedDeployments[day] = context.failedDeployments;
  series.releasesDelayed[day] = context.releasesDelayed;
  series.incidentsOpen[day] = context.incidentsOpenDays;
  series.outageHours[day] = context.outageHours;
  series.leadTimeDays[day] =
    context.linesDeployed > 0 ? context.leadTimeLineDays / context.linesDeployed : 0;
  series.restoreHours[day] =
    context.restoreWeight > 0 ? context.restoreHoursSum / context.restoreWeight : 0;
  series.capacityIncidents[day] = use.incidents;
  series.capacityProductionFixes[day] = use.productionFixes;
  series.capacityStabilisation[day] = use.stabilisation;
  series.capacityManualTesting[day] = use.manualTesting;
  series.capacityImprovement[day] = use.improvement;
  series.capacityOverhead[day] = use.overhead;
  series.capacityFeatures[day] = use.features;
  series.automationLevel[day] = state.automation;
  series.releaseIntervalDays[day] = intervalInForce(state, context);
  series.releaseGapDays[day] = releaseGap(state, context);
  series.caution[day] = state.caution;
  series.firefightingShare[day] = state.firefightingShare;
  series.defectDensity[day] = density;
  series.contextSwitchLoss[day] = overheadShare;
  const candidate = state.candidate;
  series.candidateDefects[day] = candidate
    ? candidate.blockers + candidate.minorDefects + candidate.foundBlockers + candidate.foundMinor
    : 0;
  series.holdingCost[day] = holdingCost;
  series.transactionCost[day] = transactionCost;
  series.downtimeCost[day] = downtimeCost;

  if (day < state.warmupDays) return;
  const totals = state.windowTotals;
  totals.days++;
  totals.deployments += context.deployments;
  totals.failedDeployments += context.failedDeployments;
  totals.linesDeployed += context.linesDeployed;
  totals.wipLineDays += wipLineDays;
  totals.defectsFoundBeforeRelease += context.defectsFoundBeforeRelease;
  totals.defectsEscaped += context.escapedDefects;
  totals.capacity += params.teamSize;
  totals.featureCapacity += use.features;
  totals.unplannedCapacity += use.incidents + use.productionFixes;
  totals.holdingCost += holdingCost;
  totals.transactionCost += transactionCost;
  totals.downtimeCost += downtimeCost;
  totals.outageHours += context.outageHours;
  totals.severityHours += context.severityHours;
  totals.incidentEffort += use.incidents;
  totals.releasesDelayed += context.releasesDelayed;
}
