import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';
import {
  canonicalManifestText,
  KB_SNAPSHOT_FORMAT,
  type KbSnapshotBody,
  type KbSnapshotChunk,
  type KbSnapshotManifest,
} from '../../../shared/sync/kbSnapshot';

/**
 * Bytes of the KB file per chunk (~1 MiB once compressed): large enough that compressing each alone
 * costs under 2% of size against one stream, small enough that a cut download loses little.
 */
export const DEFAULT_CHUNK_SIZE = 4 * 1024 * 1024;

/** Brotli quality 5: most of the size gain of higher levels at a fraction of their time (10^6 articles in seconds). */
const BROTLI_QUALITY = 5;
/**
 * Chunks compressed at once: zlib's async calls run in libuv's threadpool (4 threads by default). Also
 * the memory bound: at most this many pieces and their compressed bytes are alive, whatever the file size.
 */
export const PARALLEL = 4;

const compress = promisify(brotliCompress);

export type PackFacts = { feedSeq: number; articleCount: number; analyzerVersion: string; chunkSize: number };

/**
 * Takes each compressed chunk as soon as it exists, in any order. The packer waits for it before
 * compressing another piece, so a slow store slows packing instead of piling chunks up in memory.
 */
export type ChunkSink = (chunk: KbSnapshotChunk, data: Buffer) => Promise<void>;

/**
 * Cuts the KB file into `chunkSize` pieces, compresses each on its own (so a seat can decompress them
 * in parallel and in any order), hands each to `sink` and names the result by the sha256 of its manifest.
 */
export async function packSnapshot(file: string, facts: PackFacts, sink: ChunkSink): Promise<KbSnapshotManifest> {
  const fileHash = createHash('sha256');
  const size = fs.statSync(file).size;
  const count = Math.max(1, Math.ceil(size / facts.chunkSize));
  const chunks = new Array<KbSnapshotChunk>(count);
  const fd = fs.openSync(file, 'r');
  // Taking an index, reading its piece and hashing it is one synchronous step, so the pieces reach
  // the whole-file hash in file order although they finish compressing in any order.
  const readPiece = (index: number, into: Buffer): Buffer => {
    const piece = into.subarray(0, Math.min(facts.chunkSize, size - index * facts.chunkSize));
    fs.readSync(fd, piece, 0, piece.length, index * facts.chunkSize);
    fileHash.update(piece);
    return piece;
  };
  try {
    let next = 0;
    let stop = false;
    const worker = async () => {
      // One piece buffer per worker, reused: brotli is done reading it once its promise settles.
      const buffer = Buffer.allocUnsafe(Math.min(facts.chunkSize, size));
      try {
        while (!stop && next < count) {
          const index = next++;
          const data = await compressPiece(readPiece(index, buffer));
          const chunk = { index, sha256: createHash('sha256').update(data).digest('hex'), size: data.length };
          await sink(chunk, data);
          chunks[index] = chunk;
        }
      } catch (err) {
        stop = true;
        throw err;
      }
    };
    // Settled, not just failed: once this rejects no sink call is still running (the caller may be
    // deleting what the sink wrote).
    const settled = await Promise.allSettled(Array.from({ length: PARALLEL }, worker));
    const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failure) throw failure.reason;
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
    chunks,
  };
  const snapshotId = createHash('sha256').update(canonicalManifestText(body)).digest('hex');
  return { ...body, snapshotId };
}

function compressPiece(piece: Buffer): Promise<Buffer> {
  return compress(piece, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: piece.length,
    },
  });
}
