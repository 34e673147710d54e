import {
  INTERVENTION_KINDS,
  INTERVENTION_TYPES,
  type Intervention,
  type InterventionRole,
} from '../inputs/interventions.ts';
import { PARAMS } from '../inputs/params.ts';
import { PRESETS } from '../inputs/presets.ts';
import { DEFAULT_DAYS } from '../inputs/run-length.ts';
import type { Summary } from '../metrics.ts';
import type { Percentiles } from '../monte-carlo.ts';
import {
  DURATION_BUCKETS,
  durationBucket,
  FREQUENCY_BUCKETS,
  frequencyBucket,
} from '../outputs/dora.ts';
import { formatCount, formatDuration } from '../outputs/figures.ts';
import type { SimulationResult } from '../simulate.ts';
import { COMMANDS } from './commands/index.ts';

const number = (value: number, digits = 1) => formatCount(value, digits);

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function range(p: Percentiles | undefined, show: (value: number) => string): string {
  return p && p.p10 !== null && p.p90 !== null ? `  (p10 ${show(p.p10)}, p90 ${show(p.p90)})` : '';
}

/** A figure, or what stands in for it when there was nothing to measure. */
function orElse(value: number | null, show: (value: number) => string, missing: string): string {
  return value === null ? missing : show(value);
}

/** Lays rows out in columns as wide as their widest cell, two spaces apart. */
export function formatColumns(rows: readonly (readonly string[])[]): string {
  const widths = rows[0].map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : pad(cell, widths[column] + 2)))
        .join('')
        .trimEnd(),
    )
    .join('\n');
}

/** The readable summary: the four DORA metrics with their levels, then flow, capacity and cost. */
export function formatSummaryTable(
  summary: Summary,
  percentiles?: Record<string, Percentiles>,
): string {
  const d = summary.dora;
  const levels = (list: readonly string[]) => (list.length > 0 ? list.join('/') : '–');
  const noDeploys = 'no deployments';
  const lead = summary.leadTimeDays;
  const restore = summary.timeToRestoreHours;
  const rows: string[][] = [
    [
      'Deployment frequency',
      `${number(summary.deploymentsPerWeek, 2)} per week${range(percentiles?.deploymentsPerWeek, (v) => number(v, 2))}`,
      `${levels(d.deploymentFrequency)} · ${FREQUENCY_BUCKETS[frequencyBucket(summary.deploymentsPerWeek)].label}`,
    ],
    [
      'Lead time (median)',
      lead === null
        ? `nothing shipped (oldest code waiting ${formatDuration(summary.oldestWaitingDays)})`
        : `${formatDuration(lead)}${range(percentiles?.leadTimeDays, formatDuration)}`,
      lead === null
        ? '–'
        : `${levels(d.leadTime)} · ${DURATION_BUCKETS[durationBucket(lead * 24)].label}`,
    ],
    ['Lead time (p90)', orElse(summary.leadTimeP90Days, formatDuration, '–'), ''],
    [
      'Change failure rate',
      orElse(
        summary.changeFailureRate,
        (v) =>
          `${number(v * 100)}%${range(percentiles?.changeFailureRate, (p) => `${number(p * 100)}%`)}`,
        noDeploys,
      ),
      levels(d.changeFailureRate),
    ],
    [
      'Time to restore (median)',
      restore === null
        ? summary.changeFailureRate === null
          ? noDeploys
          : 'no failures to restore'
        : `${formatDuration(restore / 24)}${range(percentiles?.timeToRestoreHours, (v) => formatDuration(v / 24))}`,
      restore === null
        ? '–'
        : `${levels(d.timeToRestore)} · ${DURATION_BUCKETS[durationBucket(restore)].label}`,
    ],
    [
      'DORA level (overall)',
      summary.doraLevel === 'none'
        ? 'NONE (no deployments to judge)'
        : summary.doraLevel.toUpperCase(),
      '',
    ],
    ['Undeployed code (WIP, mean)', `${number(summary.meanWipLines, 0)} lines`, ''],
    [
      'Deployment size (mean)',
      orElse(summary.meanDeploymentSizeLines, (v) => `${number(v, 0)} lines`, noDeploys),
      '',
    ],
    ['Throughput', `${number(summary.throughputLinesPerDay, 0)} lines/day`, ''],
    [
      'Time on new work',
      `${number(summary.newWorkShare * 100, 0)}%  (unplanned ${number(summary.unplannedWorkShare * 100, 0)}%)`,
      '',
    ],
    [
      'Defects escaping to production',
      `${number(summary.escapedDefectShare * 100)}% of those found${summary.escapedDefectsPerKloc === null ? '' : `, ${number(summary.escapedDefectsPerKloc, 2)} per KLOC shipped`}`,
      '',
    ],
    ['Failed service', `${number(summary.outageHours, 0)} hours with a failure open`, ''],
    ['Incident work', `${number(summary.incidentEngineerDays, 0)} engineer-days`, ''],
    ['Cost per working day', `${number(summary.costPerDay, 0)} cost units`, ''],
    [
      '  of which',
      `holding ${number(summary.holdingCostPerDay, 0)}, deploys ${number(summary.transactionCostPerDay, 0)}, downtime ${number(summary.downtimeCostPerDay, 0)}`,
      '',
    ],
  ];
  const table = formatColumns([['Metric', 'Value', 'DORA level'], ...rows]);
  const [header, ...body] = table.split('\n');
  return [header, '-'.repeat(Math.max(...table.split('\n').map((l) => l.length))), ...body].join(
    '\n',
  );
}

