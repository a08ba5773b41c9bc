import { sql } from 'kysely';
import { caseAnalyzer, caseWords, writeCaseWords } from '../../server/kb/caseSearch/caseIndex';
import { markIndexCurrent } from '../../server/kb/caseSearch/indexVersion';
import { chunkWrites } from '../../server/store/chunkWrites';
import { type Store } from '../../server/store/openStore';
import { syncRepo } from '../../server/store/syncRepo';
import { type ServerInquiry } from '../../shared/sync/protocol';
import { type CaseGenerator } from './generateCases';

/**
 * How the search index is written. `rows`: the server's own `writeCaseWords`, one case at a time, as
 * the push hook and the backfill do. `bulk` (PostgreSQL only): one multi-row INSERT per batch into the
 * same `case_search.doc` column with the same `to_tsvector('simple', …)` of the same analyzer words —
 * for loading millions of cases in a bench's time.
 */
export type IndexWrites = 'rows' | 'bulk';

export type LoadTiming = {
  rows: number;
  /** Making the case objects (not part of any rate). */
  generate_ms: number;
  /** `caseWords(caseAnalyzer(), c)` for every case: the analyzer's words and the scope words. */
  segment_ms: number;
  /** The search index writes (FTS5 / tsvector + GIN), inside the batches' transactions. */
  index_ms: number;
  /** The `inquiry` rows, written by the push's own multi-row statement. */
  inquiry_ms: number;
  /** Wall time of everything but generation: segmentation, rows, index, commits. */
  load_ms: number;
};

export async function loadCases(
  store: Store,
  generator: CaseGenerator,
  total: number,
  options: { batch: number; indexWrites: IndexWrites; progress?: (done: number, timing: LoadTiming) => void },
): Promise<LoadTiming> {
  const { db, dialect } = store;
  const analyzer = caseAnalyzer();
  const timing: LoadTiming = { rows: 0, generate_ms: 0, segment_ms: 0, index_ms: 0, inquiry_ms: 0, load_ms: 0 };
  for (let start = 0; start < total; start += options.batch) {
    let t = performance.now();
    const batch: ServerInquiry[] = [];
    for (let i = start; i < Math.min(total, start + options.batch); i++) batch.push(generator.caseAt(i));
    timing.generate_ms += performance.now() - t;

    const started = performance.now();
    t = started;
    const words = batch.map((c) => caseWords(analyzer, c));
    timing.segment_ms += performance.now() - t;

    // The push's chunk writer stores the rows. Each row is given itself as its earlier image, so its
    // index hook (new or changed text only) leaves the words to the timed writes below.
    const writes = chunkWrites(0);
    for (const c of batch) {
      const row = { ...c, rowVersion: 1 };
      writes.rows.set(c.id, { row, before: row });
    }
    await db.transaction().execute(async (trx) => {
      t = performance.now();
      await syncRepo(trx, dialect).writeChunk(writes);
      timing.inquiry_ms += performance.now() - t;

      t = performance.now();
      if (options.indexWrites === 'bulk' && dialect === 'postgres') {
        await sql`
          INSERT INTO case_search (inquiry_id, doc)
          SELECT id, to_tsvector('simple', words) FROM unnest(${batch.map((c) => c.id)}::text[], ${words}::text[]) AS t(id, words)
          ON CONFLICT (inquiry_id) DO UPDATE SET doc = excluded.doc`.execute(trx);
      } else {
        for (let i = 0; i < batch.length; i++) await writeCaseWords(trx, dialect, batch[i]!.id, words[i]!);
      }
      timing.index_ms += performance.now() - t;
    });
    timing.load_ms += performance.now() - started;
    timing.rows += batch.length;
    options.progress?.(timing.rows, timing);
  }
  // Every case went in with the current index version, as the server's backfill would leave it.
  await markIndexCurrent(db);
  return timing;
}
