import { ServerInquiry } from '../../../shared/sync/protocol';
import { type ServerLogger } from '../../http/logger';
import { type Store } from '../../store/openStore';
import { caseAnalyzer, caseText, writeCaseWords } from './caseIndex';

const VERSION_KEY = 'case_search_analyzer';
const BATCH = 500;

/**
 * Indexes every case again when the analyzer's words changed (or the cases predate the index), one
 * batch per transaction so pushes keep flowing. Idempotent: a stop half-way redoes it at the next start.
 */
export async function backfillCaseSearch(store: Store, log: ServerLogger, stopped: () => boolean): Promise<number> {
  const { db, dialect } = store;
  const any = await db.selectFrom('inquiry').select('id').limit(1).executeTakeFirst();
  if (!any) return 0;
  const analyzer = caseAnalyzer();
  const stored = await db.selectFrom('server_meta').select('value').where('key', '=', VERSION_KEY).executeTakeFirst();
  if (stored?.value === analyzer.version) return 0;
  log.info({ analyzer: analyzer.version }, 'case search: indexing all cases');
  let after = '';
  let count = 0;
  for (;;) {
    if (stopped()) return count;
    const rows = await db
      .selectFrom('inquiry')
      .select(['id', 'data'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    await db.transaction().execute(async (trx) => {
      for (const r of rows) {
        const c = ServerInquiry.parse(JSON.parse(r.data));
        await writeCaseWords(trx, dialect, r.id, analyzer.indexText(caseText(c)));
      }
    });
    count += rows.length;
    after = rows[rows.length - 1]!.id;
  }
  await db
    .insertInto('server_meta')
    .values({ key: VERSION_KEY, value: analyzer.version })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: analyzer.version }))
    .execute();
  log.info({ count }, 'case search: index complete');
  return count;
}
