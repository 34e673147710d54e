import { classifyDora, type DoraLevel } from './dora';
import { InputError } from './errors';
import { SUMMARY_NUMBERS, type Summary, type SummaryNumber } from './metrics';
import type { Params } from './params';
import { MAX_RUNS } from './scenario';
import { SERIES_IDS, type SeriesId } from './series';
import { type SimulationOptions, type SimulationResult, simulate } from './simulate';

/** The 10th, 50th and 90th percentiles of a figure across runs. */
export interface Percentiles {
  p10: number;
  p50: number;
  p90: number;
}

/** Per-day percentile bands of one series across runs. */
export interface Band {
  p10: Float64Array;
  p50: Float64Array;
  p90: Float64Array;
}

/** Many seeded runs of one scenario: medians, percentile bands and how often each DORA level came out. */
export interface MonteCarloResult {
  runs: number;
  /** Each figure the median across runs; the DORA level classified from those medians. */
  summary: Summary;
  percentiles: Record<SummaryNumber, Percentiles>;
  levelCounts: Record<DoraLevel, number>;
  bands: Partial<Record<SeriesId, Band>>;
  /** The first run, kept whole for its events. */
  first: SimulationResult;
}

/** Options for a Monte Carlo: the run options plus how many runs and what to keep. */
export interface MonteCarloOptions extends SimulationOptions {
  runs: number;
  /** Series to compute bands for (default all; an empty list for none). */
  bandSeries?: readonly SeriesId[];
  /** Called after each run, for progress bars. */
  onProgress?: (done: number, total: number) => void;
}

/** The value below which a share `q` of the sorted values fall, interpolated. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return 0;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

function percentilesOf(values: Float64Array): Percentiles {
  values.sort();
  return {
    p10: quantileSorted(values, 0.1),
    p50: quantileSorted(values, 0.5),
    p90: quantileSorted(values, 0.9),
  };
}

/** Puts the k-th smallest value at index k, smaller ones before it and larger after (Hoare's quickselect). */
function select(values: Float32Array, k: number, from: number, to: number): void {
  let left = from;
  let right = to;
  while (right > left) {
    const pivot = values[(left + right) >> 1];
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i] = values[j];
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

/**
 * The quantile q of all values, interpolated like quantileSorted, by selecting within
 * [from, to], a range already known to hold that order statistic and the next.
 */
function selectQuantile(values: Float32Array, q: number, from: number, to: number): number {
  const last = values.length - 1;
  const position = last * q;
  const below = Math.floor(position);
  select(values, below, from, to);
  if (below === last) return values[below];
  // After selection the next order statistic is the smallest value above `below`.
  let next = values[below + 1];
  for (let i = below + 2; i <= last; i++) if (values[i] < next) next = values[i];
  return values[below] + (next - values[below]) * (position - below);
}

/** Seed of run `index`: consecutive from the scenario's seed, so any run can be replayed alone. */
export function runSeed(seed: number | string, index: number): number | string {
  return typeof seed === 'number' ? seed + index : `${seed}#${index}`;
}

/** Runs a scenario over `runs` seeds and gathers percentiles of every summary figure and series. */
export function monteCarlo(params: Params, options: MonteCarloOptions): MonteCarloResult {
  const runs = options.runs;
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_RUNS) {
    throw new InputError('runs', runs, `allowed: a whole number from 1 to ${MAX_RUNS}`);
  }
  const seed = options.seed ?? 1;
  const bandSeries = options.bandSeries ?? SERIES_IDS;
  const figures = new Map<SummaryNumber, Float64Array>(
    SUMMARY_NUMBERS.map((key) => [key, new Float64Array(runs)]),
  );
  const levelCounts: Record<DoraLevel, number> = { elite: 0, high: 0, medium: 0, low: 0 };
  const samples = new Map<SeriesId, Float32Array>();
  let first: SimulationResult | null = null;
  let days = 0;

  for (let run = 0; run < runs; run++) {
    const result = simulate(params, { ...options, seed: runSeed(seed, run) });
    if (!first) {
      first = result;
      days = result.days;
      for (const id of bandSeries) samples.set(id, new Float32Array(runs * days));
    }
    for (const key of SUMMARY_NUMBERS) figures.get(key)![run] = result.summary[key];
    levelCounts[result.summary.doraLevel]++;
    for (const [id, store] of samples) {
      const values = result.series[id];
      // Run-major: one contiguous copy per run; the percentile pass gathers each day's column.
      store.set(values, run * days);
    }
    options.onProgress?.(run + 1, runs);
  }

  const percentiles = {} as Record<SummaryNumber, Percentiles>;
  for (const key of SUMMARY_NUMBERS) percentiles[key] = percentilesOf(figures.get(key)!);
  const medians = Object.fromEntries(
    SUMMARY_NUMBERS.map((key) => [key, percentiles[key].p50]),
  ) as Record<SummaryNumber, number>;
  const dora = classifyDora(
    {
      deploymentsPerWeek: medians.deploymentsPerWeek,
      leadTimeHours: medians.leadTimeDays * 24,
      changeFailureRate: medians.changeFailureRate,
      timeToRestoreHours: medians.timeToRestoreHours,
    },
    options.doraYear ?? 2023,
  );

  const bands: Partial<Record<SeriesId, Band>> = {};
  const column = new Float32Array(runs);
  for (const [id, store] of samples) {
    const band: Band = {
      p10: new Float64Array(days),
      p50: new Float64Array(days),
      p90: new Float64Array(days),
    };
    for (let day = 0; day < days; day++) {
      // Selection instead of a full sort: the percentile pass is most of a large Monte Carlo's time.
      let lowest = Number.POSITIVE_INFINITY;
      let highest = Number.NEGATIVE_INFINITY;
      for (let run = 0; run < runs; run++) {
        const value = store[run * days + day];
        column[run] = value;
        if (value < lowest) lowest = value;
        if (value > highest) highest = value;
      }
      if (lowest === highest) {
        // Most days of event series are zero in every run: nothing to select.
        band.p10[day] = band.p50[day] = band.p90[day] = lowest;
        continue;
      }
      const slice = column;
      const last = runs - 1;
      band.p50[day] = selectQuantile(slice, 0.5, 0, last);
      band.p10[day] = selectQuantile(slice, 0.1, 0, Math.floor(last * 0.5));
      band.p90[day] = selectQuantile(slice, 0.9, Math.floor(last * 0.5) + 1, last);
    }
    bands[id] = band;
  }

  return {
    runs,
    summary: {
      ...first!.summary,
      ...medians,
      windowDays: first!.summary.windowDays,
      doraLevel: dora.level,
      dora,
    },
    percentiles,
    levelCounts,
    bands,
    first: first!,
  };
}
