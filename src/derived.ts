import type { Params } from './params';

/** Hours in one model day: a working day's clock runs around the clock for incidents and deploys. */
export const HOURS_PER_DAY = 24;

/** Reviews lose effectiveness above this change size (lines), as inspection data shows. */
export const REVIEW_LINES_LIMIT = 400;

/** Post-incident reviews aim at the weak spot, so their effort raises automation this many times faster. */
export const POST_INCIDENT_FOCUS = 3;

/** Lines in one change (one merge): a branch's worth of one engineer's work, at least a quarter day. */
export function changeLines(params: Params): number {
  return Math.max(1, params.linesPerEngineerDay * Math.max(0.25, params.branchLifetimeDays));
}

/** Share of defects caught at merge, by review (weaker on big changes) and automated tests. */
export function mergeDetection(params: Params, automation: number): number {
  const review = params.reviewDetection * Math.min(1, REVIEW_LINES_LIMIT / changeLines(params));
  return 1 - (1 - review) * (1 - params.automatedDetection * automation);
}

/** Working days one manual regression pass takes at the given automation level. */
export function regressionPassDays(params: Params, automation: number): number {
  return params.regressionPassDays * (1 - automation);
}

/** Working days a release waits for approval, lengthened by the organisation's caution. */
export function approvalDays(params: Params, caution: number): number {
  return params.approvalWaitDays * (1 + caution);
}

/**
 * Working days a release waits through its hand-offs. Each wait scales with the receiving
 * function's utilisation as u/(1-u) (Kingman), normalised so the parameter is the wait at 50%;
 * fire fighting elsewhere makes those functions busier too.
 */
export function handoffDays(params: Params, firefightingShare: number): number {
  if (params.handoffs === 0 || params.handoffWaitDays === 0) return 0;
  const utilisation = Math.min(0.95, params.handoffUtilisation + 0.5 * firefightingShare);
  return params.handoffs * params.handoffWaitDays * (utilisation / (1 - utilisation));
}

/** Working days a deployment takes; automation cuts manual deploy time by up to 90%. */
export function deployDays(params: Params, automation: number): number {
  return (params.deployHours * (1 - 0.9 * automation)) / HOURS_PER_DAY;
}

/** Engineer-days to fix one defect found before release: diagnosis grows with the changes in it. */
export function fixEffortPerDefect(params: Params, changes: number): number {
  return params.fixDaysPerDefect * (1 + params.fixGrowthPerChange * changes);
}

/**
 * Working days to restore service after a failed deployment of `changes` changes: detect,
 * diagnose among the changes, then roll back or push a hotfix through the normal pipeline.
 */
export function restoreDays(
  params: Params,
  automation: number,
  caution: number,
  firefightingShare: number,
  changes: number,
): number {
  const detection = params.detectionHours * (1 - 0.5 * automation);
  const diagnosis = params.diagnosisHoursPerChange * Math.max(1, changes);
  const hours = detection + diagnosis;
  if (params.rollbackAvailable) return (hours + params.rollbackHours) / HOURS_PER_DAY;
  const retest = params.regressionPasses > 0 ? regressionPassDays(params, automation) : 0;
  const hotfix =
    retest +
    approvalDays(params, caution) +
    handoffDays(params, firefightingShare) +
    deployDays(params, automation);
  return hours / HOURS_PER_DAY + hotfix;
}
