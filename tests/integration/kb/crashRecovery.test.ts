import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ReplicaPoint } from '../../../electron/core/kb/replica/hooks';
import { REPLICA_MESSAGES } from '../../../electron/core/kb/replica/messages';
import { chunkFile, stagingDir } from '../../../electron/core/kb/replica/staging';
import { type SeatKb } from '../../../electron/core/kb/seatKb';
import { type KbSnapshotManifest } from '../../../shared/sync/kbSnapshot';
import { VARIANTS } from '../server/harness';
import { replicaWorld, seatState, type ReplicaWorld } from './fixtures/replicaFixture';

/** Small pages, so the deltas after the snapshot take several pages and a crash can fall between them. */
const replica = { deltaPageLimit: 3 };

class Crash extends Error {}

const article = (n: number) => ({
  id: `kb-t${n}`,
  title: `测试条目 ${n} 大豆灰斑病`,
  answer: `第 ${n} 版答复：发病初期喷药，间隔 7 天再喷一次。`,
  category: '植保',
  tags: [],
  subjects: ['大豆'],
  season: '夏' as const,
  regions: [],
});

/** After the snapshot: new articles, rewrites of them, and retirements of demo articles. */
async function changesAfterSnapshot(world: ReplicaWorld): Promise<void> {
  for (let n = 0; n < 6; n++) await world.feed.publish(article(n));
  await world.feed.publish({ ...article(2), answer: '改写后的答复：轮作倒茬，选用抗病品种。' });
  await world.feed.retire('kb-0003');
  await world.feed.retire('kb-t4');
  await world.feed.publish({ ...article(4), title: '恢复的测试条目' });
  await world.feed.retire('kb-0010');
}

type CrashCase = {
  name: string;
  hits: (p: ReplicaPoint) => boolean;
  chunksFetchedAfter: (m: KbSnapshotManifest) => number;
};

function crashCases(manifest: KbSnapshotManifest): CrashCase[] {
  const n = manifest.chunks.length;
  const afterChunk = (k: number): CrashCase => ({
    name: `after chunk ${k} of ${n}`,
    hits: (p) => p.stage === 'chunkStored' && p.index === k,
    chunksFetchedAfter: () => n - k - 1,
  });
  const at = (stage: ReplicaPoint['stage']): CrashCase => ({
    name: stage,
    hits: (p) => p.stage === stage,
    chunksFetchedAfter: () => 0,
  });
  return [
    afterChunk(0),
    afterChunk(Math.floor(n / 2)),
    afterChunk(n - 1),
    at('decompressed'),
    at('movedIntoPlace'),
    at('swapped'),
    {
      name: 'in the first delta page',
      hits: (p) => p.stage === 'deltaPageApplying' && p.since === manifest.feedSeq,
      chunksFetchedAfter: () => 0,
    },
    {
      name: 'in a later delta page',
      hits: (p) => p.stage === 'deltaPageApplying' && p.since > manifest.feedSeq,
      chunksFetchedAfter: () => 0,
    },
  ];
}

