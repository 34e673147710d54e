import { availableParallelism } from 'node:os';
import { MAX_ANALYSIS_SEEDS } from '../../analysis/outcome.ts';
import {
  phaseBoundary,
  type SweepAxis,
  type SweepSpec,
  sweepSize,
  validateSweep,
} from '../../analysis/sweep.ts';
import { InputError } from '../../inputs/errors.ts';
import { STANDARD_SLIP_DAYS } from '../../inputs/interventions.ts';
import { paramSpec } from '../../inputs/params.ts';
import { checkBudget, runsEstimate } from '../budget.ts';
import { createProgress } from '../progress.ts';
import { runSweepInParallel } from '../sweep-pool.ts';
import { numberFlag, pad, show, toCsv, wholeFlag, writeCsvFile } from './flags.ts';
import type { Command } from './types.ts';

const OUTCOME_MARK = { stable: '.', recovers: 'o', spirals: 'X' } as const;

function parseAxis(text: string): SweepAxis {
  const match = /^([A-Za-z]+)=([^:]+):([^:]+):(\d+)$/.exec(text.trim());
  if (!match)
    throw new InputError(
      '--param',
      text,
      'allowed: ID=FROM:TO:STEPS, e.g. releaseIntervalDays=2:30:15',
    );
  const spec = paramSpec(match[1], '--param');
  return { param: spec.id, from: Number(match[2]), to: Number(match[3]), steps: Number(match[4]) };
}

/** `sweep`: one or two parameters over a grid, several seeds a cell, the outcome of each cell. */
export const sweepCommand: Command = {
  flags: ['--param', '--seeds', '--slip', '--workers'],
  summary:
    'sweep one or two parameters (a phase map with two): outcome of each cell after a release slip',
  usage: `sweep --param releaseIntervalDays=3:20:10 [--param regressionPassDays=1:10:10] [--seeds 10] [--slip ${STANDARD_SLIP_DAYS}] [--workers 2]`,
  async run(args, scenario, { out, err, status }) {
    const axes = (args.extra['--param'] ?? []).map(parseAxis);
    const spec: SweepSpec = {
      axes,
      seeds: wholeFlag(args, '--seeds', 1, MAX_ANALYSIS_SEEDS, 10),
      days: scenario.days,
      seed: typeof scenario.seed === 'number' ? scenario.seed : 1,
      slipDays: numberFlag(args, '--slip', 0, 260, STANDARD_SLIP_DAYS),
      interventions: scenario.interventions,
    };
    validateSweep(spec);
    const asked = wholeFlag(args, '--workers', 1, 64, 2);
    const cores = availableParallelism();
    if (asked > cores)
      err(`--workers ${asked}: this machine has ${cores} cores, so ${cores} work.`);
    const workers = Math.min(asked, cores);
    const runs = sweepSize(spec) * spec.seeds;
    checkBudget(
      {
        ...runsEstimate(runs, spec.days, false, workers),
        // A sweep keeps one small record a cell, not the runs.
        bytes: sweepSize(spec) * 1024,
        field: '--seeds',
        value: spec.seeds,
        what: `a sweep of ${sweepSize(spec)} cells × ${spec.seeds} seeds on ${workers} workers`,
      },
      args.overBudget,
      err,
    );
    const progress = createProgress({ err, status }, 'cells');
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    const { cells, cancelled } = await runSweepInParallel(scenario.params, spec, {
      workers,
      signal: controller.signal,
      onProgress: progress.update,
    });
    process.off('SIGINT', stop);
    progress.done();
    if (cancelled)
      throw new InputError(
        'sweep',
        'interrupted',
        `allowed: to finish; ${cells.length} of ${sweepSize(spec)} cells were done`,
      );
    const names = axes.map((a) => a.param);
    if (args.csv) {
      writeCsvFile(
        args.csv,
        toCsv(
          [
            ...names,
            'outcome',
            'stable',
            'recovers',
            'spirals',
            'leadTimeDays',
            'meanWipLines',
            'deploymentsPerWeek',
            'changeFailureRate',
          ],
          cells.map((c) => [
            ...c.values,
            c.outcome,
            c.outcomeCounts.stable,
            c.outcomeCounts.recovers,
            c.outcomeCounts.spirals,
            c.leadTimeDays,
            c.meanWipLines,
            c.deploymentsPerWeek,
            c.changeFailureRate,
          ]),
        ),
      );
    }
    if (args.json)
      return out(JSON.stringify({ spec, cells, boundary: phaseBoundary(spec, cells) }));
    if (axes.length === 1) {
      out(`${pad(names[0], 24)}${pad('Outcome', 10)}${pad('Lead time', 12)}Undeployed code`);
      for (const c of cells)
        out(
          `${pad(show(c.values[0], 3), 24)}${pad(c.outcome, 10)}${pad(`${show(c.leadTimeDays)} days`, 12)}${show(c.meanWipLines, 0)} lines`,
        );
      return;
    }
    const [x, y] = axes;
    out(
      `Phase map after a ${spec.slipDays}-day release slip (${spec.seeds} seeds a cell): . stable  o recovers  X spirals`,
    );
    out(
      `rows: ${y.param} (top = ${show(y.to, 3)}), columns: ${x.param} ${show(x.from, 3)} to ${show(x.to, 3)}`,
    );
    for (let row = y.steps - 1; row >= 0; row--) {
      const marks = cells
        .slice(row * x.steps, (row + 1) * x.steps)
        .map((c) => OUTCOME_MARK[c.outcome])
        .join(' ');
      out(`${pad(show(cells[row * x.steps].values[1], 3), 10)}${marks}`);
    }
  },
};
