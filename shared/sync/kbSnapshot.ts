import { z } from 'zod';
import { KbArticle, KbArticleId } from '../domain/kb';

/**
 * Knowledge-base replication to seats (issue 4 §4, DESIGN.md §6 rule 7): the snapshot manifest and the
 * delta pages, shared by the server (answers) and the seat's replica (parses every answer with them).
 */

/**
 * Changes whenever the snapshot file layout or this manifest changes meaning; a seat refuses other
 * formats. 2: each chunk is the brotli stream of its own `chunkSize` bytes of the file (a seat
 * decompresses chunks in parallel and writes each at its place); 1 was one stream cut into chunks.
 */
export const KB_SNAPSHOT_FORMAT = 2;
export const KB_DELTA_MAX_LIMIT = 2000;
/** Header carrying a chunk's sha256 next to its bytes, so a seat can refuse a chunk damaged on the way. */
export const KB_CHUNK_SHA256_HEADER = 'x-chunk-sha256';
/**
 * KbIndex meta key holding the feed seq the KB file reflects: set by the server when it builds a
 * snapshot (= feedSeq), then advanced by the seat in the same transaction as each delta page it applies.
 */
export const KB_DELTA_SEQ_META = 'replica.deltaSeq';
/** Response header naming the server database's epoch (DESIGN.md §6 rule 5), set on every answer. */
export const SERVER_EPOCH_HEADER = 'x-server-epoch';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 须为 64 位小写十六进制');
const Count = z.number().int().min(0);

/** One downloadable chunk: its compressed bytes' sha256 and size. */
export const KbSnapshotChunk = z.strictObject({ index: Count, sha256: Sha256, size: z.number().int().min(1) });
export type KbSnapshotChunk = z.infer<typeof KbSnapshotChunk>;

/** Everything a snapshot is, except its own id: the id is the sha256 of this body's canonical JSON. */
export const KbSnapshotBody = z.strictObject({
  format: z.literal(KB_SNAPSHOT_FORMAT),
  /** The article feed seq the snapshot reflects: a seat pulls deltas after it. */
  feedSeq: Count,
  articleCount: Count,
  /** The seat opens the file without re-indexing only when its own analyzer has this version. */
  analyzerVersion: z.string().min(1).max(200),
  compression: z.literal('br'),
  /** The SQLite file once decompressed. */
  file: z.strictObject({ sha256: Sha256, size: z.number().int().min(1) }),
  /** Bytes of the file each chunk holds once decompressed (the last holds the rest). */
  chunkSize: z.number().int().min(1),
  /** In file order, `index` = position. */
  chunks: z.array(KbSnapshotChunk).min(1),
});
export type KbSnapshotBody = z.infer<typeof KbSnapshotBody>;

export const KbSnapshotManifest = KbSnapshotBody.extend({ snapshotId: Sha256 });
export type KbSnapshotManifest = z.infer<typeof KbSnapshotManifest>;

/**
 * The text hashed into the snapshot id: keys in a fixed (sorted) order at every level, no spaces,
 * so the server and any seat compute the same id from the same content.
 */
export function canonicalManifestText(body: KbSnapshotBody): string {
  return canonicalJson(body);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const KbSnapshotChunkParams = z.strictObject({
  id: Sha256,
  index: z.coerce.number().int().min(0).max(1_000_000),
});

export const KbDeltaQuery = z.strictObject({
  since: z.coerce.number().int().min(0),
  limit: z.coerce.number().int().min(1).max(KB_DELTA_MAX_LIMIT).default(500),
});
export type KbDeltaQuery = z.output<typeof KbDeltaQuery>;

/** The state an article ends in: published content to index, or gone from search (retired, rolled back away). */
export const KbDelta = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('upsert'), seq: Count, id: KbArticleId, article: KbArticle }),
  z.strictObject({ op: z.literal('remove'), seq: Count, id: KbArticleId }),
]);
export type KbDelta = z.infer<typeof KbDelta>;

/**
 * One page of the compacted delta stream: the latest op of each article changed in (since, next],
 * in the order of those latest ops. Apply it and store `next` as the cursor in one transaction.
 */
export const KbDeltaPage = z.strictObject({
  since: Count,
  next: Count,
  deltas: z.array(KbDelta),
  /** True while the feed holds changes after `next`: ask again with since = next. */
  more: z.boolean(),
});
export type KbDeltaPage = z.infer<typeof KbDeltaPage>;