describe.each(VARIANTS)('KB replication after a crash or a cut (%s)', (variant) => {
  let world: ReplicaWorld;
  let seats: SeatKb[];
  const open = (dir: string, hooks = {}) => {
    const kb = world.openSeat(dir, { replica, hooks });
    seats.push(kb);
    return kb;
  };
  beforeEach(async () => {
    world = await replicaWorld(variant);
    seats = [];
  });
  afterEach(async () => {
    for (const kb of seats) kb.close();
    await world.close();
  });

  it('a seat killed at any stage resumes where it stopped and ends equal to a one-shot sync', async () => {
    const manifest = await world.snapshot();
    expect(manifest.chunks.length).toBeGreaterThan(3);
    await changesAfterSnapshot(world);
    const ids = await world.ids();
    const oneShot = open(world.seatDir());
    await oneShot.syncNow();
    expect(oneShot.status().lastError).toBeNull();
    const expected = seatState(oneShot, ids);

    for (const crash of crashCases(manifest)) {
      const dir = world.seatDir();
      const crashed = open(dir, {
        at: (p: ReplicaPoint) => {
          if (crash.hits(p)) throw new Crash(crash.name);
        },
      });
      await crashed.syncNow();
      expect(crashed.status().lastError, crash.name).toBe(REPLICA_MESSAGES.internal);
      // kill -9: nothing more runs in that process; whatever is on disk is what the restart finds.
      crashed.close();

      world.network.log.length = 0;
      const restarted = open(dir);
      await restarted.syncNow();
      expect(restarted.status().lastError, crash.name).toBeNull();
      expect(seatState(restarted, ids), crash.name).toEqual(expected);
      const chunkRequests = world.network.log.filter((p) => p.includes('/chunks/'));
      expect(chunkRequests.length, crash.name).toBe(crash.chunksFetchedAfter(manifest));
      expect(fs.existsSync(path.join(dir, 'kb', 'staging')), crash.name).toBe(false);
      const files = fs.readdirSync(path.join(dir, 'kb')).filter((f) => f.endsWith('.db'));
      expect(files, crash.name).toHaveLength(1);
      expect(files[0], crash.name).toMatch(new RegExp(`^snap-${manifest.snapshotId}-[0-9a-f]{8}\\.db$`));
    }
  });

  it('keeps searching the old KB until the new one is verified and swapped in', async () => {
    const manifest = await world.snapshot();
    const seen: { stage: string; source: string; hits: number }[] = [];
    const kb: SeatKb = open(world.seatDir(), {
      at: (p: ReplicaPoint) => {
        if (p.stage === 'chunkStored' && p.index > 0) return;
        seen.push({ stage: p.stage, source: kb.status().source, hits: kb.current().search({ q: '玉米' }).hits.length });
      },
    });
    await kb.syncNow();
    expect(seen.map((s) => [s.stage, s.source])).toEqual([
      ['chunkStored', 'bundled'],
      ['decompressed', 'bundled'],
      ['movedIntoPlace', 'bundled'],
      ['swapped', 'server'],
    ]);
    expect(seen.every((s) => s.hits > 0)).toBe(true);
    expect(kb.status().snapshotId).toBe(manifest.snapshotId);
  });

  it('a download cut mid-chunk resumes at that chunk; a chunk cut short on disk is fetched again', async () => {
    const manifest = await world.snapshot();
    const n = manifest.chunks.length;
    const dir = world.seatDir();
    world.network.fault = (p, nth) => (p.endsWith(`/chunks/3`) && nth === 0 ? 'cutBody' : 'none');
    const first = open(dir);
    await first.syncNow();
    expect(first.status()).toMatchObject({ source: 'bundled', lastError: REPLICA_MESSAGES.offline });
    expect(first.current().search({ q: '玉米' }).hits.length).toBeGreaterThan(0);
    first.close();

    // A crash while the OS wrote chunk 1: the file is there but short.
    const staged = stagingDir(path.join(dir, 'kb'), manifest.snapshotId);
    fs.truncateSync(chunkFile(staged, 1), 100);
    world.network.log.length = 0;
    const second = open(dir);
    await second.syncNow();
    expect(second.status()).toMatchObject({ source: 'server', snapshotId: manifest.snapshotId, lastError: null });
    const fetched = world.network.log.filter((p) => p.includes('/chunks/')).map((p) => Number(p.split('/').pop()));
    expect(fetched).toEqual([1, ...Array.from({ length: n - 3 }, (_, i) => i + 3)]);
  });

  it('a chunk damaged on disk at its full size is refused when assembling and fetched again on the next try', async () => {
    const manifest = await world.snapshot();
    const dir = world.seatDir();
    world.network.fault = (p) => (p.endsWith('/chunks/4') ? 'cutBody' : 'none');
    const first = open(dir);
    await first.syncNow();
    first.close();

    const staged = stagingDir(path.join(dir, 'kb'), manifest.snapshotId);
    const damaged = fs.readFileSync(chunkFile(staged, 2));
    damaged[damaged.length >> 1]! ^= 0xff;
    fs.writeFileSync(chunkFile(staged, 2), damaged);
    world.network.fault = () => 'none';
    world.network.log.length = 0;
    const second = open(dir);
    await second.syncNow();
    expect(second.status()).toMatchObject({ source: 'bundled', lastError: REPLICA_MESSAGES.corrupt });
    await second.syncNow();
    expect(second.status()).toMatchObject({ source: 'server', snapshotId: manifest.snapshotId, lastError: null });
    // Chunk 2 was stored before the damage: only being refused makes the seat fetch it again.
    const fetched = world.network.log.filter((p) => p.includes('/chunks/')).map((p) => Number(p.split('/').pop()));
    expect(fetched.filter((i) => i === 2)).toHaveLength(1);
    expect(second.current().search({ q: '玉米' }).hits.length).toBeGreaterThan(0);
  });

  it('refuses a chunk damaged on the way and fetches it again; never installs a damaged snapshot', async () => {
    const manifest = await world.snapshot();
    world.network.fault = (p, nth) => (p.endsWith('/chunks/2') && nth === 0 ? 'corruptBody' : 'none');
    const kb = open(world.seatDir());
    await kb.syncNow();
    expect(kb.status()).toMatchObject({ source: 'server', snapshotId: manifest.snapshotId, lastError: null });
    expect(world.network.log.filter((p) => p.endsWith('/chunks/2'))).toHaveLength(2);

    const stubborn = open(world.seatDir());
    world.network.fault = (p) => (p.endsWith('/chunks/1') ? 'corruptBody' : 'none');
    await stubborn.syncNow();
    expect(stubborn.status()).toMatchObject({
      source: 'bundled',
      snapshotId: null,
      lastError: REPLICA_MESSAGES.corrupt,
    });
    expect(stubborn.current().search({ q: '玉米' }).hits.length).toBeGreaterThan(0);
  });
});
