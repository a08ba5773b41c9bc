import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PARALLEL, packSnapshot } from '../../../server/kb/snapshot/packSnapshot';
import { canonicalManifestText } from '../../../shared/sync/kbSnapshot';
import { FIXED_FACTS, fixedSnapshotSource } from './fixtures/snapshotSource';

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

describe('packSnapshot streams chunks to a sink', () => {
  let source: ReturnType<typeof fixedSnapshotSource>;
  beforeEach(() => {
    source = fixedSnapshotSource();
  });
  afterEach(() => source.cleanup());

  it('names the same file as the packer always has: content addressing unchanged', async () => {
    const stored: Buffer[] = [];
    const manifest = await packSnapshot(source.file, FIXED_FACTS, async (chunk, data) => {
      stored[chunk.index] = data;
    });
    // The id the packer gave this file before it streamed (all chunks kept, the file read twice),
    // with Node 20's brotli: seats holding that snapshot need not download it again.
    expect(manifest.snapshotId).toBe('46d188dffb412831cd2d78c4d91928d6e44fa666c01f3596ce530d430d178aa8');
    const whole = fs.readFileSync(source.file);
    const { snapshotId, ...body } = manifest;
    expect(snapshotId).toBe(sha256(canonicalManifestText(body)));
    expect(manifest.file).toEqual({ sha256: sha256(whole), size: whole.length });
    expect(manifest.chunks).toHaveLength(Math.ceil(whole.length / FIXED_FACTS.chunkSize));
    manifest.chunks.forEach((chunk, index) => {
      const data = stored[index]!;
      expect(chunk).toEqual({ index, sha256: sha256(data), size: data.length });
      const at = index * FIXED_FACTS.chunkSize;
      expect(brotliDecompressSync(data).equals(whole.subarray(at, at + FIXED_FACTS.chunkSize))).toBe(true);
    });
  });

  it('hands each chunk over as soon as it is compressed and never runs more than PARALLEL ahead of the sink', async () => {
    const waiting: (() => void)[] = [];
    const received: number[] = [];
    let done = false;
    const packing = packSnapshot(source.file, FIXED_FACTS, (chunk) => {
      received.push(chunk.index);
      return new Promise<void>((resolve) => waiting.push(resolve));
    }).finally(() => {
      done = true;
    });
    await vi.waitFor(() => expect(received).toHaveLength(PARALLEL));
    // Time enough for a packer that does not wait for its sink to compress the rest.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toHaveLength(PARALLEL);
    expect(done).toBe(false);
    while (!done) {
      waiting.splice(0).forEach((release) => release());
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const manifest = await packing;
    expect([...received].sort((a, b) => a - b)).toEqual(manifest.chunks.map((c) => c.index));
  });

  it('stops at the first chunk the sink refuses, and rejects once no sink call is still running', async () => {
    const received: number[] = [];
    let running = 0;
    const packing = packSnapshot(source.file, FIXED_FACTS, async (chunk) => {
      received.push(chunk.index);
      running++;
      try {
        await new Promise((resolve) => setTimeout(resolve, chunk.index === 2 ? 0 : 30));
        if (chunk.index === 2) throw new Error('disk full');
      } finally {
        running--;
      }
    });
    await expect(packing).rejects.toThrow('disk full');
    expect(running).toBe(0);
    expect(received.length).toBeLessThan(Math.ceil(fs.statSync(source.file).size / FIXED_FACTS.chunkSize));
  });
});
