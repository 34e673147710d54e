import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readGitHistory } from '../../src/cli/git.ts';
import { DEFAULT_FAILURE_PATTERN, failurePattern } from '../../src/history/git-history.ts';
import { readHistoryCsv } from '../../src/history/history-file.ts';
import { measureHistory } from '../../src/history/measure.ts';
import { InputError } from '../../src/inputs/errors.ts';
import { run } from '../cli/run-cli.ts';
import { ScriptedRepo } from './git-repo.ts';

const DAY = 86_400_000;
const fix = failurePattern(DEFAULT_FAILURE_PATTERN, 'pattern');
const rule = { windowDays: 7 };
const t = (iso: string) => Date.parse(iso);

/**
 * A release history with every case the reader must get right: a baseline release, a train of
 * two commits, a merged feature branch under a lightweight tag, a hotfix, a tag made later on an
 * older commit, and a commit not yet released.
 */
function scriptedHistory(): ScriptedRepo {
  const repo = new ScriptedRepo();
  repo.commit('2026-01-01T12:00:00Z', 'a.txt', 10);
  repo.tag('2026-01-02T12:00:00Z', 'v1.0.0');
  repo.commit('2026-01-03T12:00:00Z', 'b.txt', 20);
  repo.commit('2026-01-05T12:00:00Z', 'c.txt', 30, 'Fix forward without rollback');
  repo.tag('2026-01-08T12:00:00Z', 'v1.1.0');
  repo.git('2026-01-09T12:00:00Z', 'checkout', '-q', '-b', 'feature');
  repo.commit('2026-01-09T12:00:00Z', 'd.txt', 40);
  repo.git('2026-01-10T12:00:00Z', 'checkout', '-q', 'main');
  repo.commit('2026-01-10T12:00:00Z', 'a.txt', 5);
  repo.git('2026-01-11T12:00:00Z', 'merge', '-q', '--no-ff', '-m', 'Merge feature', 'feature');
  repo.git('2026-01-11T12:00:00Z', 'tag', 'v1.2.0');
  repo.commit('2026-01-12T12:00:00Z', 'e.txt', 2, 'Hotfix: the login page');
  repo.tag('2026-01-12T18:00:00Z', 'v1.2.1');
  repo.commit('2026-01-13T12:00:00Z', 'f.txt', 10);
  repo.commit('2026-01-14T12:00:00Z', 'g.txt', 10);
  repo.tag('2026-01-20T12:00:00Z', 'v1.3.0', 'HEAD~1');
  repo.tag('2026-01-21T12:00:00Z', 'not-a-release');
  return repo;
}

let repo: ScriptedRepo;
beforeAll(() => {
  repo = scriptedHistory();
});

