import { type KbSnapshotManifest } from '../../../../shared/sync/kbSnapshot';
import { type KbHttpClient, type KbOutcome } from './kbHttp';
import { type ReplicaHooks } from './hooks';
import { chunkStored, sha256, writeChunk } from './staging';

/** Tries per chunk when the bytes arrive damaged; a lost connection ends the download at once instead. */
const ATTEMPTS_PER_CHUNK = 3;

export type DownloadEnd =
  { kind: 'done' } | { kind: 'corrupt'; index: number } | Exclude<KbOutcome<never>, { kind: 'ok' }>;

/**
 * Fetches every chunk not yet stored whole on disk, in order. A chunk whose bytes do not match the
 * manifest's sha256 (or the hash the server sent with it) is refused, never written, and fetched again.
 */
export async function downloadChunks(
  dir: string,
  manifest: KbSnapshotManifest,
  http: KbHttpClient,
  hooks: ReplicaHooks,
  stillWanted: () => boolean,
): Promise<DownloadEnd> {
  for (const chunk of manifest.chunks) {
    if (chunkStored(dir, chunk)) continue;
    let stored = false;
    for (let attempt = 0; attempt < ATTEMPTS_PER_CHUNK && !stored; attempt++) {
      const got = await http.chunk(manifest.snapshotId, chunk.index);
      if (got.kind !== 'ok') return got;
      if (!stillWanted()) return { kind: 'offline', reason: 'closed' };
      const { bytes, sha256: claimed } = got.value;
      stored =
        bytes.length === chunk.size && sha256(bytes) === chunk.sha256 && (claimed ?? chunk.sha256) === chunk.sha256;
      if (stored) writeChunk(dir, chunk.index, bytes);
    }
    if (!stored) return { kind: 'corrupt', index: chunk.index };
    hooks.at?.({ stage: 'chunkStored', index: chunk.index });
  }
  return { kind: 'done' };
}
