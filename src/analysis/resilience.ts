import { type Intervention, standardIncident } from '../inputs/interventions.ts';
import type { Params } from '../inputs/params.ts';
import { DEFAULT_DAYS } from '../inputs/run-length.ts';
import { runSeed } from '../monte-carlo.ts';
import { simulate } from '../simulate.ts';
import {
  classifyOutcome,
  classifyWip,
  type Outcome,
  type OutcomeReading,
  STANDARD_SHOCK_DAY,
  standardSlip,
} from './outcome.ts';
import { phaseOf, type WithProgress } from './progress.ts';
import { slipGrid, type TippingCurve, type TippingOptions, tippingCurve } from './tipping.ts';

/** The article's three kinds of organisation, by how they come back from a shock. */
export type ResilienceClass = 'ease' | 'moderate' | 'extreme';

/** Plain-language names of the classes. */
export const RESILIENCE_LABELS: Readonly<Record<ResilienceClass, string>> = {
  ease: 'recovers with ease',
  moderate: 'recovers with moderate difficulty',
  extreme: 'recovers with extreme difficulty, or not at all',
};

/** How a team took one standard shock, over seeds. */
export interface ShockReading extends OutcomeReading {
  /** Share of seeds (0–1) that spiral after the shock. */
  spiralShare: number;
}

/** How a team took the two standard shocks and how far it is from its tipping point. */
export interface ResilienceReport {
  slip: ShockReading;
  incident: ShockReading;
  /** Longest one-time slip (working days) that tips fewer than half the seeds: the distance to the tipping point. */
  slipToleranceDays: number;
  tipping: TippingCurve;
  seeds: number;
  resilience: ResilienceClass;
}

/** The longest slip the tipping curve tries: twelve weeks. */
export const MAX_SLIP_DAYS = 60;
/** A slip this short (six weeks, twice the standard slip) is "a limited amount of change": tipping under it is extreme. */
export const LIMITED_SLIP_DAYS = 30;
/** Half-lives at or under this (working days) count as an easy recovery. */
export const EASY_HALF_LIFE_DAYS = 20;
/** Half-lives over this are an extreme recovery. */
export const HARD_HALF_LIFE_DAYS = 80;
/** An excess of undeployed code below this share of the undisturbed level counts as none. */
const NOISE_SHARE = 0.1;
/** Working days each undeployed-code reading averages over. */
const SMOOTHING_DAYS = 30;

function smooth(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  let sum = 0;
  for (let day = 0; day < values.length; day++) {
    sum += values[day];
    if (day >= SMOOTHING_DAYS) sum -= values[day - SMOOTHING_DAYS];
    out[day] = sum / Math.min(day + 1, SMOOTHING_DAYS);
  }
  return out;
}

function medianOfColumn(rows: readonly Float64Array[], day: number): number {
  const column = rows.map((row) => row[day]).sort((a, b) => a - b);
  const middle = column.length >> 1;
  return column.length % 2 ? column[middle] : (column[middle - 1] + column[middle]) / 2;
}

/**
 * Working days from the peak of the shock's excess undeployed code (over the same team and
 * seeds without the shock) until the excess falls below half its peak for good; null if it has
 * not by the end of the run. Measuring against the undisturbed team keeps a release that was
 * merely held back from passing for a recovery.
 */
export function recoveryHalfLife(
  excess: Float64Array,
  baseline: Float64Array,
  shockDay: number,
): number | null {
  let peak = 0;
  let peakDay = shockDay;
  for (let day = shockDay; day < excess.length; day++) {
    if (excess[day] > peak) {
      peak = excess[day];
      peakDay = day;
    }
  }
  // An excess within a twentieth of the undisturbed level is a shifted phase of the train, not a
  // disturbance still to recover from.
  const noise = (day: number) => NOISE_SHARE * baseline[day];
  if (!(peak > noise(peakDay))) return 0;
  let lastAbove = peakDay;
  for (let day = peakDay; day < excess.length; day++) {
    if (excess[day] > Math.max(peak / 2, noise(day))) lastAbove = day;
  }
  return lastAbove >= excess.length - 1 ? null : lastAbove - peakDay;
}

const SEVERITY: Record<Outcome, number> = { stable: 0, recovers: 1, spirals: 2 };

