import { createHash } from 'node:crypto';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  KB_CHUNK_SHA256_HEADER,
  KB_SNAPSHOT_FORMAT,
  KbDeltaPage,
  KbSnapshotManifest,
} from '../../../shared/sync/kbSnapshot';
import { kbSnapshotService } from '../../../server/kb/snapshot/snapshotService';
import { VARIANTS } from '../server/harness';
import { replicaWorld, type ReplicaWorld } from './fixtures/replicaFixture';

describe.each(VARIANTS)('KB snapshot and delta routes (%s)', (variant) => {
  let world: ReplicaWorld;
  beforeEach(async () => {
    world = await replicaWorld(variant);
  });
  afterEach(async () => world.close());

  const get = (url: string, token?: string) =>
    world.server.request({ method: 'GET', url, ...(token ? { token } : {}) });

  it('refuses requests without a valid device token', async () => {
    const manifest = await world.snapshot();
    const session = await world.server.login('sup');
    const urls = ['/kb/snapshot', `/kb/snapshot/${manifest.snapshotId}/chunks/0`, '/kb/deltas?since=0'];
    for (const url of urls) {
      expect((await get(url)).statusCode, url).toBe(401);
      expect((await get(url, 'not-a-real-token-at-all')).statusCode, url).toBe(401);
      // A person's session is not a seat: the KB goes to registered devices.
      expect((await get(url, session)).statusCode, url).toBe(401);
      expect((await get(url, world.deviceToken)).statusCode, url).toBe(200);
    }
  });

  it('serves the manifest and chunks whose bytes match it, with the sha256 in a header', async () => {
    const built = await world.snapshot();
    const res = await get('/kb/snapshot', world.deviceToken);
    const manifest = KbSnapshotManifest.parse(res.json());
    expect(manifest).toEqual(built);
    for (const chunk of manifest.chunks) {
      const c = await get(`/kb/snapshot/${manifest.snapshotId}/chunks/${chunk.index}`, world.deviceToken);
      expect(c.headers[KB_CHUNK_SHA256_HEADER]).toBe(chunk.sha256);
      expect(createHash('sha256').update(c.rawPayload).digest('hex')).toBe(chunk.sha256);
    }
    const missing = await get(`/kb/snapshot/${'0'.repeat(64)}/chunks/0`, world.deviceToken);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('builds the first snapshot when a seat asks and none exists yet', async () => {
    const res = await get('/kb/snapshot', world.deviceToken);
    expect(res.statusCode).toBe(200);
    expect(KbSnapshotManifest.parse(res.json()).articleCount).toBe((await world.ids()).length);
  });

  it('replaces a snapshot an older server packed in another format when a seat asks', async () => {
    const older = {
      snapshot_id: 'f'.repeat(64),
      feed_seq: 0,
      article_count: 0,
      analyzer_version: 'old',
      created_at: 0,
    };
    await world.server.store.db
      .insertInto('kb_snapshot')
      .values({ ...older, manifest: JSON.stringify({ format: KB_SNAPSHOT_FORMAT - 1, snapshotId: older.snapshot_id }) })
      .execute();
    const res = await get('/kb/snapshot', world.deviceToken);
    expect(res.statusCode).toBe(200);
    const manifest = KbSnapshotManifest.parse(res.json());
    expect(manifest.snapshotId).not.toBe(older.snapshot_id);
    expect(manifest.articleCount).toBe((await world.ids()).length);
  });

  it('pages the compacted deltas with a cursor and rejects a malformed one', async () => {
    const manifest = await world.snapshot();
    await world.feed.publish({
      id: 'kb-z1',
      title: '一',
      answer: '一',
      category: '植保',
      tags: [],
      subjects: [],
      season: '夏',
      regions: [],
    });
    await world.feed.publish({
      id: 'kb-z1',
      title: '二',
      answer: '二',
      category: '植保',
      tags: [],
      subjects: [],
      season: '夏',
      regions: [],
    });
    await world.feed.retire('kb-0001');
    const page = KbDeltaPage.parse(
      (await get(`/kb/deltas?since=${manifest.feedSeq}&limit=10`, world.deviceToken)).json(),
    );
    expect(page.deltas.map((d) => [d.id, d.op])).toEqual([
      ['kb-z1', 'upsert'],
      ['kb-0001', 'remove'],
    ]);
    expect(page.deltas[0]).toMatchObject({ article: { title: '二', version: 2 } });
    expect(page).toMatchObject({ since: manifest.feedSeq, next: manifest.feedSeq + 3, more: false });
    for (const bad of ['since=-1', 'since=abc', 'since=0&limit=0', 'since=0&limit=100000', '']) {
      const res = await get(`/kb/deltas?${bad}`, world.deviceToken);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json(), bad).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    }
  });

  it('lets a supervisor rebuild on demand, and no operator', async () => {
    await world.server.createUser('op', 'operator', { kind: 'all' });
    const op = await world.server.login('op');
    expect((await world.server.request({ method: 'POST', url: '/kb/snapshot/rebuild', token: op })).statusCode).toBe(
      403,
    );
    const sup = await world.server.login('sup');
    const res = await world.server.request({ method: 'POST', url: '/kb/snapshot/rebuild', token: sup });
    expect(res.statusCode).toBe(200);
    expect(KbSnapshotManifest.parse(res.json()).feedSeq).toBeGreaterThan(0);
  });

  it('replaces a stale snapshot in the background and keeps the one before it for seats mid-download', async () => {
    const first = await world.snapshot();
    const ctx = { store: world.server.store, log: pino({ level: 'silent' }), now: () => world.server.clock.now };
    const service = kbSnapshotService(ctx, { rebuildAfterChanges: 1 });
    await world.feed.retire('kb-0002');
    await world.feed.retire('kb-0003');
    world.server.clock.now += 1000;
    expect((await service.current()).snapshotId).toBe(first.snapshotId);
    await service.idle();
    const second = await service.current();
    expect(second.feedSeq).toBe(first.feedSeq + 2);
    expect((await get(`/kb/snapshot/${first.snapshotId}/chunks/0`, world.deviceToken)).statusCode).toBe(200);
    await world.feed.retire('kb-0004');
    world.server.clock.now += 1000;
    await service.rebuild();
    // Two snapshots are kept: the first is gone once two newer ones exist.
    expect((await get(`/kb/snapshot/${first.snapshotId}/chunks/0`, world.deviceToken)).statusCode).toBe(404);
    expect((await get(`/kb/snapshot/${second.snapshotId}/chunks/0`, world.deviceToken)).statusCode).toBe(200);
  });
});
