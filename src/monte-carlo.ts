import { requireWhole } from './inputs/numbers.ts';
import type { Params } from './inputs/params.ts';
import { SUMMARY_NUMBERS, type Summary, type SummaryNumber } from './metrics.ts';
import { classifyDora, type DoraRating, type DoraYear } from './outputs/dora.ts';
import { type Band, bandOf, type Percentiles, percentilesOf } from './outputs/quantiles.ts';
import { SERIES_IDS, type SeriesId } from './outputs/series.ts';
import { MAX_RUNS } from './scenario.ts';
import { type SimulationOptions, type SimulationResult, simulate } from './simulate.ts';

export type { Band, Percentiles } from './outputs/quantiles.ts';
export { quantileSorted } from './outputs/quantiles.ts';

/** Many seeded runs of one scenario: medians, percentile bands and how often each DORA level came out. */
export interface MonteCarloResult {
  runs: number;
  /** Each figure the median across runs; the DORA level classified from those medians. */
  summary: Summary;
  percentiles: Record<SummaryNumber, Percentiles>;
  /** How many runs came out at each level ("none": nothing deployed to judge). */
  levelCounts: Record<DoraRating, number>;
  bands: Partial<Record<SeriesId, Band>>;
  /** How many runs (the first ones) the bands are drawn from: at most MAX_BAND_RUNS. */
  bandRuns: number;
  /** The first run, kept whole for its events. */
  first: SimulationResult;
}

/**
 * Runs whose day-by-day series the bands are drawn from: a day's p10–p90 settles long before
 * this many, and memory then stays bounded however many runs the figures are taken over.
 */
export const MAX_BAND_RUNS = 500;

