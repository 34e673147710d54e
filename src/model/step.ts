import { applyDueInterventions } from './apply-interventions.ts';
import {
  codingOverheadShare,
  defectDensity,
  mergeDue,
  mergeHeldBack,
  writeCode,
} from './code-flow.ts';
import { runContinuousPipeline } from './continuous.ts';
import { type DayContext, resetDayContext, takeFree } from './day.ts';
import { POST_INCIDENT_FOCUS } from './derived.ts';
import { bookOutages, workIncidents } from './incidents.ts';
import { exp } from './portable-math.ts';
import { workProductionFixes } from './production.ts';
import { openStageBook, recordDay } from './record.ts';
import { runReleasePipeline, shipsInBatches } from './release.ts';
import type { SimulationState } from './state.ts';

/** Improvement work: post-incident reviews first, then automation, which nears full ever slower. */
function improve(state: SimulationState, effort: number): void {
  const { params } = state;
  const reviews = Math.min(state.reviewBacklog, effort);
  state.reviewBacklog -= reviews;
  const focusedEffort = effort - reviews + POST_INCIDENT_FOCUS * reviews;
  const gain = params.automationGainPerEngineerDay * focusedEffort * (1 - state.automation);
  state.automation = Math.min(1, state.automation + gain);
}

/** Ships today: changes one by one, or release candidates; what one policy left is still finished. */
function runPipeline(state: SimulationState, context: DayContext): void {
  const batches = shipsInBatches(state);
  if (!batches || state.pipeline.length > 0) runContinuousPipeline(state, context, !batches);
  if (batches || state.candidate) runReleasePipeline(state, context);
}

/**
 * Advances the team by one working day. Capacity goes in priority order: protected improvement,
 * incidents, production fixes, the release pipeline (testing, stabilising), improvement, and
 * feature work takes what is left, less what context switching and merging cost.
 */
export function stepDay(state: SimulationState, context: DayContext): void {
  const { day } = state;
  resetDayContext(context, day, state.params.teamSize);
  applyDueInterventions(state, context);
  const { params } = state;
  context.free = params.teamSize;
  const decay = context.cautionDecay;
  if (decay.memoryDays !== params.cautionMemoryDays) {
    decay.memoryDays = params.cautionMemoryDays;
    decay.factor = exp(-1 / params.cautionMemoryDays);
  }
  state.caution *= decay.factor;
  // Lines are conserved, so what is not in production is still undeployed.
  const undeployedAtStart = state.totals.linesWritten - state.totals.linesDeployed;
  openStageBook(state, context);
  // Post-incident reviews come on top of the planned improvement time: a learning organisation
  // spends more on improvement after failures, taken from feature work.
  const improvementTarget = params.automationShare * params.teamSize + state.reviewBacklog;

  if (params.protectImprovement) context.use.improvement += takeFree(context, improvementTarget);
  workIncidents(state, context);
  workProductionFixes(state, context);
  state.firefightingShare =
    params.teamSize > 0
      ? (context.use.incidents + context.use.productionFixes) / params.teamSize
      : 0;

  mergeDue(state, context, context.end);
  mergeHeldBack(state, context);
  runPipeline(state, context);
  // Failures that opened today take their responders at once, before improvement and features.
  workIncidents(state, context);

  const surging = day < state.surgeUntil;
  if (!params.protectImprovement && !surging)
    context.use.improvement += takeFree(context, improvementTarget);
  improve(state, context.use.improvement);

  const density = defectDensity(state, day, undeployedAtStart);
  const overheadShare = codingOverheadShare(state, undeployedAtStart);
  writeCode(state, context, overheadShare, density);
  // Short-lived branches merge the same day; a continuous pipeline can ship them the same day too.
  mergeDue(state, context, context.end);
  if (!shipsInBatches(state)) runContinuousPipeline(state, context);

  bookOutages(state, context);
  recordDay(state, context, undeployedAtStart, density, overheadShare);
  state.day++;
}
