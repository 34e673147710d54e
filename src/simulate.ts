import { InputError } from './inputs/errors.ts';
import type { Intervention } from './inputs/interventions.ts';
import { assertValidParams, type Params } from './inputs/params.ts';
import { DEFAULT_DAYS, MAX_DAYS } from './inputs/run-length.ts';
import { type Summary, summarise } from './metrics.ts';
import { createDayContext } from './model/day.ts';
import { createExpectedDraws, createSeededDraws, type Draws } from './model/random.ts';
import {
  createState,
  type DeploymentEvent,
  type IncidentEvent,
  type InterventionEvent,
  type SimulationState,
  type Totals,
} from './model/state.ts';
import { stepDay } from './model/step.ts';
import type { DoraYear } from './outputs/dora.ts';
import type { SeriesSet } from './outputs/series.ts';

/** How a run is done: its length, its randomness and the days its summary covers. */
export interface SimulationOptions {
  /** Working days to simulate (default 520, two years). */
  days?: number;
  /** Seed of the random generator (default 1). */
  seed?: number | string;
  /** 'stochastic' draws from the seeded generator; 'expected' replaces every draw by its mean. */
  mode?: 'stochastic' | 'expected';
  /** Working days left out of the summary while the team settles (default a fifth of the run, at most 130). */
  warmupDays?: number;
  /** Escape steps, shocks and parameter changes, by day. */
  interventions?: readonly Intervention[];
  /** DORA table for the classification (default 2023). */
  doraYear?: DoraYear;
}

/** A finished run: plain data with no references back into the engine. */
export interface SimulationResult {
  params: Params;
  days: number;
  warmupDays: number;
  seed: number | string;
  mode: 'stochastic' | 'expected';
  series: SeriesSet;
  deployments: DeploymentEvent[];
  incidents: IncidentEvent[];
  interventions: InterventionEvent[];
  totals: Totals;
  summary: Summary;
}

/** The default summary window's warm-up for a run of `days`. */
export function defaultWarmupDays(days: number): number {
  return Math.min(130, Math.floor(days / 5));
}

function checkOptions(options: SimulationOptions): void {
  const { days, warmupDays, seed, mode } = options;
  if (days !== undefined && !(Number.isInteger(days) && days >= 1 && days <= MAX_DAYS)) {
    throw new InputError(
      'days',
      days,
      `allowed: a whole number of working days from 1 to ${MAX_DAYS}`,
    );
  }
  const length = days ?? DEFAULT_DAYS;
  if (
    warmupDays !== undefined &&
    !(Number.isInteger(warmupDays) && warmupDays >= 0 && warmupDays < length)
  ) {
    throw new InputError(
      'warmupDays',
      warmupDays,
      `allowed: a whole number from 0 to ${length - 1}`,
    );
  }
  if (seed !== undefined && !(typeof seed === 'string' || Number.isFinite(seed))) {
    throw new InputError('seed', seed, 'allowed: a number or a string');
  }
  if (mode !== undefined && mode !== 'stochastic' && mode !== 'expected') {
    throw new InputError('mode', mode, 'allowed: stochastic or expected');
  }
}

/** Starts a run that can be advanced day by day and resumed from saved (JSON) state. */
export function startSimulation(params: Params, options: SimulationOptions = {}): SimulationState {
  assertValidParams(params);
  checkOptions(options);
  const days = options.days ?? DEFAULT_DAYS;
  return createState(
    params,
    {
      days,
      warmupDays: options.warmupDays ?? defaultWarmupDays(days),
      seed: options.seed ?? 1,
      expected: options.mode === 'expected',
    },
    options.interventions ?? [],
  );
}

function drawsFor(state: SimulationState): Draws {
  return state.expected ? createExpectedDraws() : createSeededDraws(state.seed, state.rngState);
}

/** Advances a run by up to `days` working days (never past its length) and returns the same state. */
export function advance(state: SimulationState, days: number): SimulationState {
  const draws = drawsFor(state);
  const context = createDayContext(state.day, draws, state.params.teamSize);
  const until = Math.min(state.days, state.day + Math.max(0, Math.floor(days)));
  while (state.day < until) stepDay(state, context);
  state.rngState = draws.saveState();
  return state;
}

/** The result of a run so far, summarised over the days after the warm-up. */
export function resultOf(state: SimulationState, doraYear: DoraYear = 2023): SimulationResult {
  return {
    params: { ...state.params },
    days: state.day,
    warmupDays: state.warmupDays,
    seed: state.seed,
    mode: state.expected ? 'expected' : 'stochastic',
    series: state.series,
    deployments: state.deploymentsLog,
    incidents: state.incidentLog,
    interventions: state.interventionLog,
    totals: { ...state.totals },
    summary: summarise(state, doraYear),
  };
}

/** Runs a team for `options.days` working days and summarises it: the engine's main entry point. */
export function simulate(params: Params, options: SimulationOptions = {}): SimulationResult {
  const state = startSimulation(params, options);
  advance(state, state.days);
  return resultOf(state, options.doraYear ?? 2023);
}