describe('history from git tags', () => {
  it('measures every release exactly: size, commits, lead time, waiting code, failures and restores', () => {
    const history = readGitHistory(repo.path, {}, fix, rule);
    expect(history.rows.map((row) => row.deployedAt)).toEqual(
      [
        '2026-01-02T12:00:00Z',
        '2026-01-08T12:00:00Z',
        '2026-01-11T12:00:00Z',
        '2026-01-12T18:00:00Z',
        '2026-01-20T12:00:00Z',
      ].map(t),
    );
    const [baseline, train, merged, hotfix, late] = history.rows;
    expect(baseline).toEqual({ deployedAt: t('2026-01-02T12:00:00Z'), failed: false });
    // v1.1.0: 20 lines 5 days old and 30 lines 3 days old; 190 line-days over 6 days.
    expect(train).toMatchObject({ lines: 50, commits: 2, leadTimeDays: 3, failed: false });
    expect(train.firstCommitAt).toBe(t('2026-01-03T12:00:00Z'));
    expect(train.wipLines).toBeCloseTo(190 / 6, 9);
    // v1.2.0: a merge (not counted) of 40 lines 2 days old and 5 lines a day old; then the hotfix.
    expect(merged).toMatchObject({ lines: 45, commits: 2, leadTimeDays: 2, failed: true });
    expect(merged.wipLines).toBeCloseTo(85 / 3, 9);
    expect(merged.restoredAt).toBe(t('2026-01-12T18:00:00Z'));
    expect(hotfix).toMatchObject({ lines: 2, commits: 1, leadTimeDays: 0.25, failed: false });
    expect(hotfix.wipLines).toBeCloseTo(0.5 / 1.25, 9);
    // v1.3.0 tags an older commit a week later; the commit after it is still waiting.
    expect(late).toMatchObject({ lines: 10, commits: 1, leadTimeDays: 7, failed: false });
    expect(late.wipLines).toBeCloseTo((7 * 10 + 6 * 10) / 7.75, 9);
    expect(history.unreleasedLines).toBe(10);
    expect(history.recentAuthors).toBe(1);
  });

  it('turns the releases into the six figures', () => {
    const history = readGitHistory(repo.path, {}, fix, rule);
    const figures = measureHistory(history.rows, history.commitLeadTimes);
    expect(figures.deployments).toBe(5);
    expect(figures.spanDays).toBe(18);
    expect(figures.deploymentsPerWeek).toBeCloseTo((4 / 18) * 7, 12);
    // Lines by lead time: 2 at 0.25 d, 5 at 1, 40 at 2, 30 at 3, 20 at 5, 10 at 7 (107 in all).
    expect(figures.leadTimeDays).toBe(3);
    expect(figures.leadTimeP90Days).toBe(5);
    expect(figures.leadTimeSource).toBe('commits');
    expect(figures.changeFailureRate).toBeCloseTo(1 / 5, 12);
    expect(figures.timeToRestoreHours).toBe(30);
    expect(figures.meanDeploymentSizeLines).toBe((50 + 45 + 2 + 10) / 4);
    expect(figures.meanWipLines).toBeCloseTo((190 + 85 + 0.5 + 70 + 60) / 18, 9);
  });

  it('takes a glob for release tags and a pattern and window for failures', () => {
    const minors = readGitHistory(repo.path, { tags: 'v1.*.0' }, fix, rule);
    expect(minors.rows).toHaveLength(4);
    // With the hotfix release left out, the hotfix commit ships with v1.3.0.
    expect(minors.rows[2]).toMatchObject({ failed: true, restoredAt: t('2026-01-20T12:00:00Z') });
    const narrow = readGitHistory(repo.path, {}, fix, { windowDays: 0.5 });
    expect(narrow.rows.some((row) => row.failed)).toBe(false);
    const everything = readGitHistory(repo.path, {}, failurePattern('forward', 'p'), rule);
    // "Fix forward" (5 January) answers the release before it, v1.0.0.
    expect(everything.rows.map((row) => row.failed)).toEqual([true, false, false, false, false]);
  });

  it('keeps dates and counts only: no names, paths or messages reach the file', async () => {
    const csv = join(mkdtempSync(join(tmpdir(), 'history-')), 'history.csv');
    const result = await run('history', '--git', repo.path, '--csv', csv);
    expect(result.status).toBe(0);
    const text = readFileSync(csv, 'utf8');
    expect(text).not.toMatch(/Dev|example\.com|txt|login|Hotfix|feature|v1\./i);
    const sixFigures = (value: unknown) =>
      typeof value === 'number' && !Number.isInteger(value) ? Number(value.toPrecision(6)) : value;
    expect(readHistoryCsv(text)).toEqual(
      readGitHistory(repo.path, {}, fix, rule).rows.map((row) =>
        Object.fromEntries(Object.entries(row).map(([key, value]) => [key, sixFigures(value)])),
      ),
    );
    expect(result.stdout).toContain('Change failure rate         20%');
  });
});

describe('history from a branch', () => {
  it('counts each commit landing on the branch as a release, a merge bringing its branch', () => {
    const history = readGitHistory(repo.path, { branch: 'main' }, fix, rule);
    expect(history.rows).toHaveLength(8);
    const merge = history.rows[4];
    expect(merge).toMatchObject({ lines: 40, commits: 1, leadTimeDays: 2, failed: true });
    // Restored when the hotfix itself landed, a day later.
    expect((merge.restoredAt! - merge.deployedAt) / DAY).toBe(1);
    expect(history.rows[1]).toMatchObject({ lines: 20, commits: 1, leadTimeDays: 0 });
  });
});

