import { setImmediate as yieldToRequests } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { type KbArticle } from '../../../shared/domain/kb';
import { KB_DELTA_SEQ_META } from '../../../shared/sync/kbSnapshot';
import { type KbAnalyzer } from '../../../shared/node/kb/analyzer';
import { KbIndex } from '../../../shared/node/kb/kbIndex';

/** Articles indexed per transaction; between batches the event loop serves requests. */
const BATCH = 1000;

/**
 * Writes the KB file a seat will search as it is: every published article indexed by the same
 * analyzer the seats use, the feed seq it reflects, then VACUUMed into one self-contained file
 * (rollback journal, no WAL), so the bytes are compact and do not depend on how they were written,
 * and integrity-checked before anything is published.
 */
export async function writeSnapshotFile(
  file: string,
  articles: readonly KbArticle[],
  feedSeq: number,
  analyzer: KbAnalyzer,
): Promise<void> {
  const sorted = [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = KbIndex.open(file, analyzer);
  try {
    for (let i = 0; i < sorted.length; i += BATCH) {
      index.upsert(sorted.slice(i, i + BATCH));
      await yieldToRequests();
    }
    index.setMeta(KB_DELTA_SEQ_META, String(feedSeq));
  } finally {
    index.close();
  }
  const db = new Database(file);
  try {
    db.pragma('journal_mode = DELETE');
    db.exec('VACUUM');
    // Checked here, once, where time is cheap: seats verify the bytes by sha256 instead of re-running
    // this (about 9 s per 10^5 articles on a seat, blocking search meanwhile).
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`KB snapshot file failed integrity_check: ${String(integrity)}`);
  } finally {
    db.close();
  }
}
