import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { silentLogger } from '../log/logger';
import { mapStoreError } from './errors';
import { openStore } from './open';
import { shippedMigrations, tempDir } from './tempStore';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function dbFile(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return path.join(t.dir, 'seat.db');
}

function sha(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function openError(file: string): AppError {
  try {
    openStore(file, shippedMigrations(), silentLogger()).close();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the database to be refused');
}

/** A real seat database with enough rows to span many pages. */
function populatedDatabase(file: string): void {
  const db = openStore(file, shippedMigrations(), silentLogger());
  const insert = db.prepare(`INSERT INTO draft (key, data, saved_at) VALUES (?, ?, '2026-01-01T00:00:00.000Z')`);
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(`k${i}`, JSON.stringify({ text: '玉米叶片发黄'.repeat(20) }));
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  db.close();
}

describe('opening the seat database', () => {
  it('reports a file of random bytes as corrupt and leaves it as it was', () => {
    const file = dbFile();
    fs.writeFileSync(file, crypto.randomBytes(64 * 1024));
    const before = sha(file);
    const err = openError(file);
    expect(err.code).toBe('DB_CORRUPT');
    expect(err.message).toContain(file);
    expect(err.message).toContain('不要删除');
    expect(sha(file)).toBe(before);
  });

  it('reports a truncated database as corrupt and leaves it as it was', () => {
    const file = dbFile();
    populatedDatabase(file);
    const size = fs.statSync(file).size;
    fs.truncateSync(file, Math.floor(size / 2));
    const before = sha(file);
    expect(openError(file).code).toBe('DB_CORRUPT');
    expect(sha(file)).toBe(before);
  });

  it('reports a database with damaged pages as corrupt and leaves it as it was', () => {
    const file = dbFile();
    populatedDatabase(file);
    const bytes = fs.readFileSync(file);
    // Overwrite a stretch in the middle (past the header page) with garbage.
    crypto.randomBytes(16 * 1024).copy(bytes, Math.floor(bytes.length / 2));
    fs.writeFileSync(file, bytes);
    const before = sha(file);
    expect(openError(file).code).toBe('DB_CORRUPT');
    expect(sha(file)).toBe(before);
  });

  it('opens an intact database again with its data', () => {
    const file = dbFile();
    populatedDatabase(file);
    const db = openStore(file, shippedMigrations(), silentLogger());
    expect(db.prepare('SELECT count(*) AS n FROM draft').get()).toEqual({ n: 2000 });
    db.close();
  });

  // /sys refuses new folders to everyone, root included (chmod would not stop root in CI containers).
  it.skipIf(process.platform !== 'linux')('reports a data folder that cannot be written as read-only storage', () => {
    const file = '/sys/12316-seat-test/seat.db';
    const err = openError(file);
    expect(err.code).toBe('DB_READONLY');
    expect(err.message).toContain(file);
  });
});

describe('mapping storage errors', () => {
  const file = '/data/seat.db';
  const sqlite = (code: string) => Object.assign(new Error(code), { code });

  it.each(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX'])('%s means a damaged database', (code) => {
    expect(mapStoreError(sqlite(code), file)).toMatchObject({ code: 'DB_CORRUPT' });
  });

  it.each(['SQLITE_READONLY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_CANTOPEN', 'EACCES', 'EROFS'])(
    '%s means storage that cannot be written',
    (code) => {
      const mapped = mapStoreError(sqlite(code), file);
      expect(mapped).toMatchObject({ code: 'DB_READONLY' });
      expect(mapped?.message).toContain(file);
    },
  );

  it('leaves other failures to be logged as bugs', () => {
    expect(mapStoreError(sqlite('SQLITE_CONSTRAINT_UNIQUE'), file)).toBeNull();
    expect(mapStoreError(new TypeError('x'), file)).toBeNull();
  });
});
