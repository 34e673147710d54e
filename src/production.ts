import { truncate } from './arrays';
import { type DayContext, takeFree } from './day';
import { restoreDays } from './derived';
import { toCalendarDays } from './dora';
import { recordLeadTime } from './lead-time';
import type { Cohort, SimulationState, Stage, StageEnds } from './state';

/** A batch of code reaching production at one time: one release, or one day's continuous changes. */
export interface Shipment {
  time: number;
  cohorts: readonly Cohort[];
  lines: number;
  /** Latent defects still in the code: they escape now. */
  defects: number;
  changes: number;
  /** Separate deployments in the batch (1 for a release; one per change when continuous). */
  deployments: number;
  defectsFound: number;
  delayDays: number;
  /** For a release: when it was cut and finished testing, approval and hand-offs. */
  release?: StageEnds & { cutTime: number };
}

/** Calendar hours for a span of working days, as restore times are reported. */
function calendarHours(workingDays: number): number {
  return toCalendarDays(workingDays) * 24;
}

/**
 * Puts a shipment into production: escaped defects split into failing ones (a failed
 * deployment and an incident) and latent bugs; lead times, costs and reflexes are booked.
 */
export function ship(state: SimulationState, context: DayContext, shipment: Shipment): void {
  const { params } = state;
  const { draws } = context;
  const automation = state.automation;
  const deployErrorChance = params.deployErrorRate * (1 - automation);

  // Failing defects fail the deployment they ship in. A multi-change batch spreads them over
  // its changes; with a handful of failing defects among many changes they rarely share one.
  let failingDefects: number;
  let failed: number;
  if (draws.expected) {
    failingDefects = shipment.defects * params.failureShare;
    const perDeployment = shipment.defects / shipment.deployments;
    const cleanChance = (1 - params.failureShare) ** perDeployment * (1 - deployErrorChance);
    failed = shipment.deployments * (1 - cleanChance);
  } else {
    failingDefects = draws.binomial(shipment.defects, params.failureShare);
    const deployErrors = draws.binomial(shipment.deployments, deployErrorChance);
    failed = Math.min(
      shipment.deployments,
      Math.min(failingDefects, shipment.deployments) + deployErrors,
    );
  }

  state.productionLines += shipment.lines;
  state.productionLatentDefects += shipment.defects - failingDefects;
  state.productionFixBacklog +=
    failingDefects * params.fixDaysPerDefect * params.productionFixMultiplier;
  state.totals.linesDeployed += shipment.lines;
  state.totals.defectsEscaped += shipment.defects;
  state.totals.productionDefectsReported += failingDefects;

  let leadTimeLineDays = 0;
  const inWindow = context.day >= state.warmupDays;
  for (const cohort of shipment.cohorts) {
    const leadTime = shipment.time - cohort.commitTime;
    leadTimeLineDays += leadTime * cohort.lines;
    if (inWindow) {
      recordLeadTime(state.windowTotals.leadTimes, leadTime, cohort.lines);
      recordStages(state.windowTotals.stageLineDays, cohort, shipment);
    }
  }
  context.leadTimeLineDays += leadTimeLineDays;
  context.wipLineDaysAdjustment -= shipment.lines * (context.end - shipment.time);
  context.linesDeployed += shipment.lines;
  context.deployments += shipment.deployments;
  context.failedDeployments += failed;
  context.escapedDefects += shipment.defects;

  // New code needs new tests: shipped code the automation does not cover erodes its level.
  state.automation *= Math.max(0, 1 - params.automationErosionPerKloc * (shipment.lines / 1000));

  if (failed > 0) {
    const changesPerFailure = shipment.changes / shipment.deployments;
    const days = restoreDays(
      params,
      automation,
      state.caution,
      state.firefightingShare,
      changesPerFailure,
    );
    openIncident(state, context, shipment.time, days, failed, params.responders, 'deployment');
    state.caution += params.fearResponse * failed;
    state.reviewBacklog += params.learningResponse * failed;
  }

  const leadTimes = cohortLeadTimes(shipment);
  state.deploymentsLog.push({
    time: shipment.time,
    lines: shipment.lines,
    deployments: shipment.deployments,
    changes: shipment.changes,
    defectsFound: shipment.defectsFound,
    escapedDefects: shipment.defects,
    failed,
    delayDays: shipment.delayDays,
    meanLeadTimeDays: shipment.lines > 0 ? leadTimeLineDays / shipment.lines : 0,
    leadTimeP50Days: leadTimes.p50,
    leadTimeP90Days: leadTimes.p90,
  });
}

