import { type Kysely, sql } from 'kysely';
import { maskPhone } from '../../../shared/domain/phone';
import { type CaseSearchHit, type CaseSearchPage, type CaseSearchQueryParsed } from '../../../shared/domain/kbServer';
import { type Scope } from '../../../shared/sync/auth';
import { ServerInquiry } from '../../../shared/sync/protocol';
import { inScope } from '../../../shared/sync/reducer';
import { type Dialect } from '../../store/openStore';
import { type ServerDatabase } from '../../store/schema';
import { buildCaseQuery, markedTerms } from './caseQuery';
import { caseAnalyzer } from './caseIndex';
import { indexIsCurrent } from './indexVersion';
import { indexTop, newestMatches } from './newestMatches';
import { partialMatches } from './partialMatches';

const EXCERPT_CHARS = 80;

function excerpt(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join('')}…` : chars.join('');
}

function toHit(c: ServerInquiry, row: { kb_article_id: string | null }): CaseSearchHit {
  return {
    id: c.id,
    caseNo: c.caseNo,
    seatCode: c.seatCode,
    createdAt: c.createdAt,
    status: c.status,
    category: c.category,
    subject: c.subject,
    regionCode: c.regionCode,
    callerPhoneMasked: maskPhone(c.callerPhone),
    questionExcerpt: excerpt(c.question),
    answerExcerpt: excerpt(c.answer),
    kbArticleId: row.kb_article_id,
  };
}

/**
 * The cases at these index positions, in the order given. Each is checked against the caller's scope
 * once more: the index found it by scope words, and a case outside the scope must never be shown.
 */
async function hitsAt(db: Kysely<ServerDatabase>, scope: Scope, ids: readonly number[]): Promise<CaseSearchHit[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<{ doc_id: number | string; data: string; kb_article_id: string | null }>`
    SELECT cs.doc_id, i.data, i.kb_article_id FROM case_search cs JOIN inquiry i ON i.id = cs.inquiry_id
    WHERE cs.doc_id IN (${sql.join([...ids])})`.execute(db);
  const byId = new Map(rows.map((r) => [Number(r.doc_id), r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const c = ServerInquiry.parse(JSON.parse(row.data));
    return inScope(c, scope) ? [toHit(c, row)] : [];
  });
}

/**
 * Every case on the server in `scope` that contains all the query's words (a word or one of its
 * synonyms), newest first by index order; the cursor is the last hit's index position. When no case
 * holds them all, one page of the cases sharing the most of them (`match: 'some'`).
 */
export async function searchCases(
  db: Kysely<ServerDatabase>,
  dialect: Dialect,
  scope: Scope,
  query: CaseSearchQueryParsed,
): Promise<CaseSearchPage> {
  const q = buildCaseQuery(caseAnalyzer(), query.q);
  if (q.groups.length === 0) return { hits: [], terms: [], nextCursor: null, match: 'all' };
  const terms = markedTerms(q);
  const index = { db, dialect, scope, scopeInIndex: await indexIsCurrent(db) };
  const top = await indexTop(db);
  const below = query.cursor === undefined ? top : Math.min(Number(query.cursor), top);
  const ids = await newestMatches(index, q.groups, below, query.limit + 1);
  if (ids.length === 0 && query.cursor === undefined && q.groups.length > 1) {
    const some = await partialMatches(index, q.groups, top, query.limit);
    return { hits: await hitsAt(db, scope, some), terms, nextCursor: null, match: 'some' };
  }
  const page = ids.slice(0, query.limit);
  return {
    hits: await hitsAt(db, scope, page),
    terms,
    nextCursor: ids.length > query.limit ? String(page[page.length - 1]!) : null,
    match: 'all',
  };
}
