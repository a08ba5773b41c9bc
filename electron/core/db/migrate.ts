import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';

export type Migration = { version: number; name: string; sql: string };

const MIGRATION_FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;

/** The numbered `.sql` files of a migrations folder, in order. Two files with one number are a packaging bug. */
export function readMigrations(dir: string): Migration[] {
  const migrations = fs
    .readdirSync(dir)
    .flatMap((name) => {
      const m = MIGRATION_FILE.exec(name);
      return m ? [{ version: Number(m[1]), name, sql: fs.readFileSync(path.join(dir, name), 'utf8') }] : [];
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version < 1) throw new Error(`migration ${m.name}: versions start at 0001`);
    if (i > 0 && migrations[i - 1]!.version === m.version) throw new Error(`two migrations share version ${m.version}`);
  });
  return migrations;
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

/** A database written by a newer program may hold data this one would misread or destroy: refuse it. */
export function assertNotFromFuture(db: Database.Database, migrations: readonly Migration[], file: string): void {
  const current = schemaVersion(db);
  const latest = latestVersion(migrations);
  if (current > latest) {
    throw new AppError(
      'DB_FROM_FUTURE',
      `数据库版本 v${current} 比程序支持的 v${latest} 新，请升级坐席台程序；不要删除数据库文件（${file}）。`,
    );
  }
}

/** Applies every migration newer than `PRAGMA user_version`, each in its own transaction. Returns the versions applied. */
export function migrate(db: Database.Database, migrations: readonly Migration[]): number[] {
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= schemaVersion(db)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      // user_version lives in the file header, so it commits or rolls back with the migration.
      db.pragma(`user_version = ${migration.version}`);
    })();
    applied.push(migration.version);
  }
  return applied;
}