/** A quarter-by-quarter view of one run, so a spiral or a recovery can be read off the table. */
export function formatTimeline(result: SimulationResult, periodDays = 65): string {
  const s = result.series;
  const lines = [
    `${pad('Working days', 14)}${pad('Deploys', 9)}${pad('Size (lines)', 14)}${pad('Lead time', 13)}${pad('WIP (lines)', 13)}${pad('Failed', 8)}${pad('Feature time', 14)}Automation`,
  ];
  for (let start = 0; start < result.days; start += periodDays) {
    const end = Math.min(result.days, start + periodDays);
    let deployments = 0;
    let deployed = 0;
    let leadLineDays = 0;
    let wip = 0;
    let failed = 0;
    let features = 0;
    for (let day = start; day < end; day++) {
      deployments += s.deployments[day];
      deployed += s.linesDeployed[day];
      leadLineDays += s.leadTimeDays[day] * s.linesDeployed[day];
      wip += s.wipLines[day];
      failed += s.failedDeployments[day];
      features += s.capacityFeatures[day];
    }
    const span = end - start;
    const team = result.params.teamSize || 1;
    lines.push(
      pad(`${start}–${end}`, 14) +
        pad(number(deployments), 9) +
        pad(deployments > 0 ? number(deployed / deployments, 0) : '–', 14) +
        pad(deployed > 0 ? formatDuration((leadLineDays / deployed) * 1.4) : '–', 13) +
        pad(number(wip / span, 0), 13) +
        pad(number(failed), 8) +
        pad(`${number((features / span / team) * 100, 0)}%`, 14) +
        number(s.automationLevel[end - 1], 2),
    );
  }
  return lines.join('\n');
}

/** The parameter table as text or Markdown (the README's reference is generated from it). */
export function formatParams(markdown: boolean): string {
  if (markdown) {
    const rows = PARAMS.map(
      (p) =>
        `| \`${p.id}\` | ${p.label} | ${p.unit} | ${p.default} | ${p.kind === 'choice' ? p.choices!.join(', ') : p.kind === 'boolean' ? 'true/false' : `${p.min} – ${p.max}`} | ${p.source} | ${p.help} |`,
    );
    return [
      '| id | label | unit | default | allowed | source | meaning |',
      '|---|---|---|---|---|---|---|',
      ...rows,
    ].join('\n');
  }
  return PARAMS.map(
    (p) =>
      `${pad(p.id, 32)}${pad(String(p.default), 10)}${pad(p.kind === 'choice' ? p.choices!.join('|') : p.kind === 'boolean' ? 'true|false' : `${p.min}..${p.max}`, 20)}${p.unit} — ${p.help}`,
  ).join('\n');
}

/** What each role of intervention is called in listings. */
const ROLE_NAMES: Readonly<Record<InterventionRole, string>> = {
  step: 'escape step',
  shock: 'shock',
  change: 'change',
};