/**
 * Books a cohort's lead time stage by stage; the stages add up to its lead time exactly:
 * on its branch (or held outside the pipeline), waiting for a release, testing and stabilising,
 * approval, hand-offs, deploying.
 */
function recordStages(totals: Record<Stage, number>, cohort: Cohort, shipment: Shipment): void {
  const lines = cohort.lines;
  totals.branch += (cohort.mergeTime - cohort.commitTime) * lines;
  const release = shipment.release;
  if (release) {
    totals.waitingForRelease += (release.cutTime - cohort.mergeTime) * lines;
    totals.testing += (release.testing - release.cutTime) * lines;
    totals.approval += (release.approval - release.testing) * lines;
    totals.handoffs += (release.handoff - release.approval) * lines;
    totals.deploy += (shipment.time - release.handoff) * lines;
    return;
  }
  // Continuous: the change's own wait, split as it was made up when it entered the pipeline.
  const approval = cohort.approvalDays ?? 0;
  const handoffs = cohort.handoffDays ?? 0;
  totals.approval += approval * lines;
  totals.handoffs += handoffs * lines;
  totals.deploy += (shipment.time - cohort.mergeTime - approval - handoffs) * lines;
}

/** Cohorts newest first; they usually arrive oldest first, so a reversal is enough. */
function newestFirst(cohorts: readonly Cohort[]): readonly Cohort[] {
  for (let i = 1; i < cohorts.length; i++) {
    // Held code merged back after a freeze can be older than what came before it.
    if (cohorts[i].commitTime < cohorts[i - 1].commitTime)
      return [...cohorts].sort((a, b) => b.commitTime - a.commitTime);
  }
  return [...cohorts].reverse();
}

/** The lead times (working days) within which half and nine tenths of a shipment's lines made it. */
function cohortLeadTimes(shipment: Shipment): { p50: number; p90: number } {
  const cohorts = shipment.cohorts;
  if (cohorts.length === 1) {
    const lead = shipment.time - cohorts[0].commitTime;
    return { p50: lead, p90: lead };
  }
  const ordered = newestFirst(cohorts);
  let p50 = Number.NaN;
  let lines = 0;
  for (const cohort of ordered) {
    lines += cohort.lines;
    if (Number.isNaN(p50) && lines >= 0.5 * shipment.lines) p50 = shipment.time - cohort.commitTime;
    if (lines >= 0.9 * shipment.lines) return { p50, p90: shipment.time - cohort.commitTime };
  }
  const oldest = ordered.length > 0 ? shipment.time - ordered[ordered.length - 1].commitTime : 0;
  return { p50: Number.isNaN(p50) ? oldest : p50, p90: oldest };
}

/** Opens an incident of `days` working days, weighted by how many failures it stands for. */
export function openIncident(
  state: SimulationState,
  context: DayContext,
  time: number,
  days: number,
  weight: number,
  responders: number,
  cause: 'deployment' | 'shock',
): void {
  state.incidents.push({ startTime: time, endTime: time + days, weight, responders });
  const restoreHours = calendarHours(days);
  state.incidentLog.push({ time, restoreHours, weight, cause });
  if (cause === 'deployment') {
    context.restoreHoursSum += restoreHours * weight;
    context.restoreWeight += weight;
  }
}

/**
 * Books today's incident work (first call on capacity) and outage hours, and drops incidents
 * that are over. Returns the effort they took.
 */
export function workIncidents(state: SimulationState, context: DayContext): number {
  let wanted = 0;
  let write = 0;
  for (const incident of state.incidents) {
    const overlap =
      Math.min(incident.endTime, context.end) - Math.max(incident.startTime, context.start);
    if (overlap > 0) {
      wanted += overlap * incident.weight * incident.responders;
      context.incidentsOpenDays += overlap * incident.weight;
      context.outageHours += calendarHours(overlap) * incident.weight;
    }
    if (incident.endTime > context.end) state.incidents[write++] = incident;
  }
  truncate(state.incidents, write);
  const taken = takeFree(context, wanted);
  context.use.incidents += taken;
  return taken;
}

/** Users report some latent production bugs; fixing them is the next call on capacity. */
export function workProductionFixes(state: SimulationState, context: DayContext): number {
  const { params } = state;
  const reported = context.draws.binomial(
    state.productionLatentDefects,
    params.defectDiscoveryPerDay,
  );
  state.productionLatentDefects -= reported;
  state.totals.productionDefectsReported += reported;
  state.productionFixBacklog += reported * params.fixDaysPerDefect * params.productionFixMultiplier;
  const taken = takeFree(context, state.productionFixBacklog);
  context.use.productionFixes += taken;
  state.productionFixBacklog -= taken;
  return taken;
}
