import type { Intervention } from '../interventions';
import type { Params } from '../params';
import { simulate } from '../simulate';
import { classifyOutcome, type OutcomeReading, STANDARD_SHOCK_DAY, standardSlip } from './outcome';
import { slipTolerance, type TippingOptions } from './tipping';

/** The article's three kinds of organisation, by how they come back from a shock. */
export type ResilienceClass = 'ease' | 'moderate' | 'extreme';

/** Plain-language names of the classes. */
export const RESILIENCE_LABELS: Readonly<Record<ResilienceClass, string>> = {
  ease: 'recovers with ease',
  moderate: 'recovers with moderate difficulty',
  extreme: 'recovers with extreme difficulty, or not at all',
};

/** How a team took the two standard shocks and how far it is from its tipping point. */
export interface ResilienceReport {
  slip: OutcomeReading;
  incident: OutcomeReading;
  /** Longest one-time slip (working days) it survives: its distance to the tipping point. */
  slipToleranceDays: number;
  resilience: ResilienceClass;
}

/** The standard major incident: 80 hours, taking half the team (at least one engineer). */
export function standardIncident(params: Params, day: number = STANDARD_SHOCK_DAY): Intervention {
  return {
    type: 'incident',
    day,
    hours: 80,
    responders: Math.max(1, Math.round(params.teamSize / 2)),
  };
}

/** Half-lives at or under this (working days) count as an easy recovery. */
export const EASY_HALF_LIFE_DAYS = 20;
/** Half-lives over this are an extreme recovery. */
export const HARD_HALF_LIFE_DAYS = 80;

/**
 * Applies the standard slip (three weeks) and the standard incident (80 hours, half the team)
 * and classes the team: with ease when neither spirals, both recover within 20 working days
 * and it survives a slip of twice the standard one; with extreme difficulty when either
 * spirals or takes over 80 working days to halve the disturbance; moderate otherwise.
 */
export function resilience(params: Params, options: TippingOptions = {}): ResilienceReport {
  const shockDay = options.shockDay ?? STANDARD_SHOCK_DAY;
  const run = (shock: Intervention) =>
    classifyOutcome(
      simulate(params, {
        mode: 'expected',
        ...options,
        days: options.days ?? 520,
        interventions: [...(options.interventions ?? []), shock],
      }),
      shockDay,
    );
  const slip = run(standardSlip(undefined, shockDay));
  const incident = run(standardIncident(params, shockDay));
  const slipToleranceDays = slipTolerance(params, { ...options, maxSlipDays: 60 });
  const halfLife = (reading: OutcomeReading) =>
    reading.outcome === 'stable' ? 0 : (reading.halfLifeDays ?? Number.POSITIVE_INFINITY);
  const slowest = Math.max(halfLife(slip), halfLife(incident));
  let resilienceClass: ResilienceClass = 'moderate';
  if (slip.outcome === 'spirals' || incident.outcome === 'spirals' || slowest > HARD_HALF_LIFE_DAYS)
    resilienceClass = 'extreme';
  else if (slowest <= EASY_HALF_LIFE_DAYS && slipToleranceDays >= 30) resilienceClass = 'ease';
  return { slip, incident, slipToleranceDays, resilience: resilienceClass };
}
