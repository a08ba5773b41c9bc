import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type KbSnapshotManifest } from '../../../../shared/sync/kbSnapshot';
import { type KbAnalyzer } from '../../../../shared/node/kb/analyzer';
import { type ActiveKb } from './activeKb';
import { assembleSnapshot } from './assemble';
import { downloadChunks, type DownloadEnd } from './download';
import { removeDatabaseFiles, renameDurable } from './durableFiles';
import { type ReplicaHooks } from './hooks';
import { type KbHttpClient } from './kbHttp';
import { prepareStaging } from './staging';
import { openVerifiedSnapshot } from './verifySnapshot';

export type InstallEnd = { kind: 'installed'; next: ActiveKb } | DownloadEnd | { kind: 'corrupt'; reason: string };

export type InstallDeps = {
  kbDir: string;
  analyzer: KbAnalyzer;
  http: KbHttpClient;
  hooks: ReplicaHooks;
  stillWanted: () => boolean;
};

/**
 * Download (resumable) → decompress → verify → move into place, returning the new KB open and not yet
 * searched. Until the caller swaps the pointer, the seat keeps searching its old KB, and a crash at
 * any point leaves the old KB active and the verified chunks in staging.
 */
export async function installSnapshot(deps: InstallDeps, manifest: KbSnapshotManifest): Promise<InstallEnd> {
  const dir = prepareStaging(deps.kbDir, manifest);
  const downloaded = await downloadChunks(dir, manifest, deps.http, deps.hooks, deps.stillWanted);
  if (downloaded.kind !== 'done') return downloaded;

  const assembled = await assembleSnapshot(dir, manifest);
  if (assembled.kind !== 'done') return assembled;
  if (!deps.stillWanted()) return { kind: 'offline', reason: 'closed' };
  deps.hooks.at?.({ stage: 'decompressed' });

  // A name of its own per install: after a server restore the same snapshot may be installed again
  // while an earlier copy of it (with deltas applied) is the active file.
  const name = `snap-${manifest.snapshotId}-${randomBytes(4).toString('hex')}.db`;
  const target = path.join(deps.kbDir, name);
  removeDatabaseFiles(target);
  renameDurable(assembled.file, target);
  deps.hooks.at?.({ stage: 'movedIntoPlace' });

  const verified = openVerifiedSnapshot(target, manifest, deps.analyzer);
  if (verified.kind !== 'ok') {
    removeDatabaseFiles(target);
    // The bytes matched the manifest, so the server built a bad snapshot: fetching it again will not help.
    fs.rmSync(dir, { recursive: true, force: true });
    return verified;
  }
  return {
    kind: 'installed',
    next: { index: verified.index, pointer: { file: name, source: 'server', snapshotId: manifest.snapshotId } },
  };
}
