import { InputError } from '../inputs/errors.ts';
import { type Intervention, STANDARD_SLIP_DAYS } from '../inputs/interventions.ts';
import { requireWhole } from '../inputs/numbers.ts';
import { type ParamId, type Params, paramSpec } from '../inputs/params.ts';
import { runSeed } from '../monte-carlo.ts';
import { medianOf } from '../outputs/quantiles.ts';
import { simulate } from '../simulate.ts';
import {
  classifyOutcome,
  MAX_ANALYSIS_SEEDS,
  type Outcome,
  STANDARD_SHOCK_DAY,
  withSlip,
} from './outcome.ts';

/** One swept parameter: `steps` values evenly from `from` to `to`. */
export interface SweepAxis {
  param: ParamId;
  from: number;
  to: number;
  steps: number;
}

/** A sweep: one or two axes, a number of seeds per cell, and the shock each run takes. */
export interface SweepSpec {
  axes: SweepAxis[];
  seeds: number;
  days: number;
  /** Seed of the first run of every cell (cells share seeds, so they differ only by parameters). */
  seed?: number;
  /** Working days the standard release slip lasts (0 for none); it replaces any slip the scenario carries. */
  slipDays?: number;
  /** The scenario's own interventions (its escape steps, say), kept in every run. */
  interventions?: readonly Intervention[];
}

/** What one cell of a sweep came to, over its seeds. */
export interface SweepCell {
  index: number;
  values: number[];
  outcomeCounts: Record<Outcome, number>;
  /** The most frequent outcome (ties go to the worse one). */
  outcome: Outcome;
  /** Medians over the seeds that have the figure; null when none shipped anything. */
  leadTimeDays: number | null;
  meanWipLines: number;
  deploymentsPerWeek: number;
  changeFailureRate: number | null;
}

/** The most cells a sweep may have. */
export const MAX_SWEEP_CELLS = 10000;

/** Checks a sweep before any work starts; every problem names the field. */
export function validateSweep(spec: SweepSpec): void {
  if (!Array.isArray(spec.axes) || spec.axes.length < 1 || spec.axes.length > 2) {
    throw new InputError('axes', spec.axes?.length, 'allowed: one or two parameters to sweep');
  }
  let cells = 1;
  spec.axes.forEach((axis, i) => {
    const field = `axes[${i}]`;
    const param = paramSpec(axis.param, `${field}.param`);
    if (param.kind !== 'number' && param.kind !== 'integer')
      throw new InputError(`${field}.param`, axis.param, 'allowed: a numeric parameter');
    if (!(Number.isFinite(axis.from) && Number.isFinite(axis.to) && axis.from < axis.to)) {
      throw new InputError(
        `${field}.range`,
        `${axis.from}..${axis.to}`,
        'allowed: from below to, e.g. 2:20',
      );
    }
    if (axis.from < param.min || axis.to > param.max) {
      throw new InputError(
        `${field}.range`,
        `${axis.from}..${axis.to}`,
        `allowed: within ${param.min} to ${param.max} (${param.unit})`,
      );
    }
    if (!(Number.isInteger(axis.steps) && axis.steps >= 2))
      throw new InputError(
        `${field}.steps`,
        axis.steps,
        'allowed: a whole number of steps, at least 2',
      );
    cells *= axis.steps;
  });
  if (cells > MAX_SWEEP_CELLS)
    throw new InputError('grid', cells, `allowed: at most ${MAX_SWEEP_CELLS} cells`);
  requireWhole(spec.seeds, 'seeds', 1, MAX_ANALYSIS_SEEDS);
  if (!(Number.isInteger(spec.days) && spec.days > STANDARD_SHOCK_DAY + 80 && spec.days <= 5200)) {
    throw new InputError(
      'days',
      spec.days,
      `allowed: a whole number from ${STANDARD_SHOCK_DAY + 81} to 5200`,
    );
  }
}

/** How many cells a sweep has. */
export function sweepSize(spec: SweepSpec): number {
  return spec.axes.reduce((cells, axis) => cells * axis.steps, 1);
}

