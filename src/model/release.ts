import { truncate } from './arrays.ts';
import { changesIn } from './code-flow.ts';
import { CANDIDATE_STAGE, type DayContext, MERGED_STAGE, moveLines } from './day.ts';
import {
  approvalDays,
  deployDays,
  fixEffortPerDefect,
  handoffDays,
  hasManualPasses,
  regressionPassDays,
  testers,
} from './derived.ts';
import { exp, powPositive } from './portable-math.ts';
import { ship } from './production.ts';
import { type Cohort, NEVER, type ReleaseCandidate, type SimulationState } from './state.ts';

const EPSILON = 1e-9;

/** Below this chance an expected-value retest is not worth running: the chain of retests ends. */
const NEGLIGIBLE_PASS = 0.01;

/**
 * Whether the policy ships through release candidates: a train, when-stable releases, or a
 * continuous team that still verifies by hand (its testers take what has merged since their last
 * pass as one batch, and each change then ships on its own).
 */
export function shipsInBatches(state: SimulationState): boolean {
  const { params } = state;
  return params.releasePolicy !== 'continuous' || hasManualPasses(params, state.automation);
}

/** Cuts a release candidate at `time` from the code merged by then; null when there is none. */
function cutRelease(
  state: SimulationState,
  context: DayContext,
  time: number,
): ReleaseCandidate | null {
  const { params } = state;
  const { draws } = context;
  const taken: Cohort[] = [];
  let kept = 0;
  let lines = 0;
  let keptLines = 0;
  const left: Cohort[] = [];
  for (const cohort of state.merged) {
    if (Math.abs(cohort.mergeTime - time) <= EPSILON) {
      // A day's merges spread over the day: one whose middle falls on the cut is half in it.
      const half = cohort.lines / 2;
      taken.push({ ...cohort, lines: half });
      left.push({ ...cohort, lines: half, mergeTime: time + 2 * EPSILON });
      lines += half;
      keptLines += half;
    } else if (cohort.mergeTime < time) {
      taken.push(cohort);
      lines += cohort.lines;
    } else {
      state.merged[kept++] = cohort;
      keptLines += cohort.lines;
    }
  }
  truncate(state.merged, kept);
  for (const cohort of left) state.merged.push(cohort);
  if (taken.length === 0) return null;
  moveLines(context, MERGED_STAGE, CANDIDATE_STAGE, lines, time);
  let defects =
    keptLines > 0
      ? draws.binomial(state.mergedDefects, lines / (lines + keptLines))
      : state.mergedDefects;
  state.mergedDefects -= defects;

  // Changes interacting in a big batch add defects only when the user turns this on.
  const kloc = lines / 1000;
  if (params.densitySizeExponent > 0) {
    const interaction = draws.poisson(
      kloc * params.defectsPerKloc * Math.max(0, powPositive(kloc, params.densitySizeExponent) - 1),
    );
    state.totals.defectsInjected += interaction;
    defects += interaction;
  }
  const blockers = draws.binomial(defects, params.failureShare);

  // Caution asks for extra passes in proportion: a whole pass per unit, and the rest as a
  // chance of one more (its expected share in expected-value mode).
  const manual = hasManualPasses(params, state.automation);
  const extra = manual ? state.caution : 0;
  const wholeExtra = Math.floor(extra);
  const partExtra = extra - wholeExtra;
  const drawnExtra = draws.expected ? 0 : draws.chance(partExtra);
  const continuous = params.releasePolicy === 'continuous';
  const candidate: ReleaseCandidate = {
    cohorts: taken,
    lines,
    blockers,
    minorDefects: defects - blockers,
    deployments: continuous ? Math.max(1, changesIn(state, lines)) : 1,
    cutTime: time,
    scheduledTime: params.releasePolicy === 'train' ? Math.min(state.nextCutTime, time) : time,
    phase: 'approval',
    remaining: 0,
    minElapsed: 0,
    // Hotfixes queued while the last release shipped use the pipeline first.
    hold: state.hotfixHold,
    passesDone: 0,
    passesRequired: manual ? params.regressionPasses + wholeExtra + drawnExtra : 0,
    passWeight: 1,
    partialPass: draws.expected ? partExtra : 0,
    retestsDone: 0,
    retestWeight: 0,
    retestCarry: 0,
    foundBlockers: 0,
    foundMinor: 0,
    defectsFound: 0,
    passesRun: 0,
    stageEnds: { testing: time, approval: time, handoff: time },
  };
  state.hotfixHold = 0;
  if (candidate.passesRequired > 0) startTesting(state, candidate, 1);
  else enterWait(state, candidate, 'approval');
  return candidate;
}

/**
 * Starts a manual pass: the testers re-run the regression pass and test the release's new
 * changes, so a bigger release takes longer to test. `weight` below 1 is a pass that happens only
 * with that chance (expected-value mode).
 */
