import { InputError } from '../inputs/errors.ts';
import { DAY_MS } from './dates.ts';
import type { HistoryRow } from './history-file.ts';
import { type Weighted, weightedQuantile } from './measure.ts';

/** A commit as the history needs it: its place in the graph, its dates and its size. */
export interface GitCommit {
  hash: string;
  parents: string[];
  /** Author time (when the change was first committed; survives rebases), ms. */
  authoredAt: number;
  /** Committer time (when it entered this history), ms. */
  committedAt: number;
  /** Lines inserted plus deleted; 0 for merges. */
  lines: number;
  /** Whether the subject matches the failure pattern (the subject itself is not kept). */
  isFix: boolean;
  /** A number standing for the author, to count people without keeping who they are. */
  author: number;
}

/** A release: a tag or a commit landing on the release branch. */
export interface GitRelease {
  commit: string;
  /** When it was released (tag creation, or landing on the branch), ms. */
  releasedAt: number;
  /** Whether the tag's name or message marks it as a fix (a hotfix release, say). */
  isFix: boolean;
  /** How it went, when a deployment tool recorded it: then no failure is read from fix commits. */
  outcome?: { failed: boolean; restoredAt?: number };
}

/** The releases a history is measured over, oldest first: the first is its baseline. */
export interface ReleasePlan {
  releases: GitRelease[];
  notes: string[];
}

/** A git history measured: one row per release (the first is the baseline) and every commit's lead time. */
export interface GitHistory {
  rows: HistoryRow[];
  commitLeadTimes: Weighted[];
  /** Lines committed on the history's tip and not yet in any release. */
  unreleasedLines: number;
  /** People who committed to the measured releases over their last 90 days: a hint at the team's size. */
  recentAuthors: number;
  notes: string[];
}

/** How failures are found: fix commits or releases within a window after a release. */
export interface FailureRule {
  windowDays: number;
}

/**
 * The default failure pattern: a subject that starts by undoing or patching (`Revert "…"`,
 * `hotfix: …`, `Rollback …`), or names a hotfix anywhere; a passing mention of a rollback is not one.
 */
export const DEFAULT_FAILURE_PATTERN = String.raw`^\W*(revert|hot-?fix|roll(ed)?[ -]?back)\b|\bhot-?fix\b`;

/** Compiles a failure pattern (case-insensitive), or says why it is not one. */
export function failurePattern(text: string, field: string): RegExp {
  try {
    return new RegExp(text, 'i');
  } catch {
    throw new InputError(field, text, 'allowed: a regular expression, like "revert|hotfix"');
  }
}

/** The `git log` format `parseGitLog` reads: hash, parents, author and committer times, author, subject. */
export const GIT_LOG_FORMAT = '%x1e%H%x00%P%x00%at%x00%ct%x00%ae%x00%s';

/**
 * Reads `git log --format=GIT_LOG_FORMAT --numstat` output into commits, testing each subject
 * against the failure pattern and numbering authors; neither subjects nor authors are kept.
 */
export function parseGitLog(text: string, fix: RegExp): GitCommit[] {
  const commits: GitCommit[] = [];
  const authors = new Map<string, number>();
  for (const chunk of text.split('\x1e')) {
    if (chunk.trim() === '') continue;
    const newline = chunk.indexOf('\n');
    const head = newline < 0 ? chunk : chunk.slice(0, newline);
    const [hash, parents, authored, committed, email, subject] = head.split('\x00');
    const key = (email ?? '').toLowerCase();
    if (!authors.has(key)) authors.set(key, authors.size);
    let lines = 0;
    if (newline >= 0)
      for (const line of chunk.slice(newline + 1).split('\n')) {
        const match = /^(\d+|-)\t(\d+|-)\t/.exec(line);
        // Binary files show `-`: they change no lines.
        if (match) lines += (Number(match[1]) || 0) + (Number(match[2]) || 0);
      }
    commits.push({
      hash,
      parents: parents ? parents.split(' ') : [],
      authoredAt: Number(authored) * 1000,
      committedAt: Number(committed) * 1000,
      lines,
      isFix: fix.test(subject ?? ''),
      author: authors.get(key)!,
    });
  }
  return commits;
}

