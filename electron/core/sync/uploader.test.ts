import { afterEach, describe, expect, it } from 'vitest';
import { createFakeServer, type Fault } from './testing/fakeServer';
import { openSyncedSeat, type SyncedSeat } from './testing/syncHarness';

const open: SyncedSeat[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.cleanup()));
});

function seat(...args: Parameters<typeof openSyncedSeat>): SyncedSeat {
  const s = unstarted(...args);
  s.engine.start();
  return s;
}

function unstarted(...args: Parameters<typeof openSyncedSeat>): SyncedSeat {
  const s = openSyncedSeat(...args);
  open.push(s);
  return s;
}

function onceEach(s: SyncedSeat): number[] {
  return s.server.processed().map((p) => p.mutationId);
}

describe('uploader', () => {
  const schedules: { faults: Fault[] }[] = [
    { faults: [] },
    { faults: ['dropRequest'] },
    { faults: ['dropResponse'] },
    { faults: ['duplicate'] },
    { faults: ['slow'] },
    { faults: ['http500'] },
    { faults: ['dropResponse', 'dropRequest', 'duplicate', 'slow'] },
  ];
  it.each(schedules)('a saved case reaches the server exactly once despite faults $faults', async ({ faults }) => {
    const s = seat();
    await s.engine.whenIdle();
    s.server.faults.push(...faults);
    const saved = await s.save();
    await s.engine.whenIdle();
    for (let i = 0; i < faults.length + 1; i++) await s.engine.syncNow();

    expect(s.server.row(saved.id)?.question).toBe(saved.question);
    expect(onceEach(s)).toEqual([1]);
    expect(s.outbox().map((e) => e.ackedAt !== null)).toEqual([true]);
    expect(s.engine.status()).toMatchObject({ pending: 0, online: true, lastError: null });
  });

  it('drains a backlog in batches no larger than the batch size, oldest first', async () => {
    const s = seat(createFakeServer(), { pushBatchSize: 2 });
    await s.engine.whenIdle();
    s.server.faults.push('dropRequest');
    for (let i = 0; i < 5; i++) await s.save(`第${i + 1}个问题：水稻叶子发黄怎么办？`);
    await s.engine.whenIdle();
    expect(s.engine.status()).toMatchObject({ pending: 5, online: false });

    await s.engine.syncNow();
    expect(onceEach(s)).toEqual([1, 2, 3, 4, 5]);
    expect(s.server.requests.filter((r) => r === 'POST /sync/push')).toHaveLength(4);
    expect(s.engine.status().pending).toBe(0);
  });

  it('backs off longer after each failure and starts over after a success', async () => {
    const s = seat(createFakeServer(), { backoffBaseMs: 1000, backoffCapMs: 5000, intervalMs: 60_000 });
    await s.engine.whenIdle();
    expect(s.clock.delays()).toEqual([60_000]);

    s.server.faults.push('dropRequest', 'dropRequest', 'dropRequest', 'dropRequest', 'dropRequest');
    await s.save();
    await s.engine.whenIdle();
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const [next] = s.clock.delays();
      delays.push(next ?? -1);
      s.clock.advance(next ?? 0);
      await s.engine.whenIdle();
    }
    // random() = 0.5 → ¾ of min(cap, base·2ⁿ)
    expect(delays).toEqual([750, 1500, 3000, 3750, 3750]);
    expect(s.engine.status()).toMatchObject({ pending: 0, online: true });
    expect(s.clock.delays()).toEqual([60_000]);

    s.server.faults.push('http500');
    await s.save('第二个问题');
    await s.engine.whenIdle();
    expect(s.clock.delays()).toEqual([750]);
  });

  it('waits for the back-off instead of retrying on every new save, but retries at once on reconnect', async () => {
    const s = seat(createFakeServer(), { backoffBaseMs: 1000 });
    await s.engine.whenIdle();
    s.server.faults.push('dropRequest');
    await s.save();
    await s.engine.whenIdle();
    const pushes = () => s.server.requests.filter((r) => r === 'POST /sync/push').length;
    expect(pushes()).toBe(1);

    await s.save('又一个问题');
    await s.engine.whenIdle();
    expect(pushes()).toBe(1);
    expect(s.engine.status()).toMatchObject({ pending: 2, online: false });

    s.engine.notifyReconnect();
    await s.engine.whenIdle();
    expect(pushes()).toBe(2);
    expect(s.engine.status().pending).toBe(0);
  });

  it('puts a change the server refuses into the inbox with its reason', async () => {
    const s = seat(
      createFakeServer({ actor: { userId: 'u-expert', role: 'expert', scope: { kind: 'expert', expertId: 'E1' } } }),
    );
    await s.engine.whenIdle();
    const refused = await s.save();
    await s.engine.syncNow();

    expect(s.engine.status()).toMatchObject({ pending: 0, openIssues: 1 });
    const [issue] = s.issues();
    expect(issue).toMatchObject({ mutationId: 1, inquiryId: refused.id, kind: 'rejected', code: 'FORBIDDEN' });
    expect(issue?.message).toMatch(/^服务器退回了这次修改：/);
    expect(issue?.payload).toMatchObject({ mutation: { name: 'inquiry.create' } });
    expect(s.local(refused.id)?.question).toBe(refused.question);
  });

  it('keeps sending the changes after a rejected one', async () => {
    const s = seat();
    const first = await s.save();
    await s.engine.syncNow();
    s.server.remove(first.id, 'DELETE');
    s.server.faults.push('dropRequest');
    await s.seat.must('inquiry:update', { id: first.id, expectedVersion: 1, changes: {}, note: '农户回电补充情况' });
    const second = await s.save('大豆结荚少是什么原因？');
    await s.engine.syncNow();

    expect(s.issues()).toMatchObject([{ mutationId: 2, inquiryId: first.id, kind: 'rejected', code: 'NOT_FOUND' }]);
    expect(s.server.row(second.id)?.question).toBe('大豆结荚少是什么原因？');
    expect(s.server.processed().map((p) => p.mutationId)).toEqual([1, 2, 3]);
    expect(s.engine.status()).toMatchObject({ pending: 0, openIssues: 1 });
  });

  it('records a conflict when another seat changed the answer first, and records it once', async () => {
    const s = seat();
    const saved = await s.save();
    await s.engine.syncNow();
    s.server.edit(saved.id, { answer: '中心专家的答复：大斑病，喷施苯醚甲环唑。' });

    await s.seat.must('inquiry:update', {
      id: saved.id,
      expectedVersion: 1,
      changes: { answer: '坐席的答复：缺钾。' },
    });
    s.server.faults.push('duplicate');
    s.engine.notifyLocalWrite();
    await s.engine.whenIdle();
    await s.engine.syncNow();

    expect(s.issues()).toHaveLength(1);
    const [issue] = s.issues();
    expect(issue).toMatchObject({ mutationId: 2, kind: 'conflict', code: 'CONFLICT' });
    expect(issue?.message).toContain('“答复”');
    expect(issue?.payload).toMatchObject({
      conflicts: [
        { field: 'answer', base: '', mine: '坐席的答复：缺钾。', theirs: '中心专家的答复：大斑病，喷施苯醚甲环唑。' },
      ],
    });
    expect(s.server.row(saved.id)?.answer).toBe('中心专家的答复：大斑病，喷施苯醚甲环唑。');
  });

  it('stops syncing and keeps the outbox when the server needs a newer seat', async () => {
    const server = createFakeServer({ minProtocol: 2 });
    const s = seat(server);
    await s.save();
    await s.engine.whenIdle();
    await s.engine.syncNow();

    expect(s.engine.status()).toMatchObject({ needsUpgrade: true, pending: 1 });
    expect(s.engine.status().lastError).toContain('需要升级');
    expect(s.outbox()).toHaveLength(1);
    expect(s.clock.delays()).toEqual([]);
    expect(server.processed()).toEqual([]);
  });

  it('keeps changes local and asks for a login until an operator has logged in once', async () => {
    const s = unstarted();
    s.logout();
    s.engine.start();
    await s.save();
    await s.engine.whenIdle();
    expect(s.engine.status()).toMatchObject({ needsLogin: true, pending: 1 });
    expect(s.engine.status().lastError).toContain('重新登录');
    expect(s.server.requests).toEqual([]);

    s.login();
    await s.engine.syncNow();
    expect(s.engine.status()).toMatchObject({ needsLogin: false, pending: 0, lastError: null });
  });

  it('registers again after the server refuses the device token', async () => {
    const s = seat();
    await s.engine.whenIdle();
    s.server.revokeDevices();
    await s.save();
    await s.engine.whenIdle();
    expect(s.engine.status()).toMatchObject({ needsLogin: true, pending: 1 });

    await s.engine.syncNow();
    expect(s.engine.status()).toMatchObject({ needsLogin: false, pending: 0 });
    expect(s.server.requests.filter((r) => r === 'POST /devices/register')).toHaveLength(2);
  });
});
