import { afterEach, describe, expect, it } from 'vitest';
import { openSyncedSeat, type SyncedSeat } from './testing/syncHarness';

const open: SyncedSeat[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.cleanup()));
});

function seat(): SyncedSeat {
  const s = openSyncedSeat();
  open.push(s);
  s.engine.start();
  return s;
}

describe('sync engine status and schedule', () => {
  it('tells the status bar about the backlog, going offline, and coming back', async () => {
    const s = seat();
    await s.engine.whenIdle();
    expect(s.statuses.at(-1)).toMatchObject({
      online: true,
      syncing: false,
      pending: 0,
      lastSyncAt: '2026-11-28T02:00:00.000Z',
    });

    s.server.faults.push('dropRequest');
    const saved = await s.save();
    await s.engine.whenIdle();
    expect(s.statuses.at(-1)).toMatchObject({
      online: false,
      pending: 1,
      oldestPendingAt: saved.createdAt,
      lastError: '无法连接服务器，修改已保存在本机，恢复网络后会自动上传',
    });

    s.seat.advance(60_000);
    s.engine.notifyReconnect();
    await s.engine.whenIdle();
    expect(s.statuses.at(-1)).toMatchObject({
      online: true,
      pending: 0,
      oldestPendingAt: null,
      lastError: null,
      lastSyncAt: '2026-11-28T02:01:00.000Z',
    });
    expect(s.statuses.some((st) => st.syncing)).toBe(true);
  });

  it('runs a cycle on its timer and none after it is stopped', async () => {
    const s = seat();
    await s.engine.whenIdle();
    const pulls = () => s.server.requests.filter((r) => r === 'GET /sync/pull').length;
    expect(pulls()).toBe(1);
    const [interval] = s.clock.delays();
    s.clock.advance(interval ?? 0);
    await s.engine.whenIdle();
    expect(pulls()).toBe(2);

    await s.engine.stop();
    expect(s.clock.delays()).toEqual([]);
    await s.save();
    s.clock.advance(10 * (interval ?? 0));
    await s.engine.whenIdle();
    expect(pulls()).toBe(2);
    expect(s.engine.status().pending).toBe(1);
  });
});
