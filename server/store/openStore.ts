import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrations';
import { type ServerDatabase } from './schema';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<ServerDatabase>;
  dialect: Dialect;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** `postgres://…` selects PostgreSQL; anything else (or nothing) uses the SQLite file. */
  databaseUrl?: string | undefined;
  sqliteFile?: string;
  /** PostgreSQL schema to work in (created if missing); lets tests run side by side on one database. */
  pgSchema?: string;
}

const INT8_OID = 20;
// bigint columns hold counters and millisecond times far below 2^53; read them as numbers, not strings.
pg.types.setTypeParser(INT8_OID, (v: string) => Number(v));

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function openSqlite(file: string): Kysely<ServerDatabase> {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  // A 2xx for a push promises the effects are on disk (DESIGN.md §6 rule 1).
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return new Kysely<ServerDatabase>({ dialect: new SqliteDialect({ database }) });
}

async function openPostgres(url: string, schema: string | undefined): Promise<Kysely<ServerDatabase>> {
  if (schema !== undefined) {
    if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name ${schema}`);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  return new Kysely<ServerDatabase>({ dialect: new PostgresDialect({ pool }) });
}

/** Opens the database named by the options and brings its schema up to date. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const url = options.databaseUrl;
  const isPostgres = url !== undefined && /^postgres(ql)?:\/\//.test(url);
  const db = isPostgres
    ? await openPostgres(url, options.pgSchema)
    : openSqlite(options.sqliteFile ?? path.join('var', 'server.db'));
  try {
    await migrateToLatest(db);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return { db, dialect: isPostgres ? 'postgres' : 'sqlite', close: () => db.destroy() };
}

/** True when the database answers a trivial query. */
export async function databaseReachable(store: Store): Promise<boolean> {
  try {
    await sql`SELECT 1`.execute(store.db);
    return true;
  } catch {
    // Unreachable is the answer itself: /ready turns it into 503 and the orchestrator retries.
    return false;
  }
}

/**
 * Gives the database a new epoch (DESIGN.md §6 rule 5). Run after restoring it from a backup: seats
 * that see the new epoch re-send the acknowledged mutations the restore lost, and the ledger de-duplicates.
 */
export async function renewEpoch(db: Kysely<ServerDatabase>): Promise<string> {
  const epoch = randomUUID();
  await db.updateTable('server_meta').set({ value: epoch }).where('key', '=', 'epoch').execute();
  return epoch;
}

export async function readEpoch(db: Kysely<ServerDatabase>): Promise<string> {
  const row = await db.selectFrom('server_meta').select('value').where('key', '=', 'epoch').executeTakeFirstOrThrow();
  return row.value;
}
