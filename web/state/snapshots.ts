import { errorMessage, InputError } from '../../src/index.ts';
import { decodeScenario } from './url-state.ts';

/** A named scenario kept in the browser, stored as its URL query so it is validated like a link. */
export interface Snapshot {
  name: string;
  query: string;
  savedAt: string;
}

/** An entry of the store this version cannot use (damaged, or saved by a newer version), kept as it was. */
export interface UnreadableSnapshot {
  /** The entry exactly as stored. */
  raw: unknown;
  /** Why it cannot be used. */
  reason: string;
}

/** What the store holds: the snapshots this version reads, and everything else, untouched. */
export interface SnapshotStore {
  snapshots: Snapshot[];
  unreadable: UnreadableSnapshot[];
  /** The whole stored text when it is not a list at all; it is moved aside, never overwritten. */
  unreadableText: string | null;
}

/** Where snapshots are kept in the browser's storage. */
export const SNAPSHOT_KEY = 'death-spiral-snapshots-v1';

/** Where a store that could not be read at all is moved before anything new is written. */
export const UNREADABLE_SNAPSHOTS_KEY = 'death-spiral-snapshots-unreadable';

/** The most snapshots one browser keeps; past it, saving another asks to delete one first. */
export const MAX_SNAPSHOTS = 200;

/** Reads one stored entry: a snapshot, or the reason it is kept aside. */
function readEntry(entry: unknown): Snapshot | UnreadableSnapshot {
  const record = entry as Partial<Snapshot> | null;
  if (!record || typeof record.name !== 'string' || typeof record.query !== 'string')
    return { raw: entry, reason: 'it has no name or no scenario' };
  try {
    decodeScenario(record.query);
    return {
      name: record.name.slice(0, 80),
      query: record.query,
      savedAt: typeof record.savedAt === 'string' ? record.savedAt : '',
    };
  } catch (error) {
    const why = error instanceof InputError ? error.message : `unreadable (${String(error)})`;
    return { raw: entry, reason: `"${record.name.slice(0, 40)}": ${why}` };
  }
}

/**
 * Reads the snapshots kept in `storage`. An entry this version cannot use is kept as it was and
 * listed with its reason, so one bad or newer entry never costs the user anything.
 */
export function readSnapshots(storage: Pick<Storage, 'getItem'>): SnapshotStore {
  const text = storage.getItem(SNAPSHOT_KEY);
  const store: SnapshotStore = { snapshots: [], unreadable: [], unreadableText: null };
  if (!text) return store;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ...store, unreadableText: text };
  }
  if (!Array.isArray(raw)) return { ...store, unreadableText: text };
  for (const entry of raw) {
    const read = readEntry(entry);
    if ('reason' in read) store.unreadable.push(read);
    else store.snapshots.push(read);
  }
  return store;
}

/** What the user should know about a store: entries kept aside, or a store moved aside. */
export function storeProblems(store: SnapshotStore): string[] {
  const problems = store.unreadable.map(
    (entry) => `a snapshot is kept but cannot be used here: ${entry.reason}`,
  );
  if (store.unreadableText !== null)
    problems.push(
      'the saved snapshots could not be read; they are kept aside, and can be downloaded, before anything new is saved',
    );
  return problems;
}

/**
 * Keeps `store` in `storage`: the snapshots and, as they were, the entries this version cannot
 * read. A store that could not be read at all is first moved aside. Returns a message when the
 * browser refuses (the store is then unchanged).
 */
export function writeSnapshots(
  storage: Pick<Storage, 'setItem' | 'getItem'>,
  store: SnapshotStore,
): string | null {
  try {
    if (store.unreadableText !== null && storage.getItem(UNREADABLE_SNAPSHOTS_KEY) === null)
      storage.setItem(UNREADABLE_SNAPSHOTS_KEY, store.unreadableText);
    storage.setItem(
      SNAPSHOT_KEY,
      JSON.stringify([...store.unreadable.map((entry) => entry.raw), ...store.snapshots]),
    );
    return null;
  } catch (error) {
    return `The browser would not keep the snapshots (${errorMessage(error)}); nothing was changed. Delete some, or save the scenario to a file.`;
  }
}
