import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type FailureRule,
  GIT_LOG_FORMAT,
  type GitCommit,
  type GitHistory,
  type GitRelease,
  measureGitHistory,
  parseGitLog,
  parseShortstats,
  planReleases,
} from '../history/git-history.ts';
import { InputError } from '../inputs/errors.ts';

/** Semantic-version release tags (`v1.2.3`, `1.2.3`), the default when no --tags is given. */
const SEMVER_TAG = /^v?\d+\.\d+\.\d+$/;

/**
 * Where releases come from: tags matching a glob (semantic versions by default), a branch, or
 * the deployments a deployment tool recorded, each naming its commit.
 */
export type ReleaseSource = { tags?: string } | { branch: string } | { deployed: GitRelease[] };

/** Runs one git command in the repository and returns its output, or says why it failed. */
function git(repo: string, args: readonly string[], input?: string): string {
  const result = spawnSync('git', ['-C', repo, '-c', 'log.showSignature=false', ...args], {
    encoding: 'utf8',
    input,
    maxBuffer: 1 << 30,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
  });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    throw new InputError(
      '--git',
      repo,
      code === 'ENOENT'
        ? 'allowed: a git repository, read with the git command, which is not installed'
        : `allowed: a git repository git can read (${code ?? result.error.message})`,
    );
  }
  if (result.status !== 0)
    throw new InputError(
      '--git',
      repo,
      `allowed: a git repository (git ${args[0]}: ${result.stderr.trim().split('\n')[0]})`,
    );
  return result.stdout;
}

function tagReleases(repo: string, glob: string | undefined, fix: RegExp): GitRelease[] {
  const format =
    '%(refname:strip=2)%00%(objecttype)%00%(*objectname)%00%(objectname)%00%(creatordate:unix)%00%(contents:subject)';
  const listed = git(repo, [
    'for-each-ref',
    `--format=${format}`,
    glob ? `refs/tags/${glob}` : 'refs/tags',
  ]);
  const releases: GitRelease[] = [];
  const names: string[] = [];
  for (const line of listed.split('\n')) {
    if (line === '') continue;
    const [name, type, peeled, object, created, subject] = line.split('\x00');
    names.push(name);
    if (!glob && !SEMVER_TAG.test(name)) continue;
    const commit = type === 'tag' ? peeled : object;
    if (type !== 'tag' && type !== 'commit') continue;
    releases.push({
      commit,
      releasedAt: Number(created) * 1000,
      isFix: fix.test(name) || (type === 'tag' && fix.test(subject ?? '')),
    });
  }
  if (releases.length < 2) {
    const shown = names.slice(0, 5).join(', ');
    throw new InputError(
      glob ? '--tags' : '--git',
      glob ?? repo,
      `allowed: a history with at least two releases; ${releases.length} tag(s) match ${glob ?? 'semantic versions (v1.2.3)'}${names.length > 0 ? ` (tags here: ${shown}${names.length > 5 ? ', …' : ''})` : ' and the repository has no tags'}. Name the release tags with --tags GLOB, or measure pushes to a branch with --branch NAME`,
    );
  }
  return releases;
}

function branchReleases(repo: string, branch: string): GitRelease[] {
  const check = spawnSync(
    'git',
    ['-C', repo, 'rev-parse', '--verify', '--quiet', `${branch}^{commit}`],
    {
      encoding: 'utf8',
    },
  );
  if (check.status !== 0) {
    const branches = git(repo, ['for-each-ref', '--format=%(refname:short)', 'refs/heads'])
      .split('\n')
      .filter(Boolean);
    throw new InputError(
      '--branch',
      branch,
      `allowed: a branch of the repository (${branches.slice(0, 5).join(', ') || 'none'})`,
    );
  }
  // Oldest first, in the branch's own order: a rebased commit can carry an earlier time than the
  // one before it, and lands no earlier than that one did.
  let latest = Number.NEGATIVE_INFINITY;
  return git(repo, ['log', '--first-parent', '--reverse', '--format=%H%x00%ct', branch])
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [commit, committed] = line.split('\x00');
      latest = Math.max(latest, Number(committed) * 1000);
      return { commit, releasedAt: latest, isFix: false };
    });
}

/** The commits among `hashes` the clone holds, asked of git in one call. */
function presentCommits(repo: string, hashes: readonly string[]): Set<string> {
  const answer = git(repo, ['cat-file', '--batch-check=%(objecttype)'], `${hashes.join('\n')}\n`);
  const types = answer.split('\n');
  return new Set(hashes.filter((_, i) => types[i] === 'commit'));
}

function shallowBoundary(repo: string): Set<string> {
  if (git(repo, ['rev-parse', '--is-shallow-repository']).trim() !== 'true') return new Set();
  const file = join(git(repo, ['rev-parse', '--absolute-git-dir']).trim(), 'shallow');
  return new Set(existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);
}

/**
 * Reads a local repository's release history with plain git (no network): the releases, one
 * `git log --numstat` pass over every commit they hold, and one `git diff-tree --stdin` pass for
 * the lines between consecutive releases, whatever the size of the history.
 */
export function readGitHistory(
  repo: string,
  source: ReleaseSource,
  fix: RegExp,
  rule: FailureRule,
): GitHistory {
  git(repo, ['rev-parse', '--git-dir']);
  const releases =
    'branch' in source
      ? branchReleases(repo, source.branch)
      : 'deployed' in source
        ? source.deployed
        : tagReleases(repo, source.tags, fix);
  const tips = [...new Set(releases.map((release) => release.commit))];
  const hasHead = spawnSync('git', ['-C', repo, 'rev-parse', '--verify', '--quiet', 'HEAD']).status;
  if (!('branch' in source) && hasHead === 0) tips.push('HEAD');
  // A commit the export names and the clone lacks is left out (and said so), not an error.
  if ('deployed' in source) {
    const present = presentCommits(repo, tips);
    tips.splice(0, tips.length, ...tips.filter((tip) => present.has(tip)));
  }
  const log = git(
    repo,
    ['log', '--stdin', `--format=${GIT_LOG_FORMAT}`, '--numstat', '--no-renames', '--no-color'],
    `${tips.join('\n')}\n`,
  );
  const commits = new Map<string, GitCommit>(
    parseGitLog(log, fix).map((commit) => [commit.hash, commit]),
  );
  const plan = planReleases(releases, commits, shallowBoundary(repo));
  if (plan.releases.length < 2)
    throw new InputError(
      '--git',
      repo,
      'allowed: a history with at least two releases this clone holds in full; fetch more history (git fetch --unshallow)',
    );
  const pairs = plan.releases
    .slice(1)
    .map((release, i) => `${release.commit} ${plan.releases[i].commit}`);
  const stats = git(
    repo,
    ['diff-tree', '--stdin', '--shortstat', '--no-renames'],
    `${pairs.join('\n')}\n`,
  );
  const diffLines = [
    0,
    ...parseShortstats(
      stats,
      plan.releases.slice(1).map((release) => release.commit),
    ),
  ];
  return measureGitHistory(plan, commits, diffLines, rule);
}