function startTesting(state: SimulationState, candidate: ReleaseCandidate, weight: number): void {
  const { params } = state;
  const testerCount = testers(params);
  const regression = regressionPassDays(params, state.automation);
  const changes = params.changeTestDaysPerKloc * (candidate.lines / 1000) * (1 - state.automation);
  candidate.phase = 'testing';
  candidate.passWeight = weight;
  candidate.minElapsed = (regression + changes / testerCount) * weight;
  candidate.remaining = (regression * testerCount + changes) * weight;
}

function enterWait(
  state: SimulationState,
  candidate: ReleaseCandidate,
  phase: 'approval' | 'handoff' | 'deploying',
): void {
  const { params } = state;
  candidate.phase = phase;
  candidate.minElapsed = 0;
  if (phase === 'approval') candidate.remaining = approvalDays(params, state.caution);
  else if (phase === 'handoff') candidate.remaining = handoffDays(params, state.firefightingShare);
  else candidate.remaining = deployDays(params, state.automation);
}

/** A pass is over: book what it found, and whether it found a blocker (which means a retest). */
function finishPass(
  state: SimulationState,
  context: DayContext,
  candidate: ReleaseCandidate,
): void {
  const { params } = state;
  const { draws } = context;
  const weight = candidate.passWeight;
  const blockersBefore = candidate.blockers;
  const foundBlockers = draws.binomial(blockersBefore, params.blockerDetection * weight);
  // The same regression script run again finds fewer of the subtle defects each time (the
  // pesticide paradox): the easy ones were found by the earlier passes.
  let yieldLeft = 1;
  for (let pass = 0; pass < candidate.passesDone; pass++) yieldLeft *= params.repeatPassYield;
  const foundMinor = draws.binomial(
    candidate.minorDefects,
    params.manualDetection * weight * yieldLeft,
  );
  candidate.blockers -= foundBlockers;
  candidate.minorDefects -= foundMinor;
  candidate.foundBlockers = foundBlockers;
  candidate.foundMinor = foundMinor;
  candidate.defectsFound += foundBlockers + foundMinor;
  candidate.passesDone++;
  candidate.passesRun += weight;
  context.defectsFoundBeforeRelease += foundBlockers + foundMinor;
  // A blocker found means fix, then retest. In expected-value mode that is a chance: the pass
  // happened with its weight and found at least one of a Poisson number of blockers.
  const retest = draws.expected
    ? weight * (1 - exp(-params.blockerDetection * blockersBefore))
    : foundBlockers >= 1
      ? 1
      : 0;
  // A pass that happens only with some chance leaves the earlier retest decision standing otherwise.
  candidate.retestWeight = retest + candidate.retestCarry;
  candidate.retestCarry = 0;
}

/** What follows a finished phase: fix what a pass found, retest after a blocker, then wait and deploy. */
function finishPhase(
  state: SimulationState,
  context: DayContext,
  candidate: ReleaseCandidate,
  time: number,
): boolean {
  const { params } = state;
  const { draws } = context;
  switch (candidate.phase) {
    case 'testing': {
      finishPass(state, context, candidate);
      const found = candidate.foundBlockers + candidate.foundMinor;
      if (found > 0) {
        const perDefect = fixEffortPerDefect(params, candidate.lines);
        candidate.phase = 'fixing';
        candidate.remaining = found * perDefect;
        candidate.minElapsed = perDefect * Math.min(1, found);
        return false;
      }
      return afterPass(state, candidate, time);
    }
    case 'fixing': {
      const found = candidate.foundBlockers + candidate.foundMinor;
      const badFixes = draws.binomial(found, params.badFixRate);
      const badBlockers = draws.binomial(badFixes, params.failureShare);
      candidate.blockers += badBlockers;
      candidate.minorDefects += badFixes - badBlockers;
      candidate.foundBlockers = 0;
      candidate.foundMinor = 0;
      state.totals.defectsInjected += badFixes;
      state.totals.defectsFixedInTesting += found;
      return afterPass(state, candidate, time);
    }
    case 'approval':
      candidate.stageEnds.approval = time;
      enterWait(state, candidate, 'handoff');
      return false;
    case 'handoff':
      candidate.stageEnds.handoff = time;
      enterWait(state, candidate, 'deploying');
      return false;
    case 'deploying':
      ship(state, context, {
        time,
        cohorts: candidate.cohorts,
        lines: candidate.lines,
        blockers: candidate.blockers,
        minorDefects: candidate.minorDefects,
        deployments: candidate.deployments,
        defectsFound: candidate.defectsFound,
        passes: candidate.passesRun,
        delayDays: Math.max(0, candidate.cutTime - candidate.scheduledTime),
        release: { cutTime: candidate.cutTime, ...candidate.stageEnds },
      });
      return true;
  }
}

