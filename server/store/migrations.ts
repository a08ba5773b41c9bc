import { randomUUID } from 'node:crypto';
import { type Kysely, type Migration, Migrator, PostgresAdapter, sql } from 'kysely';
import { KB_MIGRATIONS } from '../kb/migrations';
import { KB_SNAPSHOT_MIGRATIONS } from '../kb/snapshot/migrations';
import { type ServerDatabase } from './schema';
import { digestChanges } from './scopeDigests';

/**
 * Numbered migrations, written with Kysely's schema builder so one file serves SQLite and PostgreSQL.
 * Counters and times that can outgrow 32 bits are bigint; JSON is text in both dialects.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('devices')
        .addColumn('client_id', 'text', (c) => c.primaryKey())
        .addColumn('install_nonce', 'text', (c) => c.notNull())
        .addColumn('seat_code', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('registered_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('registered_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sync_client')
        .addColumn('client_id', 'text', (c) => c.primaryKey())
        .addColumn('last_mutation_id', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('mutation_ledger')
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('mutation_id', 'bigint', (c) => c.notNull())
        .addColumn('server_seq', 'bigint')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('result', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('mutation_ledger_pk', ['client_id', 'mutation_id'])
        .execute();
      await db.schema
        .createTable('change_log')
        .addColumn('seq', 'bigint', (c) => c.primaryKey())
        .addColumn('stream', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('op', 'text', (c) => c.notNull())
        .addColumn('row_version', 'bigint', (c) => c.notNull())
        .addColumn('seat_code', 'text')
        .addColumn('expert_id', 'text')
        .addColumn('department_id', 'text')
        .execute();
      await db.schema
        .createTable('inquiry')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('row_version', 'bigint', (c) => c.notNull())
        .addColumn('seat_code', 'text', (c) => c.notNull())
        .addColumn('expert_id', 'text')
        .addColumn('department_id', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('inquiry_event')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('inquiry_id', 'text', (c) => c.notNull().references('inquiry.id'))
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('server_seq', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('server_meta')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('change_log_stream_seq').on('change_log').columns(['stream', 'seq']).execute();
      await db.schema.createIndex('inquiry_event_inquiry').on('inquiry_event').column('inquiry_id').execute();
      await db.schema.createIndex('inquiry_seat').on('inquiry').column('seat_code').execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
      // The epoch names this database's life: a restored or recreated database gets a new one (DESIGN.md §6 rule 5).
      await (db as Kysely<ServerDatabase>)
        .insertInto('server_meta')
        .values({ key: 'epoch', value: randomUUID() })
        .execute();
    },
  },
  // Case numbers are read over the phone and must name one case: two seats configured with the same
  // seat code would otherwise create two cases with one number, and the seats' UNIQUE case_no would
  // then refuse the pulled row forever.
  '0002_case_no': {
    async up(db: Kysely<unknown>) {
      const typed = db as Kysely<ServerDatabase>;
      await db.schema.alterTable('inquiry').addColumn('case_no', 'text').execute();
      const rows = await typed.selectFrom('inquiry').select(['id', 'data']).execute();
      for (const row of rows) {
        const { caseNo } = JSON.parse(row.data) as { caseNo: string };
        await typed.updateTable('inquiry').set({ case_no: caseNo }).where('id', '=', row.id).execute();
      }
      await db.schema.createIndex('inquiry_case_no').on('inquiry').column('case_no').unique().execute();
    },
  },
  // Pulls by a seat-scoped device filter on seat_code after a cursor: without this index every poll
  // walked the whole change log (bench:sync, 1,000 polling service points).
  '0003_change_log_seat_index': {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('change_log_seat_seq').on('change_log').columns(['seat_code', 'seq']).execute();
    },
  },
  // Every pull answers with its scope's checksum; computing it by scanning the scope made a
  // supervisor's pull cost a pass over every case ever recorded. Running digests per scope key
  // replace the scan (server/store/scopeDigests.ts); existing cases are counted in here.
  '0006_scope_digest': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('scope_digest')
        .addColumn('scope_key', 'text', (c) => c.primaryKey())
        .addColumn('row_count', 'bigint', (c) => c.notNull())
        .addColumn('a', 'bigint', (c) => c.notNull())
        .addColumn('b', 'bigint', (c) => c.notNull())
        .execute();
      const typed = db as Kysely<ServerDatabase>;
      const changes = digestChanges();
      let after = '';
      for (;;) {
        const rows = await typed
          .selectFrom('inquiry')
          .select(['id', 'row_version', 'seat_code', 'expert_id', 'department_id'])
          .where('id', '>', after)
          .orderBy('id')
          .limit(5000)
          .execute();
        if (rows.length === 0) break;
        for (const r of rows) {
          changes.replaced(null, {
            id: r.id,
            rowVersion: Number(r.row_version),
            seatCode: r.seat_code,
            expertId: r.expert_id,
            departmentId: r.department_id,
          });
        }
        after = rows[rows.length - 1]!.id;
      }
      await changes.flush(typed);
    },
  },
  // Login throttling counted in process memory let every server instance allow its own five tries.
  '0007_login_attempt': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('login_attempt')
        .addColumn('attempt_key', 'text', (c) => c.primaryKey())
        .addColumn('window_start', 'bigint', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .execute();
    },
  },
};

/**
 * On PostgreSQL the migration tables live in the connection's own schema, named explicitly: without a
 * schema Kysely takes a kysely_migration_lock table in ANY schema as this one's (e.g. another test
 * run's), skips creating it, and then fails to read it.
 */
async function migrator(db: Kysely<ServerDatabase>): Promise<Migrator> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const schema = isPostgres
    ? (await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db)).rows[0]?.schema
    : undefined;
  return new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...MIGRATIONS, ...KB_MIGRATIONS, ...KB_SNAPSHOT_MIGRATIONS }) },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

/** Runs migrations up to and including `name` (migration tests start from an older schema). */
export async function migrateTo(db: Kysely<ServerDatabase>, name: string): Promise<void> {
  const { error } = await (await migrator(db)).migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

export async function migrateToLatest(db: Kysely<ServerDatabase>): Promise<void> {
  const { error } = await (await migrator(db)).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

/** True when every known migration has run (the /ready check). */
export async function migrationsCurrent(db: Kysely<ServerDatabase>): Promise<boolean> {
  const all = await (await migrator(db)).getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}
