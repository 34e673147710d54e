import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGitHistory } from '../../src/cli/git.ts';
import { DEFAULT_FAILURE_PATTERN, failurePattern } from '../../src/history/git-history.ts';
import { measureHistory } from '../../src/history/measure.ts';

// history --git on a generated 10,000-commit repository: five commits a working day for eight
// years, a release tag every ten commits, a hotfix now and then. Figures, not tests.
const COMMITS = 10_000;
const repo = mkdtempSync(join(tmpdir(), 'history-bench-'));
execFileSync('git', ['init', '-q', '-b', 'main', repo]);
const start = Date.UTC(2018, 0, 1) / 1000;
const stream: string[] = [];
for (let i = 1; i <= COMMITS; i++) {
  const time = start + Math.floor(i / 5) * 86_400 * 1.4 + (i % 5) * 3600;
  const subject = i % 97 === 0 ? `Hotfix: issue ${i}` : `Change ${i}`;
  const content = `${Array.from({ length: 1 + (i % 40) }, (_, k) => `line ${i} ${k}`).join('\n')}\n`;
  stream.push(
    'commit refs/heads/main',
    `mark :${i}`,
    `author Dev <dev@example.com> ${time} +0000`,
    `committer Dev <dev@example.com> ${time} +0000`,
    `data ${Buffer.byteLength(subject)}`,
    subject,
    ...(i > 1 ? [`from :${i - 1}`] : []),
    `M 644 inline src/file-${i % 200}.txt`,
    `data ${Buffer.byteLength(content)}`,
    content,
  );
  if (i % 10 === 0)
    stream.push(
      `tag v1.${Math.floor(i / 1000)}.${i % 1000}`,
      `from :${i}`,
      `tagger Dev <dev@example.com> ${time + 7200} +0000`,
      'data 7',
      'release',
    );
}
const built = performance.now();
execFileSync('git', ['-C', repo, 'fast-import', '--quiet'], { input: `${stream.join('\n')}\n` });
execFileSync('git', ['-C', repo, 'checkout', '-q', 'main']);
console.log(
  `Generated ${COMMITS.toLocaleString('en-GB')} commits and ${COMMITS / 10} tags in ${((performance.now() - built) / 1000).toFixed(1)} s`,
);
const fix = failurePattern(DEFAULT_FAILURE_PATTERN, 'pattern');
for (const source of [{ tags: undefined }, { branch: 'main' }]) {
  const began = performance.now();
  const history = readGitHistory(repo, source, fix, { windowDays: 7 });
  const figures = measureHistory(history.rows, history.commitLeadTimes);
  const seconds = (performance.now() - began) / 1000;
  console.log(
    `history --git (${'branch' in source ? 'every commit on main' : 'release tags'}): ${history.rows.length.toLocaleString('en-GB')} releases in ${seconds.toFixed(2)} s; ${figures.deploymentsPerWeek.toFixed(2)} a week, change failure rate ${(figures.changeFailureRate * 100).toFixed(1)}%`,
  );
}
