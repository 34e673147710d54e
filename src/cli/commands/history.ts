import {
  DEFAULT_FAILURE_PATTERN,
  failurePattern,
  type GitHistory,
  type GitRelease,
} from '../../history/git-history.ts';
import { HISTORY_COLUMNS, type HistoryRow, writeHistoryCsv } from '../../history/history-file.ts';
import { type HistoryFigures, measureHistory } from '../../history/measure.ts';
import { type ReadHistory, readAnyHistory } from '../../history/read-history.ts';
import { InputError } from '../../inputs/errors.ts';
import { readGitHistory } from '../git.ts';
import { readInputFile } from '../read-file.ts';
import { numberFlag, pad, show, single, writeCsvFile } from './flags.ts';
import type { Command } from './types.ts';

/** The measured figures as table lines: figure, value and unit. */
function figureLines(figures: HistoryFigures): string[] {
  const percent = (v: number | null) => (v === null ? '–' : `${show(v * 100, 1)}%`);
  const rows: [string, string][] = [
    ['Deployments', `${figures.deployments} over ${show(figures.spanDays, 0)} calendar days`],
    ['Deployment frequency', `${show(figures.deploymentsPerWeek, 2)} a week`],
    [
      'Lead time (median)',
      figures.leadTimeDays === null
        ? '– (no commit dates)'
        : `${show(figures.leadTimeDays, 1)} calendar days${figures.leadTimeSource === 'first commits' ? ' (estimated from first-commit dates)' : ''}`,
    ],
    [
      'Lead time (p90)',
      figures.leadTimeP90Days === null
        ? '– (needs every commit)'
        : `${show(figures.leadTimeP90Days, 1)} calendar days`,
    ],
    ['Change failure rate', percent(figures.changeFailureRate)],
    [
      'Time to restore (median)',
      figures.timeToRestoreHours === null
        ? '– (no restore times)'
        : `${show(figures.timeToRestoreHours, 1)} calendar hours`,
    ],
    [
      'Deployment size (mean)',
      figures.meanDeploymentSizeLines === null
        ? '– (no line counts)'
        : `${show(figures.meanDeploymentSizeLines, 0)} lines`,
    ],
    [
      'Undeployed code (mean)',
      figures.meanWipLines === null
        ? '– (no commit dates)'
        : `${show(figures.meanWipLines, 0)} lines`,
    ],
    ['DORA level (2023)', figures.dora.level === 'none' ? 'none' : figures.dora.level],
  ];
  return rows.map(([label, value]) => `${pad(label, 28)}${value}`);
}

function gitSource(
  args: Parameters<Command['run']>[0],
  repo: string,
  deployed?: GitRelease[],
): GitHistory {
  const tags = single(args, '--tags');
  const branch = single(args, '--branch');
  if (tags !== undefined && branch !== undefined)
    throw new InputError('--branch', branch, 'allowed: either --tags or --branch, not both');
  if (deployed && (tags ?? branch) !== undefined)
    throw new InputError(
      tags !== undefined ? '--tags' : '--branch',
      tags ?? branch,
      'allowed: releases from --deployments, or from --tags or --branch, not both',
    );
  const fix = failurePattern(
    single(args, '--failure-pattern') ?? DEFAULT_FAILURE_PATTERN,
    '--failure-pattern',
  );
  const windowDays = numberFlag(args, '--failure-window', 0, 365, 7)!;
  const source = deployed ? { deployed } : branch !== undefined ? { branch } : { tags };
  return readGitHistory(repo, source, fix, { windowDays });
}

/**
 * The deployments an export recorded, as git releases: each at its time, of the commit it
 * names, failed or restored as the tool says.
 */
