import type { Intervention } from '../inputs/interventions.ts';
import type { Params } from '../inputs/params.ts';
import { createSeriesSet, type SeriesSet } from '../outputs/series.ts';
import { createLeadTimeHistogram, type LeadTimeHistogram } from './lead-time.ts';

/** A time later than any run: JSON keeps it, unlike Infinity. */
export const NEVER = 1e12;

/** Code written on one day, travelling together with its latent defects. */
export interface Cohort {
  lines: number;
  defects: number;
  /** Mean time its lines were committed (working days from the start). */
  commitTime: number;
  /** When it merges (on a branch) or merged (after). */
  mergeTime: number;
  /** Continuous policy: when the change is through approval, hand-offs and deploy. */
  readyTime?: number;
  /** Continuous policy: the approval and hand-off parts of its wait, working days. */
  approvalDays?: number;
  handoffDays?: number;
}

/** The stages of the value stream a line of code passes through, commit to production. */
export const STAGES = [
  'branch',
  'waitingForRelease',
  'testing',
  'approval',
  'handoffs',
  'deploy',
] as const;

/** One stage of the value stream. */
export type Stage = (typeof STAGES)[number];

/** When a release finished each stage of its pipeline (working days from the start). */
export interface StageEnds {
  testing: number;
  approval: number;
  handoff: number;
}

/** Where a release candidate is in its pipeline. */
export type ReleasePhase = 'testing' | 'fixing' | 'approval' | 'handoff' | 'deploying';

/**
 * A release cut from merged code, on its way through testing, approval, hand-offs and deploy.
 * Its latent defects are split into blockers (they would fail the deployment) and minor ones.
 */
export interface ReleaseCandidate {
  cohorts: Cohort[];
  lines: number;
  /** Latent blockers not yet found: each would fail the deployment it ships in. */
  blockers: number;
  /** Latent minor defects not yet found: they surface later as bug reports. */
  minorDefects: number;
  /** Separate deployments the batch ships as: 1 for a release, one per change when continuous. */
  deployments: number;
  cutTime: number;
  /** When the cut was due; later than that means the release was delayed. */
  scheduledTime: number;
  phase: ReleasePhase;
  /** Effort (engineer-days) or wait (working days) left in the phase. */
  remaining: number;
  /** Minimum elapsed time left in an effort phase. */
  minElapsed: number;
  /** A slip added by a shock, waited out before anything else. */
  hold: number;
  passesDone: number;
  /** Planned passes, whole; a fractional extra pass asked for by caution is `partialPass`. */
  passesRequired: number;
  /**
   * Weight of the pass under way: 1 for a pass that happens; in expected-value mode, the chance
   * that a retest or a cautious extra pass happens at all.
   */
  passWeight: number;
  /** Expected-value mode: the chance of the extra pass caution asks for (0 in stochastic runs). */
  partialPass: number;
  /** Retests run so far, after the planned passes. */
  retestsDone: number;
  /** Whether the last pass found a blocker: 0 or 1, or its chance in expected-value mode. */
  retestWeight: number;
  /** Expected-value mode: the retest chance that stands if the cautious extra pass does not happen. */
  retestCarry: number;
  /** Blockers and minor defects the last pass found, being fixed. */
  foundBlockers: number;
  foundMinor: number;
  defectsFound: number;
  /** Manual passes run so far, each counted by its weight. */
  passesRun: number;
  stageEnds: StageEnds;
}

/** What a failed deployment did to the service: took it down, or degraded part of it. */
export type IncidentKind = 'outage' | 'degradation' | 'shock';

/**
 * An incident: service failed (wholly or in part) from `startTime` until `endTime`, with
 * responders pulled off other work. A degradation fixed forward without rollback stays open
 * until a release cut after `fixReadyTime` ships (`endTime` is NEVER until then).
 */
export interface OpenIncident {
  startTime: number;
  endTime: number;
  /** 1, or the probability of the failure in expected-value mode. */
  weight: number;
  responders: number;
  kind: IncidentKind;
  /** Share of the service lost while it is open. */
  severity: number;
  /** Fix forward: when the fix is ready to ride a release; NEVER otherwise. */
  fixReadyTime: number;
  /** Responder effort is booked up to this time. */
  effortBookedUntil: number;
  /** Index of its entry in the incident log, to fill in the restore time when it closes. */
  logIndex: number;
  /** Whether its restore time has gone into the day's series. */
  recorded: boolean;
}

/** One deployment (or, when continuous, one day's changes shipped one by one). */
export interface DeploymentEvent {
  time: number;
  lines: number;
  deployments: number;
  changes: number;
  defectsFound: number;
  /** Manual passes the release got (in expected-value mode, the sum of their chances). */
  passes: number;
  escapedDefects: number;
  failed: number;
  /** Working days the cut waited past its schedule (0 on time). */
  delayDays: number;
  /**
   * Working days the release spent in its pipeline, from the cut to production (testing, fixing,
   * approval, hand-offs, deploying); for changes shipped one by one, their mean wait after merging.
   */
  pipelineDays: number;
  meanLeadTimeDays: number;
  /** Lead time within which half (and nine tenths) of the deployment's lines made it, working days. */
  leadTimeP50Days: number;
  leadTimeP90Days: number;
}

/** One incident, for the event list and the restore-time figures. */
export interface IncidentEvent {
  time: number;
  /** Calendar hours until service was restored; for one still open, the hours so far. */
  restoreHours: number;
  /** False while the incident is still open (its restore time is a lower bound). */
  restored: boolean;
  weight: number;
  cause: 'deployment' | 'shock';
  kind: IncidentKind;
}

/** An intervention applied, or a shock, for event markers. */
export interface InterventionEvent {
  time: number;
  intervention: Intervention;
}

