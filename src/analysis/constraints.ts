import type { Params } from '../inputs/params.ts';
import { STAGES, type Stage } from '../model/state.ts';
import { type SimulationOptions, type SimulationResult, simulate } from '../simulate.ts';
import type { WithProgress } from './progress.ts';

/** Whether a stage is time the change is worked on, or time it waits. */
export const STAGE_KIND: Readonly<Record<Stage, 'work' | 'wait'>> = {
  branch: 'work',
  waitingForRelease: 'wait',
  testing: 'work',
  approval: 'wait',
  handoffs: 'wait',
  deploy: 'work',
};

/** Plain-language names of the stages. */
export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  branch: 'On a branch (and held outside the pipeline)',
  waitingForRelease: 'Merged, waiting for a release',
  testing: 'Testing and stabilising',
  approval: 'Waiting for approval',
  handoffs: 'Hand-offs between functions',
  deploy: 'Deploying',
};

/** One stage of the value stream: its mean time per line of code and its share of lead time. */
export interface StageReport {
  stage: Stage;
  label: string;
  kind: 'work' | 'wait';
  calendarDays: number;
  share: number;
}

/** The value stream of a run: stage by stage, and the stage that takes most of the lead time. */
export interface ValueStream {
  stages: StageReport[];
  /** Mean lead time, calendar days: the stages add up to it. */
  meanLeadTimeDays: number;
  constraint: Stage;
}

/** Where a run's lead time goes (Little's law stage by stage, from the code it shipped). */
export function valueStream(result: SimulationResult): ValueStream {
  const days = result.summary.valueStreamDays;
  const total = STAGES.reduce((sum, stage) => sum + days[stage], 0);
  const stages = STAGES.map((stage) => ({
    stage,
    label: STAGE_LABELS[stage],
    kind: STAGE_KIND[stage],
    calendarDays: days[stage],
    share: total > 0 ? days[stage] / total : 0,
  }));
  const constraint = stages.reduce((big, s) => (s.calendarDays > big.calendarDays ? s : big)).stage;
  return { stages, meanLeadTimeDays: total, constraint };
}

/** What halving a stage means in parameters: the knobs that set its length. */
export function halveStage(params: Params, stage: Stage): Params {
  switch (stage) {
    case 'branch':
      return { ...params, branchLifetimeDays: params.branchLifetimeDays / 2 };
    case 'waitingForRelease':
      return { ...params, releaseIntervalDays: Math.max(0.2, params.releaseIntervalDays / 2) };
    case 'testing':
      return {
        ...params,
        regressionPassDays: params.regressionPassDays / 2,
        fixDaysPerDefect: params.fixDaysPerDefect / 2,
      };
    case 'approval':
      return { ...params, approvalWaitDays: params.approvalWaitDays / 2 };
    case 'handoffs':
      return { ...params, handoffWaitDays: params.handoffWaitDays / 2 };
    case 'deploy':
      return { ...params, deployHours: params.deployHours / 2 };
  }
}

/** What halving one stage would do to lead time, restore time and undeployed code. */
export interface Improvement {
  stage: Stage;
  label: string;
  leadTimeDays: number;
  leadTimeChange: number;
  /** Null when the run had no failures to restore. */
  timeToRestoreHours: number | null;
  restoreChange: number | null;
  meanWipLines: number;
  wipChange: number;
}

function difference(after: number | null, before: number | null): number | null {
  return after === null || before === null ? null : after - before;
}

/**
 * The theory-of-constraints ranking: halve each stage in turn (expected-value runs) and rank the
 * stages by how much that shortens the mean lead time; improving anything but the constraint
 * buys little.
 */
export function improvementRanking(
  params: Params,
  options: SimulationOptions & WithProgress = {},
): { base: ValueStream; ranking: Improvement[] } {
  const { onProgress, ...simulation } = options;
  const runOptions: SimulationOptions = { mode: 'expected', ...simulation };
  const baseResult = simulate(params, runOptions);
  const base = valueStream(baseResult);
  const mean = (r: SimulationResult) => valueStream(r).meanLeadTimeDays;
  const ranking = STAGES.map((stage, index): Improvement => {
    onProgress?.(index + 1, STAGES.length + 1);
    const result = simulate(halveStage(params, stage), runOptions);
    return {
      stage,
      label: STAGE_LABELS[stage],
      leadTimeDays: mean(result),
      leadTimeChange: mean(result) - base.meanLeadTimeDays,
      timeToRestoreHours: result.summary.timeToRestoreHours,
      restoreChange: difference(
        result.summary.timeToRestoreHours,
        baseResult.summary.timeToRestoreHours,
      ),
      meanWipLines: result.summary.meanWipLines,
      wipChange: result.summary.meanWipLines - baseResult.summary.meanWipLines,
    };
  }).sort((a, b) => a.leadTimeChange - b.leadTimeChange);
  return { base, ranking };
}
