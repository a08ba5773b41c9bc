import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliDecompress } from 'node:zlib';
import { type KbSnapshotChunk, type KbSnapshotManifest } from '../../../../shared/sync/kbSnapshot';
import { chunkFile, sha256 } from './staging';

export type AssembleEnd = { kind: 'done'; file: string } | { kind: 'corrupt'; reason: string };

const ASSEMBLED = 'kb.db';
/** Chunks decompressed at once: zlib's async calls run in libuv's threadpool (4 threads by default). */
const PARALLEL = 4;

const decompress = promisify(brotliDecompress);

/**
 * Decompresses the chunks into `<staging>/kb.db`, several at once, each written at its place in the
 * file. Each chunk's sha256 is checked as it is read (a damaged one is deleted, so the next attempt
 * fetches it again); with the manifest content-addressed, those hashes and each chunk's exact
 * decompressed length prove the file is the server's, so the whole file is not hashed again. A file
 * already assembled (a crash after this step) is hashed whole: nothing else vouches for it.
 */
export async function assembleSnapshot(dir: string, manifest: KbSnapshotManifest): Promise<AssembleEnd> {
  const file = path.join(dir, ASSEMBLED);
  if (fs.existsSync(file)) {
    if ((await fileSha256(file)) === manifest.file.sha256) return { kind: 'done', file };
    fs.rmSync(file, { force: true });
  }
  const layout = layoutProblem(manifest);
  if (layout) return { kind: 'corrupt', reason: layout };
  const part = `${file}.part`;
  const out = await fs.promises.open(part, 'w');
  let problem: string | null = null;
  try {
    let next = 0;
    const worker = async () => {
      while (next < manifest.chunks.length && problem === null) {
        const found = await placeChunk(dir, manifest, manifest.chunks[next++]!, out);
        // The first problem stands: a chunk that finishes later must not clear it.
        problem ??= found;
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    if (problem === null) await out.sync();
  } catch (err) {
    problem = `assemble: ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    await out.close();
  }
  if (problem !== null) {
    fs.rmSync(part, { force: true });
    return { kind: 'corrupt', reason: problem };
  }
  fs.renameSync(part, file);
  return { kind: 'done', file };
}

/** Chunks that would not tile the file exactly (a file with a hole or an overlap). */
function layoutProblem(manifest: KbSnapshotManifest): string | null {
  const expected = Math.ceil(manifest.file.size / manifest.chunkSize);
  if (manifest.chunks.length !== expected) return `${manifest.chunks.length} chunks, the file needs ${expected}`;
  const misplaced = manifest.chunks.findIndex((c, i) => c.index !== i);
  return misplaced < 0 ? null : `chunk ${misplaced} is out of order`;
}

/** Checks, decompresses and writes one chunk; returns what is wrong with it, if anything. */
async function placeChunk(
  dir: string,
  manifest: KbSnapshotManifest,
  chunk: KbSnapshotChunk,
  out: fs.promises.FileHandle,
): Promise<string | null> {
  const stored = chunkFile(dir, chunk.index);
  const bytes = await fs.promises.readFile(stored).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  if (!bytes || bytes.length !== chunk.size || sha256(bytes) !== chunk.sha256) {
    fs.rmSync(stored, { force: true });
    return `chunk ${chunk.index} damaged on disk`;
  }
  const start = chunk.index * manifest.chunkSize;
  const length = Math.min(manifest.chunkSize, manifest.file.size - start);
  let data: Buffer;
  try {
    data = await decompress(bytes);
  } catch (err) {
    return `decompress chunk ${chunk.index}: ${err instanceof Error ? err.message : String(err)}`;
  }
  if (data.length !== length) return `chunk ${chunk.index} holds ${data.length} bytes, expected ${length}`;
  // A write may take fewer bytes than given: go on until all are down (a disk that takes none fails).
  for (let done = 0; done < data.length;) {
    const { bytesWritten } = await out.write(data, done, data.length - done, start + done);
    if (bytesWritten === 0) throw new Error(`chunk ${chunk.index}: the disk took no bytes`);
    done += bytesWritten;
  }
  return null;
}

async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const data of fs.createReadStream(file)) hash.update(data as Buffer);
  return hash.digest('hex');
}
