import type { DeploymentEvent, Params } from '../../src/index.ts';

/** What the cadence note reads from a run: its releases and when its warm-up ended. */
export interface CadenceRun {
  warmupDays: number;
  days: number;
  deployments: readonly DeploymentEvent[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const days = (value: number) => String(Number(value.toPrecision(2)));

/** Releases leave slower than the train by more than this share before the note speaks. */
const SLOWER_THAN_SET = 1.15;

/**
 * A sentence for the release-interval control when the pipeline cannot keep up with the train:
 * the gap releases actually leave at and the time the pipeline takes per release, both read from
 * the run after its warm-up. Null when the train runs as set (or the policy is not a train).
 */
export function cadenceNote(run: CadenceRun, params: Params): string | null {
  if (params.releasePolicy !== 'train') return null;
  const releases = run.deployments.filter((d) => d.time >= run.warmupDays);
  const window = run.days - run.warmupDays;
  if (releases.length < 2) {
    if (window < 2 * params.releaseIntervalDays) return null;
    return releases.length === 0
      ? `No release left in the ${days(window)} working days after the warm-up: the pipeline never finished one.`
      : `Only one release left in the ${days(window)} working days after the warm-up: the pipeline took ${days(releases[0].pipelineDays)} working days over it.`;
  }
  const gaps = releases.slice(1).map((d, i) => d.time - releases[i].time);
  const gap = median(gaps);
  if (gap <= SLOWER_THAN_SET * params.releaseIntervalDays) return null;
  const pipeline = median(releases.map((d) => d.pipelineDays));
  if (pipeline <= gap / SLOWER_THAN_SET)
    return `Releases leave every ${days(gap)} working days, not every ${days(params.releaseIntervalDays)}: caution after failures stretches the interval (the "be careful" reflex).`;
  return `Releases leave every ${days(gap)} working days, not every ${days(params.releaseIntervalDays)}: the pipeline takes ${days(pipeline)} working days per release (testing, fixing, approval, hand-offs), and the next cut waits for it.`;
}
