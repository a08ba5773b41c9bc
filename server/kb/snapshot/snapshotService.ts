import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type KbSnapshotManifest } from '../../../shared/sync/kbSnapshot';
import { loadKbAnalyzer } from '../../../shared/node/kb/analyzer';
import { type ServerContext } from '../../http/context';
import { articleFeed } from '../articleFeed';
import { SERVER_DATA_DIR } from '../dataDir';
import { DEFAULT_CHUNK_SIZE } from './packSnapshot';
import { snapshotRepo } from './snapshotRepo';
import { writeSnapshotFile } from './snapshotFile';
import { storeSnapshot } from './storeSnapshot';

export type SnapshotOptions = {
  chunkSize: number;
  /** Once the feed has moved this far past the current snapshot, a new one is built (seats replay fewer deltas). */
  rebuildAfterChanges: number;
};

export const DEFAULT_SNAPSHOT_OPTIONS: SnapshotOptions = { chunkSize: DEFAULT_CHUNK_SIZE, rebuildAfterChanges: 500 };

/** One build at a time per database handle in this process; a second request joins the running one. */
const building = new WeakMap<object, Promise<KbSnapshotManifest>>();

/**
 * Immutable, content-addressed KB snapshots (issue 4 §4): built from the published articles, stored
 * in the database (any instance serves any snapshot), rebuilt when stale or on demand.
 */
export function kbSnapshotService(
  ctx: Pick<ServerContext, 'store' | 'log' | 'now'>,
  options: Partial<SnapshotOptions> = {},
) {
  const opts = { ...DEFAULT_SNAPSHOT_OPTIONS, ...options };
  const repo = snapshotRepo(ctx.store.db);
  const feed = articleFeed(ctx.store.db);

  async function build(): Promise<KbSnapshotManifest> {
    const started = Date.now();
    const analyzer = loadKbAnalyzer(SERVER_DATA_DIR);
    const { articles, seq } = await feed.published();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-snapshot-'));
    try {
      const file = path.join(dir, 'kb.db');
      await writeSnapshotFile(file, articles, seq, analyzer);
      const facts = {
        feedSeq: seq,
        articleCount: articles.length,
        analyzerVersion: analyzer.version,
        chunkSize: opts.chunkSize,
      };
      const manifest = await storeSnapshot(repo, file, facts, () => ctx.now());
      await repo.prune(ctx.now());
      ctx.log.info(
        {
          snapshotId: manifest.snapshotId,
          feedSeq: seq,
          articles: articles.length,
          chunks: manifest.chunks.length,
          ms: Date.now() - started,
        },
        'KB snapshot built',
      );
      return manifest;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  function rebuild(): Promise<KbSnapshotManifest> {
    const running = building.get(ctx.store);
    if (running) return running;
    const next = build().finally(() => building.delete(ctx.store));
    building.set(ctx.store, next);
    return next;
  }

  return {
    rebuild,

    /** The manifest seats should take; the first request builds one, a stale one is replaced in the background. */
    async current(): Promise<KbSnapshotManifest> {
      const stored = await repo.current();
      if (!stored) return rebuild();
      const behind = (await feed.currentSeq()) - stored.manifest.feedSeq;
      const analyzerChanged = stored.manifest.analyzerVersion !== loadKbAnalyzer(SERVER_DATA_DIR).version;
      if (behind > opts.rebuildAfterChanges || analyzerChanged) {
        rebuild().catch((err: unknown) => ctx.log.error({ err }, 'KB snapshot rebuild failed'));
      }
      return stored.manifest;
    },

    chunk: (snapshotId: string, index: number) => repo.chunk(snapshotId, index),

    /** Resolves once no build is running (server shutdown waits for it before closing the database). */
    async idle(): Promise<void> {
      await building.get(ctx.store)?.catch(() => undefined);
    },
  };
}

export type KbSnapshotService = ReturnType<typeof kbSnapshotService>;
