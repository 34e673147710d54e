/** Told how far an analysis has got: `done` of `total` units of its work. */
export type ProgressReport = (done: number, total: number) => void;

/** Options of an analysis that can report its progress. */
export interface WithProgress {
  onProgress?: ProgressReport;
}

/**
 * A report for one phase of a longer analysis: the phase's own progress, placed within the
 * share of the whole that the phase takes (`from` to `to`, as shares of 1).
 */
export function phaseOf(
  report: ProgressReport | undefined,
  from: number,
  to: number,
): ProgressReport | undefined {
  if (!report) return undefined;
  return (done, total) => report(from + (to - from) * (total > 0 ? done / total : 1), 1);
}
