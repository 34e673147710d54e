import { truncate } from './arrays.ts';
import { changesIn } from './code-flow.ts';
import type { DayContext } from './day.ts';
import { continuousWaitDays } from './derived.ts';
import { ship } from './production.ts';
import type { SimulationState } from './state.ts';

/**
 * Continuous policy without manual passes: every merged change enters the pipeline on its own
 * (its automated tests ran at merge) and ships when its approval, hand-offs and deploy are over.
 * With `takeMerged` false it only ships what is already in the pipeline (the policy changed).
 */
export function runContinuousPipeline(
  state: SimulationState,
  context: DayContext,
  takeMerged = true,
): void {
  const { params } = state;
  if (takeMerged && state.merged.length > 0) {
    const wait = continuousWaitDays(
      params,
      state.automation,
      state.caution,
      state.firefightingShare,
    );
    let linesLeft = 0;
    for (const cohort of state.merged) linesLeft += cohort.lines;
    let defectsLeft = state.mergedDefects;
    for (const cohort of state.merged) {
      // Share the merged stock's defects out over its cohorts, in proportion to their lines.
      const defects =
        linesLeft > 0 ? context.draws.binomial(defectsLeft, cohort.lines / linesLeft) : defectsLeft;
      linesLeft -= cohort.lines;
      defectsLeft -= defects;
      state.pipeline.push({
        ...cohort,
        defects,
        readyTime: cohort.mergeTime + wait.total,
        approvalDays: wait.approval,
        handoffDays: wait.handoffs,
      });
    }
    state.merged.length = 0;
    state.mergedDefects = 0;
  }

  let kept = 0;
  for (const change of state.pipeline) {
    const ready = change.readyTime ?? change.mergeTime;
    if (ready >= context.end) {
      state.pipeline[kept++] = change;
      continue;
    }
    const changes = changesIn(state, change.lines);
    const blockers = context.draws.binomial(change.defects, params.failureShare);
    ship(state, context, {
      time: Math.max(ready, context.start),
      cohorts: [change],
      lines: change.lines,
      blockers,
      minorDefects: change.defects - blockers,
      deployments: changes,
      defectsFound: 0,
      passes: 0,
      delayDays: 0,
    });
  }
  truncate(state.pipeline, kept);
}
