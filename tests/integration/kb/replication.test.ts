import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadKbAnalyzer } from '../../../shared/node/kb/analyzer';
import { sourceResourcesDir } from '../../../electron/core/paths';
import { VARIANTS } from '../server/harness';
import { REPLICA_MESSAGES } from '../../../electron/core/kb/replica/messages';
import { openSeatKb } from '../../../electron/core/kb/seatKb';
import { silentLogger } from '../../../electron/core/log/logger';
import { replicaWorld, seatState, SERVER_URL, stillTimers, type ReplicaWorld } from './fixtures/replicaFixture';

const sample = (id: string, title: string) => ({
  id,
  title,
  answer: `${title}：按说明书用药，注意安全间隔期。`,
  category: '植保',
  tags: [],
  subjects: ['玉米'],
  season: '夏' as const,
  regions: [],
});

describe.each(VARIANTS)('KB replication to a seat (%s)', (variant) => {
  let world: ReplicaWorld;
  beforeEach(async () => {
    world = await replicaWorld(variant);
  });
  afterEach(async () => world.close());

  it('a new seat takes the snapshot, then the changes published after it', async () => {
    const manifest = await world.snapshot();
    await world.feed.publish(sample('kb-9001', '玉米螟颗粒剂怎么撒'));
    await world.feed.retire('kb-0001');
    const kb = world.openSeat(world.seatDir());
    try {
      await kb.syncNow();
      expect(kb.status()).toMatchObject({
        source: 'server',
        snapshotId: manifest.snapshotId,
        deltaSeq: manifest.feedSeq + 2,
        lastError: null,
      });
      expect(kb.current().get('kb-0001')).toBeNull();
      expect(kb.current().get('kb-9001')?.title).toBe('玉米螟颗粒剂怎么撒');
      const state = seatState(kb, await world.ids());
      expect(state.articleCount).toBe(manifest.articleCount);
    } finally {
      kb.close();
    }
  });

  it('a new seat searches the snapshot as soon as it lands, without segmenting a single article', async () => {
    const manifest = await world.snapshot();
    const kb = world.openSeat(world.seatDir());
    try {
      // The seat's analyzer is the one instance loaded for this data folder (cached), so spying on it sees every call.
      const analyzer = loadKbAnalyzer(path.join(sourceResourcesDir(), 'data'));
      const segment = vi.spyOn(analyzer, 'segment');
      const indexText = vi.spyOn(analyzer, 'indexText');
      segment.mockClear();
      indexText.mockClear();
      const started = performance.now();
      await kb.syncNow();
      const installMs = performance.now() - started;
      expect(kb.status()).toMatchObject({
        source: 'server',
        snapshotId: manifest.snapshotId,
        articleCount: manifest.articleCount,
      });
      expect(segment).not.toHaveBeenCalled();
      expect(indexText).not.toHaveBeenCalled();
      expect(kb.current().search({ q: '玉米播种' }).hits.length).toBeGreaterThan(0);
      console.info(`snapshot of ${manifest.articleCount} articles installed in ${installMs.toFixed(0)} ms`);

      // The spies do see indexing: a delta is indexed on the seat.
      await world.feed.publish({ ...sample('kb-9002', '大豆菌核病'), subjects: ['大豆'] });
      await kb.syncNow();
      expect(segment.mock.calls.length + indexText.mock.calls.length).toBeGreaterThan(0);
    } finally {
      vi.restoreAllMocks();
      kb.close();
    }
  });

  it('the same published articles give the same snapshot id; a change gives a new one', async () => {
    const first = await world.snapshot();
    const again = await world.snapshot();
    expect(again.snapshotId).toBe(first.snapshotId);
    await world.feed.retire('kb-0005');
    const next = await world.snapshot();
    expect(next.snapshotId).not.toBe(first.snapshotId);
    expect(next.feedSeq).toBe(first.feedSeq + 1);
    expect(next.articleCount).toBe(first.articleCount - 1);
  });

  it('a seat far behind takes the newer snapshot instead of replaying every change', async () => {
    await world.snapshot();
    const kb = world.openSeat(world.seatDir(), { replica: { catchUpThreshold: 2 } });
    try {
      await kb.syncNow();
      for (let n = 0; n < 4; n++) await world.feed.publish(sample(`kb-80${n}`, `新条目 ${n}`));
      const newer = await world.snapshot();
      world.network.log.length = 0;
      await kb.syncNow();
      expect(kb.status()).toMatchObject({ snapshotId: newer.snapshotId, deltaSeq: newer.feedSeq, lastError: null });
      expect(world.network.log.some((p) => p.includes('/chunks/'))).toBe(true);
      expect(kb.current().get('kb-803')?.title).toBe('新条目 3');
    } finally {
      kb.close();
    }
  });

  it('takes a fresh snapshot when the server database was recreated and counts its feed again', async () => {
    await world.snapshot();
    for (let n = 0; n < 5; n++) await world.feed.publish(sample(`kb-70${n}`, `旧服务器条目 ${n}`));
    const replaced = await replicaWorld(variant);
    try {
      let target = world;
      const kb = openSeatKb(
        {
          dataDir: world.seatDir(),
          resourcesDir: sourceResourcesDir(),
          log: silentLogger(),
          serverUrl: () => SERVER_URL,
          deviceToken: () => target.deviceToken,
          fetch: (input, init) => target.network.fetch(input, init),
        },
        { timers: stillTimers },
      );
      try {
        await kb.syncNow();
        expect(kb.current().get('kb-704')).not.toBeNull();
        const ahead = kb.status().deltaSeq;

        await replaced.feed.publish(sample('kb-new', '新服务器条目'));
        const fresh = await replaced.snapshot();
        expect(fresh.feedSeq).toBeLessThan(ahead);
        target = replaced;
        await kb.syncNow();
        expect(kb.status()).toMatchObject({ snapshotId: fresh.snapshotId, deltaSeq: fresh.feedSeq, lastError: null });
        expect(kb.current().get('kb-new')?.title).toBe('新服务器条目');
        expect(kb.current().get('kb-704')).toBeNull();
      } finally {
        kb.close();
      }
    } finally {
      await replaced.close();
    }
  });

  it('retries on its own after the server could not be reached, backing off', async () => {
    const pending: { fn: () => void; ms: number }[] = [];
    const timers = {
      setTimeout: (fn: () => void, ms: number) => pending.push({ fn, ms }),
      clearTimeout: () => {},
    };
    world.network.fault = () => 'drop';
    const kb = world.openSeat(world.seatDir(), { timers, random: () => 1, replica: { backoffBaseMs: 1000 } });
    try {
      await kb.syncNow();
      expect(kb.status()).toMatchObject({ source: 'bundled', lastError: REPLICA_MESSAGES.offline });
      expect(pending.map((p) => p.ms)).toEqual([1000]);
      pending.shift()!.fn();
      await kb.syncNow();
      expect(pending.map((p) => p.ms)).toEqual([2000]);

      world.network.fault = () => 'none';
      pending.shift()!.fn();
      await kb.syncNow();
      expect(kb.status()).toMatchObject({ source: 'server', lastError: null });
      expect(pending).toHaveLength(0);
    } finally {
      kb.close();
    }
  });
});
