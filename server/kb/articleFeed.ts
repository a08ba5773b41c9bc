import { type Kysely, PostgresAdapter } from 'kysely';
import { type KbArticle } from '../../shared/domain/kb';
import { type ServerDatabase } from '../store/schema';
import { toKbArticle, usageCounts } from './articleStore';

export type KbChange = { seq: number; id: string; op: 'upsert' | 'remove'; article: KbArticle | null };

type Reader = Kysely<ServerDatabase>;

async function currentSeq(db: Reader): Promise<number> {
  const r = await db
    .selectFrom('kb_change_log')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return Number(r?.seq ?? 0);
}

/**
 * What seats replicate (issue 4 §4): the live articles with the feed position they reflect, and every
 * publish / rollback / retire since a position. Upserts carry the version they made live, so replaying
 * the log from any position reproduces the same articles.
 */
export function articleFeed(db: Kysely<ServerDatabase>) {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return {
    async published(): Promise<{ articles: KbArticle[]; seq: number }> {
      // One snapshot for the seq and the rows: a publish committing in between must be either in both or in neither.
      const trx = isPostgres ? db.transaction().setIsolationLevel('repeatable read') : db.transaction();
      return trx.execute(async (t) => {
        const seq = await currentSeq(t);
        const rows = await t
          .selectFrom('kb_article as a')
          .innerJoin('kb_article_version as v', (j) =>
            j.onRef('v.article_id', '=', 'a.id').onRef('v.version', '=', 'a.published_version'),
          )
          .selectAll('v')
          .where('a.status', '!=', 'retired')
          .orderBy('a.id')
          .execute();
        const usage = await usageCounts(t);
        return { articles: rows.map((v) => toKbArticle(v, usage.get(v.article_id) ?? 0)), seq };
      });
    },

    async changesSince(seq: number, limit: number): Promise<{ changes: KbChange[]; lastSeq: number }> {
      const log = await db
        .selectFrom('kb_change_log as c')
        .leftJoin('kb_article_version as v', (j) =>
          j.onRef('v.article_id', '=', 'c.article_id').onRef('v.version', '=', 'c.version'),
        )
        .select([
          'c.seq',
          'c.article_id as id',
          'c.op',
          'v.article_id',
          'v.version',
          'v.content',
          'v.valid_until',
          'v.review_each_season',
          'v.action',
          'v.restored_from',
          'v.note',
          'v.created_by',
          'v.created_by_name',
          'v.created_at',
        ])
        .where('c.seq', '>', seq)
        .orderBy('c.seq')
        .limit(limit)
        .execute();
      const usage = await usageCounts(db, [...new Set(log.map((r) => r.id))]);
      const changes = log.map((r): KbChange => {
        const base = { seq: Number(r.seq), id: r.id };
        if (r.op !== 'upsert' || r.content === null || r.version === null)
          return { ...base, op: 'remove', article: null };
        const article = toKbArticle(
          {
            article_id: r.id,
            version: r.version,
            content: r.content,
            valid_until: r.valid_until,
            review_each_season: r.review_each_season ?? 0,
            action: r.action ?? 'publish',
            restored_from: r.restored_from,
            note: r.note,
            created_by: r.created_by ?? '',
            created_by_name: r.created_by_name ?? '',
            created_at: r.created_at ?? '',
          },
          usage.get(r.id) ?? 0,
        );
        return { ...base, op: 'upsert', article };
      });
      return { changes, lastSeq: changes.length > 0 ? changes[changes.length - 1]!.seq : seq };
    },

    currentSeq: () => currentSeq(db),
  };
}