/**
 * Runs one shock over the seeds for its outcome, and measures its half-life on the expected-value
 * run against the same run without the shock: seeds that part ways after the shock differ by
 * more than a small shock does, while the expected-value runs differ by the shock alone.
 */
function readShock(
  params: Params,
  shock: Intervention,
  options: TippingOptions & { seeds: number },
  shockDay: number,
): ShockReading {
  const days = options.days ?? DEFAULT_DAYS;
  const calm = (options.interventions ?? []).filter((i) => i.type !== 'releaseSlip');
  const counts: Record<Outcome, number> = { stable: 0, recovers: 0, spirals: 0 };
  const shocked: Float64Array[] = [];
  for (let run = 0; run < options.seeds; run++) {
    const seed = runSeed(options.seed ?? 1, run);
    const result = simulate(params, {
      ...options,
      mode: 'stochastic',
      days,
      seed,
      interventions: [...calm, shock],
    });
    counts[classifyOutcome(result, shockDay).outcome]++;
    shocked.push(result.series.wipLines);
  }
  const expected = { ...options, mode: 'expected' as const, days };
  const withShock = smooth(
    simulate(params, { ...expected, interventions: [...calm, shock] }).series.wipLines,
  );
  const without = smooth(simulate(params, { ...expected, interventions: calm }).series.wipLines);
  const excess = withShock.map((value, day) => value - without[day]);
  const medianWip = new Float64Array(days).map((_, day) => medianOfColumn(shocked, day));
  const outcome = (Object.keys(counts) as Outcome[]).reduce((best, o) =>
    counts[o] > counts[best] || (counts[o] === counts[best] && SEVERITY[o] > SEVERITY[best])
      ? o
      : best,
  );
  return {
    ...classifyWip(medianWip, days, shockDay),
    outcome,
    halfLifeDays: recoveryHalfLife(excess, without, shockDay),
    spiralShare: counts.spirals / options.seeds,
  };
}

/**
 * Applies the standard slip (three weeks, in place of any slip the scenario carries) and the
 * standard incident (80 hours, half the team) over seeds, and classes the team: with extreme
 * difficulty when most seeds spiral after either shock or the excess takes over 80 working days
 * to halve; with ease when neither does, both halve within 20 working days and fewer than half
 * the seeds tip after a slip of six weeks; with moderate difficulty otherwise.
 */
export function resilience(
  params: Params,
  options: TippingOptions & { seeds?: number } & WithProgress = {},
): ResilienceReport {
  const { onProgress, ...simulation } = options;
  const shockDay = simulation.shockDay ?? STANDARD_SHOCK_DAY;
  const seeds = simulation.seeds ?? 10;
  const run = { ...simulation, seeds };
  const slip = readShock(params, standardSlip(undefined, shockDay), run, shockDay);
  onProgress?.(1, 6);
  const incident = readShock(params, standardIncident(shockDay, params.teamSize), run, shockDay);
  onProgress?.(2, 6);
  // The tipping curve is most of the work: the last two thirds.
  const tipping = tippingCurve(params, {
    ...simulation,
    seeds,
    slips: slipGrid(MAX_SLIP_DAYS, 3),
    onProgress: phaseOf(onProgress, 1 / 3, 1),
  });
  const halfLife = (reading: ShockReading) =>
    reading.outcome === 'stable' ? 0 : (reading.halfLifeDays ?? Number.POSITIVE_INFINITY);
  const slowest = Math.max(halfLife(slip), halfLife(incident));
  let resilienceClass: ResilienceClass = 'moderate';
  if (
    slip.outcome === 'spirals' ||
    incident.outcome === 'spirals' ||
    tipping.slipToleranceDays < LIMITED_SLIP_DAYS ||
    slowest > HARD_HALF_LIFE_DAYS
  )
    resilienceClass = 'extreme';
  else if (slowest <= EASY_HALF_LIFE_DAYS && tipping.slipToleranceDays >= MAX_SLIP_DAYS)
    resilienceClass = 'ease';
  return {
    slip,
    incident,
    slipToleranceDays: tipping.slipToleranceDays,
    tipping,
    seeds,
    resilience: resilienceClass,
  };
}