describe('histories the reader refuses or cuts, plainly', () => {
  it('a repository with no release tags says so and names the ways out', () => {
    const bare = new ScriptedRepo();
    bare.commit('2026-02-01T12:00:00Z', 'a.txt', 3);
    expect(() => readGitHistory(bare.path, {}, fix, rule)).toThrow(InputError);
    expect(() => readGitHistory(bare.path, {}, fix, rule)).toThrow(
      /no tags.*--tags GLOB.*--branch NAME/,
    );
    expect(() => readGitHistory(bare.path, { branch: 'trunk' }, fix, rule)).toThrow(
      /--branch: "trunk" is not allowed; allowed: a branch of the repository \(main\)/,
    );
  });

  it('a folder that is not a repository, and a bad pattern, are refused by name', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'not-git-'));
    writeFileSync(join(folder, 'x'), '');
    expect(() => readGitHistory(folder, {}, fix, rule)).toThrow(
      /^--git: .* allowed: a git repository/,
    );
    const bad = await run('history', '--git', repo.path, '--failure-pattern', '(');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^--failure-pattern: "\(" is not allowed/);
  });

  it('a shallow clone is measured from the first release it holds in full, and says so', () => {
    const clone = mkdtempSync(join(tmpdir(), 'shallow-'));
    execFileSync('git', ['clone', '-q', '--depth', '3', `file://${repo.path}`, clone]);
    const history = readGitHistory(clone, {}, fix, rule);
    expect(history.rows.map((row) => row.deployedAt)).toEqual(
      ['2026-01-12T18:00:00Z', '2026-01-20T12:00:00Z'].map(t),
    );
    expect(history.rows[1]).toMatchObject({ lines: 10, commits: 1, leadTimeDays: 7 });
    expect(history.notes.join(' ')).toMatch(
      /Shallow clone: the history is measured from 2026-01-12/,
    );
  });
});

describe('deployments joined with their commits from git', () => {
  /** A GitHub deployment of `sha` to production, finished with `state` at `at`. */
  const deployment = (sha: string, at: string, state: string) => ({
    sha,
    ref: 'main',
    environment: 'production',
    created_at: at,
    statuses: [{ state, created_at: at }],
  });
  let joined: ScriptedRepo;
  let commits: string[];
  beforeAll(() => {
    joined = new ScriptedRepo();
    joined.commit('2026-02-01T12:00:00Z', 'a.txt', 10);
    joined.commit('2026-02-02T12:00:00Z', 'b.txt', 20);
    joined.commit('2026-02-04T12:00:00Z', 'c.txt', 40);
    // Subjects that would read as fixes: the tool's record, not the subjects, says what failed.
    joined.commit('2026-02-05T12:00:00Z', 'd.txt', 8, 'Revert the banner');
    commits = joined.git('2026-02-06T00:00:00Z', 'log', '--reverse', '--format=%H').split('\n');
  });

  it('measures each deployment from the commits it shipped, failed and restored as the tool says', async () => {
    const export_ = [
      deployment(commits[0], '2026-02-01T18:00:00Z', 'success'),
      // Followed by a revert, yet the tool says it went well: the tool's record stands.
      deployment(commits[2], '2026-02-04T18:00:00Z', 'success'),
      deployment(commits[3], '2026-02-06T12:00:00Z', 'failure'),
      // The same commit again, deployed right this time: it restores the failure.
      deployment(commits[3], '2026-02-07T12:00:00Z', 'success'),
      // A commit the clone does not have: left out and said so.
      deployment('f'.repeat(40), '2026-02-08T12:00:00Z', 'success'),
    ];
    const file = join(joined.path, '..', `deployments-${Date.now()}.json`);
    writeFileSync(file, JSON.stringify(export_));
    const result = await run('history', '--git', joined.path, '--deployments', file, '--json');
    expect(result.status, result.stderr).toBe(0);
    const { deployments, notes } = JSON.parse(result.stdout);
    expect(deployments.map((d: { deployedAt: number }) => d.deployedAt)).toEqual([
      t('2026-02-01T18:00:00Z'),
      t('2026-02-04T18:00:00Z'),
      t('2026-02-06T12:00:00Z'),
    ]);
    expect(notes.join(' ')).toContain('1 release(s) point at a commit already released');
    const [, shipped, failed] = deployments;
    expect(shipped).toMatchObject({ failed: false, lines: 60, commits: 2 });
    // Lines weighted: 40 lines waited 6 hours, 20 lines 2.25 days; the median line is the 40's.
    expect(shipped.leadTimeDays).toBeCloseTo(0.25, 9);
    expect(failed).toMatchObject({
      failed: true,
      restoredAt: t('2026-02-07T12:00:00Z'),
      lines: 8,
      commits: 1,
    });
    expect(notes.join(' ')).toContain('1 release(s) point at commits this clone does not have');
  });

  it('refuses an export whose deployments do not name their commits, by deployment', async () => {
    const file = join(joined.path, '..', `no-sha-${Date.now()}.json`);
    writeFileSync(
      file,
      JSON.stringify([
        deployment(commits[0], '2026-02-01T18:00:00Z', 'success'),
        { ...deployment(commits[1], '2026-02-02T18:00:00Z', 'success'), sha: undefined },
      ]),
    );
    const result = await run('history', '--git', joined.path, '--deployments', file);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('deployment 2 of 2 names no commit');
  });
});
