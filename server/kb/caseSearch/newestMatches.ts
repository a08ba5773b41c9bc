import { type Kysely, sql } from 'kysely';
import { type Scope } from '../../../shared/sync/auth';
import { type Dialect } from '../../store/openStore';
import { type ServerDatabase } from '../../store/schema';
import { scopeCondition } from '../../store/syncRepo';
import { type WordGroup, fts5Match, tsQuery } from './caseQuery';
import { scopeGroup } from './scopeWords';

/** Newest index positions searched first on PostgreSQL; each further window is this many times larger. */
const FIRST_WINDOW = 5_000;
const WINDOW_GROWTH = 8;

/** The case index as one caller may search it. */
export interface ScopedIndex {
  readonly db: Kysely<ServerDatabase>;
  readonly dialect: Dialect;
  readonly scope: Scope;
  /**
   * Every entry holds its scope words (scopeWords.ts), so the index alone tests scope; else each
   * match is joined to the case table to test it (while the backfill adds them).
   */
  readonly scopeInIndex: boolean;
}

/** The words to match and, when the index cannot test scope, the condition on the joined case row. */
function scoped({ scope, scopeInIndex }: ScopedIndex, groups: readonly WordGroup[]) {
  if (!scopeInIndex) return { groups, join: true, condition: scopeCondition(scope) };
  const group = scopeGroup(scope);
  // A scope naming no seat sees nothing, and an empty group is no MATCH or tsquery.
  if (group?.length === 0) return { groups, join: false, condition: sql<boolean>`1 = 0` };
  return { groups: group ? [...groups, group] : groups, join: false, condition: sql<boolean>`1 = 1` };
}

/** One past the newest index position: where a search from the newest starts. */
export async function indexTop(db: Kysely<ServerDatabase>): Promise<number> {
  const top = await db
    .selectFrom('case_search')
    .select((eb) => eb.fn.max('doc_id').as('max'))
    .executeTakeFirst();
  return Number(top?.max ?? 0) + 1;
}

/**
 * PostgreSQL reads every row a GIN match names before it can sort, so a common word over millions of
 * cases would fetch them all. Searching windows of index positions from the newest, growing
 * geometrically, stops as soon as enough are found: a common word needs one small window, a rare word
 * a handful of cheap ones.
 */
async function newestPostgres(index: ScopedIndex, words: readonly WordGroup[], below: number, limit: number) {
  const { groups, join, condition } = scoped(index, words);
  const joined = join ? sql`JOIN inquiry i ON i.id = cs.inquiry_id` : sql``;
  let hi = below;
  let window = FIRST_WINDOW;
  const out: number[] = [];
  while (hi > 1 && out.length < limit) {
    const lo = Math.max(1, hi - window);
    const { rows } = await sql<{ doc_id: number | string }>`
      SELECT cs.doc_id FROM case_search cs ${joined}
      WHERE cs.doc @@ ${tsQuery(groups)} AND ${condition} AND cs.doc_id >= ${lo} AND cs.doc_id < ${hi}
      ORDER BY cs.doc_id DESC LIMIT ${limit - out.length}`.execute(index.db);
    out.push(...rows.map((r) => Number(r.doc_id)));
    hi = lo;
    window *= WINDOW_GROWTH;
  }
  return out;
}

/**
 * Index positions below `below` of the cases in `scope` holding every group (a word or one of its
 * synonyms), newest first, at most `limit`.
 */
export async function newestMatches(
  index: ScopedIndex,
  words: readonly WordGroup[],
  below: number,
  limit: number,
): Promise<number[]> {
  if (index.dialect === 'postgres') return newestPostgres(index, words, below, limit);
  const { groups, join, condition } = scoped(index, words);
  const joined = join ? sql`JOIN case_search cs ON cs.doc_id = f.rowid JOIN inquiry i ON i.id = cs.inquiry_id` : sql``;
  const { rows } = await sql<{ doc_id: number }>`
    SELECT f.rowid AS doc_id FROM case_search_fts f ${joined}
    WHERE case_search_fts MATCH ${fts5Match(groups)} AND ${condition} AND f.rowid < ${below}
    ORDER BY f.rowid DESC LIMIT ${limit}`.execute(index.db);
  return rows.map((r) => Number(r.doc_id));
}

/**
 * Which of `ids` (positions in scope) hold `group`. PostgreSQL checks only those rows. FTS5 given the
 * positions as a rowid constraint runs the match once per position (~80 µs each at 10^5 cases), so
 * `+rowid` keeps them from it: one pass over the word's matches (~0.3 µs each) against the list.
 * (Bound one by one they would go in as REALs, which FTS5 next to MATCH ignores in SQLite 3.53.)
 */
export async function holding(
  { db, dialect }: ScopedIndex,
  group: WordGroup,
  ids: readonly number[],
): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const { rows } =
    dialect === 'postgres'
      ? await sql<{ doc_id: number | string }>`
          SELECT doc_id FROM case_search
          WHERE doc_id = ANY(${[...ids]}::bigint[]) AND doc @@ ${tsQuery([group])}`.execute(db)
      : await sql<{ doc_id: number }>`
          SELECT rowid AS doc_id FROM case_search_fts
          WHERE case_search_fts MATCH ${fts5Match([group])}
            AND +rowid IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`.execute(db);
  return new Set(rows.map((r) => Number(r.doc_id)));
}
