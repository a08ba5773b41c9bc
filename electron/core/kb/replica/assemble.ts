import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { type KbSnapshotManifest } from '../../../../shared/sync/kbSnapshot';
import { fsyncFile } from './durableFiles';
import { chunkFile, chunkVerified } from './staging';

export type AssembleEnd = { kind: 'done'; file: string } | { kind: 'corrupt'; reason: string };

const ASSEMBLED = 'kb.db';

/**
 * Decompresses the verified chunks into `<staging>/kb.db` and checks the whole file's sha256 and size.
 * A file already assembled (a crash after this step) is checked again instead of rebuilt.
 */
export async function assembleSnapshot(dir: string, manifest: KbSnapshotManifest): Promise<AssembleEnd> {
  const file = path.join(dir, ASSEMBLED);
  if (fs.existsSync(file)) {
    if ((await fileSha256(file)) === manifest.file.sha256) return { kind: 'done', file };
    fs.rmSync(file, { force: true });
  }
  for (const chunk of manifest.chunks) {
    if (!chunkVerified(dir, chunk)) return { kind: 'corrupt', reason: `chunk ${chunk.index} damaged on disk` };
  }
  const part = `${file}.part`;
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(data: Buffer, _encoding, done) {
      hash.update(data);
      size += data.length;
      done(null, data);
    },
  });
  try {
    await pipeline(Readable.from(readChunks(dir, manifest)), createBrotliDecompress(), tap, fs.createWriteStream(part));
  } catch (err) {
    fs.rmSync(part, { force: true });
    return { kind: 'corrupt', reason: `decompress: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (size !== manifest.file.size || hash.digest('hex') !== manifest.file.sha256) {
    fs.rmSync(part, { force: true });
    return { kind: 'corrupt', reason: 'decompressed file does not match the manifest' };
  }
  fsyncFile(part);
  fs.renameSync(part, file);
  return { kind: 'done', file };
}

async function* readChunks(dir: string, manifest: KbSnapshotManifest): AsyncGenerator<Buffer> {
  for (const chunk of manifest.chunks) yield await fs.promises.readFile(chunkFile(dir, chunk.index));
}

async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const data of fs.createReadStream(file)) hash.update(data as Buffer);
  return hash.digest('hex');
}
