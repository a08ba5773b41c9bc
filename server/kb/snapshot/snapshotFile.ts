import Database from 'better-sqlite3';
import { type KbArticle } from '../../../shared/domain/kb';
import { KB_DELTA_SEQ_META } from '../../../shared/sync/kbSnapshot';
import { type KbAnalyzer } from '../../../shared/node/kb/analyzer';
import { KbIndex } from '../../../shared/node/kb/kbIndex';
import { SERVER_DATA_DIR } from '../dataDir';

/**
 * Writes the KB file a seat will search as it is: every published article indexed by the same
 * analyzer the seats use (a bulk build: worker threads segment, the event loop serves requests
 * between batches), in id order with the feed seq it reflects, compacted into one self-contained
 * file (rollback journal, no WAL) so the bytes do not depend on how they were written, and
 * integrity-checked before anything is published.
 */
export async function writeSnapshotFile(
  file: string,
  articles: readonly KbArticle[],
  feedSeq: number,
  analyzer: KbAnalyzer,
): Promise<void> {
  const sorted = [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  await KbIndex.build(file, analyzer, sorted, {
    dataDir: SERVER_DATA_DIR,
    meta: { [KB_DELTA_SEQ_META]: String(feedSeq) },
  });
  const db = new Database(file);
  try {
    // Checked here, once, where time is cheap: seats verify the bytes by sha256 instead of re-running
    // this (about 9 s per 10^5 articles on a seat, blocking search meanwhile).
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`KB snapshot file failed integrity_check: ${String(integrity)}`);
  } finally {
    db.close();
  }
}
