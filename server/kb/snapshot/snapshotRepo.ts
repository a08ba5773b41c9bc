import { randomUUID } from 'node:crypto';
import { type ExpressionBuilder, type Kysely } from 'kysely';
import { type KbSnapshotChunk, KbSnapshotManifest } from '../../../shared/sync/kbSnapshot';
import { type ServerDatabase } from '../../store/schema';
import { type PackFacts } from './packSnapshot';

/** Snapshots kept: the current one and the one before, so a seat mid-download of the previous can finish. */
const KEEP = 2;

/**
 * Id prefix of a snapshot still being built: its chunks are stored as they are compressed, under an id
 * no sha256 can take (a hex digest has no `u` or `-`), and only get the content id once all are in.
 */
const BUILDING = 'building-';

/**
 * A build whose row has not been touched for this long is a crashed one: a live build touches it
 * with every chunk (well under a second apart), so minutes also cover clock skew between instances.
 */
export const ABANDONED_BUILD_MS = 10 * 60 * 1000;

export type StoredSnapshot = { manifest: KbSnapshotManifest; createdAt: number };

type SnapshotRow = ExpressionBuilder<ServerDatabase, 'kb_snapshot'>;
const built = (eb: SnapshotRow) => eb('snapshot_id', 'not like', `${BUILDING}%`);
const building = (eb: SnapshotRow) => eb('snapshot_id', 'like', `${BUILDING}%`);

/** A snapshot's chunks, then its row: the foreign key would refuse the other order. */
async function dropSnapshot(trx: Kysely<ServerDatabase>, snapshotId: string): Promise<void> {
  await trx.deleteFrom('kb_snapshot_chunk').where('snapshot_id', '=', snapshotId).execute();
  await trx.deleteFrom('kb_snapshot').where('snapshot_id', '=', snapshotId).execute();
}

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
        .where(built)
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
      if (snapshotId.startsWith(BUILDING)) return null;
      const row = await db
        .selectFrom('kb_snapshot_chunk')
        .select(['sha256', 'data'])
        .where('snapshot_id', '=', snapshotId)
        .where('chunk_index', '=', index)
        .executeTakeFirst();
      return row ? { sha256: row.sha256, data: Buffer.from(row.data) } : null;
    },

    /** Opens a build: a row no reader sees, holding the chunks until the content id is known. */
    async begin(facts: PackFacts, now: number): Promise<string> {
      const buildId = `${BUILDING}${randomUUID()}`;
      await db
        .insertInto('kb_snapshot')
        .values({
          snapshot_id: buildId,
          feed_seq: facts.feedSeq,
          article_count: facts.articleCount,
          analyzer_version: facts.analyzerVersion,
          // The manifest names the content, which is only known once every chunk is packed.
          manifest: '{}',
          created_at: now,
        })
        .execute();
      return buildId;
    },

    /**
     * Stores one chunk of a running build in its own short transaction (a long one would hold
     * SQLite's write lock against pushes for the whole build) and marks the build alive.
     */
    async putChunk(buildId: string, chunk: KbSnapshotChunk, data: Buffer, now: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('kb_snapshot_chunk')
          .values({ snapshot_id: buildId, chunk_index: chunk.index, sha256: chunk.sha256, data })
          .execute();
        await trx.updateTable('kb_snapshot').set({ created_at: now }).where('snapshot_id', '=', buildId).execute();
      });
    },

    /**
     * Publishes a finished build under its content id, all at once. The same content already stored
     * (another instance built it) stays as it is and this build's chunks go. The final row comes first
     * and the build's row last, so every chunk has its row at every step (the foreign key); once its
     * chunks have moved, dropping the build's row drops nothing else.
     */
    async finish(buildId: string, manifest: KbSnapshotManifest, createdAt: number): Promise<void> {
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
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
          const moved = await trx
            .updateTable('kb_snapshot_chunk')
            .set({ snapshot_id: manifest.snapshotId })
            .where('snapshot_id', '=', buildId)
            .executeTakeFirst();
          // A build pruned as abandoned (stalled past the limit) has lost its chunks: publishing its
          // manifest would send seats after chunks that are not there.
          if (Number(moved.numUpdatedRows) !== manifest.chunks.length)
            throw new Error(`KB snapshot build ${buildId} lost its chunks before it finished`);
        }
        await dropSnapshot(trx, buildId);
      });
    },

    /** Drops a failed build's chunks and row. */
    async discard(buildId: string): Promise<void> {
      await db.transaction().execute((trx) => dropSnapshot(trx, buildId));
    },

    /**
     * Drops all but the newest snapshots, and what crashed builds left; builds still running (here or
     * on another instance) are kept. Chunks first: the foreign key would refuse the other order.
     */
    async prune(now: number): Promise<void> {
      const keep = await db
        .selectFrom('kb_snapshot')
        .select('snapshot_id')
        .where(built)
        .orderBy('feed_seq', 'desc')
        .orderBy('created_at', 'desc')
        .orderBy('snapshot_id')
        .limit(KEEP)
        .execute();
      const ids = keep.map((r) => r.snapshot_id);
      const gone = (eb: SnapshotRow) =>
        eb.or([
          eb.and([building(eb), eb('created_at', '<', now - ABANDONED_BUILD_MS)]),
          ...(ids.length < KEEP ? [] : [eb.and([built(eb), eb('snapshot_id', 'not in', ids)])]),
        ]);
      await db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('kb_snapshot_chunk')
          .where('snapshot_id', 'in', trx.selectFrom('kb_snapshot').select('snapshot_id').where(gone))
          .execute();
        await trx.deleteFrom('kb_snapshot').where(gone).execute();
      });
    },
  };
}

export type SnapshotRepo = ReturnType<typeof snapshotRepo>;
