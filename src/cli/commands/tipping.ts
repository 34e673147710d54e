import { criticalValue, slipTolerance } from '../../analysis/tipping';
import { InputError } from '../../errors';
import { paramSpec } from '../../params';
import { scenarioOptions } from '../../scenario';
import { numberFlag, rangeFlag, show, single, toCsv, writeCsvFile } from './flags';
import type { Command } from './types';

/** `tipping`: the critical value of a parameter and the slip tolerance of the team. */
export const tippingCommand: Command = {
  flags: ['--param', '--range', '--slip'],
  summary:
    'tipping point: the value of a parameter where the team starts to spiral, and its slip tolerance',
  usage: 'tipping [--param fixGrowthPerChange] [--range 0.02:0.2] [--slip 15]',
  run(args, scenario, { out }) {
    const options = { ...scenarioOptions(scenario), mode: 'expected' as const };
    const tolerance = slipTolerance(scenario.params, { ...options, maxSlipDays: 120 });
    const param = single(args, '--param');
    const slipDays = numberFlag(args, '--slip', 0, 260, 15)!;
    let critical = null;
    if (param !== undefined) {
      const spec = paramSpec(param, '--param');
      if (spec.kind !== 'number' && spec.kind !== 'integer')
        throw new InputError('--param', param, 'allowed: a numeric parameter');
      const rangeText = single(args, '--range');
      critical = criticalValue(
        scenario.params,
        spec.id,
        rangeText ? rangeFlag(rangeText, '--range') : undefined,
        { ...options, slipDays },
      );
    }
    if (args.csv)
      writeCsvFile(
        args.csv,
        toCsv(
          ['slipToleranceDays', 'param', 'criticalValue', 'spiralsWhen'],
          [
            [
              tolerance,
              critical?.param ?? null,
              critical?.value ?? null,
              critical?.spiralsWhen ?? null,
            ],
          ],
        ),
      );
    if (args.json) return out(JSON.stringify({ slipToleranceDays: tolerance, critical }));
    out(
      `Slip tolerance: the team recovers from a one-time release slip of up to ${tolerance} working days${tolerance >= 120 ? ' (or more)' : ''}; a longer slip tips it into the spiral.`,
    );
    if (critical) {
      if (critical.value === null) {
        out(
          `${critical.param}: no tipping point between ${show(critical.range[0], 3)} and ${show(critical.range[1], 3)} (outcome ${critical.outcomeAtLow} at one end, ${critical.outcomeAtHigh} at the other) after a ${slipDays}-day slip.`,
        );
      } else {
        out(
          `${critical.param}: after a ${slipDays}-day slip the team spirals ${critical.spiralsWhen} ${show(critical.value, 4)} (searched ${show(critical.range[0], 3)} to ${show(critical.range[1], 3)}; now ${show(scenario.params[critical.param] as number, 4)}).`,
        );
      }
    }
  },
};
