import { RegionCode } from '../../shared/domain/region';
import { KbDraft } from '../../shared/domain/kbServer';
import { type User } from '../../shared/sync/auth';
import { ServerInquiry } from '../../shared/sync/protocol';
import { inScope } from '../../shared/sync/reducer';
import { type ServerContext } from '../http/context';
import { HttpError } from '../http/httpError';
import { articleStore } from './articleStore';
import { articleService } from './articleService';
import { canAuthor, conflict, forbid } from './permissions';

const TITLE_MAX = 200;

/** Cuts by characters, not UTF-16 units, so no half glyph is left at the end. */
function cut(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/** The draft a case suggests: its question as the title, its final answer, subject, region and category. */
export function draftFromInquiry(c: ServerInquiry): KbDraft {
  const region = c.regionCode === null ? null : RegionCode.safeParse(c.regionCode);
  return KbDraft.parse({
    title: cut(c.question, TITLE_MAX),
    answer: c.answer.trim(),
    category: c.category,
    subjects: c.subject ? [c.subject] : [],
    regions: region?.success ? [region.data] : [],
  });
}

/**
 * "转为知识" (issue 4 §3): a draft pre-filled from an answered case in the expert's scope, linked to
 * the case. A case already turned into a live or draft article is not turned into a second one.
 */
export async function createDraftFromCase(ctx: ServerContext, user: User, inquiryId: string): Promise<string> {
  if (!canAuthor(user)) forbid('只有专家可以把工单转为知识');
  const { db, dialect } = ctx.store;
  return db.transaction().execute(async (trx) => {
    await articleStore(trx, dialect).lock();
    const row = await trx.selectFrom('inquiry').select('data').where('id', '=', inquiryId).executeTakeFirst();
    const inquiry = row && ServerInquiry.parse(JSON.parse(row.data));
    if (!inquiry || !inScope(inquiry, user.scope)) {
      throw new HttpError(404, 'NOT_FOUND', '没有找到这张工单，或它不在您负责的范围内');
    }
    if (inquiry.answer.trim() === '') conflict('这张工单还没有答复，不能转为知识；请先填写并保存答复');
    const existing = await trx
      .selectFrom('kb_article')
      .select('id')
      .where('source_inquiry_id', '=', inquiryId)
      .where('status', '!=', 'retired')
      .executeTakeFirst();
    if (existing) conflict(`这张工单已转为知识 ${existing.id}，请直接修改那条知识`);
    return articleService(ctx).create(user, draftFromInquiry(inquiry), inquiryId, trx);
  });
}
