import { describe, expect, it } from 'vitest';
import { historyFromDeployments } from '../../src/history/deployment-apis.ts';
import { measureHistory } from '../../src/history/measure.ts';
import { InputError } from '../../src/inputs/errors.ts';

const t = (iso: string) => Date.parse(iso);

/** A GitHub deployment as `gh api repos/OWNER/REPO/deployments` lists it, with its statuses added. */
function github(id: number, environment: string, created: string, statuses: [string, string][]) {
  return {
    url: `https://api.github.com/repos/octo/app/deployments/${id}`,
    id,
    sha: 'a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d',
    ref: 'main',
    task: 'deploy',
    environment,
    creator: { login: 'octocat' },
    created_at: created,
    updated_at: created,
    statuses_url: `https://api.github.com/repos/octo/app/deployments/${id}/statuses`,
    // Newest first, as the API lists them.
    statuses: statuses.map(([state, at]) => ({ state, created_at: at, environment })).reverse(),
  };
}

/** A GitLab deployment as `GET /projects/:id/deployments` returns it. */
function gitlab(iid: number, environment: string, status: string, finished: string) {
  return {
    id: 40 + iid,
    iid,
    ref: 'main',
    sha: '99d03678b90d914dbb1b109132516d71a4a03ea8',
    created_at: finished.replace('T1', 'T0'),
    updated_at: finished,
    status,
    user: { username: 'someone' },
    environment: { id: 9, name: environment, external_url: 'https://example.com' },
    deployable: { id: 700 + iid, status, finished_at: finished },
  };
}

describe('GitHub deployments', () => {
  const export_ = [
    github(3, 'production', '2026-03-10T09:00:00Z', [
      ['in_progress', '2026-03-10T09:01:00Z'],
      ['success', '2026-03-10T09:10:00Z'],
    ]),
    github(1, 'production', '2026-03-01T09:00:00Z', [['success', '2026-03-01T09:05:00Z']]),
    github(2, 'production', '2026-03-05T09:00:00Z', [
      ['success', '2026-03-05T09:05:00Z'],
      ['failure', '2026-03-05T11:00:00Z'],
    ]),
    github(4, 'staging', '2026-03-06T09:00:00Z', [['success', '2026-03-06T09:05:00Z']]),
    github(5, 'production', '2026-03-11T09:00:00Z', [['pending', '2026-03-11T09:00:00Z']]),
  ];

  it('reads production deployments at their first success; a failure is restored by the next success', () => {
    const { rows, source, environment } = historyFromDeployments(export_);
    expect(source).toBe('github');
    expect(environment).toBe('production');
    expect(rows).toEqual([
      { deployedAt: t('2026-03-01T09:05:00Z'), failed: false },
      {
        deployedAt: t('2026-03-05T09:05:00Z'),
        failed: true,
        restoredAt: t('2026-03-10T09:10:00Z'),
      },
      { deployedAt: t('2026-03-10T09:10:00Z'), failed: false },
    ]);
    const figures = measureHistory(rows);
    expect(figures.changeFailureRate).toBeCloseTo(1 / 3, 12);
    expect(figures.timeToRestoreHours).toBeCloseTo(5 * 24 + 5 / 60, 9);
    expect(figures.meanDeploymentSizeLines).toBeNull();
  });

  it('another environment on request, and a clear refusal for one that is not there', () => {
    expect(() => historyFromDeployments(export_, 'staging')).toThrow(/at least two deployments/);
    expect(() => historyFromDeployments(export_, 'qa')).toThrow(
      /--environment: "qa" is not allowed; allowed: one of the environments deployed to \(production, staging\)/,
    );
  });

  it('names the entry and field of a bad value', () => {
    const bad = [...export_, { ...export_[0], created_at: 'last tuesday' }];
    expect(() => historyFromDeployments(bad)).toThrow(InputError);
    expect(() => historyFromDeployments(bad)).toThrow(
      /^deployments\[5\]\.created_at: "last tuesday"/,
    );
    expect(() => historyFromDeployments({ deployments: 1 })).toThrow(/^deployments: /);
  });
});

describe('GitLab deployments', () => {
  it('reads finished deployments; running and cancelled ones are not deployments', () => {
    const data = [
      gitlab(4, 'production', 'success', '2026-04-09T15:00:00.000+02:00'),
      gitlab(3, 'production', 'canceled', '2026-04-08T15:00:00.000Z'),
      gitlab(2, 'production', 'failed', '2026-04-05T15:00:00.000Z'),
      gitlab(1, 'production', 'success', '2026-04-01T15:00:00.000Z'),
      gitlab(5, 'production', 'running', '2026-04-10T15:00:00.000Z'),
    ];
    const { rows, source } = historyFromDeployments(data);
    expect(source).toBe('gitlab');
    expect(rows).toEqual([
      { deployedAt: t('2026-04-01T15:00:00Z'), failed: false },
      {
        deployedAt: t('2026-04-05T15:00:00Z'),
        failed: true,
        restoredAt: t('2026-04-09T13:00:00Z'),
      },
      { deployedAt: t('2026-04-09T13:00:00Z'), failed: false },
    ]);
  });
});
