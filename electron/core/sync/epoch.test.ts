import { afterEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../intake/testSeat';
import { openSyncedSeat, type SyncedSeat } from './testing/syncHarness';

const open: SyncedSeat[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.cleanup()));
});

function seat(...args: Parameters<typeof openSyncedSeat>): SyncedSeat {
  const s = openSyncedSeat(...args);
  open.push(s);
  s.engine.start();
  return s;
}

describe('server restore (epoch)', () => {
  it('re-sends what a server restored from an older backup lost, and the server ends with each change once', async () => {
    const s = seat();
    const a = await s.save('问题一');
    await s.engine.syncNow();
    const backup = s.server.snapshot();
    const b = await s.save('问题二');
    const c = await s.save('问题三');
    await s.engine.syncNow();
    expect(s.server.lastMutationId(s.clientId())).toBe(3);

    s.server.restore(backup);
    expect(s.server.row(b.id)).toBeNull();
    await s.engine.syncNow();
    await s.engine.whenIdle();

    expect(s.server.processed().map((p) => p.mutationId)).toEqual([1, 2, 3]);
    expect([a, b, c].map((x) => s.server.row(x.id)?.question)).toEqual(['问题一', '问题二', '问题三']);
    expect(s.seat.store.meta.get('server_epoch')).toBe(s.server.epoch());
    expect(s.engine.status()).toMatchObject({ pending: 0, lastError: null });
    expect(Object.keys(s.seat.db.prepare(`SELECT id FROM inquiry`).all())).toHaveLength(3);
  });

  it('shows what the restored server holds for a case, even at a lower row version than before', async () => {
    const s = seat();
    const x = await s.save();
    await s.engine.syncNow();
    const backup = s.server.snapshot();
    s.server.edit(x.id, { answer: '恢复前的答复' });
    await s.engine.syncNow();
    expect(s.local(x.id)?.answer).toBe('恢复前的答复');

    s.server.restore(backup);
    await s.engine.syncNow();
    await s.engine.whenIdle();
    expect(s.local(x.id)?.answer).toBe('');
    expect(s.server.processed().map((p) => p.mutationId)).toEqual([1]);
  });

  it('re-sends everything retained to a server recreated from scratch, after registering again', async () => {
    const s = openSyncedSeat();
    open.push(s);
    const empty = s.server.snapshot();
    s.engine.start();
    for (let i = 0; i < 3; i++) await s.save(`问题${i + 1}`);
    await s.engine.syncNow();

    s.server.restore(empty);
    await s.engine.syncNow();
    expect(s.engine.status().needsLogin).toBe(true);
    await s.engine.syncNow();
    await s.engine.whenIdle();

    expect(s.server.processed().map((p) => p.mutationId)).toEqual([1, 2, 3]);
    expect(s.engine.status()).toMatchObject({ pending: 0, needsLogin: false });
  });

  it('says so, instead of guessing, when the server lost changes older than the retention window', async () => {
    const s = seat();
    const empty = s.server.snapshot();
    await s.save('问题一');
    await s.engine.syncNow();
    s.seat.advance(31 * DAY_MS);
    await s.save('问题二');
    await s.engine.syncNow();
    expect(s.outbox().map((e) => e.mutationId)).toEqual([2]);

    s.server.restore(empty);
    await s.engine.syncNow();
    await s.engine.syncNow();
    await s.engine.whenIdle();
    expect(s.engine.status().lastError).toContain('服务器缺少本机第 1–1 号修改');
    expect(s.outbox()).toMatchObject([{ mutationId: 2, ackedAt: null }]);
  });
});
