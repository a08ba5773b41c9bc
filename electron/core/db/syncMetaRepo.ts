import type Database from 'better-sqlite3';
import { v4 as uuidv4 } from 'uuid';
import { NO_SECRET_BOX, SEALED_PREFIX, type SecretBox } from '../secrets/secretBox';

/** Key/value facts of this seat's sync identity (`sync_meta`); secrets go through `box`. */
export function syncMetaRepo(db: Database.Database, box: SecretBox = NO_SECRET_BOX) {
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
    /**
     * A secret as written by `setSecret`. One kept in clear by an older seat is sealed now that a box
     * can; one this machine cannot open reads as absent (the operator logs in again online).
     */
    getSecret(key: string): string | null {
      const stored = read.get(key)?.value;
      if (!stored) return null;
      if (!stored.startsWith(SEALED_PREFIX)) {
        if (box.kind === 'os') write.run(key, SEALED_PREFIX + box.seal(stored));
        return stored;
      }
      try {
        return box.open(stored.slice(SEALED_PREFIX.length));
      } catch {
        return null;
      }
    },
    /** Stores a secret sealed when there is a box to seal it with; null or '' forgets it. */
    setSecret(key: string, value: string | null): void {
      write.run(key, value && box.kind === 'os' ? SEALED_PREFIX + box.seal(value) : (value ?? ''));
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
