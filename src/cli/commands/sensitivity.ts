import { sensitivity } from '../../analysis/sensitivity.ts';
import { InputError } from '../../inputs/errors.ts';
import { SUMMARY_NUMBERS, type SummaryNumber } from '../../metrics.ts';
import { scenarioOptions } from '../../scenario.ts';
import { createProgress } from '../progress.ts';
import { pad, show, single, toCsv, writeCsvFile } from './flags.ts';
import type { Command } from './types.ts';

/** `sensitivity`: the tornado of every parameter's effect on one metric. */
export const sensitivityCommand: Command = {
  flags: ['--metric', '--top'],
  summary: 'each parameter moved across its plausible range, effect on a metric, largest first',
  usage: 'sensitivity [--metric leadTimeDays] [--top 15]',
  run(args, scenario, io) {
    const { out } = io;
    const metric = single(args, '--metric') ?? 'leadTimeDays';
    if (!(SUMMARY_NUMBERS as readonly string[]).includes(metric))
      throw new InputError('--metric', metric, `allowed: one of ${SUMMARY_NUMBERS.join(', ')}`);
    const progress = createProgress(io, 'parameters');
    const bars = sensitivity(scenario.params, metric as SummaryNumber, {
      ...scenarioOptions(scenario),
      mode: 'expected',
      onProgress: progress.update,
    });
    progress.done();
    if (args.csv)
      writeCsvFile(
        args.csv,
        toCsv(
          ['param', 'low', 'high', 'metricAtLow', 'metricAtHigh', 'swing'],
          bars.map((b) => [b.param, b.low, b.high, b.metricAtLow, b.metricAtHigh, b.swing]),
        ),
      );
    if (args.json) return out(JSON.stringify({ metric, bars }));
    const top = Number(single(args, '--top') ?? 15);
    if (!(Number.isInteger(top) && top >= 1))
      throw new InputError('--top', top, 'allowed: a whole number of bars, at least 1');
    const widest = bars[0]?.swing || 1;
    out(
      `Effect on ${metric} of moving each parameter from half to one and a half times its value:`,
    );
    for (const b of bars.slice(0, top)) {
      const bar = '#'.repeat(Math.max(1, Math.round((b.swing / widest) * 30)));
      out(
        `${pad(b.param, 30)}${pad(`${show(b.low, 3)}..${show(b.high, 3)}`, 16)}${pad(`${show(b.metricAtLow, 2)} -> ${show(b.metricAtHigh, 2)}`, 22)}${bar}`,
      );
    }
  },
};
