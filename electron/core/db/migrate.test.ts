import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger';
import { latestVersion, migrate, readMigrations, schemaVersion, type Migration } from './migrate';
import { openStore } from './open';
import { shippedMigrations, tempDir } from './tempStore';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function dir(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

function sha(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function tables(db: Database.Database): string[] {
  return (
    db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all() as { name: string }[]
  ).map((r) => r.name);
}

describe('migrations', () => {
  it('builds every seat table on an empty database and records the last version', () => {
    const file = path.join(dir(), 'seat.db');
    const db = openStore(file, shippedMigrations(), silentLogger());
    expect(schemaVersion(db)).toBe(latestVersion(shippedMigrations()));
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'inquiry',
        'inquiry_event',
        'caller',
        'draft',
        'outbox',
        'sync_meta',
        'sync_issue',
        'case_counter',
        'inquiry_fts',
        'region',
      ]),
    );
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('0010 starts the outbox mutation counter at 1', () => {
    const file = path.join(dir(), 'seat.db');
    const db = openStore(file, shippedMigrations(), silentLogger());
    expect(db.prepare(`SELECT key, value FROM sync_meta`).all()).toEqual([{ key: 'next_mutation_id', value: '1' }]);
    db.close();
  });

  it('does nothing when an up-to-date database is opened again', () => {
    const file = path.join(dir(), 'seat.db');
    openStore(file, shippedMigrations(), silentLogger()).close();
    const db = new Database(file);
    expect(migrate(db, shippedMigrations())).toEqual([]);
    db.close();
  });

  it('applies only the migrations newer than the database', () => {
    const migrations: Migration[] = [
      { version: 1, name: '0001_a.sql', sql: 'CREATE TABLE a (x INTEGER) STRICT;' },
      { version: 2, name: '0002_b.sql', sql: 'CREATE TABLE b (x INTEGER) STRICT;' },
    ];
    const db = new Database(':memory:');
    expect(migrate(db, migrations.slice(0, 1))).toEqual([1]);
    expect(migrate(db, migrations)).toEqual([2]);
    expect(schemaVersion(db)).toBe(2);
    db.close();
  });

  it('rolls a failing migration back whole, leaving the version where it was', () => {
    const db = new Database(':memory:');
    const broken: Migration[] = [
      { version: 1, name: '0001_a.sql', sql: 'CREATE TABLE a (x INTEGER) STRICT;' },
      { version: 2, name: '0002_b.sql', sql: 'CREATE TABLE b (x INTEGER) STRICT; INSERT INTO nowhere VALUES (1);' },
    ];
    expect(() => migrate(db, broken)).toThrow(/nowhere/);
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual(['a']);
    db.close();
  });

  it('reads numbered .sql files in order and ignores other files', () => {
    const d = dir();
    fs.writeFileSync(path.join(d, '0020_second.sql'), 'SELECT 2;');
    fs.writeFileSync(path.join(d, '0010_first.sql'), 'SELECT 1;');
    fs.writeFileSync(path.join(d, 'README.md'), 'notes');
    expect(readMigrations(d).map((m) => m.version)).toEqual([10, 20]);
  });

  it('refuses two migrations with the same number', () => {
    const d = dir();
    fs.writeFileSync(path.join(d, '0010_a.sql'), 'SELECT 1;');
    fs.writeFileSync(path.join(d, '0010_b.sql'), 'SELECT 1;');
    expect(() => readMigrations(d)).toThrow(/share version 10/);
  });

  it('refuses a database from a newer program with a clear message and leaves the file untouched', () => {
    const file = path.join(dir(), 'seat.db');
    openStore(file, shippedMigrations(), silentLogger()).close();
    const future = new Database(file);
    future.pragma('user_version = 9999');
    future.close();
    const before = sha(file);
    let caught: unknown;
    try {
      openStore(file, shippedMigrations(), silentLogger());
    } catch (err) {
      caught = err;
    }
    expect(caught).toMatchObject({ code: 'DB_FROM_FUTURE' });
    const message = (caught as Error).message;
    expect(message).toContain('v9999');
    expect(message).toContain(`v${latestVersion(shippedMigrations())}`);
    expect(message).toContain('请升级坐席台程序');
    expect(message).toContain(file);
    expect(sha(file)).toBe(before);
  });
});
