import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A scripted git repository in a temporary folder, every commit and tag at a fixed time. */
export class ScriptedRepo {
  readonly path = mkdtempSync(join(tmpdir(), 'death-spiral-git-'));

  constructor() {
    this.git('2026-01-01T00:00:00Z', 'init', '-q', '-b', 'main');
  }

  /** Runs git with author and committer time set to `at` (ISO 8601). */
  git(at: string, ...args: string[]): string {
    return execFileSync('git', ['-C', this.path, ...args], {
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Dev',
        GIT_AUTHOR_EMAIL: 'dev@example.com',
        GIT_COMMITTER_NAME: 'Dev',
        GIT_COMMITTER_EMAIL: 'dev@example.com',
        GIT_AUTHOR_DATE: at,
        GIT_COMMITTER_DATE: at,
        GIT_CONFIG_NOSYSTEM: '1',
        HOME: this.path,
      },
    });
  }

  /** Commits `lines` new lines to `file` at `at`, with a subject. */
  commit(at: string, file: string, lines: number, subject = `Work on ${file}`): void {
    appendFileSync(
      join(this.path, file),
      Array.from({ length: lines }, (_, i) => `${at} ${i}\n`).join(''),
    );
    this.git(at, 'add', file);
    this.git(at, 'commit', '-q', '-m', subject);
  }

  /** An annotated tag on `ref`, created at `at`. */
  tag(at: string, name: string, ref = 'HEAD', message = `Release ${name}`): void {
    this.git(at, 'tag', '-a', name, '-m', message, ref);
  }
}
