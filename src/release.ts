import { truncate } from './arrays';
import { changesIn } from './code-flow';
import type { DayContext } from './day';
import {
  approvalDays,
  deployDays,
  fixEffortPerDefect,
  handoffDays,
  regressionPassDays,
} from './derived';
import { ship } from './production';
import type { Cohort, ReleaseCandidate, SimulationState } from './state';

const EPSILON = 1e-9;

/** A time later than any run: JSON keeps it, unlike Infinity. */
export const NEVER = 1e12;

/** Cuts a release candidate at `time` from the code merged by then; null when there is none. */
function cutRelease(
  state: SimulationState,
  context: DayContext,
  time: number,
): ReleaseCandidate | null {
  const { params } = state;
  const taken: Cohort[] = [];
  let kept = 0;
  let lines = 0;
  let keptLines = 0;
  for (const cohort of state.merged) {
    if (cohort.mergeTime <= time + EPSILON) {
      taken.push(cohort);
      lines += cohort.lines;
    } else {
      state.merged[kept++] = cohort;
      keptLines += cohort.lines;
    }
  }
  truncate(state.merged, kept);
  if (taken.length === 0) return null;
  const defects =
    keptLines > 0
      ? context.draws.binomial(state.mergedDefects, lines / (lines + keptLines))
      : state.mergedDefects;
  state.mergedDefects -= defects;

  // Changes interacting in a big batch add defects only when the user turns this on.
  const kloc = lines / 1000;
  const interaction =
    params.densitySizeExponent > 0
      ? context.draws.poisson(
          kloc * params.defectsPerKloc * Math.max(0, kloc ** params.densitySizeExponent - 1),
        )
      : 0;
  state.totals.defectsInjected += interaction;

  const scheduledTime = params.releasePolicy === 'train' ? Math.min(state.nextCutTime, time) : time;
  const candidate: ReleaseCandidate = {
    cohorts: taken,
    lines,
    defects: defects + interaction,
    changes: changesIn(state, lines),
    cutTime: time,
    scheduledTime,
    phase: 'approval',
    remaining: 0,
    minElapsed: 0,
    hold: 0,
    passesDone: 0,
    passesRequired: params.regressionPasses + Math.floor(state.caution),
    found: 0,
    defectsFound: 0,
    stageEnds: { testing: time, approval: time, handoff: time },
  };
  if (candidate.passesRequired > 0) startTesting(state, candidate);
  else enterWait(state, candidate, 'approval');
  return candidate;
}

function startTesting(state: SimulationState, candidate: ReleaseCandidate): void {
  const days = regressionPassDays(state.params, state.automation);
  candidate.phase = 'testing';
  candidate.minElapsed = days;
  candidate.remaining = days * state.params.manualTesters;
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

/** What follows a finished phase: fix what a pass found, retest while passes still find defects, then wait and deploy. */
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
      const found = draws.binomial(candidate.defects, params.manualDetection);
      candidate.defects -= found;
      candidate.found = found;
      candidate.defectsFound += found;
      candidate.passesDone++;
      context.defectsFoundBeforeRelease += found;
      if (found > 0) {
        const perDefect = fixEffortPerDefect(params, candidate.changes);
        candidate.phase = 'fixing';
        candidate.remaining = found * perDefect;
        candidate.minElapsed = perDefect;
        return false;
      }
      return afterPass(state, candidate, 0, time);
    }
    case 'fixing': {
      const found = candidate.found;
      const badFixes = draws.binomial(found, params.badFixRate);
      candidate.defects += badFixes;
      candidate.found = 0;
      state.totals.defectsInjected += badFixes;
      state.totals.defectsFixedInTesting += found;
      return afterPass(state, candidate, found, time);
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
        defects: candidate.defects,
        changes: candidate.changes,
        deployments: 1,
        defectsFound: candidate.defectsFound,
        delayDays: Math.max(0, candidate.cutTime - candidate.scheduledTime),
        release: { cutTime: candidate.cutTime, ...candidate.stageEnds },
      });
      return true;
  }
}

function afterPass(
  state: SimulationState,
  candidate: ReleaseCandidate,
  lastFound: number,
  time: number,
): boolean {
  const { params } = state;
  const planned = candidate.passesDone < candidate.passesRequired;
  // A pass that still finds defects means fix, then retest, up to the team's limit.
  const retest =
    lastFound >= 1 && candidate.passesDone < candidate.passesRequired + params.maxExtraPasses;
  if (planned || retest) {
    startTesting(state, candidate);
  } else {
    candidate.stageEnds.testing = time;
    enterWait(state, candidate, 'approval');
  }
  return false;
}

/** Moves the candidate on from `cursor`; returns when it stops today and whether it shipped. */
function advanceCandidate(
  state: SimulationState,
  context: DayContext,
  candidate: ReleaseCandidate,
  cursor: number,
): { time: number; shipped: boolean } {
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
      const cap =
        candidate.phase === 'testing'
          ? state.params.manualTesters
          : Math.min(state.params.stabilisationCrew, Math.max(1, candidate.found));
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
 * Runs today's release pipeline for the train and when-stable policies: cut when due (a train
 * waits while the previous release is still in the pipeline), test, fix, retest, approve, hand
 * off, deploy. Testing and fixing take engineers before improvement and feature work do.
 */
export function runReleasePipeline(state: SimulationState, context: DayContext): void {
  const { params } = state;
  let cursor = context.start;
  for (let guard = 0; guard < 1000 && cursor < context.end; guard++) {
    if (!state.candidate) {
      if (params.releasePolicy === 'continuous') return;
      const cutAt = Math.max(state.nextCutTime, cursor);
      if (cutAt >= context.end) return;
      const candidate = cutRelease(state, context, cutAt);
      if (!candidate) {
        if (params.releasePolicy === 'whenStable') return;
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
    if (params.releasePolicy === 'whenStable') state.nextCutTime = time;
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