function deployedReleases(read: ReadHistory, file: string): GitRelease[] {
  if (read.source === 'csv' || !read.commits)
    throw new InputError(
      '--deployments',
      file,
      'allowed with --git: a GitHub or GitLab deployments export, whose deployments name their commits (sha)',
    );
  const missing = read.commits.indexOf(undefined);
  if (missing >= 0)
    throw new InputError(
      `--deployments ${file}`,
      `deployment ${missing + 1} of ${read.commits.length} names no commit`,
      'allowed with --git: every deployment with its full commit sha',
    );
  return read.rows.map((row, i) => ({
    commit: read.commits![i]!,
    releasedAt: row.deployedAt,
    isFix: false,
    outcome: { failed: row.failed, restoredAt: row.restoredAt },
  }));
}

/** `history`: measure a team's history from git or a deployments export, and write the history file. */
export const historyCommand: Command = {
  flags: [
    '--git',
    '--tags',
    '--branch',
    '--failure-pattern',
    '--failure-window',
    '--deployments',
    '--environment',
  ],
  summary:
    "measure a team's six figures from a git repository or a deployments export, and write the history file calibrate reads",
  usage:
    'history [--git PATH [--tags GLOB | --branch NAME] [--failure-pattern REGEX] [--failure-window DAYS]] [--deployments FILE [--environment NAME]] [--csv history.csv]',
  run(args, _scenario, { out, err }) {
    const repo = single(args, '--git');
    const file = single(args, '--deployments');
    if (repo === undefined && file === undefined)
      throw new InputError(
        '--git',
        'nothing',
        'allowed: a source, --git PATH or --deployments FILE (both: the deployments, with their commits from git)',
      );
    let rows: HistoryRow[];
    let figures: HistoryFigures;
    const notes: string[] = [];
    let heading: string;
    if (repo !== undefined) {
      const read =
        file === undefined
          ? undefined
          : readAnyHistory(
              readInputFile(file, '--deployments', 'JSON file'),
              `--deployments ${file}`,
              single(args, '--environment'),
            );
      const history = gitSource(args, repo, read && deployedReleases(read, file!));
      rows = history.rows;
      figures = measureHistory(rows, history.commitLeadTimes);
      const branch = single(args, '--branch');
      heading = read
        ? `History of ${read.source === 'github' ? 'GitHub' : 'GitLab'} deployments to ${read.environment} in ${file}, with their commits from ${repo}`
        : `History of ${repo}: ${branch !== undefined ? `each commit landing on ${branch} is a release` : `releases are tags matching ${single(args, '--tags') ?? 'semantic versions'}`}`;
      notes.push(...history.notes);
      if (history.unreleasedLines > 0)
        notes.push(`${show(history.unreleasedLines, 0)} lines are committed and not yet released.`);
      notes.push(
        `${history.recentAuthors} ${history.recentAuthors === 1 ? 'person' : 'people'} committed in the last 90 days of the history: pass the team's size to calibrate with --team.`,
      );
    } else {
      const text = readInputFile(file!, '--deployments', 'JSON or CSV file');
      const read = readAnyHistory(text, `--deployments ${file}`, single(args, '--environment'));
      rows = read.rows;
      if (read.source === 'csv') heading = `History in ${file}`;
      else {
        heading = `History of ${read.source === 'github' ? 'GitHub' : 'GitLab'} deployments to ${read.environment} in ${file}`;
        notes.push(
          'A deployments export alone has no commits: add the repository (--git PATH) for lead time, deployment size and waiting code.',
        );
      }
      figures = measureHistory(rows);
    }
    if (args.json) {
      out(JSON.stringify({ figures, notes, deployments: rows }));
    } else {
      out(`${heading}\n`);
      for (const line of figureLines(figures)) out(line);
      if (notes.length > 0) out(`\n${notes.join('\n')}`);
    }
    if (args.csv) {
      writeCsvFile(args.csv, writeHistoryCsv(rows));
      err(
        `Wrote ${rows.length} deployments to ${args.csv} (columns: ${HISTORY_COLUMNS.map((c) => c.name).join(', ')}). Fit the model to them with: calibrate --team N --history ${args.csv}`,
      );
    } else if (!args.json)
      out('\nWrite the history file with --csv FILE, then: calibrate --team N --history FILE');
  },
};
