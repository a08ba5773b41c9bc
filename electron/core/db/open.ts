import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { isAppError } from '../../../shared/errors';
import type { Logger } from '../log/logger';
import { corruptError, mapStoreError } from './errors';
import { assertNotFromFuture, migrate, schemaVersion, type Migration } from './migrate';

const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens the seat database, checks it and brings its schema up to date.
 * Every check that can refuse the file (not a database, newer than the app, damaged) runs before
 * anything is written, so a refused file is left byte-for-byte as it was — never recreated.
 */
export function openStore(file: string, migrations: readonly Migration[], log: Logger): Database.Database {
  let db: Database.Database | null = null;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
    db = new Database(file);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('foreign_keys = ON');
    assertNotFromFuture(db, migrations, file);
    if (existed) assertIntact(db, file);
    // WAL + FULL: a save the operator saw succeed survives a power cut at a rural service point.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    const from = schemaVersion(db);
    const applied = migrate(db, migrations);
    if (applied.length > 0) log.info({ from, to: schemaVersion(db), applied }, 'database migrated');
    return db;
  } catch (err) {
    db?.close();
    if (isAppError(err)) throw err;
    throw mapStoreError(err, file) ?? err;
  }
}

function assertIntact(db: Database.Database, file: string): void {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  if (rows.length !== 1 || rows[0]?.quick_check !== 'ok') throw corruptError(file);
}
