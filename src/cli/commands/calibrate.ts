import { type CalibrationTargets, calibrate } from '../../analysis/calibrate.ts';
import { historyTargets } from '../../history/measure.ts';
import { paramSpec } from '../../inputs/params.ts';
import { toScenarioFile } from '../../scenario.ts';
import { createProgress } from '../progress.ts';
import { readInputFile } from '../read-file.ts';
import { numberFlag, pad, show, single, toCsv, wholeFlag, writeCsvFile } from './flags.ts';
import type { Command } from './types.ts';

/** `calibrate`: fit the model to a team's figures or deployment history, and print the fitted scenario. */
export const calibrateCommand: Command = {
  flags: [
    '--team',
    '--deploys-per-week',
    '--lead-time-days',
    '--change-failure-rate',
    '--restore-hours',
    '--history',
  ],
  summary: "fit the unanchored parameters to a team's DORA figures or deployment history CSV",
  usage:
    'calibrate --team 12 (--history deployments.csv | --deploys-per-week 0.5 --lead-time-days 20 --change-failure-rate 0.2 --restore-hours 30)',
  run(args, scenario, io) {
    const { out } = io;
    const team = wholeFlag(args, '--team', 1, 500, scenario.params.teamSize);
    let targets: CalibrationTargets;
    const history = single(args, '--history');
    if (history !== undefined) {
      targets = historyTargets(readInputFile(history, '--history', 'CSV file'), team);
    } else {
      targets = {
        teamSize: team,
        deploymentsPerWeek: numberFlag(args, '--deploys-per-week', 0.0001, 10000),
        leadTimeDays: numberFlag(args, '--lead-time-days', 0.0001, 10000),
        changeFailureRate: numberFlag(args, '--change-failure-rate', 0, 1),
        timeToRestoreHours: numberFlag(args, '--restore-hours', 0.0001, 100000),
      };
    }
    const progress = createProgress(io, 'steps');
    const result = calibrate(scenario.params, targets, {
      days: scenario.days,
      onProgress: progress.update,
    });
    progress.done();
    const file = toScenarioFile({ ...scenario, params: result.params });
    if (args.csv)
      writeCsvFile(
        args.csv,
        toCsv(
          ['metric', 'target', 'simulated', 'relativeError'],
          result.fit.map((f) => [f.metric, f.target, f.simulated, f.relativeError]),
        ),
      );
    if (args.json)
      return out(
        JSON.stringify({
          targets,
          fit: result.fit,
          fitted: result.fitted,
          reachable: result.reachable,
          message: result.message,
          scenario: file,
        }),
      );
    out(`${pad('Metric', 24)}${pad('Your team', 14)}Fitted model`);
    for (const f of result.fit)
      out(`${pad(f.metric, 24)}${pad(show(f.target, 3), 14)}${show(f.simulated, 3)}`);
    out(`\n${result.message}`);
    out(`\n${pad('Fitted setting', 34)}${pad('Before', 14)}Fitted`);
    out(
      `${pad(paramSpec('releasePolicy').label, 34)}${pad(scenario.params.releasePolicy, 14)}${result.params.releasePolicy}`,
    );
    for (const p of result.fitted)
      out(
        `${pad(paramSpec(p.id).label, 34)}${pad(show(p.from, 3), 14)}${show(p.to, 3)}${p.atLimit ? ' (at the end of its range)' : ''}`,
      );
    out(
      `\nFitted scenario (save it and run what-ifs with --scenario):\n${JSON.stringify(file, null, 2)}`,
    );
  },
};
