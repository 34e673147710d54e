import { changesIn } from './code-flow.ts';
import { CANDIDATE_STAGE, type DayContext, MERGED_STAGE, moveLines, takeFree } from './day.ts';
import {
  continuousWaitDays,
  deployErrorChance,
  detectionHours,
  diagnosisHours,
  fixEffortPerDefect,
  HOURS_PER_DAY,
  hotfixDays,
} from './derived.ts';
import { closeFixedForward, openIncident } from './incidents.ts';
import { recordLeadTime, recordLeadTimeSpread } from './lead-time.ts';
import { exp } from './portable-math.ts';
import {
  type Cohort,
  type IncidentKind,
  NEVER,
  type SimulationState,
  type Stage,
  type StageEnds,
} from './state.ts';

/** Share of the production-fix backlog worked off each day: a reported bug waits about four days. */
export const PRODUCTION_FIX_PACE = 0.25;

/** A batch of code reaching production at one time: one release, or one day's continuous changes. */
export interface Shipment {
  time: number;
  cohorts: readonly Cohort[];
  lines: number;
  /** Blockers still in the code: each fails the deployment it ships in. */
  blockers: number;
  /** Minor defects still in the code: they surface later as bug reports. */
  minorDefects: number;
  /** Separate deployments in the batch (1 for a release; one per change when continuous). */
  deployments: number;
  defectsFound: number;
  /** Manual passes the batch got. */
  passes: number;
  delayDays: number;
  /** For a release: when it was cut and finished testing, approval and hand-offs. */
  release?: StageEnds & { cutTime: number };
}

/**
 * How many of a batch's deployments fail: a deployment fails when a blocker ships in it (one
 * failure however many it holds) or when deploying it goes wrong for a reason other than code.
 * Expected-value mode takes the expectation over a Poisson number of blockers per deployment.
 */
function failedDeployments(
  state: SimulationState,
  context: DayContext,
  shipment: Shipment,
): number {
  const errorChance = deployErrorChance(state.params, state.automation);
  const { deployments, blockers } = shipment;
  if (context.draws.expected) {
    return deployments * (1 - (1 - errorChance) * exp(-blockers / deployments));
  }
  const byCode = Math.min(blockers, deployments);
  const errors = context.draws.binomial(deployments - byCode, errorChance);
  return Math.min(deployments, byCode + errors);
}

/**
 * Puts a shipment into production: its blockers fail deployments (each failure an incident),
 * its minor defects become latent bugs; lead times, costs and reflexes are booked. A release
 * also carries the fixes of degradations waiting to be fixed forward.
 */
export function ship(state: SimulationState, context: DayContext, shipment: Shipment): void {
  const { params } = state;
  const automation = state.automation;
  if (shipment.release) closeFixedForward(state, shipment.release.cutTime, shipment.time);
  const failed = failedDeployments(state, context, shipment);

  // A blocker that failed the deployment is as hard to pin down as the deployment made it, and
  // costs a multiple of fixing it before release.
  state.productionLines += shipment.lines;
  state.productionLatentDefects += shipment.minorDefects;
  state.productionFixBacklog +=
    shipment.blockers *
    fixEffortPerDefect(params, shipment.lines / shipment.deployments) *
    params.productionFixMultiplier;
  const escaped = shipment.blockers + shipment.minorDefects;
  state.totals.linesDeployed += shipment.lines;
  state.totals.defectsEscaped += escaped;
  state.totals.productionDefectsReported += shipment.blockers;

  let leadTimeLineDays = 0;
  let mergedLineDays = 0;
  const inWindow = context.day >= state.warmupDays;
  for (const cohort of shipment.cohorts) {
    const leadTime = shipment.time - cohort.commitTime;
    leadTimeLineDays += leadTime * cohort.lines;
    mergedLineDays += (shipment.time - cohort.mergeTime) * cohort.lines;
    if (inWindow) {
      // A day's commits released together waited up to half a day longer or shorter than its
      // middle; a change shipped on its own waited exactly its own time.
      if (shipment.release)
        recordLeadTimeSpread(
          state.windowTotals.leadTimes,
          leadTime - 0.5,
          leadTime + 0.5,
          cohort.lines,
        );
      else recordLeadTime(state.windowTotals.leadTimes, leadTime, cohort.lines);
      recordStages(state.windowTotals.stageLineDays, cohort, shipment);
    }
  }
  context.leadTimeLineDays += leadTimeLineDays;
  context.wipLineDaysAdjustment -= shipment.lines * (context.end - shipment.time);
  // A release ships its candidate; continuous delivery ships from the merged pipeline.
  moveLines(
    context,
    shipment.release ? CANDIDATE_STAGE : MERGED_STAGE,
    null,
    shipment.lines,
    shipment.time,
  );
  context.linesDeployed += shipment.lines;
  context.deployments += shipment.deployments;
  context.failedDeployments += failed;
  context.escapedDefects += escaped;

  // New code needs new tests: shipped code the automation does not cover erodes its level.
  state.automation *= Math.max(0, 1 - params.automationErosionPerKloc * (shipment.lines / 1000));

  if (failed > 0) {
    openFailures(state, context, shipment, failed, automation);
    // Each thing that broke in production scares the organisation, not only each deployment:
    // a big release that breaks five things asks for more care than one that breaks one.
    state.caution += params.fearResponse * Math.max(failed, shipment.blockers);
    state.reviewBacklog += params.learningResponse * failed;
  }

  const leadTimes = cohortLeadTimes(shipment);
  state.deploymentsLog.push({
    time: shipment.time,
    lines: shipment.lines,
    deployments: shipment.deployments,
    changes: changesIn(state, shipment.lines),
    defectsFound: shipment.defectsFound,
    passes: shipment.passes,
    escapedDefects: escaped,
    failed,
    delayDays: shipment.delayDays,
    pipelineDays: shipment.release
      ? shipment.time - shipment.release.cutTime
      : shipment.lines > 0
        ? mergedLineDays / shipment.lines
        : 0,
    meanLeadTimeDays: shipment.lines > 0 ? leadTimeLineDays / shipment.lines : 0,
    leadTimeP50Days: leadTimes.p50,
    leadTimeP90Days: leadTimes.p90,
  });
}