/** The parameter values of cell `index` (the first axis varies fastest). */
export function cellValues(spec: SweepSpec, index: number): number[] {
  let rest = index;
  return spec.axes.map((axis) => {
    const step = rest % axis.steps;
    rest = Math.floor(rest / axis.steps);
    const value = axis.from + ((axis.to - axis.from) * step) / (axis.steps - 1);
    return paramSpec(axis.param).kind === 'integer' ? Math.round(value) : value;
  });
}

const SEVERITY: Record<Outcome, number> = { stable: 0, recovers: 1, spirals: 2 };

/** Runs one cell over its seeds: reproducible on its own, so cells can be shared among workers. */
export function runSweepCell(params: Params, spec: SweepSpec, index: number): SweepCell {
  const values = cellValues(spec, index);
  const cellParams: Params = { ...params };
  spec.axes.forEach((axis, i) => {
    Object.assign(cellParams, { [axis.param]: values[i] });
  });
  const slipDays = spec.slipDays ?? STANDARD_SLIP_DAYS;
  const interventions = withSlip(spec.interventions, slipDays);
  const outcomeCounts: Record<Outcome, number> = { stable: 0, recovers: 0, spirals: 0 };
  const lead: (number | null)[] = [];
  const wip: number[] = [];
  const frequency: number[] = [];
  const failures: (number | null)[] = [];
  for (let run = 0; run < spec.seeds; run++) {
    const result = simulate(cellParams, {
      days: spec.days,
      seed: runSeed(spec.seed ?? 1, run),
      interventions,
    });
    outcomeCounts[classifyOutcome(result).outcome]++;
    lead.push(result.summary.leadTimeDays);
    wip.push(result.summary.meanWipLines);
    frequency.push(result.summary.deploymentsPerWeek);
    failures.push(result.summary.changeFailureRate);
  }
  const outcome = (Object.keys(outcomeCounts) as Outcome[]).reduce((best, o) =>
    outcomeCounts[o] > outcomeCounts[best] ||
    (outcomeCounts[o] === outcomeCounts[best] && SEVERITY[o] > SEVERITY[best])
      ? o
      : best,
  );
  return {
    index,
    values,
    outcomeCounts,
    outcome,
    leadTimeDays: medianOf(lead),
    meanWipLines: medianOf(wip) ?? 0,
    deploymentsPerWeek: medianOf(frequency) ?? 0,
    changeFailureRate: medianOf(failures),
  };
}

/** Hooks for a long sweep: progress after each cell, and a way to stop early. */
export interface SweepControl {
  onProgress?: (done: number, total: number) => void;
  isCancelled?: () => boolean;
}

/** Runs every cell in order in this thread (workers split the same cells for speed). */
export function runSweep(
  params: Params,
  spec: SweepSpec,
  control: SweepControl = {},
): { cells: SweepCell[]; cancelled: boolean } {
  validateSweep(spec);
  const total = sweepSize(spec);
  const cells: SweepCell[] = [];
  for (let index = 0; index < total; index++) {
    if (control.isCancelled?.()) return { cells, cancelled: true };
    cells.push(runSweepCell(params, spec, index));
    control.onProgress?.(index + 1, total);
  }
  return { cells, cancelled: false };
}

/**
 * The boundary of a two-parameter phase map: pairs of neighbouring cells (right or up) whose
 * outcome differs between spiralling and not, as cell indices.
 */
export function phaseBoundary(spec: SweepSpec, cells: readonly SweepCell[]): [number, number][] {
  if (spec.axes.length !== 2) return [];
  const [nx, ny] = [spec.axes[0].steps, spec.axes[1].steps];
  const spirals = (i: number) => cells[i]?.outcome === 'spirals';
  const pairs: [number, number][] = [];
  for (let y = 0; y < ny; y++) {
    for (let x = 0; x < nx; x++) {
      const i = y * nx + x;
      if (x + 1 < nx && spirals(i) !== spirals(i + 1)) pairs.push([i, i + 1]);
      if (y + 1 < ny && spirals(i) !== spirals(i + nx)) pairs.push([i, i + nx]);
    }
  }
  return pairs;
}
