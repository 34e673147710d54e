import { parseJsonInput } from '../inputs/json-input.ts';
import { historyFromDeployments } from './deployment-apis.ts';
import { type HistoryRow, readHistoryCsv } from './history-file.ts';

/** A history read from a file, and what wrote it. */
export interface ReadHistory {
  rows: HistoryRow[];
  source: 'csv' | 'github' | 'gitlab';
  /** The environment a deployments export was read for. */
  environment?: string;
  /** The commit each row deployed, when a deployments export names it. */
  commits?: (string | undefined)[];
}

/**
 * Reads any history file the product takes: a history CSV, or a GitHub or GitLab deployments
 * export (JSON), told apart by their first character.
 */
export function readAnyHistory(text: string, name: string, environment?: string): ReadHistory {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (!start.startsWith('[') && !start.startsWith('{'))
    return { rows: readHistoryCsv(text), source: 'csv' };
  return historyFromDeployments(parseJsonInput(text, name), environment);
}
