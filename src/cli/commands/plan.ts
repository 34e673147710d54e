import { comparePlans, PLAN_FIGURES, type PlanFigure } from '../../analysis/plan-options.ts';
import { summaryFigure } from '../../metrics.ts';
import { formatCount } from '../../outputs/figures.ts';
import { toScenarioFile } from '../../scenario.ts';
import { createProgress } from '../progress.ts';
import { pad, toCsv, wholeFlag, writeCsvFile } from './flags.ts';
import type { Command } from './types.ts';

/** Column headings: short, with the unit. */
const HEADINGS: Record<PlanFigure, string> = {
  deploymentsPerWeek: 'Deploys/week',
  leadTimeDays: 'Lead time (d)',
  changeFailureRate: 'Failure rate',
  timeToRestoreHours: 'Restore (h)',
  meanDeploymentSizeLines: 'Size (lines)',
  meanWipLines: 'Waiting (lines)',
  costPerDay: 'Cost/day',
};

/** A figure to three significant figures, a share as a percentage; a dash when there is none. */
function short(figure: PlanFigure, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const share = 'share' in summaryFigure(figure);
  const shown = share ? value * 100 : value;
  const text =
    Math.abs(shown) >= 1000 ? formatCount(Math.round(shown)) : String(Number(shown.toPrecision(3)));
  return share ? `${text}%` : text;
}

/** `plan`: compare a team's cadence options and the four escape steps, with p10–p90 over seeds. */
export const planCommand: Command = {
  flags: ['--seeds'],
  summary:
    "compare a team's cadence (today, weekly, daily, continuous) and each escape step, with p10–p90 over seeds",
  usage: 'plan --scenario fitted.json [--seeds 30] [--csv plan.csv] [--json]',
  run(args, scenario, io) {
    const { out } = io;
    const runs = wholeFlag(args, '--seeds', 2, 500, 30);
    const progress = createProgress(io, 'options');
    const result = comparePlans(scenario.params, {
      days: scenario.days,
      runs,
      seed: scenario.seed,
      onProgress: progress.update,
    });
    progress.done();
    if (args.csv)
      writeCsvFile(
        args.csv,
        toCsv(
          ['option', ...PLAN_FIGURES.flatMap((f) => [`${f}_p10`, `${f}_p50`, `${f}_p90`])],
          result.rows.map((row) => [
            row.id,
            ...PLAN_FIGURES.flatMap((f) => [
              row.figures[f].p10,
              row.figures[f].p50,
              row.figures[f].p90,
            ]),
          ]),
        ),
      );
    if (args.json)
      return out(
        JSON.stringify({
          ...result,
          rows: result.rows.map((row) => ({
            ...row,
            scenario: toScenarioFile({ ...scenario, interventions: row.interventions }),
          })),
        }),
      );
    out(
      `Each option from working day ${result.day} on, over ${result.runs} seeds: median [p10–p90] of the ${result.days - result.day} working days after\n`,
    );
    const width = Math.max(...result.rows.map((row) => row.label.length)) + 2;
    out(`${pad('Option', width)}${PLAN_FIGURES.map((f) => pad(HEADINGS[f], 22)).join('')}`);
    for (const row of result.rows)
      out(
        `${pad(row.label, width)}${PLAN_FIGURES.map((f) => {
          const { p10, p50, p90 } = row.figures[f];
          return pad(`${short(f, p50)} [${short(f, p10)}–${short(f, p90)}]`, 22);
        }).join('')}`,
      );
    out('\nLoad any option as a scenario with --json (each row carries its scenario file).');
  },
};
