import type Database from 'better-sqlite3';
import { v4 as uuidv4 } from 'uuid';

/** Key/value facts of this seat's sync identity (`sync_meta`). */
export function syncMetaRepo(db: Database.Database) {
  const read = db.prepare<[string], { value: string }>(`SELECT value FROM sync_meta WHERE key = ?`);
  const write = db.prepare<[string, string]>(
    `INSERT INTO sync_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  const insertIfMissing = db.prepare<[string, string]>(
    `INSERT INTO sync_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`,
  );

  return {
    get(key: string): string | null {
      return read.get(key)?.value ?? null;
    },
    set(key: string, value: string): void {
      write.run(key, value);
    },
    /** The seat's sync identity: created the first time it is asked for and never changed after. */
    clientId(): string {
      insertIfMissing.run('client_id', uuidv4());
      const value = read.get('client_id')?.value;
      if (!value) throw new Error('sync_meta.client_id missing after insert');
      return value;
    },
  };
}

export type SyncMetaRepo = ReturnType<typeof syncMetaRepo>;