/** Each kind of intervention with its fields, their limits and defaults (a Markdown table with `markdown`). */
export function formatInterventions(markdown: boolean): string {
  const fieldText = (type: Intervention['type']) => {
    if (type === 'set') return '`param` (a parameter id), `value` (a value it allows)';
    const fields = INTERVENTION_KINDS[type].fields;
    if (fields.length === 0) return '–';
    return fields
      .map((f) => {
        const max = f.max === 'run' ? "the run's length" : String(f.max);
        const fallback = f.default === undefined ? '' : `, default ${f.default}`;
        return `\`${f.name}\` ${f.help}: ${f.min} – ${max}${fallback}`;
      })
      .join('; ');
  };
  if (markdown) {
    return [
      '| type | kind | what it does | fields |',
      '|---|---|---|---|',
      ...INTERVENTION_TYPES.map((type) => {
        const kind = INTERVENTION_KINDS[type];
        return `| \`${type}\` | ${ROLE_NAMES[kind.role]} | ${kind.caption} | ${fieldText(type)} |`;
      }),
    ].join('\n');
  }
  return INTERVENTION_TYPES.map(
    (type) =>
      `${pad(type, 22)}${pad(ROLE_NAMES[INTERVENTION_KINDS[type].role], 13)}${INTERVENTION_KINDS[type].caption}\n${' '.repeat(30)}${fieldText(type)}`,
  ).join('\n');
}

/** The presets with their one-line summaries. */
export function formatPresets(): string {
  return PRESETS.map((p) => `${pad(p.id, 10)}${p.summary}`).join('\n');
}

/** One analysis command's --help: what it does, how it is called, and its own flags. */
export function commandHelp(name: string): string {
  const command = COMMANDS[name];
  return `death-spiral ${name}: ${command.summary}

Usage: death-spiral ${command.usage}

Its own flags: ${command.flags.join(', ')}
The scenario flags (--preset, --scenario, --set, --days, --seed, --mode) choose the team it
analyses, and --json and --csv FILE choose the output; --help alone lists them all.`;
}

/** The --help text, with examples. */
export const HELP: string = `death-spiral: simulate a team's deployment pipeline and watch it spiral down or recover.

Usage: death-spiral [options]
       (in a clone of the sources: npm run --silent sim -- [options])

Options:
  --preset ID          start from a preset (see --list-presets); default: the parameter defaults
  --scenario FILE      read a scenario JSON file (preset, params, interventions, days, runs, seed)
  --set ID=VALUE       change one parameter (repeatable); see --list-params
  --days N             working days to simulate (default ${DEFAULT_DAYS}, two years; a story preset sets its own)
  --runs N             Monte Carlo runs over consecutive seeds; figures become medians with p10/p90
  --seed N             seed of the first run, a whole number (default 1)
  --mode MODE          stochastic (default) or expected (every random draw replaced by its mean)
  --dora-year YEAR     DORA table for the levels: 2023 (default) or 2021
  --json               print one JSON object (scenario, summary, percentiles) and nothing else
  --csv FILE           write the per-day series to FILE (percentile columns when --runs > 1)
  --over-budget        run a job past the work budget (2 GB of memory or 20 minutes, estimated
                       before it starts; the estimate is printed when a job is refused)
  --list-params        list every parameter with default, range and unit (--markdown for a table)
  --list-presets       list the presets
  --list-interventions list the kinds of intervention a scenario may hold, with their fields
  --schema             print the JSON Schema of scenario files
  --help               show this help

Analysis commands (run first; the scenario flags above apply; each takes --json and --csv FILE):
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}\n               ${c.usage}`)
  .join('\n')}

Examples:
  death-spiral --preset low
  death-spiral --preset medium --set releaseIntervalDays=5 --set testAutomation=0.6
  death-spiral --preset low --runs 50 --json
  death-spiral --preset recovery --csv recovery.csv
  death-spiral sweep --preset spiral --param releaseIntervalDays=3:20:8 --param regressionPassDays=1:8:8
  death-spiral calibrate --team 9 --history deployments.csv

Exit status: 0 done, 2 bad input (one line on stderr naming the field), 1 internal error.`;
