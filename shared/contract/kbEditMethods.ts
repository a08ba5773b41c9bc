import { z } from 'zod';
import { KbVersionDiff } from '../domain/kbDiff';
import {
  InquiryIdParams,
  KbArticleDetail,
  KbArticlePage,
  KbDraft,
  KbReviewDueItem,
  KbRollbackRequest,
  KbSendBackRequest,
  KbTransitionRequest,
} from '../domain/kbServer';
import { KbArticleId, KbStatus } from '../domain/kb';

const byId = z.strictObject({ id: KbArticleId });

/** Every state change names the article; the server's request schemas give the rest. */
export const KbEditAction = z.discriminatedUnion('action', [
  KbTransitionRequest.extend({ id: KbArticleId, action: z.enum(['submit', 'publish', 'retire', 'reviewed']) }),
  KbSendBackRequest.extend({ id: KbArticleId, action: z.literal('sendBack') }),
  KbRollbackRequest.extend({ id: KbArticleId, action: z.literal('rollback') }),
]);
export type KbEditAction = z.input<typeof KbEditAction>;
export type KbEditActionName = KbEditAction['action'];

export const KbWorkListInput = z.strictObject({
  status: KbStatus.optional(),
  /** Only the articles the logged-in expert is responsible for. */
  mine: z.boolean().optional(),
  q: z.string().trim().max(100, '搜索内容不能超过 100 个字').optional(),
  cursor: z.string().max(200).optional(),
});
export type KbWorkListInput = z.input<typeof KbWorkListInput>;

/**
 * Writing and reviewing articles at the console (issue 4 §3). All of it happens on the central server
 * (one copy of every draft, reviewed by a supervisor): OFFLINE when it cannot be reached,
 * UNAUTHORIZED when nobody is logged in online, FORBIDDEN/CONFLICT with the server's own reason.
 */
export const kbEditMethods = {
  'kbEdit:list': { input: KbWorkListInput, output: KbArticlePage },
  'kbEdit:get': { input: byId, output: KbArticleDetail },
  'kbEdit:create': { input: z.strictObject({ draft: KbDraft }), output: KbArticleDetail },
  /** 转为知识: a draft pre-filled from an answered case the server already holds. */
  'kbEdit:fromCase': { input: InquiryIdParams, output: KbArticleDetail },
  'kbEdit:save': {
    input: z.strictObject({ id: KbArticleId, expectedRevision: z.number().int().min(1), draft: KbDraft }),
    output: KbArticleDetail,
  },
  'kbEdit:act': { input: KbEditAction, output: KbArticleDetail },
  /** Articles past their validity or not reviewed this season, for the responsible expert (or all, for supervisors). */
  'kbEdit:reviewDue': { input: z.undefined(), output: z.array(KbReviewDueItem) },
  /** What changed between two published versions (online only, like history). */
  'kbEdit:diff': {
    input: byId.extend({ from: z.number().int().min(1), to: z.number().int().min(1) }),
    output: KbVersionDiff,
  },
} as const;
