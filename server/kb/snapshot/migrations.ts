import { type Kysely, type Migration, PostgresAdapter, sql } from 'kysely';

/** Knowledge-base snapshot tables (issue 4 §4), run after the article tables. */
export const KB_SNAPSHOT_MIGRATIONS: Record<string, Migration> = {
  '0005_kb_snapshots': {
    async up(db: Kysely<unknown>) {
      const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? sql`bytea` : sql`blob`;
      await db.schema
        .createTable('kb_snapshot')
        .addColumn('snapshot_id', 'text', (c) => c.primaryKey())
        .addColumn('feed_seq', 'bigint', (c) => c.notNull())
        .addColumn('article_count', 'integer', (c) => c.notNull())
        .addColumn('analyzer_version', 'text', (c) => c.notNull())
        .addColumn('manifest', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('kb_snapshot_chunk')
        .addColumn('snapshot_id', 'text', (c) => c.notNull().references('kb_snapshot.snapshot_id').onDelete('cascade'))
        .addColumn('chunk_index', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('data', bytes, (c) => c.notNull())
        .addPrimaryKeyConstraint('kb_snapshot_chunk_pk', ['snapshot_id', 'chunk_index'])
        .execute();
      await db.schema
        .createIndex('kb_snapshot_current')
        .on('kb_snapshot')
        .columns(['feed_seq', 'created_at'])
        .execute();
    },
  },
};
