import { type Intervention, STANDARD_SLIP_DAYS } from '../inputs/interventions.ts';
import type { SimulationResult } from '../simulate.ts';

/** How a team comes out of a run: unshaken, shaken but back, or caught in the spiral. */
export type Outcome = 'stable' | 'recovers' | 'spirals';

/** The day of the standard shock (its size is `STANDARD_SLIP_DAYS`). */
export const STANDARD_SHOCK_DAY = 100;

/** The most seeds an analysis runs for each setting it tries. */
export const MAX_ANALYSIS_SEEDS = 1000;

/** The standard shock as an intervention. */
export function standardSlip(
  days: number = STANDARD_SLIP_DAYS,
  day: number = STANDARD_SHOCK_DAY,
): Intervention {
  return { type: 'releaseSlip', day, days };
}

/**
 * A scenario's interventions with its own release slips replaced by one slip of `slipDays` at
 * `day` (none for 0): analyses that ask "which slip tips this team" measure the slip they add,
 * not the one a story preset already carries.
 */
export function withSlip(
  interventions: readonly Intervention[] = [],
  slipDays: number = STANDARD_SLIP_DAYS,
  day: number = STANDARD_SHOCK_DAY,
): Intervention[] {
  const kept = interventions.filter((intervention) => intervention.type !== 'releaseSlip');
  return slipDays > 0 ? [...kept, standardSlip(slipDays, day)] : kept;
}

/** Working days averaged for each reading of undeployed code. */
const SMOOTHING_DAYS = 20;

/** A classified run: the outcome and the undeployed-code readings it rests on. */
export interface OutcomeReading {
  outcome: Outcome;
  /** Mean undeployed code (lines) in the 40 working days before the shock. */
  before: number;
  /** Highest 20-day mean after the shock. */
  peak: number;
  /** Mean over the last 40 working days. */
  end: number;
  /** Working days from the peak until the excess over `before` halved; null if it never did. */
  halfLifeDays: number | null;
}

function mean(values: ArrayLike<number>, from: number, to: number): number {
  const start = Math.max(0, Math.floor(from));
  const stop = Math.min(values.length, Math.floor(to));
  if (stop <= start) return 0;
  let sum = 0;
  for (let i = start; i < stop; i++) sum += values[i];
  return sum / (stop - start);
}

/**
 * Classifies a run by its undeployed code (the article's WIP) around a shock at `shockDay`:
 * spirals when at the end it is over twice what it was before the shock (or over 1.5 times and
 * still growing); stable when its 20-day mean never rose more than 25% above it; recovers
 * otherwise. The half-life is how long the excess took to halve from its peak.
 */
export function classifyOutcome(
  result: SimulationResult,
  shockDay: number = STANDARD_SHOCK_DAY,
): OutcomeReading {
  return classifyWip(result.series.wipLines, result.days, shockDay);
}

/** The same classification from a series of undeployed code alone (a run's, or a median over runs). */
export function classifyWip(
  wip: ArrayLike<number>,
  days: number,
  shockDay: number = STANDARD_SHOCK_DAY,
): OutcomeReading {
  const before = mean(wip, shockDay - 40, shockDay);
  const end = mean(wip, days - 40, days);
  const earlier = mean(wip, days - 120, days - 80);
  let peak = 0;
  let peakDay = shockDay;
  const smoothed = new Float64Array(days);
  for (let day = shockDay; day < days; day++) {
    smoothed[day] = mean(wip, day - SMOOTHING_DAYS + 1, day + 1);
    if (smoothed[day] > peak) {
      peak = smoothed[day];
      peakDay = day;
    }
  }
  let halfLifeDays: number | null = null;
  const halfway = before + (peak - before) / 2;
  for (let day = peakDay; day < days; day++) {
    if (smoothed[day] <= halfway) {
      halfLifeDays = day - peakDay;
      break;
    }
  }
  if (!(before > 0))
    return { outcome: end > 0 ? 'spirals' : 'stable', before, peak, end, halfLifeDays };
  const growing = end > 1.1 * earlier;
  let outcome: Outcome = 'recovers';
  if (end > 2 * before || (end > 1.5 * before && growing)) outcome = 'spirals';
  else if (peak <= 1.25 * before) outcome = 'stable';
  return { outcome, before, peak, end, halfLifeDays };
}
