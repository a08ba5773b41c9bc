import { ServerInquiry } from '../../../shared/sync/protocol';
import { type ServerLogger } from '../../http/logger';
import { type Store } from '../../store/openStore';
import { caseAnalyzer, caseWords, writeCaseWords } from './caseIndex';
import { caseIndexVersion, markIndexCurrent, storedIndexVersion } from './indexVersion';

const BATCH = 500;

/**
 * Indexes every case again when what an entry holds changed — the analyzer's words or the scope words
 * (or the cases predate the index) —, one batch per transaction so pushes keep flowing. Idempotent: a
 * stop half-way redoes it at the next start.
 */
export async function backfillCaseSearch(store: Store, log: ServerLogger, stopped: () => boolean): Promise<number> {
  const { db, dialect } = store;
  const version = caseIndexVersion();
  if ((await storedIndexVersion(db)) === version) return 0;
  const any = await db.selectFrom('inquiry').select('id').limit(1).executeTakeFirst();
  if (!any) {
    await markIndexCurrent(db);
    return 0;
  }
  const analyzer = caseAnalyzer();
  log.info({ version }, 'case search: indexing all cases');
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
        await writeCaseWords(trx, dialect, r.id, caseWords(analyzer, c));
      }
    });
    count += rows.length;
    after = rows[rows.length - 1]!.id;
  }
  await markIndexCurrent(db);
  log.info({ count }, 'case search: index complete');
  return count;
}
