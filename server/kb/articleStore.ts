import { type Insertable, type Kysely, type Updateable, sql } from 'kysely';
import { KbArticle, KbArticleContent } from '../../shared/domain/kb';
import { type Dialect } from '../store/openStore';
import { type ServerDatabase } from '../store/schema';
import { type KbArticleTable, type KbArticleVersionTable } from './schema';

/** Any key works as long as every writer of kb_change_log takes the same one (not the sync log's 12316). */
const KB_CHANGE_LOG_LOCK = 12317;

export type ArticleRow = KbArticleTable;
export type VersionRow = KbArticleVersionTable;

/** The published content of one version as seats see it. */
export function toKbArticle(v: VersionRow, usageCount: number): KbArticle {
  const content = KbArticleContent.parse(JSON.parse(v.content));
  return KbArticle.parse({
    ...content,
    version: Number(v.version),
    status: 'published',
    validUntil: v.valid_until,
    reviewEachSeason: v.review_each_season !== 0,
    updatedAt: v.created_at,
    usageCount,
  });
}

/** Cases that recorded each article as their answer: for `ids`, or for every article. */
export async function usageCounts(db: Kysely<ServerDatabase>, ids?: readonly string[]): Promise<Map<string, number>> {
  if (ids?.length === 0) return new Map();
  let query = db
    .selectFrom('inquiry')
    .select((eb) => ['kb_article_id', eb.fn.countAll<number>().as('n')])
    .where('kb_article_id', 'is not', null)
    .groupBy('kb_article_id');
  if (ids) query = query.where('kb_article_id', 'in', [...ids]);
  const rows = await query.execute();
  return new Map(rows.map((r) => [String(r.kb_article_id), Number(r.n)]));
}

/** Reads and writes of the article tables; one instance per transaction or per read. */
export function articleStore(db: Kysely<ServerDatabase>, dialect: Dialect) {
  return {
    /** Serialises kb_change_log appends so seq order is commit order (as for the sync change log). */
    async lock(): Promise<void> {
      if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(${KB_CHANGE_LOG_LOCK})`.execute(db);
    },

    async get(id: string): Promise<ArticleRow | undefined> {
      return db.selectFrom('kb_article').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async insert(row: Insertable<KbArticleTable>): Promise<void> {
      await db.insertInto('kb_article').values(row).execute();
    },

    async update(id: string, changes: Updateable<KbArticleTable>): Promise<void> {
      await db.updateTable('kb_article').set(changes).where('id', '=', id).execute();
    },

    async version(id: string, version: number): Promise<VersionRow | undefined> {
      return db
        .selectFrom('kb_article_version')
        .selectAll()
        .where('article_id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
    },

    async versions(id: string): Promise<VersionRow[]> {
      return db
        .selectFrom('kb_article_version')
        .selectAll()
        .where('article_id', '=', id)
        .orderBy('version', 'desc')
        .execute();
    },

    async latestVersion(id: string): Promise<number> {
      const r = await db
        .selectFrom('kb_article_version')
        .select((eb) => eb.fn.max('version').as('v'))
        .where('article_id', '=', id)
        .executeTakeFirst();
      return Number(r?.v ?? 0);
    },

    async insertVersions(rows: readonly Insertable<KbArticleVersionTable>[]): Promise<void> {
      if (rows.length > 0)
        await db
          .insertInto('kb_article_version')
          .values([...rows])
          .execute();
    },

    async currentSeq(): Promise<number> {
      const r = await db
        .selectFrom('kb_change_log')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .executeTakeFirst();
      return Number(r?.seq ?? 0);
    },

    /** Appends changes after the current seq; call `lock()` first in the same transaction. */
    async appendChanges(
      changes: readonly { articleId: string; op: 'upsert' | 'remove'; version: number | null }[],
      at: string,
    ): Promise<void> {
      if (changes.length === 0) return;
      const first = (await this.currentSeq()) + 1;
      await db
        .insertInto('kb_change_log')
        .values(changes.map((c, i) => ({ seq: first + i, article_id: c.articleId, op: c.op, version: c.version, at })))
        .execute();
    },

    async feedback(id: string, userId: string): Promise<{ helpful: number; notHelpful: number; mine: boolean | null }> {
      const counts = await db
        .selectFrom('kb_feedback')
        .select(['helpful', (eb) => eb.fn.countAll<number>().as('n')])
        .where('article_id', '=', id)
        .groupBy('helpful')
        .execute();
      const mine = await db
        .selectFrom('kb_feedback')
        .select('helpful')
        .where('article_id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      const count = (helpful: boolean) =>
        counts.filter((c) => (c.helpful !== 0) === helpful).reduce((sum, c) => sum + Number(c.n), 0);
      return { helpful: count(true), notHelpful: count(false), mine: mine ? mine.helpful !== 0 : null };
    },

    async setFeedback(id: string, userId: string, helpful: boolean, version: number, at: string): Promise<void> {
      const values = { helpful: helpful ? 1 : 0, version, at };
      await db
        .insertInto('kb_feedback')
        .values({ article_id: id, user_id: userId, ...values })
        .onConflict((oc) => oc.columns(['article_id', 'user_id']).doUpdateSet(values))
        .execute();
    },
  };
}
export type ArticleStore = ReturnType<typeof articleStore>;
