import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type KbSnapshotChunk, type KbSnapshotManifest } from '../../../../shared/sync/kbSnapshot';
import { writeFileAtomic } from './durableFiles';

/**
 * `<dataDir>/kb/staging/<snapshotId>/`: the chunks of the snapshot being downloaded, one file each,
 * present only once verified and durable, so a download cut by kill -9 or a lost network resumes at
 * the first chunk that is missing or short.
 */
export function stagingDir(kbDir: string, snapshotId: string): string {
  return path.join(kbDir, 'staging', snapshotId);
}

/** Makes the folder for this snapshot and drops the staging of any other (an older, abandoned download). */
export function prepareStaging(kbDir: string, manifest: KbSnapshotManifest): string {
  const root = path.join(kbDir, 'staging');
  fs.mkdirSync(root, { recursive: true });
  for (const name of fs.readdirSync(root)) {
    if (name !== manifest.snapshotId) fs.rmSync(path.join(root, name), { recursive: true, force: true });
  }
  const dir = stagingDir(kbDir, manifest.snapshotId);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export function removeStaging(kbDir: string): void {
  fs.rmSync(path.join(kbDir, 'staging'), { recursive: true, force: true });
}

export function chunkFile(dir: string, index: number): string {
  return path.join(dir, `chunk-${String(index).padStart(6, '0')}`);
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * True when the chunk is on disk at its full size; a partial file is deleted. Only verified bytes are
 * ever written, all at once, so a file of the right size is the verified chunk unless the disk damaged
 * it since — which assembling catches, as it checks each chunk's sha256 while reading it anyway.
 */
export function chunkStored(dir: string, chunk: KbSnapshotChunk): boolean {
  const file = chunkFile(dir, chunk.index);
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
  if (size === chunk.size) return true;
  fs.rmSync(file, { force: true });
  return false;
}

/** Stores bytes already checked against the manifest, all at once (a crash leaves no half chunk). */
export function writeChunk(dir: string, index: number, bytes: Uint8Array): void {
  writeFileAtomic(chunkFile(dir, index), bytes);
}
