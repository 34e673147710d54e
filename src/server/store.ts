import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { WorkshopEvent } from '../workshop/workshop.ts';

/**
 * Where a workshop server keeps every game event, in order. The server rebuilds each game by
 * replaying its events, so a store only appends and reads back; nothing is updated in place.
 */
export interface WorkshopStore {
  /** Appends one event to a game's log; it is durable when this returns. */
  append(code: string, event: WorkshopEvent): void;
  /** Every game's events, oldest first, by join code. */
  loadAll(): Map<string, WorkshopEvent[]>;
  /** The facilitator key, made once per store: a restarted server keeps it, so nobody signs in again. */
  facilitatorKey(): string;
  close(): void;
}

/**
 * The store as an embedded SQLite database (WAL mode: a crash loses no committed event, and
 * readers never wait for the writer). One table of events keyed by game and sequence number.
 */
export function openSqliteStore(path: string): WorkshopStore {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE IF NOT EXISTS events (
    code TEXT NOT NULL,
    seq INTEGER NOT NULL,
    event TEXT NOT NULL,
    PRIMARY KEY (code, seq)
  ) WITHOUT ROWID`);
  db.exec('CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)');
  const next = db.prepare<[string], { seq: number | null }>(
    'SELECT MAX(seq) AS seq FROM events WHERE code = ?',
  );
  const insert = db.prepare<[string, number, string]>(
    'INSERT INTO events (code, seq, event) VALUES (?, ?, ?)',
  );
  const all = db.prepare<[], { code: string; event: string }>(
    'SELECT code, event FROM events ORDER BY code, seq',
  );
  const append = db.transaction((code: string, event: WorkshopEvent) => {
    insert.run(code, (next.get(code)?.seq ?? 0) + 1, JSON.stringify(event));
  });
  return {
    append: (code, event) => append(code, event),
    loadAll() {
      const games = new Map<string, WorkshopEvent[]>();
      for (const row of all.iterate()) {
        const list = games.get(row.code) ?? [];
        list.push(JSON.parse(row.event) as WorkshopEvent);
        games.set(row.code, list);
      }
      return games;
    },
    facilitatorKey() {
      db.prepare('INSERT OR IGNORE INTO meta (name, value) VALUES (?, ?)').run(
        'facilitatorKey',
        randomBytes(12).toString('hex'),
      );
      return (
        db.prepare('SELECT value FROM meta WHERE name = ?').get('facilitatorKey') as {
          value: string;
        }
      ).value;
    },
    close: () => db.close(),
  };
}
