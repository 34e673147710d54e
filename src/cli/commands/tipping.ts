import { MAX_ANALYSIS_SEEDS } from '../../analysis/outcome.ts';
import { criticalValue, slipGrid, tippingCurve } from '../../analysis/tipping.ts';
import { InputError } from '../../inputs/errors.ts';
import { STANDARD_SLIP_DAYS } from '../../inputs/interventions.ts';
import { paramSpec } from '../../inputs/params.ts';
import { scenarioOptions } from '../../scenario.ts';
import { createProgress } from '../progress.ts';
import { numberFlag, rangeFlag, show, single, toCsv, wholeFlag, writeCsvFile } from './flags.ts';
import type { Command } from './types.ts';

/** `tipping`: how often slips of each length tip the team over seeds, and a parameter's critical value. */
export const tippingCommand: Command = {
  flags: ['--param', '--range', '--slip', '--seeds', '--max-slip'],
  summary:
    'tipping point: the share of seeds a one-time slip of each length tips into the spiral, and the value of a parameter where the team starts to spiral',
  usage: `tipping [--seeds 20] [--max-slip 60] [--param regressionPassDays] [--range 1:10] [--slip ${STANDARD_SLIP_DAYS}]`,
  run(args, scenario, io) {
    const { out } = io;
    const options = scenarioOptions(scenario);
    const seeds = wholeFlag(args, '--seeds', 1, MAX_ANALYSIS_SEEDS, 20);
    const maxSlip = wholeFlag(args, '--max-slip', 1, 260, 60);
    // Every flag is read before anything runs: bad input is refused at once, not after the curve.
    const param = single(args, '--param');
    const rangeText = single(args, '--range');
    if (rangeText !== undefined && param === undefined)
      throw new InputError(
        '--range',
        rangeText,
        'allowed: only with --param, which it is a range of',
      );
    const slipDays = numberFlag(args, '--slip', 0, 260, STANDARD_SLIP_DAYS)!;
    const spec = param === undefined ? undefined : paramSpec(param, '--param');
    if (spec && spec.kind !== 'number' && spec.kind !== 'integer')
      throw new InputError('--param', param, 'allowed: a numeric parameter');
    const range = rangeText !== undefined ? rangeFlag(rangeText, '--range') : undefined;
    const curveProgress = createProgress(io);
    const curve = tippingCurve(scenario.params, {
      ...options,
      seeds,
      slips: slipGrid(maxSlip),
      onProgress: curveProgress.update,
    });
    curveProgress.done();
    let critical = null;
    if (spec) {
      const criticalProgress = createProgress(io);
      critical = criticalValue(scenario.params, spec.id, range, {
        ...options,
        mode: 'expected',
        slipDays,
        onProgress: criticalProgress.update,
      });
      criticalProgress.done();
    }
    if (args.csv)
      writeCsvFile(
        args.csv,
        toCsv(
          ['slipDays', 'tippedShare'],
          curve.points.map((point) => [point.slipDays, point.tippedShare]),
        ),
      );
    if (args.json)
      return out(
        JSON.stringify({
          slipToleranceDays: curve.slipToleranceDays,
          seeds: curve.seeds,
          points: curve.points,
          critical,
        }),
      );
    out(
      `Slip tolerance over ${seeds} seeds: fewer than half the seeds spiral after a one-time slip of up to ${curve.slipToleranceDays} working days${curve.slipToleranceDays >= maxSlip ? ' (the longest tried)' : ''}.`,
    );
    out('Slip (working days)  Seeds that spiral');
    for (const point of curve.points)
      out(`${String(point.slipDays).padEnd(21)}${show(point.tippedShare * 100, 0)}%`);
    if (critical) {
      if (critical.value === null) {
        out(
          `${critical.param}: no tipping point between ${show(critical.range[0], 3)} and ${show(critical.range[1], 3)} (outcome ${critical.outcomeAtLow} at one end, ${critical.outcomeAtHigh} at the other) after a ${slipDays}-day slip (expected-value runs).`,
        );
      } else {
        out(
          `${critical.param}: after a ${slipDays}-day slip the expected-value run spirals ${critical.spiralsWhen} ${show(critical.value, 4)} (searched ${show(critical.range[0], 3)} to ${show(critical.range[1], 3)}; now ${show(scenario.params[critical.param] as number, 4)}).`,
        );
      }
    }
  },
};
