import { InputError } from '../inputs/errors.ts';
import { parseIsoDate } from './dates.ts';
import type { HistoryRow } from './history-file.ts';

/** A deployment as the tools report it, reduced to what a history needs. */
interface Deployment {
  at: number;
  environment: string;
  /** Reached production (or failed trying). */
  outcome: 'success' | 'failure';
  /** The commit deployed, when the export names it. */
  sha?: string;
}

function sha(value: unknown): string | undefined {
  return typeof value === 'string' && /^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(value)
    ? value
    : undefined;
}

/** Which tool wrote a deployments export. */
export type DeploymentSource = 'github' | 'gitlab';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function date(value: unknown, field: string): number {
  if (typeof value !== 'string') throw new InputError(field, value, 'allowed: an ISO 8601 time');
  return parseIsoDate(value, field);
}

/** Tells a GitHub export (environment named by a string) from a GitLab one (an object with a name). */
export function deploymentSource(data: unknown): DeploymentSource {
  if (!Array.isArray(data) || data.length === 0)
    throw new InputError(
      'deployments',
      Array.isArray(data) ? 'an empty list' : data,
      'allowed: a list of deployments as the GitHub or GitLab deployments API returns it',
    );
  const first = data[0];
  if (isObject(first) && isObject(first.environment) && typeof first.status === 'string')
    return 'gitlab';
  if (isObject(first) && typeof first.environment === 'string' && 'created_at' in first)
    return 'github';
  throw new InputError(
    'deployments[0]',
    first,
    'allowed: a GitHub deployment (environment, created_at, statuses) or a GitLab one (environment.name, status)',
  );
}

/**
 * A GitHub deployment with its statuses (as `gh api …/deployments/ID/statuses` lists them):
 * deployed at its first success, failed if any status says failure or error.
 */
function githubDeployment(entry: unknown, field: string): Deployment | null {
  if (!isObject(entry)) throw new InputError(field, entry, 'allowed: a deployment object');
  if (typeof entry.environment !== 'string')
    throw new InputError(`${field}.environment`, entry.environment, 'allowed: a name');
  const created = date(entry.created_at, `${field}.created_at`);
  if (entry.statuses === undefined)
    return { at: created, environment: entry.environment, outcome: 'success', sha: sha(entry.sha) };
  if (!Array.isArray(entry.statuses))
    throw new InputError(`${field}.statuses`, entry.statuses, 'allowed: a list of statuses');
  const statuses = entry.statuses.map((status, i) => {
    const where = `${field}.statuses[${i}]`;
    if (!isObject(status) || typeof status.state !== 'string')
      throw new InputError(where, status, 'allowed: a status with a state and created_at');
    return { state: status.state, at: date(status.created_at, `${where}.created_at`) };
  });
  const successes = statuses.filter((s) => s.state === 'success').map((s) => s.at);
  const failures = statuses.filter((s) => s.state === 'failure' || s.state === 'error');
  if (successes.length === 0 && failures.length === 0) return null;
  return {
    at: successes.length > 0 ? Math.min(...successes) : Math.min(...failures.map((s) => s.at)),
    environment: entry.environment,
    outcome: failures.length > 0 ? 'failure' : 'success',
    sha: sha(entry.sha),
  };
}

/** A GitLab deployment: finished successfully or failed; running, created or cancelled ones are not deployments. */
function gitlabDeployment(entry: unknown, field: string): Deployment | null {
  if (!isObject(entry)) throw new InputError(field, entry, 'allowed: a deployment object');
  const environment = isObject(entry.environment) ? entry.environment.name : undefined;
  if (typeof environment !== 'string')
    throw new InputError(`${field}.environment.name`, environment, 'allowed: a name');
  if (entry.status !== 'success' && entry.status !== 'failed') return null;
  const deployable = isObject(entry.deployable) ? entry.deployable : {};
  const finished = entry.finished_at ?? deployable.finished_at ?? entry.updated_at;
  const key =
    entry.finished_at !== undefined && entry.finished_at !== null
      ? 'finished_at'
      : deployable.finished_at
        ? 'deployable.finished_at'
        : 'updated_at';
  return {
    at: date(finished ?? entry.created_at, `${field}.${finished ? key : 'created_at'}`),
    environment,
    outcome: entry.status === 'success' ? 'success' : 'failure',
    sha: sha(entry.sha),
  };
}

/**
 * Turns a GitHub or GitLab deployments export into a history for one environment (`production`,
 * or the only one there is): oldest first, a failed deployment restored by the next one that
 * succeeds, with the commit each deployed (`commits`, parallel to `rows`) to join with git.
 */
export function historyFromDeployments(
  data: unknown,
  environment?: string,
): {
  rows: HistoryRow[];
  source: DeploymentSource;
  environment: string;
  commits: (string | undefined)[];
} {
  const source = deploymentSource(data);
  const read = source === 'github' ? githubDeployment : gitlabDeployment;
  const all = (data as unknown[])
    .map((entry, i) => read(entry, `deployments[${i}]`))
    .filter((d): d is Deployment => d !== null);
  const environments = [...new Set(all.map((d) => d.environment))];
  const chosen =
    environment ??
    (environments.length === 1
      ? environments[0]
      : environments.find((name) => name.toLowerCase() === 'production'));
  if (chosen === undefined || !environments.includes(chosen))
    throw new InputError(
      '--environment',
      chosen ?? 'none given',
      `allowed: one of the environments deployed to (${environments.join(', ') || 'none finished'})`,
    );
  const deployments = all.filter((d) => d.environment === chosen).sort((a, b) => a.at - b.at);
  const rows: HistoryRow[] = deployments.map((d) => ({
    deployedAt: d.at,
    failed: d.outcome === 'failure',
  }));
  rows.forEach((row, i) => {
    if (!row.failed) return;
    const next = deployments.slice(i + 1).find((d) => d.outcome === 'success');
    if (next) row.restoredAt = next.at;
  });
  if (rows.length < 2 || !(rows[rows.length - 1].deployedAt > rows[0].deployedAt))
    throw new InputError(
      'deployments',
      `${rows.length} finished deployment(s) to ${chosen}`,
      'allowed: at least two deployments, spread over time',
    );
  return { rows, source, environment: chosen, commits: deployments.map((d) => d.sha) };
}
