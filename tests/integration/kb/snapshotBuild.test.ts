import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ABANDONED_BUILD_MS, snapshotRepo, type SnapshotRepo } from '../../../server/kb/snapshot/snapshotRepo';
import { storeSnapshot } from '../../../server/kb/snapshot/storeSnapshot';
import { type Store } from '../../../server/store/openStore';
import { type KbSnapshotManifest } from '../../../shared/sync/kbSnapshot';
import { testDatabase, type TestDatabase, VARIANTS } from '../server/harness';
import { FIXED_FACTS, fixedSnapshotSource } from './fixtures/snapshotSource';

describe.each(VARIANTS)('KB snapshot builds stored chunk by chunk (%s)', (variant) => {
  let database: TestDatabase;
  let store: Store;
  let repo: SnapshotRepo;
  let source: ReturnType<typeof fixedSnapshotSource>;
  const clock = { now: 0 };
  const now = () => clock.now;

  beforeEach(async () => {
    database = testDatabase(variant);
    store = await database.open();
    repo = snapshotRepo(store.db);
    source = fixedSnapshotSource();
    clock.now = Date.parse('2026-11-28T06:00:00Z');
  });
  afterEach(async () => {
    await store.close();
    await database.cleanup();
    source.cleanup();
  });

  const build = (feedSeq: number, writer: Parameters<typeof storeSnapshot>[0] = repo) => {
    clock.now += 1000;
    return storeSnapshot(writer, source.file, { ...FIXED_FACTS, feedSeq }, now);
  };
  const snapshotIds = async () =>
    (await store.db.selectFrom('kb_snapshot').select('snapshot_id').orderBy('snapshot_id').execute()).map(
      (r) => r.snapshot_id,
    );
  const chunkOwners = async () =>
    [
      ...new Set(
        (await store.db.selectFrom('kb_snapshot_chunk').select('snapshot_id').execute()).map((r) => r.snapshot_id),
      ),
    ].sort();
  const currentId = async () => (await repo.current())?.manifest.snapshotId;
  const expectServed = async (manifest: KbSnapshotManifest) => {
    for (const chunk of manifest.chunks) {
      const stored = await repo.chunk(manifest.snapshotId, chunk.index);
      expect(stored?.sha256).toBe(chunk.sha256);
      expect(createHash('sha256').update(stored!.data).digest('hex')).toBe(chunk.sha256);
    }
  };

  it('stores chunks while packing, out of sight of every reader until the build is published', async () => {
    const first = await build(1);
    const second = await build(2);
    let stored = 0;
    let reachedHalfway!: () => void;
    const halfway = new Promise<void>((resolve) => (reachedHalfway = resolve));
    let resume!: () => void;
    const resumed = new Promise<void>((resolve) => (resume = resolve));
    const held: SnapshotRepo = {
      ...repo,
      async putChunk(...args) {
        await repo.putChunk(...args);
        if (++stored === 5) {
          reachedHalfway();
          await resumed;
        }
      },
    };
    const running = build(3, held);
    await halfway;

    const [buildId] = (await snapshotIds()).filter((id) => id.startsWith('building-'));
    expect(buildId).toBeDefined();
    const inDatabase = await store.db
      .selectFrom('kb_snapshot_chunk')
      .select('chunk_index')
      .where('snapshot_id', '=', buildId!)
      .execute();
    expect(inDatabase.length).toBeGreaterThanOrEqual(5);
    // Its feed position is the newest, yet seats are still offered the last finished snapshot.
    expect(await currentId()).toBe(second.snapshotId);
    expect(await repo.chunk(buildId!, 0)).toBeNull();
    // A prune meanwhile (another instance finishing its build) keeps both finished ones and this build.
    await repo.prune(now());
    expect(await snapshotIds()).toEqual([first.snapshotId, second.snapshotId, buildId].sort());

    resume();
    const third = await running;
    expect(await currentId()).toBe(third.snapshotId);
    await repo.prune(now());
    expect(await snapshotIds()).toEqual([second.snapshotId, third.snapshotId].sort());
    expect(await chunkOwners()).toEqual([second.snapshotId, third.snapshotId].sort());
    await expectServed(third);
  });

  it('leaves nothing visible when a build fails midway, and a later build clears what a dead one left', async () => {
    const before = await build(1);
    const failing: SnapshotRepo = {
      ...repo,
      async putChunk(buildId, chunk, data, at) {
        if (chunk.index === 3) throw new Error('disk full');
        await repo.putChunk(buildId, chunk, data, at);
      },
    };
    await expect(build(2, failing)).rejects.toThrow('disk full');
    expect(await currentId()).toBe(before.snapshotId);
    expect(await snapshotIds()).toEqual([before.snapshotId]);
    expect(await chunkOwners()).toEqual([before.snapshotId]);

    // The process dies mid-build: nothing removes what it stored.
    const dying: SnapshotRepo = {
      ...failing,
      discard: () => Promise.reject(new Error('process gone')),
    };
    await expect(build(2, dying)).rejects.toThrow('disk full');
    expect(await currentId()).toBe(before.snapshotId);
    const [leftover] = (await snapshotIds()).filter((id) => id.startsWith('building-'));
    expect(await chunkOwners()).toContain(leftover);

    // Right after, it could be another instance's running build: kept.
    await repo.prune(now());
    expect(await snapshotIds()).toContain(leftover);
    clock.now += ABANDONED_BUILD_MS;
    const after = await build(2);
    await repo.prune(now());
    expect(await currentId()).toBe(after.snapshotId);
    expect(await snapshotIds()).toEqual([before.snapshotId, after.snapshotId].sort());
    expect(await chunkOwners()).toEqual([before.snapshotId, after.snapshotId].sort());
    await expectServed(after);
  });

  it('refuses to publish a build pruned as abandoned while it stalled', async () => {
    const before = await build(1);
    const stalled: SnapshotRepo = {
      ...repo,
      async finish(...args) {
        await repo.prune(now() + ABANDONED_BUILD_MS + 1);
        await repo.finish(...args);
      },
    };
    await expect(build(2, stalled)).rejects.toThrow('lost its chunks');
    expect(await currentId()).toBe(before.snapshotId);
    expect(await snapshotIds()).toEqual([before.snapshotId]);
  });

  it('ends two builds of the same content at once as one snapshot and no leftovers', async () => {
    const [a, b] = await Promise.all([build(1), build(1)]);
    expect(b).toEqual(a);
    await repo.prune(now());
    expect(await snapshotIds()).toEqual([a.snapshotId]);
    expect(await chunkOwners()).toEqual([a.snapshotId]);
    const chunks = await store.db.selectFrom('kb_snapshot_chunk').select('chunk_index').execute();
    expect(chunks).toHaveLength(a.chunks.length);
    await expectServed(a);
  });
});