/** Running totals that conservation checks and summaries read. */
export interface Totals {
  linesWritten: number;
  linesDeployed: number;
  defectsInjected: number;
  defectsFixedAtMerge: number;
  defectsFixedInTesting: number;
  defectsEscaped: number;
  productionDefectsReported: number;
}

/** Accumulators over the days the summary covers. */
export interface WindowTotals {
  days: number;
  deployments: number;
  failedDeployments: number;
  linesDeployed: number;
  wipLineDays: number;
  defectsFoundBeforeRelease: number;
  defectsEscaped: number;
  capacity: number;
  featureCapacity: number;
  unplannedCapacity: number;
  holdingCost: number;
  transactionCost: number;
  downtimeCost: number;
  /** Calendar hours with at least one failure open (the union of outage intervals). */
  outageHours: number;
  /** Calendar hours of failed service weighted by severity (a full outage counts whole). */
  severityHours: number;
  /** Engineer-days spent on incidents. */
  incidentEffort: number;
  releasesDelayed: number;
  leadTimes: LeadTimeHistogram;
  /** Lines × working days spent in each value-stream stage by the code shipped. */
  stageLineDays: Record<Stage, number>;
}

/** Everything a run carries from one day to the next: plain data, so it can be saved and resumed. */
export interface SimulationState {
  day: number;
  days: number;
  warmupDays: number;
  params: Params;
  interventions: Intervention[];
  /** How many of `interventions` have been applied. */
  applied: number;
  seed: number | string;
  expected: boolean;
  rngState: object | null;
  branches: Cohort[];
  held: Cohort;
  merged: Cohort[];
  mergedDefects: number;
  candidate: ReleaseCandidate | null;
  /** Working days of hotfixes queued in the pipeline: the next release candidate waits them out. */
  hotfixHold: number;
  /** Continuous policy: changes in the pipeline, each ready at commit + wait. */
  pipeline: Cohort[];
  productionLines: number;
  productionLatentDefects: number;
  productionFixBacklog: number;
  automation: number;
  caution: number;
  reviewBacklog: number;
  nextCutTime: number;
  lastCutTime: number;
  freezeUntil: number;
  mustHaveShare: number;
  surgeUntil: number;
  surgeShare: number;
  firefightingShare: number;
  incidents: OpenIncident[];
  totals: Totals;
  windowTotals: WindowTotals;
  series: SeriesSet;
  deploymentsLog: DeploymentEvent[];
  incidentLog: IncidentEvent[];
  interventionLog: InterventionEvent[];
}

/** A fresh team: no code written yet, automation at its starting level. */
export function createState(
  params: Params,
  run: { days: number; warmupDays: number; seed: number | string; expected: boolean },
  interventions: readonly Intervention[],
): SimulationState {
  return {
    day: 0,
    days: run.days,
    warmupDays: run.warmupDays,
    params: { ...params },
    interventions: [...interventions].sort((a, b) => a.day - b.day),
    applied: 0,
    seed: run.seed,
    expected: run.expected,
    rngState: null,
    branches: [],
    held: { lines: 0, defects: 0, commitTime: 0, mergeTime: 0 },
    merged: [],
    mergedDefects: 0,
    candidate: null,
    hotfixHold: 0,
    pipeline: [],
    productionLines: 0,
    productionLatentDefects: 0,
    productionFixBacklog: 0,
    automation: params.testAutomation,
    caution: 0,
    reviewBacklog: 0,
    nextCutTime: params.releasePolicy === 'train' ? params.releaseIntervalDays : 0,
    lastCutTime: 0,
    freezeUntil: -1,
    mustHaveShare: 1,
    surgeUntil: -1,
    surgeShare: 0,
    firefightingShare: 0,
    incidents: [],
    totals: {
      linesWritten: 0,
      linesDeployed: 0,
      defectsInjected: 0,
      defectsFixedAtMerge: 0,
      defectsFixedInTesting: 0,
      defectsEscaped: 0,
      productionDefectsReported: 0,
    },
    windowTotals: {
      days: 0,
      deployments: 0,
      failedDeployments: 0,
      linesDeployed: 0,
      wipLineDays: 0,
      defectsFoundBeforeRelease: 0,
      defectsEscaped: 0,
      capacity: 0,
      featureCapacity: 0,
      unplannedCapacity: 0,
      holdingCost: 0,
      transactionCost: 0,
      downtimeCost: 0,
      outageHours: 0,
      severityHours: 0,
      incidentEffort: 0,
      releasesDelayed: 0,
      leadTimes: createLeadTimeHistogram(),
      stageLineDays: {
        branch: 0,
        waitingForRelease: 0,
        testing: 0,
        approval: 0,
        handoffs: 0,
        deploy: 0,
      },
    },
    series: createSeriesSet(run.days),
    deploymentsLog: [],
    incidentLog: [],
    interventionLog: [],
  };
}

/** Lines written but not yet in production, in every stage. */
export function undeployedLines(state: SimulationState): number {
  let lines = state.held.lines + (state.candidate?.lines ?? 0);
  for (const cohort of state.branches) lines += cohort.lines;
  for (const cohort of state.merged) lines += cohort.lines;
  for (const cohort of state.pipeline) lines += cohort.lines;
  return lines;
}

/** Latent defects in code not yet in production, in every stage. */
export function undeployedDefects(state: SimulationState): number {
  let defects = state.held.defects + state.mergedDefects;
  const candidate = state.candidate;
  if (candidate)
    defects +=
      candidate.blockers + candidate.minorDefects + candidate.foundBlockers + candidate.foundMinor;
  for (const cohort of state.branches) defects += cohort.defects;
  for (const cohort of state.pipeline) defects += cohort.defects;
  return defects;
}
