import { resolve } from 'node:path';
import { InputError } from '../inputs/errors.ts';
import { requireDayInRun } from '../inputs/interventions.ts';
import { parseJsonInput } from '../inputs/json-input.ts';
import { paramSpec, parseParamText } from '../inputs/params.ts';
import { MAX_DAYS } from '../inputs/run-length.ts';
import { monteCarlo } from '../monte-carlo.ts';
import {
  MAX_RUNS,
  parseScenario,
  parseScenarioText,
  requirePreset,
  type Scenario,
  toScenarioFile,
} from '../scenario.ts';
import { scenarioJsonSchema } from '../schema.ts';
import { simulate } from '../simulate.ts';
import { type CliArgs, parseArgs } from './args.ts';
import { checkBudget, runsEstimate } from './budget.ts';
import { writeCsvFile } from './commands/flags.ts';
import { COMMAND_FLAGS, COMMANDS } from './commands/index.ts';
import type { CommandIo } from './commands/types.ts';
import { bandsCsv, seriesCsv } from './csv.ts';
import {
  commandHelp,
  formatInterventions,
  formatParams,
  formatPresets,
  formatSummaryTable,
  formatTimeline,
  HELP,
} from './format.ts';
import { createProgress } from './progress.ts';
import { readInputFile } from './read-file.ts';

function readScenario(args: CliArgs): Scenario {
  let scenario: Scenario;
  if (args.scenario !== undefined) {
    const text = readInputFile(args.scenario, '--scenario', 'JSON file');
    scenario = parseScenarioText(text, `--scenario ${args.scenario}`);
    if (args.preset !== undefined) {
      const raw = parseJsonInput(text, `--scenario ${args.scenario}`) as Record<string, unknown>;
      scenario = parseScenario({ ...raw, preset: requirePreset(args.preset, '--preset') });
    }
  } else {
    scenario = parseScenario(
      args.preset === undefined ? {} : { preset: requirePreset(args.preset, '--preset') },
    );
  }
  for (const assignment of args.sets) {
    const equals = assignment.indexOf('=');
    if (equals <= 0)
      throw new InputError('--set', assignment, 'allowed: ID=VALUE, e.g. teamSize=12');
    const id = assignment.slice(0, equals).trim();
    const spec = paramSpec(id, '--set');
    scenario.params = {
      ...scenario.params,
      [id]: parseParamText(spec, assignment.slice(equals + 1), `--set ${id}`),
    };
  }
  const days = args.days ?? scenario.days;
  for (const [index, intervention] of scenario.interventions.entries())
    requireDayInRun(intervention.day, days, `interventions[${index}].day (with --days ${days})`);
  return {
    ...scenario,
    days,
    runs: args.runs ?? scenario.runs,
    seed: args.seed ?? scenario.seed,
  };
}

/** The text of a listing flag (--help, --list-params, --list-presets, --list-interventions, --schema), if one was given. */
function listing(args: CliArgs): string | null {
  if (args.help) return args.command ? commandHelp(args.command) : HELP;
  if (args.listParams) return formatParams(args.markdown);
  if (args.listPresets) return formatPresets();
  if (args.listInterventions) return formatInterventions(args.markdown);
  if (args.schema) return JSON.stringify(scenarioJsonSchema(), null, 2);
  return null;
}

/** Runs the scenario once or over many seeds and writes the table, JSON and CSV asked for. */
function runScenario(args: CliArgs, scenario: Scenario, io: CommandIo): void {
  const { out, err } = io;
  const options = {
    days: scenario.days,
    seed: scenario.seed,
    mode: args.mode,
    interventions: scenario.interventions,
    doraYear: args.doraYear,
  };
  checkBudget(runsEstimate(scenario.runs, scenario.days, Boolean(args.csv)), args.overBudget, err);
  const table = `DORA ${args.doraYear ?? 2023} table`;
  const heading = `Scenario: ${scenario.preset ?? 'defaults'} · ${scenario.days} working days`;
  if (scenario.runs === 1) {
    const result = simulate(scenario.params, options);
    if (args.csv) writeCsvFile(args.csv, seriesCsv(result));
    if (args.json) {
      const { summary, totals } = result;
      const counts = { deployments: result.deployments.length, incidents: result.incidents.length };
      out(JSON.stringify({ scenario: toScenarioFile(scenario), summary, totals, ...counts }));
      return;
    }
    out(`${heading} · seed ${scenario.seed} · ${args.mode ?? 'stochastic'} · ${table}\n`);
    out(formatSummaryTable(result.summary));
    out(`\nOver time (one run):\n${formatTimeline(result)}`);
    return;
  }
  const progress = createProgress(io);
  const bandSeries = args.csv ? undefined : [];
  const result = monteCarlo(scenario.params, {
    ...options,
    runs: scenario.runs,
    bandSeries,
    onProgress: progress.update,
  });
  progress.done();
  if (args.csv) {
    writeCsvFile(args.csv, bandsCsv(result));
    if (result.bandRuns < result.runs)
      err(
        `The CSV's day-by-day bands are drawn from the first ${result.bandRuns} of the ${result.runs} runs; the figures use them all.`,
      );
  }
  if (args.json) {
    const { runs, summary, percentiles, levelCounts } = result;
    out(
      JSON.stringify({
        scenario: toScenarioFile(scenario),
        runs,
        summary,
        percentiles,
        levelCounts,
      }),
    );
    return;
  }
  out(
    `${heading} · ${scenario.runs} runs from seed ${scenario.seed} (medians, p10–p90) · ${table}\n`,
  );
  out(formatSummaryTable(result.summary, result.percentiles));
  const counts = Object.entries(result.levelCounts).map(([level, count]) => `${level} ${count}`);
  out(
    `\nDORA level across runs: ${counts.join(', ')}\n\nOver time (first run):\n${formatTimeline(result.first)}`,
  );
}

/** Whether two paths name the same file (so writing one would overwrite the other). */
function samePath(a: string, b: string): boolean {
  return resolve(a) === resolve(b);
}

/**
 * Runs the command line; resolves to the exit status. Output goes through the given writers;
 * `status`, given only when standard error is a terminal, redraws progress in place.
 */
export async function runCli(
  argv: readonly string[],
  out: (text: string) => void,
  err: (text: string) => void,
  status?: (text: string) => void,
): Promise<number> {
  const io: CommandIo = { out, err, status };
  try {
    const args = parseArgs(argv, { maxDays: MAX_DAYS, maxRuns: MAX_RUNS }, COMMAND_FLAGS);
    if (args.csv !== undefined && args.scenario !== undefined && samePath(args.csv, args.scenario))
      throw new InputError('--csv', args.csv, 'allowed: a file other than the --scenario it reads');
    const text = listing(args);
    if (text !== null) out(text);
    else if (args.command) await COMMANDS[args.command].run(args, readScenario(args), io);
    else runScenario(args, readScenario(args), io);
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      err(error.message);
      return 2;
    }
    err(
      `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return 1;
  }
}