/**
 * Reads `git diff-tree --stdin --shortstat` output for the pairs asked, in order, into lines
 * changed (inserted plus deleted); a pair with no change prints nothing and gets 0.
 */
export function parseShortstats(text: string, commits: readonly string[]): number[] {
  const lines = text.split('\n');
  let at = 0;
  return commits.map((commit) => {
    if (lines[at]?.trim() !== commit) return 0;
    const stat = lines[at + 1] ?? '';
    at += 2;
    const inserted = /(\d+) insertions?\(\+\)/.exec(stat);
    const deleted = /(\d+) deletions?\(-\)/.exec(stat);
    return Number(inserted?.[1] ?? 0) + Number(deleted?.[1] ?? 0);
  });
}

function day(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * Orders releases by time and keeps those the history can measure: a release of a commit
 * already released counts once, and in a shallow clone the measured history starts at the
 * last release that reaches the cut (`boundary`), since what came before is missing.
 */
export function planReleases(
  releases: readonly GitRelease[],
  commits: ReadonlyMap<string, GitCommit>,
  boundary: ReadonlySet<string>,
): ReleasePlan {
  const notes: string[] = [];
  const present = releases.filter((release) => commits.has(release.commit));
  if (present.length < releases.length)
    notes.push(
      `${releases.length - present.length} release(s) point at commits this clone does not have; they are left out.`,
    );
  const ordered = [...present].sort((a, b) => a.releasedAt - b.releasedAt);
  const released = new Set<string>();
  const unique = ordered.filter((release) => {
    if (released.has(release.commit)) return false;
    released.add(release.commit);
    return true;
  });
  if (unique.length < ordered.length)
    notes.push(
      `${ordered.length - unique.length} release(s) point at a commit already released; each commit counts once.`,
    );
  let start = 0;
  if (boundary.size > 0) {
    const owner = assignCommits(unique, commits);
    for (const hash of boundary) {
      const index = owner.get(hash);
      if (index !== undefined && index > start) start = index;
    }
    notes.push(
      `Shallow clone: the history is measured from ${day(unique[start]?.releasedAt ?? 0)}, the first release whose commits are all here${start > 0 ? `; ${start} earlier release(s) left out` : ''}. Fetch more history (git fetch --unshallow) to measure further back.`,
    );
  }
  return { releases: unique.slice(start), notes };
}

/** Which release brings each commit: the first, in time, from which it can be reached. */
function assignCommits(
  releases: readonly GitRelease[],
  commits: ReadonlyMap<string, GitCommit>,
): Map<string, number> {
  const owner = new Map<string, number>();
  releases.forEach((release, index) => {
    const stack = [release.commit];
    while (stack.length > 0) {
      const hash = stack.pop()!;
      if (owner.has(hash)) continue;
      const commit = commits.get(hash);
      if (!commit) continue;
      owner.set(hash, index);
      stack.push(...commit.parents);
    }
  });
  return owner;
}

/** The index of the first time in `times` (ascending) after `time`. */
function firstAfter(times: readonly number[], time: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] <= time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Measures a planned history: for every release after the baseline, the lines changed since the
 * previous one (`diffLines[k]`, from git), its commits, the median lead time of its lines and the
 * mean code waiting since the previous release; failures are releases followed within the
 * window by a fix (a commit or release the failure pattern matches), restored when that fix
 * reached production.
 */
export function measureGitHistory(
  plan: ReleasePlan,
  commits: ReadonlyMap<string, GitCommit>,
  diffLines: readonly number[],
  rule: FailureRule,
): GitHistory {
  const { releases } = plan;
  const times = releases.map((release) => release.releasedAt);
  const owner = assignCommits(releases, commits);
  const rows: HistoryRow[] = releases.map((release) => ({
    deployedAt: release.releasedAt,
    failed: false,
  }));
  const members: GitCommit[][] = releases.map(() => []);
  let unreleasedLines = 0;
  const waiting = new Float64Array(releases.length);
  for (const commit of commits.values()) {
    const index = owner.get(commit.hash);
    if (index === undefined) unreleasedLines += commit.lines;
    else if (index > 0 && commit.parents.length < 2) members[index].push(commit);
    if (index === 0 || commit.lines === 0) continue;
    // Committed and waiting from its author time until its release (or, unreleased, to the end).
    const until = index === undefined ? Number.POSITIVE_INFINITY : times[index];
    for (let k = Math.max(1, firstAfter(times, commit.authoredAt)); k < times.length; k++) {
      const from = Math.max(times[k - 1], commit.authoredAt);
      const to = Math.min(times[k], until);
      if (to > from) waiting[k] += commit.lines * (to - from);
      if (times[k] >= until) break;
    }
  }
  const commitLeadTimes: Weighted[] = [];
  for (let k = 1; k < releases.length; k++) {
    const row = rows[k];
    const own = members[k];
    row.lines = diffLines[k] ?? 0;
    row.commits = own.length;
    const span = times[k] - times[k - 1];
    if (span > 0) row.wipLines = waiting[k] / span;
    if (own.length === 0) continue;
    row.firstCommitAt = Math.min(...own.map((c) => Math.min(c.authoredAt, times[k])));
    const sized = own.some((c) => c.lines > 0);
    const leads = own.map((c) => ({
      value: Math.max(0, times[k] - c.authoredAt) / DAY_MS,
      weight: sized ? c.lines : 1,
    }));
    commitLeadTimes.push(...leads);
    row.leadTimeDays = weightedQuantile(leads, 0.5) ?? undefined;
  }
  if (releases.every((release) => release.outcome))
    releases.forEach((release, k) => {
      rows[k].failed = release.outcome!.failed;
      if (release.outcome!.restoredAt !== undefined)
        rows[k].restoredAt = release.outcome!.restoredAt;
    });
  else markFailures(rows, releases, commits, owner, rule);
  const recent = times[times.length - 1] - 90 * DAY_MS;
  const recentAuthors = new Set(
    members
      .flat()
      .filter((c) => c.authoredAt >= recent)
      .map((c) => c.author),
  ).size;
  return { rows, commitLeadTimes, unreleasedLines, recentAuthors, notes: plan.notes };
}

function markFailures(
  rows: HistoryRow[],
  releases: readonly GitRelease[],
  commits: ReadonlyMap<string, GitCommit>,
  owner: ReadonlyMap<string, number>,
  rule: FailureRule,
): void {
  const times = releases.map((release) => release.releasedAt);
  const fixes: { at: number; shipped: number }[] = [];
  for (const commit of commits.values()) {
    if (!commit.isFix) continue;
    const index = owner.get(commit.hash);
    fixes.push({
      at: commit.committedAt,
      shipped: Math.max(commit.committedAt, index === undefined ? 0 : times[index]),
    });
  }
  for (const release of releases)
    if (release.isFix) fixes.push({ at: release.releasedAt, shipped: release.releasedAt });
  fixes.sort((a, b) => a.at - b.at);
  const window = rule.windowDays * DAY_MS;
  for (const fix of fixes) {
    // The release the fix answers: the last one before it, if it is recent enough.
    const blamed = firstAfter(times, fix.at - 1) - 1;
    if (blamed < 0 || fix.at - times[blamed] > window || fix.at <= times[blamed]) continue;
    const row = rows[blamed];
    if (row.failed) continue;
    row.failed = true;
    row.restoredAt = fix.shipped;
  }
}
