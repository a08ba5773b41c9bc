import { z } from 'zod';
import { CATEGORIES } from '../domain/categories';
import { KbArticle, KbArticleId, KbSearchQuery, KbSearchResult } from '../domain/kb';
import { KbFeedbackCounts, KbVersionSummary } from '../domain/kbServer';

/**
 * What the intake form already knows about the call. It reorders near-equal hits towards it but
 * never hides an article: the operator may have picked the category before the farmer finished.
 */
export const KbSearchContext = z.strictObject({
  category: z.enum(CATEGORIES).optional(),
  subject: z.string().trim().min(1).max(40).optional(),
});
export type KbSearchContext = z.infer<typeof KbSearchContext>;

export const KbSearchInput = KbSearchQuery.extend({ context: KbSearchContext.optional() });
export type KbSearchInput = z.input<typeof KbSearchInput>;

/** The seat's copy of the knowledge base: what the 知识库 status line shows. */
export const KbSeatStatus = z.object({
  articleCount: z.number().int().min(0),
  snapshotId: z.string().nullable(),
  deltaSeq: z.number().int().min(0),
  source: z.enum(['bundled', 'server']),
  syncing: z.boolean(),
  lastError: z.string().nullable(),
});
export type KbSeatStatus = z.infer<typeof KbSeatStatus>;

const byId = z.strictObject({ id: KbArticleId });

/** The knowledge-base methods of the contract (issue 4 §2): local search, and history/feedback through the server. */
export const kbMethods = {
  /** Searches the local KB; any text is valid and never an error. */
  'kb:search': { input: KbSearchInput, output: KbSearchResult },
  'kb:get': { input: byId, output: KbArticle },
  'kb:status': { input: z.undefined(), output: KbSeatStatus },
  /** One replication step now; resolves with the status after it (a failure is in lastError). */
  'kb:syncNow': { input: z.undefined(), output: KbSeatStatus },
  /** Online only: OFFLINE when the server cannot be reached, UNAUTHORIZED when nobody is logged in online. */
  'kb:history': { input: byId, output: z.array(KbVersionSummary) },
  /** 有用 / 没用 from the operator, sent to the server (online only, like history); answers the counts after it. */
  'kb:feedback': { input: byId.extend({ helpful: z.boolean() }), output: KbFeedbackCounts },
} as const;
