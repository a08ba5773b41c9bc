import { z } from 'zod';
import { KbArticle, KbArticleContent, KbArticleId, KbStatus } from './kb';
import { STATUSES } from './status';

/**
 * The server's knowledge-base API (issue 4 §3, §5): article lifecycle by role, versions, validity,
 * feedback, and the full-history case search. Shared by the server (request validation) and the
 * console (response parsing).
 */

const isoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });

/** What an expert writes: the article content (the server assigns the id) and its validity. */
export const KbDraft = KbArticleContent.omit({ id: true }).extend({
  /** Review by this date; null = no fixed date. */
  validUntil: isoDate.nullable().default(null),
  /** Review at the start of every season (policies, prices, seasonal advice). */
  reviewEachSeason: z.boolean().default(false),
});
export type KbDraft = z.output<typeof KbDraft>;
export type KbDraftInput = z.input<typeof KbDraft>;

/** A validity date is the last day the article is known to be right: valid on it, past after it. */
export const isPastValidity = (validUntil: string | null | undefined, today: string): boolean =>
  validUntil !== null && validUntil !== undefined && validUntil < today;
const notPast = (today: string) => (v: { validUntil: string | null }) => !isPastValidity(v.validUntil, today);
const PAST_DATE = { path: ['validUntil'], message: '有效期已过，请填写今天或以后的日期' };

/**
 * KbDraft as it may be saved or sent for review on `today` (YYYY-MM-DD, Asia/Shanghai, by the writer's
 * clock): not with a validity date already past. KbDraft itself has no clock, since it also reads
 * drafts and versions whose date passed after they were written.
 */
export const kbDraftOn = (today: string) => KbDraft.refine(notPast(today), PAST_DATE);

/**
 * What 复核无误 on an article past its date confirms: a new validity date, or review each season
 * instead of a date (a review that left the old date would leave the article past it).
 */
export const KbReviewedValidity = z
  .strictObject({ validUntil: isoDate.nullable(), reviewEachSeason: z.boolean() })
  .refine((v) => v.validUntil !== null || v.reviewEachSeason, {
    path: ['validUntil'],
    message: '请填写新的有效期，或改为每季复核',
  });
export type KbReviewedValidity = z.infer<typeof KbReviewedValidity>;

/** KbReviewedValidity on `today`: the new date must not be past already. */
export const kbReviewedValidityOn = (today: string) => KbReviewedValidity.refine(notPast(today), PAST_DATE);

/** Every change names the revision it was made on, so two people never overwrite each other unseen. */
const expectedRevision = z.number().int().min(1);

export const KbCreateRequest = z.strictObject({ draft: KbDraft });
export const KbEditRequest = z.strictObject({ expectedRevision, draft: KbDraft });
export const KbTransitionRequest = z.strictObject({
  expectedRevision,
  note: z.string().trim().max(500, '说明不能超过 500 个字').optional(),
  /** Only 复核无误 (reviewed) takes it, and needs it once the article is past its date; other steps refuse it. */
  validity: KbReviewedValidity.optional(),
});
export type KbTransitionRequest = z.output<typeof KbTransitionRequest>;
export const KbSendBackRequest = z.strictObject({
  expectedRevision,
  note: z.string().trim().min(1, '请写明退回原因，方便专家修改').max(500, '说明不能超过 500 个字'),
});
export const KbRollbackRequest = z.strictObject({
  expectedRevision,
  toVersion: z.number().int().min(1),
  note: z.string().trim().max(500, '说明不能超过 500 个字').optional(),
});
export const KbFeedbackRequest = z.strictObject({ helpful: z.boolean() });

export const KbArticleIdParams = z.strictObject({ id: KbArticleId });
export const KbVersionParams = z.strictObject({ id: KbArticleId, version: z.coerce.number().int().min(1) });
export const KbDiffQuery = z.strictObject({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});
export const InquiryIdParams = z.strictObject({ inquiryId: z.string().uuid('工单编号格式不正确') });

export const KbPerson = z.object({ id: z.string(), name: z.string() });
export type KbPerson = z.infer<typeof KbPerson>;

export const KbFeedbackCounts = z.object({
  helpful: z.number().int().min(0),
  notHelpful: z.number().int().min(0),
  /** The caller's own mark, null when not marked. */
  mine: z.boolean().nullable(),
});

/** Why an article needs review now: its date has passed, or it was not reviewed this season. */
export const KbReviewReason = z.enum(['expired', 'season']);
export type KbReviewReason = z.infer<typeof KbReviewReason>;

/**
 * One article as the server holds it. `status` is the state of the working copy; the version seats
 * search (`published`) stays live while a revision is drafted or reviewed, until it is retired.
 */
