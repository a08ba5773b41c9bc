import { type Kysely, sql } from 'kysely';
import { type KbAnalyzer, loadKbAnalyzer } from '../../../shared/node/kb/analyzer';
import { type ServerInquiry } from '../../../shared/sync/protocol';
import { type Dialect } from '../../store/openStore';
import { type ServerDatabase } from '../../store/schema';
import { SERVER_DATA_DIR } from '../dataDir';
import { type ScopeFacts, scopeWordsOf } from './scopeWords';

/** What the full-history search reads of a case: never the caller's phone number or name. */
export type CaseSearchSource = Pick<ServerInquiry, 'id' | 'question' | 'answer' | 'subject'> &
  ScopeFacts & {
    kbArticleId?: string | null;
  };

/** The analyzer the seats' KB uses, so a word means the same thing in both searches (loaded once). */
export const caseAnalyzer = (): KbAnalyzer => loadKbAnalyzer(SERVER_DATA_DIR);

export function caseText(c: Pick<CaseSearchSource, 'question' | 'answer' | 'subject'>): string {
  return [c.subject ?? '', c.question, c.answer].join('\n');
}

/** What the index holds for a case: the analyzer's words of its text, then the words of its scope. */
export function caseWords(analyzer: KbAnalyzer, c: Omit<CaseSearchSource, 'id'>): string {
  return `${analyzer.indexText(caseText(c))} ${scopeWordsOf(c).join(' ')}`;
}

/** Everything a case's index entry is made of: when it changes, the push hook writes the entry again. */
export const indexedFacts = (c: Omit<CaseSearchSource, 'id'>): string => `${caseText(c)}\n${scopeWordsOf(c).join(' ')}`;

/** Replaces the case's words in the search index (FTS5 on SQLite, tsvector on PostgreSQL). */
export async function writeCaseWords(
  db: Kysely<ServerDatabase>,
  dialect: Dialect,
  inquiryId: string,
  words: string,
): Promise<void> {
  if (dialect === 'postgres') {
    await sql`
      INSERT INTO case_search (inquiry_id, doc) VALUES (${inquiryId}, to_tsvector('simple', ${words}))
      ON CONFLICT (inquiry_id) DO UPDATE SET doc = excluded.doc`.execute(db);
    return;
  }
  await db
    .insertInto('case_search')
    .values({ inquiry_id: inquiryId })
    .onConflict((oc) => oc.column('inquiry_id').doNothing())
    .execute();
  const { doc_id } = await db
    .selectFrom('case_search')
    .select('doc_id')
    .where('inquiry_id', '=', inquiryId)
    .executeTakeFirstOrThrow();
  await sql`DELETE FROM case_search_fts WHERE rowid = ${doc_id}`.execute(db);
  await sql`INSERT INTO case_search_fts (rowid, body) VALUES (${doc_id}, ${words})`.execute(db);
}

/**
 * The push hook (server/store/syncRepo.ts writeChunk), in the push's transaction, when a case is
 * new or its text or scope changed (passed to another expert or department): indexes it for the
 * full-history search.
 */
export async function indexCaseWords(
  trx: Kysely<ServerDatabase>,
  dialect: Dialect,
  row: CaseSearchSource,
): Promise<void> {
  await writeCaseWords(trx, dialect, row.id, caseWords(caseAnalyzer(), row));
}
