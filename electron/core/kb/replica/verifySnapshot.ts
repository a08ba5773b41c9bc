import { KB_DELTA_SEQ_META, type KbSnapshotManifest } from '../../../../shared/sync/kbSnapshot';
import { type KbAnalyzer } from '../../../../shared/node/kb/analyzer';
import { KbIndex } from '../../../../shared/node/kb/kbIndex';

export type VerifyEnd = { kind: 'ok'; index: KbIndex } | { kind: 'corrupt'; reason: string };

/**
 * Opens a decompressed snapshot and checks it is usable as it is: the analyzer this seat searches with
 * (no re-indexing here), the article count and the feed seq deltas continue from. SQLite integrity is
 * not re-checked: the file's sha256 already proved it is, bit for bit, the file the server built and
 * integrity-checked, and a full check here would hold the seat's main thread for minutes at 10^6 articles.
 * Returns it open, ready to be swapped in.
 */
export function openVerifiedSnapshot(file: string, manifest: KbSnapshotManifest, analyzer: KbAnalyzer): VerifyEnd {
  let index: KbIndex;
  try {
    index = KbIndex.open(file, analyzer);
  } catch (err) {
    return { kind: 'corrupt', reason: `open: ${err instanceof Error ? err.message : String(err)}` };
  }
  const problem =
    index.analyzerVersion !== manifest.analyzerVersion || index.analyzerVersion !== analyzer.version
      ? `analyzer ${index.analyzerVersion}, expected ${analyzer.version}`
      : index.count() !== manifest.articleCount
        ? `${index.count()} articles, manifest says ${manifest.articleCount}`
        : index.getMeta(KB_DELTA_SEQ_META) !== String(manifest.feedSeq)
          ? `delta seq ${index.getMeta(KB_DELTA_SEQ_META)}, manifest says ${manifest.feedSeq}`
          : null;
  if (problem === null) return { kind: 'ok', index };
  index.close();
  return { kind: 'corrupt', reason: problem };
}