/**
 * Opens the incidents of a shipment's failures. Most failures degrade part of the service; a
 * share take it down. Restoring takes detection and diagnosis (longer for big deployments and
 * big changes), then a rollback when the team has one. Without rollback an outage gets a hotfix
 * through the normal pipeline, and a degradation is fixed forward: it stays open until a
 * release cut after its fix is ready ships (for a continuous team, until the fix's own change
 * is through the pipeline).
 */
function openFailures(
  state: SimulationState,
  context: DayContext,
  shipment: Shipment,
  failed: number,
  automation: number,
): void {
  const { params } = state;
  const { draws } = context;
  const linesPerDeployment = shipment.lines / shipment.deployments;
  const outages = draws.expected
    ? failed * params.outageShare
    : draws.binomial(failed, params.outageShare);
  const degradations = failed - outages;
  const diagnosis = diagnosisHours(params, linesPerDeployment);
  const foundDays = (outage: boolean) =>
    (detectionHours(params, automation, outage) + diagnosis) / HOURS_PER_DAY;
  const time = shipment.time;
  const open = (weight: number, kind: IncidentKind, days: number | null, fixReady = NEVER) => {
    if (weight <= 0) return;
    const severity = kind === 'outage' ? 1 : params.degradationSeverity;
    openIncident(state, {
      time,
      days,
      weight,
      responders: params.responders,
      kind,
      severity,
      fixReady,
    });
  };
  if (params.rollbackAvailable) {
    const rollback = params.rollbackHours / HOURS_PER_DAY;
    open(outages, 'outage', foundDays(true) + rollback);
    open(degradations, 'degradation', foundDays(false) + rollback);
    return;
  }
  const fixDays = fixEffortPerDefect(params, linesPerDeployment);
  const hotfix = hotfixDays(params, automation, state.caution, state.firefightingShare);
  open(outages, 'outage', foundDays(true) + fixDays + hotfix);
  // The hotfix goes through the same pipeline as releases (test environment, testers, approval),
  // so the release under way waits for it: emergency fixes of a big release slow the next one.
  state.hotfixHold += outages * hotfix;
  const fixReady = time + foundDays(false) + fixDays;
  if (shipment.release) open(degradations, 'degradation', null, fixReady);
  else {
    const wait = continuousWaitDays(params, automation, state.caution, state.firefightingShare);
    open(degradations, 'degradation', fixReady - time + wait.total);
  }
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

/** Users report some latent production bugs; fixing them is the next call on capacity. */
export function workProductionFixes(state: SimulationState, context: DayContext): number {
  const { params } = state;
  const reported = context.draws.binomial(
    state.productionLatentDefects,
    params.defectDiscoveryPerDay,
  );
  state.productionLatentDefects -= reported;
  state.totals.productionDefectsReported += reported;
  // A bug users report arrives with its symptom: a production fix of an ordinary defect.
  state.productionFixBacklog += reported * params.fixDaysPerDefect * params.productionFixMultiplier;
  // Reported bugs are fixed at a steady pace, a share of the backlog a day, rather than by
  // everyone at once the day a cluster of reports arrives.
  const taken = takeFree(context, state.productionFixBacklog * PRODUCTION_FIX_PACE);
  context.use.productionFixes += taken;
  state.productionFixBacklog -= taken;
  return taken;
}
