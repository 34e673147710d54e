import { InputError } from '../inputs/errors.ts';
import { MAX_BAND_RUNS } from '../monte-carlo.ts';
import { SERIES_IDS } from '../outputs/series.ts';

/** The switch that runs a job past the budget anyway. */
export const OVER_BUDGET_FLAG = '--over-budget';

/** Work the command line starts without being told to go past it: memory held and time taken. */
export const WORK_BUDGET = { bytes: 2 * 1024 ** 3, seconds: 20 * 60 } as const;

/**
 * Seconds per simulated working day of one run: 2.5 µs, measured on a 2-core machine (a 520-day
 * run in about 1.3 ms), so the estimate errs long on faster ones.
 */
const SECONDS_PER_RUN_DAY = 2.5e-6;

/** Bytes one run holds per day for every series whose percentiles a CSV asks for (32-bit floats). */
const BYTES_PER_RUN_DAY_OF_BANDS = SERIES_IDS.length * Float32Array.BYTES_PER_ELEMENT;

/** What a job will cost, in words what it is, and the flag (and its value) that sets its size. */
export interface WorkEstimate {
  bytes: number;
  seconds: number;
  what: string;
  field: string;
  value: unknown;
}

/** The cost of `runs` runs of `days` days, holding every series of every run when `bands`. */
export function runsEstimate(
  runs: number,
  days: number,
  bands: boolean,
  workers = 1,
): WorkEstimate {
  return {
    field: '--runs',
    value: runs,
    bytes:
      (bands ? Math.min(runs, MAX_BAND_RUNS) * days * BYTES_PER_RUN_DAY_OF_BANDS : 0) + runs * 4096,
    seconds: (runs * days * SECONDS_PER_RUN_DAY) / workers,
    what: `${runs.toLocaleString('en')} runs of ${days.toLocaleString('en')} days${bands ? ' with the series of the CSV' : ''}`,
  };
}

/** A size in bytes as people read it. */
function bytesText(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toPrecision(3)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toPrecision(3)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

/** A duration in seconds as people read it. */
export function durationText(seconds: number): string {
  if (seconds >= 7200) return `${(seconds / 3600).toPrecision(2)} hours`;
  if (seconds >= 120) return `${Math.round(seconds / 60)} minutes`;
  return `${Math.max(1, Math.round(seconds))} s`;
}

/**
 * Refuses a job past the budget (unless told to go on), before anything is allocated, with the
 * estimate and the way past it; a long job within it is announced on stderr.
 */
export function checkBudget(
  estimate: WorkEstimate,
  overBudget: boolean,
  err: (text: string) => void,
): void {
  const tooBig = estimate.bytes > WORK_BUDGET.bytes;
  const tooLong = estimate.seconds > WORK_BUDGET.seconds;
  const cost = `about ${bytesText(estimate.bytes)} of memory and ${durationText(estimate.seconds)}`;
  if ((tooBig || tooLong) && !overBudget)
    throw new InputError(
      estimate.field,
      estimate.value,
      `${estimate.what} would take ${cost}, past the budget of ${bytesText(WORK_BUDGET.bytes)} and ${durationText(WORK_BUDGET.seconds)}: use fewer runs or days${tooBig ? ', leave out --csv' : ''}, or add ${OVER_BUDGET_FLAG} to run it anyway`,
    );
  if (estimate.seconds >= 10) err(`${estimate.what}: ${cost}.`);
}
