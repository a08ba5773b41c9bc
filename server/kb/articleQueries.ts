import { type Kysely, sql } from 'kysely';
import { type KbArticleListQueryParsed, type KbArticlePage, type KbReviewDueItem } from '../../shared/domain/kbServer';
import { type User } from '../../shared/sync/auth';
import { type ServerDatabase } from '../store/schema';
import { usageCounts } from './articleStore';
import { listItem } from './articleView';
import { canReview, seesDrafts } from './permissions';
import { reviewDueReason, seasonStart, shanghaiToday } from './reviewDue';

/** Escapes LIKE wildcards so a typed % or _ matches itself. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Articles for the 知识库 screen, by id; operators and liaisons see live articles only. */
export async function listArticles(
  db: Kysely<ServerDatabase>,
  user: User,
  query: KbArticleListQueryParsed,
  now: number,
): Promise<KbArticlePage> {
  let q = db
    .selectFrom('kb_article')
    .selectAll()
    .orderBy('id')
    .limit(query.limit + 1);
  if (!seesDrafts(user)) q = q.where('status', '!=', 'retired').where('published_version', 'is not', null);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.mine) q = q.where('owner_id', '=', user.id);
  if (query.category) q = q.where('category', '=', query.category);
  if (query.q) q = q.where(sql<boolean>`title LIKE ${likePattern(query.q)} ESCAPE '\\'`);
  if (query.cursor) q = q.where('id', '>', query.cursor);
  const rows = await q.execute();
  const page = rows.slice(0, query.limit);
  const usage = await usageCounts(
    db,
    page.map((r) => r.id),
  );
  return {
    items: page.map((r) => listItem(r, usage.get(r.id) ?? 0, now)),
    nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null,
  };
}

/**
 * Live articles past their validity date or not reviewed this season: all of them for supervisors,
 * for an expert the ones they own plus the unowned (seeded) ones.
 */
export async function reviewDue(db: Kysely<ServerDatabase>, user: User, now: number): Promise<KbReviewDueItem[]> {
  let q = db
    .selectFrom('kb_article')
    .selectAll()
    .where('status', '!=', 'retired')
    .where('published_version', 'is not', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('valid_until', 'is not', null), eb('valid_until', '<', shanghaiToday(now))]),
        eb.and([eb('review_each_season', '!=', 0), eb('last_reviewed_at', '<', seasonStart(now))]),
      ]),
    )
    .orderBy('valid_until')
    .orderBy('id');
  if (!canReview(user)) q = q.where((eb) => eb.or([eb('owner_id', '=', user.id), eb('owner_id', 'is', null)]));
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    category: r.category,
    status: r.status as KbReviewDueItem['status'],
    publishedVersion: Number(r.published_version),
    owner: r.owner_id === null ? null : { id: r.owner_id, name: r.owner_name ?? r.owner_id },
    validUntil: r.valid_until,
    lastReviewedAt: r.last_reviewed_at,
    reason: reviewDueReason(r, now) ?? 'season',
  }));
}
