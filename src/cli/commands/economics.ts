import { batchSizeCurve, intervalGrid } from '../../analysis/economics.ts';
import { scenarioOptions } from '../../scenario.ts';
import { createProgress } from '../progress.ts';
import { pad, rangeFlag, show, single, toCsv, wholeFlag, writeCsvFile } from './flags.ts';
import type { Command } from './types.ts';

/** `economics`: the batch-size U-curve over release intervals, its minimum and the closed form. */
export const economicsCommand: Command = {
  flags: ['--range', '--steps'],
  summary:
    'batch-size U-curve: holding, deployment and downtime cost per day over release intervals',
  usage: 'economics [--range 1:40] [--steps 40]',
  run(args, scenario, io) {
    const { out } = io;
    const [from, to] = rangeFlag(single(args, '--range') ?? '1:40', '--range');
    const steps = wholeFlag(args, '--steps', 2, 500, 40);
    const progress = createProgress(io, 'intervals');
    const curve = batchSizeCurve(scenario.params, intervalGrid(from, to, steps), {
      onProgress: progress.update,
      ...scenarioOptions(scenario),
      mode: 'expected',
    });
    progress.done();
    if (args.csv) {
      writeCsvFile(
        args.csv,
        toCsv(
          [
            'intervalDays',
            'holdingCostPerDay',
            'transactionCostPerDay',
            'downtimeCostPerDay',
            'totalCostPerDay',
            'meanDeploymentSizeLines',
          ],
          curve.points.map((p) => [
            p.intervalDays,
            p.holdingCostPerDay,
            p.transactionCostPerDay,
            p.downtimeCostPerDay,
            p.totalCostPerDay,
            p.meanDeploymentSizeLines,
          ]),
        ),
      );
    }
    if (args.json) return out(JSON.stringify(curve));
    out('Release interval   Holding   Deploys   Downtime   Total per working day');
    for (const p of curve.points) {
      const mark = p === curve.minimum ? '  <- cheapest' : '';
      out(
        `${pad(`${show(p.intervalDays)} days`, 19)}${pad(show(p.holdingCostPerDay, 0), 10)}${pad(show(p.transactionCostPerDay, 0), 10)}${pad(show(p.downtimeCostPerDay, 0), 11)}${show(p.totalCostPerDay, 0)}${mark}`,
      );
    }
    out(`\nCheapest interval: ${show(curve.minimum.intervalDays)} working days.`);
    out(
      `Closed form sqrt(2K/(h r)) with K ${show(curve.transactionCost, 0)} per deploy, h ${show(curve.holdingCostPerLineDay, 4)} per line-day, r ${show(curve.mergeRateLinesPerDay, 0)} lines/day: ${show(curve.economicIntervalDays)} working days (holding and deployment costs only).`,
    );
  },
};
