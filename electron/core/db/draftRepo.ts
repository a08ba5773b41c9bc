import type Database from 'better-sqlite3';
import type { Draft } from '../../../shared/domain/seat';

type DraftRow = { key: string; data: string; saved_at: string };

/** Autosaved, not yet valid forms (`draft`), so an unsaved inquiry survives a crash or restart. */
export function draftRepo(db: Database.Database) {
  const upsert = db.prepare<[DraftRow]>(
    `INSERT INTO draft (key, data, saved_at) VALUES (@key, @data, @saved_at)
     ON CONFLICT (key) DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at`,
  );
  const byKey = db.prepare<[string], DraftRow>(`SELECT * FROM draft WHERE key = ?`);
  const remove = db.prepare<[string]>(`DELETE FROM draft WHERE key = ?`);

  return {
    get(key: string): Draft | null {
      const row = byKey.get(key);
      return row ? { key: row.key, data: JSON.parse(row.data) as Draft['data'], savedAt: row.saved_at } : null;
    },
    save(draft: Draft): void {
      upsert.run({ key: draft.key, data: JSON.stringify(draft.data), saved_at: draft.savedAt });
    },
    clear(key: string): void {
      remove.run(key);
    },
  };
}
