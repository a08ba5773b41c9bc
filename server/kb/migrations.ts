import { type Kysely, type Migration, PostgresAdapter, sql } from 'kysely';

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** Knowledge-base article tables (issue 4 §3) and the full-history case search (§5), run after the core migrations. */
export const KB_MIGRATIONS: Record<string, Migration> = {
  '0004_kb_articles': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('kb_article')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('revision', 'bigint', (c) => c.notNull())
        .addColumn('published_version', 'integer')
        .addColumn('draft', 'text')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text')
        .addColumn('owner_name', 'text')
        .addColumn('author_id', 'text', (c) => c.notNull())
        .addColumn('author_name', 'text', (c) => c.notNull())
        .addColumn('reviewer_id', 'text')
        .addColumn('reviewer_name', 'text')
        .addColumn('review_note', 'text')
        .addColumn('source_inquiry_id', 'text')
        .addColumn('valid_until', 'text')
        .addColumn('review_each_season', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_reviewed_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('kb_article_version')
        .addColumn('article_id', 'text', (c) => c.notNull().references('kb_article.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('valid_until', 'text')
        .addColumn('review_each_season', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('restored_from', 'integer')
        .addColumn('note', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_by_name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('kb_article_version_pk', ['article_id', 'version'])
        .execute();
      await db.schema
        .createTable('kb_change_log')
        .addColumn('seq', 'bigint', (c) => c.primaryKey())
        .addColumn('article_id', 'text', (c) => c.notNull())
        .addColumn('op', 'text', (c) => c.notNull())
        .addColumn('version', 'integer')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('kb_feedback')
        .addColumn('article_id', 'text', (c) => c.notNull().references('kb_article.id'))
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('helpful', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('kb_feedback_pk', ['article_id', 'user_id'])
        .execute();
      await db.schema.createIndex('kb_article_status').on('kb_article').columns(['status', 'id']).execute();
      await db.schema.createIndex('kb_article_owner').on('kb_article').columns(['owner_id', 'id']).execute();
      await db.schema.createIndex('kb_article_source').on('kb_article').column('source_inquiry_id').execute();

      // Usage statistics: which article answered a case (set by the push hook).
      await db.schema.alterTable('inquiry').addColumn('kb_article_id', 'text').execute();
      await db.schema.createIndex('inquiry_kb_article').on('inquiry').column('kb_article_id').execute();

      if (isPostgres(db)) {
        await db.schema
          .createTable('case_search')
          .addColumn('doc_id', 'bigserial', (c) => c.primaryKey())
          .addColumn('inquiry_id', 'text', (c) => c.notNull().unique())
          .addColumn('doc', sql`tsvector`, (c) => c.notNull())
          .execute();
        await sql`CREATE INDEX case_search_doc ON case_search USING GIN (doc)`.execute(db);
      } else {
        await db.schema
          .createTable('case_search')
          .addColumn('doc_id', 'integer', (c) => c.primaryKey())
          .addColumn('inquiry_id', 'text', (c) => c.notNull().unique())
          .execute();
        // Contentless: the words live only in the index; the case text stays in `inquiry`. The analyzer
        // has already cut Chinese into space-separated words, so unicode61 only splits on those spaces.
        await sql`CREATE VIRTUAL TABLE case_search_fts USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(
          db,
        );
      }
    },
  },
};
