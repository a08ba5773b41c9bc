/** One immutable snapshot: its manifest (the seat's view) and the facts the server picks the current one by. */
export interface KbSnapshotTable {
  /** sha256 of the canonical manifest body: the same content always gets the same id. */
  snapshot_id: string;
  feed_seq: number;
  article_count: number;
  analyzer_version: string;
  /** KbSnapshotManifest as JSON, served as it is. */
  manifest: string;
  created_at: number;
}

/** The compressed snapshot file cut into fixed-size pieces, so any server instance can serve any chunk. */
export interface KbSnapshotChunkTable {
  snapshot_id: string;
  chunk_index: number;
  sha256: string;
  data: Uint8Array;
}

/** Kysely table types of the knowledge-base snapshots (issue 4 §4). */
export interface KbSnapshotTables {
  kb_snapshot: KbSnapshotTable;
  kb_snapshot_chunk: KbSnapshotChunkTable;
}
