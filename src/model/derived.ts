import type { Params } from '../inputs/params.ts';

/** Hours in one model day: a working day's clock runs around the clock for incidents and deploys. */
export const HOURS_PER_DAY = 24;

/** Reviews lose effectiveness above this change size (lines), as inspection data shows. */
export const REVIEW_LINES_LIMIT = 400;

/** Post-incident reviews aim at the weak spot, so their effort raises automation this many times faster. */
export const POST_INCIDENT_FOCUS = 3;

/** Share of manual deploy time that full automation removes. */
export const DEPLOY_AUTOMATION_CUT = 0.9;

/** Hours within which anyone notices a full outage, however poor the monitoring. */
export const OUTAGE_NOTICED_HOURS = 1;

/**
 * Share of the chance of a deployment error that full automation removes: configuration,
 * environment and migration failures never go away entirely, which is why even elite teams
 * fail a few per cent of their (tiny) deployments.
 */
export const DEPLOY_ERROR_AUTOMATION_CUT = 0.5;

/** A cap on "days of the team's work" a release holds, so that a near-zero output stays finite. */
const MANY_DAYS = 1e6;

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

/** Testers on a manual pass: a share of the team, up to the cap. */
export function testers(params: Params): number {
  return Math.min(params.testerShare * params.teamSize, params.manualTesters);
}

/** Whether the team runs manual passes at all: they need planned passes, testers and time to test. */
export function hasManualPasses(params: Params, automation: number): boolean {
  return (
    params.regressionPasses > 0 && testers(params) > 0 && regressionPassDays(params, automation) > 0
  );
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
  return (params.deployHours * (1 - DEPLOY_AUTOMATION_CUT * automation)) / HOURS_PER_DAY;
}

/** Chance one deployment fails for a reason other than its code; automation halves it at most. */
export function deployErrorChance(params: Params, automation: number): number {
  return params.deployErrorRate * (1 - DEPLOY_ERROR_AUTOMATION_CUT * automation);
}

/**
 * The cost of one deployment: its fixed coordination cost at zero automation, falling with the
 * square of the manual share, since both the manual steps and the coordination around them
 * (sign-offs, release meetings, watching the deploy) shrink as automation grows.
 */
export function deploymentCost(params: Params, automation: number): number {
  const manual = 1 - automation;
  return params.deployTransactionCost * manual * manual;
}

/**
 * Engineer-days to fix one defect found before release. Pinning it down takes longer the more of
 * the team's work the release holds (it is looked for among the changes made since the last
 * release in its own part of the code: a bigger team has more parts, not bigger ones) and the
 * longer its branch lived (a big change, integrated late), so big releases and long-lived
 * branches both make every fix dearer.
 */
export function fixEffortPerDefect(params: Params, releaseLines: number): number {
  const output = params.teamSize * params.linesPerEngineerDay;
  // A team that writes next to nothing holds a release of any size as "very many days of work".
  const releaseDays = output > 0 ? Math.min(releaseLines / output, MANY_DAYS) : 0;
  const branchDays = Math.max(0.25, params.branchLifetimeDays);
  return params.fixDaysPerDefect * (1 + params.fixGrowthPerWorkDay * (releaseDays + branchDays));
}

/** Hours to find what broke a deployment of `lines`: search the deployment, then read the culprit change. */
export function diagnosisHours(params: Params, lines: number): number {
  return (params.diagnosisHoursPerKloc * (lines + changeLines(params))) / 1000;
}

/**
 * Hours to notice a failure: the team's detection time (the monitoring that comes with automation
 * halves it); a full outage is noticed within the hour however poor the monitoring.
 */
export function detectionHours(params: Params, automation: number, outage: boolean): number {
  const monitored = params.detectionHours * (1 - 0.5 * automation);
  return outage ? Math.min(OUTAGE_NOTICED_HOURS, monitored) : monitored;
}

/**
 * Working days a hotfix takes through the normal pipeline once its cause is known: a manual pass
 * (when the team runs them), approval, hand-offs and deploy.
 */
export function hotfixDays(
  params: Params,
  automation: number,
  caution: number,
  firefightingShare: number,
): number {
  const retest = hasManualPasses(params, automation) ? regressionPassDays(params, automation) : 0;
  return (
    retest +
    approvalDays(params, caution) +
    handoffDays(params, firefightingShare) +
    deployDays(params, automation)
  );
}

/** Working days a change waits on its own in a continuous pipeline: approval, hand-offs, deploy. */
export function continuousWaitDays(
  params: Params,
  automation: number,
  caution: number,
  firefightingShare: number,
): { approval: number; handoffs: number; total: number } {
  const approval = approvalDays(params, caution);
  const handoffs = handoffDays(params, firefightingShare);
  return { approval, handoffs, total: approval + handoffs + deployDays(params, automation) };
}
