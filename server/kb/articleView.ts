import { type Kysely } from 'kysely';
import { KbArticleContent } from '../../shared/domain/kb';
import {
  KbDraft,
  type KbArticleDetail,
  type KbArticleListItem,
  type KbPerson,
  type KbVersionDetail,
  type KbVersionSummary,
} from '../../shared/domain/kbServer';
import { type User } from '../../shared/sync/auth';
import { type ServerDatabase } from '../store/schema';
import { type ArticleRow, type ArticleStore, type VersionRow, toKbArticle, usageCounts } from './articleStore';
import { seesDrafts } from './permissions';
import { reviewDueReason } from './reviewDue';

const person = (id: string | null, name: string | null): KbPerson | null =>
  id === null ? null : { id, name: name ?? id };

/** A frozen version as an editable draft (the shape experts write and the diff compares). */
export function versionDraft(v: VersionRow): KbDraft {
  const { id: _id, ...content } = KbArticleContent.parse(JSON.parse(v.content));
  return KbDraft.parse({ ...content, validUntil: v.valid_until, reviewEachSeason: v.review_each_season !== 0 });
}

export function versionSummary(v: VersionRow): KbVersionSummary {
  return {
    version: Number(v.version),
    action: v.action === 'seed' || v.action === 'rollback' ? v.action : 'publish',
    restoredFrom: v.restored_from === null ? null : Number(v.restored_from),
    by: { id: v.created_by, name: v.created_by_name },
    at: v.created_at,
    note: v.note,
  };
}

export function versionDetail(v: VersionRow): KbVersionDetail {
  return { ...versionSummary(v), draft: versionDraft(v) };
}

/** The article as `user` may see it: operators and liaisons get the live version only. */
export async function articleDetail(
  kb: ArticleStore,
  db: Kysely<ServerDatabase>,
  row: ArticleRow,
  user: User,
  now: number,
): Promise<KbArticleDetail> {
  const published = row.published_version === null ? undefined : await kb.version(row.id, row.published_version);
  const usageCount = (await usageCounts(db, [row.id])).get(row.id) ?? 0;
  const live = row.status !== 'retired' && published !== undefined;
  return {
    id: row.id,
    status: row.status as KbArticleDetail['status'],
    revision: Number(row.revision),
    publishedVersion: row.published_version === null ? null : Number(row.published_version),
    published: published ? toKbArticle(published, usageCount) : null,
    draft: seesDrafts(user) && row.draft !== null ? KbDraft.parse(JSON.parse(row.draft)) : null,
    owner: person(row.owner_id, row.owner_name),
    author: { id: row.author_id, name: row.author_name },
    reviewer: person(row.reviewer_id, row.reviewer_name),
    reviewNote: seesDrafts(user) ? row.review_note : null,
    sourceInquiryId: seesDrafts(user) ? row.source_inquiry_id : null,
    validUntil: row.valid_until,
    reviewEachSeason: row.review_each_season !== 0,
    lastReviewedAt: row.last_reviewed_at,
    reviewDue: live ? reviewDueReason(row, now) : null,
    usageCount,
    feedback: await kb.feedback(row.id, user.id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listItem(row: ArticleRow, usageCount: number, now: number): KbArticleListItem {
  const live = row.status !== 'retired' && row.published_version !== null;
  return {
    id: row.id,
    title: row.title,
    category: row.category,
    status: row.status as KbArticleListItem['status'],
    publishedVersion: row.published_version === null ? null : Number(row.published_version),
    owner: person(row.owner_id, row.owner_name),
    updatedAt: row.updated_at,
    usageCount,
    reviewDue: live ? reviewDueReason(row, now) : null,
  };
}