export const KbArticleDetail = z.object({
  id: KbArticleId,
  status: KbStatus,
  revision: z.number().int().min(1),
  publishedVersion: z.number().int().min(1).nullable(),
  published: KbArticle.nullable(),
  /** The open draft or review copy; null for operators and when nothing is being revised. */
  draft: KbDraft.nullable(),
  owner: KbPerson.nullable(),
  author: KbPerson,
  reviewer: KbPerson.nullable(),
  reviewNote: z.string().nullable(),
  sourceInquiryId: z.string().nullable(),
  validUntil: z.string().nullable(),
  reviewEachSeason: z.boolean(),
  lastReviewedAt: z.string(),
  reviewDue: KbReviewReason.nullable(),
  usageCount: z.number().int().min(0),
  feedback: KbFeedbackCounts,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type KbArticleDetail = z.infer<typeof KbArticleDetail>;

export const KbArticleListQuery = z.strictObject({
  status: KbStatus.optional(),
  /** Only the articles the caller is responsible for (experts' own work list). */
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  category: z.string().trim().min(1).max(50).optional(),
  q: z.string().trim().max(100, '搜索内容不能超过 100 个字').optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type KbArticleListQuery = z.input<typeof KbArticleListQuery>;
export type KbArticleListQueryParsed = z.output<typeof KbArticleListQuery>;

export const KbArticleListItem = z.object({
  id: KbArticleId,
  title: z.string(),
  category: z.string(),
  status: KbStatus,
  publishedVersion: z.number().int().nullable(),
  owner: KbPerson.nullable(),
  updatedAt: z.string(),
  usageCount: z.number().int().min(0),
  reviewDue: KbReviewReason.nullable(),
});
export type KbArticleListItem = z.infer<typeof KbArticleListItem>;

export const KbArticlePage = z.object({ items: z.array(KbArticleListItem), nextCursor: z.string().nullable() });
export type KbArticlePage = z.infer<typeof KbArticlePage>;

export const KB_VERSION_ACTIONS = ['seed', 'publish', 'rollback'] as const;

export const KbVersionSummary = z.object({
  version: z.number().int().min(1),
  action: z.enum(KB_VERSION_ACTIONS),
  /** For a rollback: the version whose content was restored. */
  restoredFrom: z.number().int().nullable(),
  by: KbPerson,
  at: z.string(),
  note: z.string().nullable(),
});
export type KbVersionSummary = z.infer<typeof KbVersionSummary>;

export const KbVersionList = z.object({ versions: z.array(KbVersionSummary) });

export const KbVersionDetail = KbVersionSummary.extend({ draft: KbDraft });
export type KbVersionDetail = z.infer<typeof KbVersionDetail>;

export const KbReviewDueItem = z.object({
  id: KbArticleId,
  title: z.string(),
  category: z.string(),
  status: KbStatus,
  publishedVersion: z.number().int(),
  owner: KbPerson.nullable(),
  validUntil: z.string().nullable(),
  lastReviewedAt: z.string(),
  reason: KbReviewReason,
});
export type KbReviewDueItem = z.infer<typeof KbReviewDueItem>;

export const KbReviewDueList = z.object({ items: z.array(KbReviewDueItem) });

/** Full-history case search: any text, built into a query from analyzer tokens, never raw. */
export const CaseSearchQuery = z.strictObject({
  q: z.string().max(200, '搜索内容不能超过 200 个字'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, '翻页位置不正确，请重新搜索')
    .optional(),
});
export type CaseSearchQuery = z.input<typeof CaseSearchQuery>;
export type CaseSearchQueryParsed = z.output<typeof CaseSearchQuery>;

/** A case as a search result: no full phone number, no caller name. */
export const CaseSearchHit = z.object({
  id: z.string(),
  caseNo: z.string(),
  seatCode: z.string(),
  createdAt: z.string(),
  status: z.enum(STATUSES),
  category: z.string(),
  subject: z.string().nullable(),
  regionCode: z.string().nullable(),
  callerPhoneMasked: z.string(),
  questionExcerpt: z.string(),
  answerExcerpt: z.string(),
  kbArticleId: z.string().nullable(),
});
export type CaseSearchHit = z.infer<typeof CaseSearchHit>;

export const CaseSearchPage = z.object({
  hits: z.array(CaseSearchHit),
  /** Words to mark in the hits: the query as the analyzer understood it, and the synonyms searched for them. */
  terms: z.array(z.string()),
  nextCursor: z.string().nullable(),
  /**
   * `all`: every hit holds every word of the query (or a synonym), newest first, paged by cursor.
   * `some`: no case holds them all; these share the most of the query's words, rarer words counting
   * more, best first — one page, no cursor. Absent from an older server: `all`.
   */
  match: z.enum(['all', 'some']).default('all'),
});
export type CaseSearchPage = z.infer<typeof CaseSearchPage>;
