import { MAX_ANALYSIS_SEEDS } from '../../analysis/outcome.ts';
import { RESILIENCE_LABELS, resilience } from '../../analysis/resilience.ts';
import { scenarioOptions } from '../../scenario.ts';
import { createProgress } from '../progress.ts';
import { show, toCsv, wholeFlag, writeCsvFile } from './flags.ts';
import type { Command } from './types.ts';

/** `resilience`: the standard shocks, the recovery half-life and the article's class. */
export const resilienceCommand: Command = {
  flags: ['--seeds'],
  summary:
    'recovery from a three-week slip and an 80-hour incident, and the class that puts the team in',
  usage: 'resilience [--seeds 10]',
  run(args, scenario, io) {
    const { out } = io;
    const progress = createProgress(io);
    const report = resilience(scenario.params, {
      onProgress: progress.update,
      ...scenarioOptions(scenario),
      seeds: wholeFlag(args, '--seeds', 1, MAX_ANALYSIS_SEEDS, 10),
    });
    progress.done();
    if (args.csv) {
      writeCsvFile(
        args.csv,
        toCsv(
          ['shock', 'outcome', 'halfLifeDays', 'wipBefore', 'wipPeak', 'wipEnd'],
          [
            [
              'slip',
              report.slip.outcome,
              report.slip.halfLifeDays,
              report.slip.before,
              report.slip.peak,
              report.slip.end,
            ],
            [
              'incident',
              report.incident.outcome,
              report.incident.halfLifeDays,
              report.incident.before,
              report.incident.peak,
              report.incident.end,
            ],
          ],
        ),
      );
    }
    if (args.json) return out(JSON.stringify(report));
    const line = (name: string, r: typeof report.slip) =>
      `${name}: ${r.outcome} (${show(r.spiralShare * 100, 0)}% of ${report.seeds} seeds spiral); undeployed code ${show(r.before, 0)} lines before, peak ${show(r.peak, 0)}, end ${show(r.end, 0)}; half-life ${r.halfLifeDays === null ? 'never' : `${r.halfLifeDays} working days`}.`;
    out(line('A release slips three weeks', report.slip));
    out(line('A major incident takes half the team for 80 hours', report.incident));
    out(
      `Distance to the tipping point: fewer than half the seeds spiral after a one-time slip of up to ${report.slipToleranceDays} working days.`,
    );
    out(`This team ${RESILIENCE_LABELS[report.resilience]}.`);
  },
};