/** Options for a Monte Carlo: the run options plus how many runs and what to keep. */
export interface MonteCarloOptions extends SimulationOptions {
  runs: number;
  /** Series to compute bands for (default all; an empty list for none). */
  bandSeries?: readonly SeriesId[];
  /** Called after each run, for progress bars. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * The raw material of a Monte Carlo for a block of runs: each run's summary figures and level,
 * and its band series run-major. Blocks from parallel workers merge in run order.
 */
export interface MonteCarloSamples {
  runs: number;
  days: number;
  /** Each run's figures; NaN where a run had nothing to measure. */
  figures: Record<SummaryNumber, Float64Array>;
  levels: DoraRating[];
  /** The kept runs' series, run after run; the block keeps only runs below MAX_BAND_RUNS. */
  series: Partial<Record<SeriesId, Float32Array>>;
  /** How many of the block's runs the series hold. */
  bandRuns: number;
  /** The block's first run whole, when the block starts at run 0. */
  first: SimulationResult | null;
}

/** Seed of run `index`: consecutive from the scenario's seed, so any run can be replayed alone. */
export function runSeed(seed: number | string, index: number): number | string {
  return typeof seed === 'number' ? seed + index : `${seed}#${index}`;
}

function checkRuns(runs: number): void {
  requireWhole(runs, 'runs', 1, MAX_RUNS);
}

/** Runs `count` seeds starting at run `fromRun` and keeps what the percentiles need. */
export function collectRuns(
  params: Params,
  options: Omit<MonteCarloOptions, 'runs'> & { fromRun: number; count: number },
): MonteCarloSamples {
  const { fromRun, count } = options;
  checkRuns(count);
  const seed = options.seed ?? 1;
  const bandSeries = options.bandSeries ?? SERIES_IDS;
  const figures = Object.fromEntries(
    SUMMARY_NUMBERS.map((key) => [key, new Float64Array(count)]),
  ) as Record<SummaryNumber, Float64Array>;
  const levels: DoraRating[] = [];
  const series: Partial<Record<SeriesId, Float32Array>> = {};
  let first: SimulationResult | null = null;
  let days = 0;
  const bandRuns = Math.max(0, Math.min(count, MAX_BAND_RUNS - fromRun));
  for (let i = 0; i < count; i++) {
    const result = simulate(params, { ...options, seed: runSeed(seed, fromRun + i) });
    if (i === 0) {
      days = result.days;
      if (fromRun === 0) first = result;
      for (const id of bandSeries) series[id] = new Float32Array(bandRuns * days);
    }
    for (const key of SUMMARY_NUMBERS) figures[key][i] = result.summary[key] ?? Number.NaN;
    levels.push(result.summary.doraLevel);
    // Run-major: one contiguous copy per run; the percentile pass gathers each day's column.
    if (i < bandRuns) for (const id of bandSeries) series[id]!.set(result.series[id], i * days);
    options.onProgress?.(i + 1, count);
  }
  return { runs: count, days, figures, levels, series, bandRuns, first };
}

/** Joins blocks of runs, in run order, into one. */
export function mergeSamples(blocks: readonly MonteCarloSamples[]): MonteCarloSamples {
  if (blocks.length === 1) return blocks[0];
  const runs = blocks.reduce((sum, block) => sum + block.runs, 0);
  const days = blocks[0].days;
  const figures = {} as Record<SummaryNumber, Float64Array>;
  for (const key of SUMMARY_NUMBERS) {
    figures[key] = new Float64Array(runs);
    let offset = 0;
    for (const block of blocks) {
      figures[key].set(block.figures[key], offset);
      offset += block.runs;
    }
  }
  const series: Partial<Record<SeriesId, Float32Array>> = {};
  const bandRuns = blocks.reduce((sum, block) => sum + block.bandRuns, 0);
  for (const id of Object.keys(blocks[0].series) as SeriesId[]) {
    const store = new Float32Array(bandRuns * days);
    let offset = 0;
    for (const block of blocks) {
      store.set(block.series[id]!, offset);
      offset += block.bandRuns * days;
    }
    series[id] = store;
  }
  return {
    runs,
    days,
    bandRuns,
    figures,
    levels: blocks.flatMap((b) => b.levels),
    series,
    first: blocks.find((b) => b.first)?.first ?? null,
  };
}

/** Percentiles of every figure, bands of every kept series, and the medians' DORA level. */
export function summariseSamples(
  samples: MonteCarloSamples,
  doraYear: DoraYear = 2023,
): MonteCarloResult {
  const first = samples.first;
  if (!first) throw new Error('the samples do not include the first run');
  const percentiles = {} as Record<SummaryNumber, Percentiles>;
  for (const key of SUMMARY_NUMBERS)
    percentiles[key] = percentilesOf(Float64Array.from(samples.figures[key]));
  const medians = Object.fromEntries(
    SUMMARY_NUMBERS.map((key) => [key, percentiles[key].p50]),
  ) as Record<SummaryNumber, number | null>;
  const lead = medians.leadTimeDays;
  const dora = classifyDora(
    {
      deploymentsPerWeek: medians.deploymentsPerWeek ?? 0,
      leadTimeHours: lead === null ? null : lead * 24,
      changeFailureRate: medians.changeFailureRate,
      timeToRestoreHours: medians.timeToRestoreHours,
    },
    doraYear,
  );
  const levelCounts: Record<DoraRating, number> = { elite: 0, high: 0, medium: 0, low: 0, none: 0 };
  for (const level of samples.levels) levelCounts[level]++;
  const bands: Partial<Record<SeriesId, Band>> = {};
  for (const [id, store] of Object.entries(samples.series) as [SeriesId, Float32Array][]) {
    bands[id] = bandOf(store, samples.bandRuns, samples.days);
  }
  return {
    runs: samples.runs,
    summary: {
      ...first.summary,
      ...(medians as Summary),
      windowDays: first.summary.windowDays,
      doraLevel: dora.level,
      dora,
    },
    percentiles,
    levelCounts,
    bands,
    bandRuns: samples.bandRuns,
    first,
  };
}

/** Runs a scenario over `runs` seeds and gathers percentiles of every summary figure and series. */
export function monteCarlo(params: Params, options: MonteCarloOptions): MonteCarloResult {
  checkRuns(options.runs);
  const samples = collectRuns(params, { ...options, fromRun: 0, count: options.runs });
  return summariseSamples(samples, options.doraYear ?? 2023);
}
