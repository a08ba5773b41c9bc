import { type Kysely, sql } from 'kysely';
import { maskPhone } from '../../../shared/domain/phone';
import { type CaseSearchHit, type CaseSearchPage, type CaseSearchQueryParsed } from '../../../shared/domain/kbServer';
import { type Scope } from '../../../shared/sync/auth';
import { ServerInquiry } from '../../../shared/sync/protocol';
import { type Dialect } from '../../store/openStore';
import { type ServerDatabase } from '../../store/schema';
import { scopeCondition } from '../../store/syncRepo';
import { type CaseQuery, buildCaseQuery, fts5Match } from './caseQuery';
import { caseAnalyzer } from './caseIndex';

const EXCERPT_CHARS = 80;

function excerpt(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join('')}…` : chars.join('');
}

function toHit(row: { data: string; kb_article_id: string | null }): CaseSearchHit {
  const c = ServerInquiry.parse(JSON.parse(row.data));
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

/** tsquery from analyzer words only: each word through plainto_tsquery, so no operator can be injected. */
function tsQuery(q: CaseQuery) {
  const alt = (words: string[]) => sql`plainto_tsquery('simple', ${words.join(' ')})`;
  const group = (alts: string[][]) => sql`(${sql.join(alts.map(alt), sql` || `)})`;
  return sql`(${sql.join(q.groups.map(group), sql` && `)})`;
}

type Row = { doc_id: number | string; data: string; kb_article_id: string | null };

/** Newest index positions searched first; each further window is this many times larger. */
const FIRST_WINDOW = 5_000;
const WINDOW_GROWTH = 8;

/**
 * PostgreSQL reads every row a GIN match names before it can sort, so a common word over millions of
 * cases would fetch them all. Searching windows of index positions from the newest, growing
 * geometrically, stops as soon as a page is full: a common word needs one small window, a rare word
 * a handful of cheap ones.
 */
async function searchPostgres(
  db: Kysely<ServerDatabase>,
  q: CaseQuery,
  scope: Scope,
  before: number | null,
  limit: number,
): Promise<Row[]> {
  const top = await db
    .selectFrom('case_search')
    .select((eb) => eb.fn.max('doc_id').as('max'))
    .executeTakeFirst();
  let hi = Math.min(before ?? Infinity, Number(top?.max ?? 0) + 1);
  let window = FIRST_WINDOW;
  const out: Row[] = [];
  while (hi > 1 && out.length < limit) {
    const lo = Math.max(1, hi - window);
    const rows = await sql<Row>`
      SELECT cs.doc_id, i.data, i.kb_article_id
      FROM case_search cs JOIN inquiry i ON i.id = cs.inquiry_id
      WHERE cs.doc @@ ${tsQuery(q)} AND ${scopeCondition(scope)} AND cs.doc_id >= ${lo} AND cs.doc_id < ${hi}
      ORDER BY cs.doc_id DESC LIMIT ${limit - out.length}`.execute(db);
    out.push(...rows.rows);
    hi = lo;
    window *= WINDOW_GROWTH;
  }
  return out;
}

/**
 * Every case on the server in `scope` that contains all the query's words (a word or one of its
 * synonyms), newest first by index order; the cursor is the last hit's index position.
 */
export async function searchCases(
  db: Kysely<ServerDatabase>,
  dialect: Dialect,
  scope: Scope,
  query: CaseSearchQueryParsed,
): Promise<CaseSearchPage> {
  const q = buildCaseQuery(caseAnalyzer(), query.q);
  if (q.groups.length === 0) return { hits: [], terms: [], nextCursor: null, match: 'all' };
  const before = query.cursor === undefined ? null : Number(query.cursor);
  const rows =
    dialect === 'postgres'
      ? await searchPostgres(db, q, scope, before, query.limit + 1)
      : (
          await sql<Row>`
          SELECT f.rowid AS doc_id, i.data, i.kb_article_id
          FROM case_search_fts f
          JOIN case_search cs ON cs.doc_id = f.rowid
          JOIN inquiry i ON i.id = cs.inquiry_id
          WHERE case_search_fts MATCH ${fts5Match(q)} AND ${scopeCondition(scope)}
            ${before === null ? sql`` : sql`AND f.rowid < ${before}`}
          ORDER BY f.rowid DESC LIMIT ${query.limit + 1}`.execute(db)
        ).rows;
  const page = rows.slice(0, query.limit);
  return {
    hits: page.map(toHit),
    terms: q.words,
    nextCursor: rows.length > query.limit ? String(page[page.length - 1]!.doc_id) : null,
    match: 'all',
  };
}
