import { type Kysely } from 'kysely';
import { KbSnapshotManifest } from '../../../shared/sync/kbSnapshot';
import { type ServerDatabase } from '../../store/schema';
import { type PackedSnapshot } from './packSnapshot';

/** Snapshots kept: the current one and the one before, so a seat mid-download of the previous can finish. */
const KEEP = 2;

export type StoredSnapshot = { manifest: KbSnapshotManifest; createdAt: number };

export function snapshotRepo(db: Kysely<ServerDatabase>) {
  return {
    /**
     * The snapshot seats should take: the newest feed position, the latest build of it. One packed by
     * an older server in another format counts as none (no seat of this version can install it), so
     * the first request builds one in the current format.
     */
    async current(): Promise<StoredSnapshot | null> {
      const row = await db
        .selectFrom('kb_snapshot')
        .select(['manifest', 'created_at'])
        .orderBy('feed_seq', 'desc')
        .orderBy('created_at', 'desc')
        .orderBy('snapshot_id')
        .limit(1)
        .executeTakeFirst();
      if (!row) return null;
      const manifest = KbSnapshotManifest.safeParse(JSON.parse(row.manifest));
      return manifest.success ? { manifest: manifest.data, createdAt: Number(row.created_at) } : null;
    },

    async chunk(snapshotId: string, index: number): Promise<{ sha256: string; data: Buffer } | null> {
      const row = await db
        .selectFrom('kb_snapshot_chunk')
        .select(['sha256', 'data'])
        .where('snapshot_id', '=', snapshotId)
        .where('chunk_index', '=', index)
        .executeTakeFirst();
      return row ? { sha256: row.sha256, data: Buffer.from(row.data) } : null;
    },

    /** Stores a snapshot whole or not at all; the same content stored twice (two instances built it) is one row. */
    async insert(packed: PackedSnapshot, createdAt: number): Promise<void> {
      const { manifest, chunks } = packed;
      await db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('kb_snapshot')
          .values({
            snapshot_id: manifest.snapshotId,
            feed_seq: manifest.feedSeq,
            article_count: manifest.articleCount,
            analyzer_version: manifest.analyzerVersion,
            manifest: JSON.stringify(manifest),
            created_at: createdAt,
          })
          .onConflict((oc) => oc.column('snapshot_id').doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return;
        for (const [index, data] of chunks.entries()) {
          await trx
            .insertInto('kb_snapshot_chunk')
            .values({
              snapshot_id: manifest.snapshotId,
              chunk_index: index,
              sha256: manifest.chunks[index]!.sha256,
              data,
            })
            .execute();
        }
      });
    },

    /** Drops all but the newest snapshots (chunks first: the foreign key would refuse the other order). */
    async prune(): Promise<void> {
      const keep = await db
        .selectFrom('kb_snapshot')
        .select('snapshot_id')
        .orderBy('feed_seq', 'desc')
        .orderBy('created_at', 'desc')
        .orderBy('snapshot_id')
        .limit(KEEP)
        .execute();
      const ids = keep.map((r) => r.snapshot_id);
      if (ids.length < KEEP) return;
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('kb_snapshot_chunk').where('snapshot_id', 'not in', ids).execute();
        await trx.deleteFrom('kb_snapshot').where('snapshot_id', 'not in', ids).execute();
      });
    },
  };
}
