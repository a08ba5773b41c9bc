import { type Kysely } from 'kysely';
import { type ServerDatabase } from '../../store/schema';
import { caseAnalyzer } from './caseIndex';
import { SCOPE_WORDS_FORMAT } from './scopeWords';

const VERSION_KEY = 'case_search_analyzer';

/** What every case's index entry must have been written with: the analyzer's words and the scope words' format. */
export const caseIndexVersion = (): string => `${caseAnalyzer().version}+${SCOPE_WORDS_FORMAT}`;

export async function storedIndexVersion(db: Kysely<ServerDatabase>): Promise<string | null> {
  const row = await db.selectFrom('server_meta').select('value').where('key', '=', VERSION_KEY).executeTakeFirst();
  return row?.value ?? null;
}

/** Set by the backfill once every case is indexed in the current version (pushes index new ones in it). */
export async function markIndexCurrent(db: Kysely<ServerDatabase>): Promise<void> {
  const version = caseIndexVersion();
  await db
    .insertInto('server_meta')
    .values({ key: VERSION_KEY, value: version })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: version }))
    .execute();
}

const current = new WeakSet<Kysely<ServerDatabase>>();

/**
 * Whether every case's entry holds its scope words, so a search may test scope in the index alone. Until
 * the backfill has finished, older entries lack them and searches join the case table instead. Once
 * true it stays true for the running server (the version only changes with a new server build).
 */
export async function indexIsCurrent(db: Kysely<ServerDatabase>): Promise<boolean> {
  if (current.has(db)) return true;
  if ((await storedIndexVersion(db)) !== caseIndexVersion()) return false;
  current.add(db);
  return true;
}
