import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';
import {
  canonicalManifestText,
  KB_SNAPSHOT_FORMAT,
  type KbSnapshotBody,
  type KbSnapshotManifest,
} from '../../../shared/sync/kbSnapshot';

/**
 * Bytes of the KB file per chunk (~1 MiB once compressed): large enough that compressing each alone
 * costs under 2% of size against one stream, small enough that a cut download loses little.
 */
export const DEFAULT_CHUNK_SIZE = 4 * 1024 * 1024;

/** Brotli quality 5: most of the size gain of higher levels at a fraction of their time (10^6 articles in seconds). */
const BROTLI_QUALITY = 5;
/** Chunks compressed at once: zlib's async calls run in libuv's threadpool (4 threads by default). */
const PARALLEL = 4;

const compress = promisify(brotliCompress);

export type PackedSnapshot = { manifest: KbSnapshotManifest; chunks: Buffer[] };

export type PackFacts = { feedSeq: number; articleCount: number; analyzerVersion: string; chunkSize: number };

/**
 * Cuts the KB file into `chunkSize` pieces, compresses each on its own (so a seat can decompress them
 * in parallel and in any order) and names the result by the sha256 of its manifest.
 */
export async function packSnapshot(file: string, facts: PackFacts): Promise<PackedSnapshot> {
  const fileHash = createHash('sha256');
  const size = fs.statSync(file).size;
  const count = Math.max(1, Math.ceil(size / facts.chunkSize));
  const chunks = new Array<Buffer>(count);
  const fd = fs.openSync(file, 'r');
  try {
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const index = next++;
        const piece = Buffer.alloc(Math.min(facts.chunkSize, size - index * facts.chunkSize));
        fs.readSync(fd, piece, 0, piece.length, index * facts.chunkSize);
        chunks[index] = await compress(piece, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: piece.length,
          },
        });
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    // A second, in-order read for the whole file's hash: the pieces above finish out of order.
    const whole = Buffer.alloc(Math.min(facts.chunkSize, size));
    for (let at = 0; at < size; at += whole.length) {
      const n = fs.readSync(fd, whole, 0, Math.min(whole.length, size - at), at);
      fileHash.update(whole.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  const body: KbSnapshotBody = {
    format: KB_SNAPSHOT_FORMAT,
    feedSeq: facts.feedSeq,
    articleCount: facts.articleCount,
    analyzerVersion: facts.analyzerVersion,
    compression: 'br',
    file: { sha256: fileHash.digest('hex'), size },
    chunkSize: facts.chunkSize,
    chunks: chunks.map((c, index) => ({ index, sha256: createHash('sha256').update(c).digest('hex'), size: c.length })),
  };
  const snapshotId = createHash('sha256').update(canonicalManifestText(body)).digest('hex');
  return { manifest: { ...body, snapshotId }, chunks };
}
