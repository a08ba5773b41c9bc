import { type KbSnapshotManifest } from '../../../shared/sync/kbSnapshot';
import { packSnapshot, type PackFacts } from './packSnapshot';
import { type SnapshotRepo } from './snapshotRepo';

export type SnapshotWriter = Pick<SnapshotRepo, 'begin' | 'putChunk' | 'finish' | 'discard'>;

/**
 * Packs the KB file straight into the database: each chunk is stored as soon as it is compressed
 * (memory stays at the few chunks in flight, whatever the KB size) under a build no reader sees, then
 * published under its content id in one short transaction. A failed build removes what it stored;
 * one that dies with its process is removed by a later prune.
 */
export async function storeSnapshot(
  repo: SnapshotWriter,
  file: string,
  facts: PackFacts,
  now: () => number,
): Promise<KbSnapshotManifest> {
  const buildId = await repo.begin(facts, now());
  try {
    const manifest = await packSnapshot(file, facts, (chunk, data) => repo.putChunk(buildId, chunk, data, now()));
    await repo.finish(buildId, manifest, now());
    return manifest;
  } catch (err) {
    // The build's error is the one worth reporting; a failed clean-up is left to prune.
    await repo.discard(buildId).catch(() => undefined);
    throw err;
  }
}
