import { truncate } from './arrays';
import { changesIn } from './code-flow';
import type { DayContext } from './day';
import { approvalDays, deployDays, handoffDays } from './derived';
import { ship } from './production';
import type { SimulationState } from './state';

/** Working days a change waits in the continuous pipeline: approval, hand-offs, deploy. */
export function continuousPipelineDays(state: SimulationState): {
  approval: number;
  handoffs: number;
  total: number;
} {
  const { params } = state;
  const approval = approvalDays(params, state.caution);
  const handoffs = handoffDays(params, state.firefightingShare);
  return { approval, handoffs, total: approval + handoffs + deployDays(params, state.automation) };
}

/**
 * Continuous policy: every merged change enters the pipeline on its own (automated tests ran
 * at merge; no manual pass gates a single change), and ships when its wait is over.
 */
export function runContinuousPipeline(state: SimulationState, context: DayContext): void {
  if (state.merged.length > 0) {
    const wait = continuousPipelineDays(state);
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
    ship(state, context, {
      time: Math.max(ready, context.start),
      cohorts: [change],
      lines: change.lines,
      defects: change.defects,
      changes,
      deployments: changes,
      defectsFound: 0,
      delayDays: 0,
    });
  }
  truncate(state.pipeline, kept);
}
