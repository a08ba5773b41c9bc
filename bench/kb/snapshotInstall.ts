import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { installSnapshot } from '../../electron/core/kb/replica/installSnapshot';
import { kbHttpClient } from '../../electron/core/kb/replica/kbHttp';
import { prepareStaging, writeChunk } from '../../electron/core/kb/replica/staging';
import type { FetchFn } from '../../electron/core/sync/httpClient';
import { DEFAULT_CHUNK_SIZE, packSnapshot } from '../../server/kb/snapshot/packSnapshot';
import { loadKbAnalyzer } from '../../shared/node/kb/analyzer';
import { KbIndex } from '../../shared/node/kb/kbIndex';
import { KB_DELTA_SEQ_META } from '../../shared/sync/kbSnapshot';
import { mb, round3 } from './measure';
import type { InstallResult } from './protocol';

/** Every chunk is already verified in staging, so the seat never asks the network; reaching it is a bench bug. */
const noNetwork: FetchFn = () => Promise.reject(new Error('the snapshot install bench does not download'));

/**
 * `snapshot_install_s`: the bench's index packed as the server packs a snapshot, its chunks placed in
 * the seat's staging folder as a finished download leaves them, then the seat's own installer timed
 * — chunk checks, parallel decompression into place, fsync, move into place, analyzer/count/seq checks
 * and open. Download excluded.
 */
export async function measureSnapshotInstall(file: string, dataDir: string, workDir: string): Promise<InstallResult> {
  const analyzer = loadKbAnalyzer(dataDir);
  const source = path.join(workDir, 'snapshot-source.db');
  const built = new Database(file, { readonly: true });
  built.prepare('VACUUM INTO ?').run(source);
  built.close();

  const index = KbIndex.open(source, analyzer);
  index.setMeta(KB_DELTA_SEQ_META, '0');
  const facts = {
    feedSeq: 0,
    articleCount: index.count(),
    analyzerVersion: index.analyzerVersion,
    chunkSize: DEFAULT_CHUNK_SIZE,
  };
  index.close();
  const db = new Database(source);
  db.pragma('journal_mode = DELETE');
  db.close();

  const chunks: Buffer[] = [];
  const manifest = await packSnapshot(source, facts, async (chunk, data) => {
    chunks[chunk.index] = data;
  });
  fs.rmSync(source);
  const kbDir = path.join(workDir, 'seat-kb');
  const staging = prepareStaging(kbDir, manifest);
  chunks.forEach((bytes, i) => writeChunk(staging, i, bytes));

  const http = kbHttpClient({ baseUrl: 'http://127.0.0.1:9', fetch: noNetwork, token: 'bench', timeoutMs: 1000 });
  const started = performance.now();
  const end = await installSnapshot({ kbDir, analyzer, http, hooks: {}, stillWanted: () => true }, manifest);
  const seconds = (performance.now() - started) / 1000;
  if (end.kind !== 'installed') throw new Error(`snapshot install ended ${end.kind}: ${JSON.stringify(end)}`);
  end.next.index.close();
  return {
    snapshot_install_s: round3(seconds),
    snapshot_mb: mb(chunks.reduce((sum, c) => sum + c.length, 0)),
  };
}