/** After a pass and its fixes: the next planned pass, a retest after a blocker (up to the limit), or approval. */
function afterPass(state: SimulationState, candidate: ReleaseCandidate, time: number): boolean {
  const { params } = state;
  if (candidate.passesDone < candidate.passesRequired) {
    startTesting(state, candidate, 1);
    return false;
  }
  if (candidate.partialPass > 0) {
    // The cautious extra pass happens with its chance; if it does not, the last retest decision stands.
    const chance = candidate.partialPass;
    candidate.partialPass = 0;
    candidate.retestCarry = candidate.retestWeight * (1 - chance);
    startTesting(state, candidate, chance);
    return false;
  }
  if (candidate.retestsDone < params.maxExtraPasses && candidate.retestWeight >= NEGLIGIBLE_PASS) {
    candidate.retestsDone++;
    const carried = candidate.retestWeight;
    startTesting(state, candidate, Math.min(1, carried));
    return false;
  }
  candidate.stageEnds.testing = time;
  enterWait(state, candidate, 'approval');
  return false;
}

/** Moves the candidate on from `cursor`; returns when it stops today and whether it shipped. */
function advanceCandidate(
  state: SimulationState,
  context: DayContext,
  candidate: ReleaseCandidate,
  cursor: number,
): { time: number; shipped: boolean } {
  const { params } = state;
  let time = cursor;
  for (let guard = 0; guard < 1000 && time < context.end; guard++) {
    if (candidate.hold > 0) {
      const dt = Math.min(candidate.hold, context.end - time);
      candidate.hold -= dt;
      time += dt;
      if (candidate.hold > EPSILON) break;
      candidate.hold = 0;
    }
    const effortPhase = candidate.phase === 'testing' || candidate.phase === 'fixing';
    let needed: number;
    if (effortPhase && candidate.remaining > 0) {
      // Testers run a pass; defects are fixed in parallel by their owners, up to the share of the
      // team that can work on one candidate at once (which grows with the team). The owners are
      // the same people who fight fires, so fire fighting today shrinks the crew as well.
      const found = candidate.foundBlockers + candidate.foundMinor;
      const firefighting = context.use.incidents + context.use.productionFixes;
      const crew = params.stabilisationShare * Math.max(0, params.teamSize - firefighting);
      const cap =
        candidate.phase === 'testing' ? testers(params) : Math.max(1, Math.min(crew, found));
      const rate = Math.min(cap, context.free);
      if (rate <= 0) break;
      needed = Math.max(candidate.minElapsed, candidate.remaining / rate);
      const dt = Math.min(needed, context.end - time);
      const effort = Math.min(candidate.remaining, rate * dt);
      context.free -= effort;
      if (candidate.phase === 'testing') context.use.manualTesting += effort;
      else context.use.stabilisation += effort;
      candidate.remaining -= effort;
      candidate.minElapsed -= dt;
      time += dt;
      if (dt < needed - EPSILON) break;
    } else {
      needed = Math.max(candidate.remaining, candidate.minElapsed);
      const dt = Math.min(needed, context.end - time);
      candidate.remaining -= dt;
      candidate.minElapsed -= dt;
      time += dt;
      if (dt < needed - EPSILON) break;
    }
    candidate.remaining = 0;
    candidate.minElapsed = 0;
    if (finishPhase(state, context, candidate, time)) return { time, shipped: true };
  }
  return { time, shipped: false };
}

/**
 * Runs today's release pipeline for batch releases: cut when due (a train waits while the
 * previous release is still in the pipeline; when-stable and continuous batches cut as soon as it
 * is out), test, fix, retest, approve, hand off, deploy. Testing and fixing take engineers before
 * improvement and feature work do.
 */
export function runReleasePipeline(state: SimulationState, context: DayContext): void {
  const { params } = state;
  let cursor = context.start;
  for (let guard = 0; guard < 1000 && cursor < context.end; guard++) {
    if (!state.candidate) {
      if (!shipsInBatches(state)) return;
      const cutAt = Math.max(state.nextCutTime, cursor);
      if (cutAt >= context.end) return;
      const candidate = cutRelease(state, context, cutAt);
      if (!candidate) {
        if (params.releasePolicy !== 'train') return;
        // Nothing to ship: the train leaves empty and the next one is scheduled.
        state.nextCutTime = cutAt + trainInterval(state);
        cursor = cutAt;
        continue;
      }
      if (candidate.cutTime > candidate.scheduledTime + EPSILON) context.releasesDelayed++;
      state.lastCutTime = cutAt;
      state.nextCutTime = params.releasePolicy === 'train' ? cutAt + trainInterval(state) : NEVER;
      state.candidate = candidate;
      cursor = cutAt;
    }
    const { time, shipped } = advanceCandidate(state, context, state.candidate!, cursor);
    cursor = time;
    if (!shipped) return;
    state.candidate = null;
    if (params.releasePolicy !== 'train') state.nextCutTime = time;
  }
}

/** The train's interval in force: the set interval, stretched by the organisation's caution. */
export function trainInterval(state: SimulationState): number {
  return state.params.releaseIntervalDays * (1 + state.caution);
}

/** A shock: the release in the pipeline, or the next cut, slips by `days`. */
export function slipRelease(state: SimulationState, day: number, days: number): void {
  if (state.candidate) {
    state.candidate.hold += days;
    return;
  }
  state.nextCutTime = Math.max(state.nextCutTime, day) + days;
}
