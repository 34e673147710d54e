import { truncate } from './arrays.ts';
import {
  BRANCH_STAGE,
  type DayContext,
  HELD_STAGE,
  MERGED_STAGE,
  moveLines,
  type Stage,
} from './day.ts';
import { changeLines, mergeDetection } from './derived.ts';
import type { Cohort, SimulationState } from './state.ts';

/** Work items each engineer keeps in mind beyond the one in hand: undeployed code, in items. */
export function extraItemsInMind(state: SimulationState, undeployed: number): number {
  const { params } = state;
  if (params.teamSize === 0) return 0;
  return Math.max(0, undeployed / params.teamSize / params.linesPerWorkItem - 1);
}

/** Share of coding effort lost to context switching (undeployed work in mind) and merging. */
export function codingOverheadShare(state: SimulationState, undeployed: number): number {
  const { params } = state;
  const contextSwitching = params.contextSwitchCost * extraItemsInMind(state, undeployed);
  const merging = params.mergeCostPerBranchDay * params.branchLifetimeDays;
  return Math.min(0.8, contextSwitching + merging);
}

/**
 * Defects injected per KLOC today: the base density, raised by late integration on long
 * branches, by haste under fire fighting or a surge, and by the cognitive load of undeployed
 * work in mind; by deployment size only if asked (at the cut).
 */
export function defectDensity(state: SimulationState, day: number, undeployed: number): number {
  const { params } = state;
  const surge = day < state.surgeUntil ? state.surgeShare : 0;
  const pressure = Math.min(1, state.firefightingShare + surge);
  return (
    params.defectsPerKloc *
    (1 + params.integrationDefectsPerBranchDay * params.branchLifetimeDays) *
    (1 + params.pressureDefectFactor * pressure) *
    (1 + params.wipDefectFactor * extraItemsInMind(state, undeployed))
  );
}

/** Feature work for the engineers still free: lines committed to branches at mid-day. */
export function writeCode(
  state: SimulationState,
  context: DayContext,
  overheadShare: number,
  density: number,
): void {
  const { params } = state;
  const { draws } = context;
  const engineers = context.free;
  context.free = 0;
  const overhead = engineers * overheadShare;
  context.use.overhead += overhead;
  context.use.features += engineers - overhead;
  const lines = (engineers - overhead) * params.linesPerEngineerDay;
  if (!(lines > 0)) return;
  const defects = draws.poisson((lines / 1000) * density);
  const commitTime = context.start + 0.5;
  state.branches.push({
    lines,
    defects,
    commitTime,
    // A line waits on its branch half the branch's life on average before it merges.
    mergeTime: commitTime + params.branchLifetimeDays / 2,
  });
  state.totals.linesWritten += lines;
  state.totals.defectsInjected += defects;
  context.linesWritten += lines;
  context.wipLineDaysAdjustment += lines * (context.end - commitTime);
  moveLines(context, null, BRANCH_STAGE, lines, commitTime);
}

/** Merges code into the trunk: review and automated tests catch some of its defects on the way. */
function merge(state: SimulationState, context: DayContext, cohort: Cohort, from: Stage): void {
  moveLines(context, from, MERGED_STAGE, cohort.lines, cohort.mergeTime);
  const caught = context.draws.binomial(
    cohort.defects,
    mergeDetection(state.params, state.automation),
  );
  state.totals.defectsFixedAtMerge += caught;
  context.defectsFoundBeforeRelease += caught;
  state.mergedDefects += cohort.defects - caught;
  // Merged code's defects are pooled (a release takes its share at the cut): the cohort moves on as it is.
  cohort.defects = 0;
  state.merged.push(cohort);
}

/**
 * Merges branch cohorts due before `until`. Review and automated tests thin their defects.
 * During a merge freeze only the must-have share merges; the rest waits outside the pipeline.
 */
export function mergeDue(state: SimulationState, context: DayContext, until: number): void {
  let write = 0;
  for (const cohort of state.branches) {
    if (cohort.mergeTime >= until) {
      state.branches[write++] = cohort;
      continue;
    }
    if (cohort.mergeTime < state.freezeUntil) {
      const share = state.mustHaveShare;
      const mustHaveDefects = context.draws.binomial(cohort.defects, share);
      holdBack(
        state,
        cohort.lines * (1 - share),
        cohort.defects - mustHaveDefects,
        cohort.commitTime,
      );
      moveLines(context, BRANCH_STAGE, HELD_STAGE, cohort.lines * (1 - share), cohort.mergeTime);
      cohort.lines *= share;
      cohort.defects = mustHaveDefects;
    }
    if (cohort.lines > 0 || cohort.defects > 0) {
      merge(state, context, cohort, BRANCH_STAGE);
    }
  }
  truncate(state.branches, write);
}

/**
 * After a merge freeze, held code merges back at half the team's nominal output a day, so the
 * releases that follow stay small instead of carrying the whole backlog at once.
 */
export function mergeHeldBack(state: SimulationState, context: DayContext): void {
  if (state.held.lines <= 0 || context.start < state.freezeUntil) return;
  const rate = 0.5 * state.params.teamSize * state.params.linesPerEngineerDay;
  releaseHeld(state, context, Math.min(state.held.lines, rate));
}

function holdBack(
  state: SimulationState,
  lines: number,
  defects: number,
  commitTime: number,
): void {
  const held = state.held;
  const total = held.lines + lines;
  if (total > 0) held.commitTime = (held.commitTime * held.lines + commitTime * lines) / total;
  held.lines = total;
  held.defects += defects;
}

function releaseHeld(state: SimulationState, context: DayContext, lines: number): void {
  const held = state.held;
  const share = lines >= held.lines ? 1 : lines / held.lines;
  const defects = share === 1 ? held.defects : context.draws.binomial(held.defects, share);
  const cohort: Cohort = {
    lines,
    defects,
    commitTime: held.commitTime,
    mergeTime: context.start + 0.5,
  };
  held.lines -= lines;
  held.defects -= defects;
  if (held.lines <= 1e-9) {
    held.lines = 0;
  }
  merge(state, context, cohort, HELD_STAGE);
}

/** Lines in one change, for counting changes in a batch. */
export function changesIn(state: SimulationState, lines: number): number {
  return lines / changeLines(state.params);
}
