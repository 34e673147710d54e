import { InputError } from '../../src/index';
import { decodeScenario } from './url-state';

/** A named scenario kept in the browser, stored as its URL query so it is validated like a link. */
export interface Snapshot {
  name: string;
  query: string;
  savedAt: string;
}

/** Where snapshots are kept in the browser's storage. */
export const SNAPSHOT_KEY = 'death-spiral-snapshots-v1';

/** Most snapshots kept; the oldest go first. */
export const MAX_SNAPSHOTS = 50;

/**
 * Reads the snapshots kept in `storage`. Entries that are malformed or no longer valid are left
 * out and named in `problems`, so one bad entry never costs the user the others.
 */
export function readSnapshots(storage: Pick<Storage, 'getItem'>): {
  snapshots: Snapshot[];
  problems: string[];
} {
  const text = storage.getItem(SNAPSHOT_KEY);
  if (!text) return { snapshots: [], problems: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { snapshots: [], problems: ['the saved snapshots were unreadable and were not loaded'] };
  }
  if (!Array.isArray(raw))
    return { snapshots: [], problems: ['the saved snapshots were not a list and were not loaded'] };
  const snapshots: Snapshot[] = [];
  const problems: string[] = [];
  for (const entry of raw) {
    const record = entry as Partial<Snapshot> | null;
    if (!record || typeof record.name !== 'string' || typeof record.query !== 'string') {
      problems.push('a saved snapshot without a name or scenario was skipped');
      continue;
    }
    try {
      decodeScenario(record.query);
      snapshots.push({
        name: record.name.slice(0, 80),
        query: record.query,
        savedAt: typeof record.savedAt === 'string' ? record.savedAt : '',
      });
    } catch (error) {
      problems.push(
        `snapshot "${record.name.slice(0, 40)}" was skipped: ${error instanceof InputError ? error.message : String(error)}`,
      );
    }
  }
  return { snapshots, problems };
}

/** Keeps `snapshots` in `storage`; returns an error message if the browser refused. */
export function writeSnapshots(
  storage: Pick<Storage, 'setItem'>,
  snapshots: readonly Snapshot[],
): string | null {
  try {
    storage.setItem(SNAPSHOT_KEY, JSON.stringify(snapshots.slice(-MAX_SNAPSHOTS)));
    return null;
  } catch (error) {
    return `The browser would not keep the snapshot (${error instanceof Error ? error.message : String(error)}).`;
  }
}
