import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

/** The repo root: it holds data/ and the migrations exactly as a packaged resources dir does. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * A fresh seat database in its own temp directory with the reference schema applied, for tests.
 * Applies 0020_reference.sql directly so these tests do not depend on the whole migration chain.
 */
export function referenceTestDatabase(): { db: Database.Database; dir: string; dispose(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'refdata-'));
  const db = new Database(path.join(dir, 'seat.db'));
  db.exec(fs.readFileSync(path.join(REPO_ROOT, 'electron/core/db/migrations/0020_reference.sql'), 'utf8'));
  return {
    db,
    dir,
    dispose() {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
