import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { silentLogger } from '../log/logger';
import { migrationsDir, sourceResourcesDir } from '../paths';
import { readMigrations } from './migrate';
import { openStore } from './open';
import { createStore, type Store } from './store';

/** A fresh folder per test, removed by `cleanup`. */
export function tempDir(prefix = 'seat-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function shippedMigrations() {
  return readMigrations(migrationsDir(sourceResourcesDir()));
}

/** A migrated seat database in its own temp folder, for repository and service tests. */
export function openTempStore(): { db: Database.Database; store: Store; file: string; cleanup: () => void } {
  const { dir, cleanup } = tempDir();
  const file = path.join(dir, 'seat.db');
  const db = openStore(file, shippedMigrations(), silentLogger());
  return {
    db,
    store: createStore(db),
    file,
    cleanup: () => {
      if (db.open) db.close();
      cleanup();
    },
  };
}
