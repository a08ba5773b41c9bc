import { afterEach, describe, expect, it } from 'vitest';
import { createFakeServer } from './testing/fakeServer';
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

/** The seat's cases as the operator would see them, independent of local edit counters. */
function view(s: SyncedSeat): Record<string, { question: string; answer: string; status: string }> {
  const rows = s.seat.db.prepare(`SELECT id, question, answer, status FROM inquiry ORDER BY id`).all() as {
    id: string;
    question: string;
    answer: string;
    status: string;
  }[];
  return Object.fromEntries(rows.map(({ id, ...rest }) => [id, rest]));
}

function cursor(s: SyncedSeat): number {
  return Number(s.seat.store.meta.get('pull_cursor:inquiries') ?? '0');
}

describe('puller', () => {
  it("brings another seat's cases to this seat, page by page", async () => {
    const server = createFakeServer();
    const other = seat(server);
    const saved = [];
    for (let i = 0; i < 5; i++) saved.push(await other.save(`第${i + 1}个问题：稻瘟病怎么防？`));
    await other.engine.syncNow();

    const before = server.requests.length;
    const mine = seat(server, { pullLimit: 2 });
    await mine.engine.whenIdle();
    expect(Object.keys(view(mine)).sort()).toEqual(saved.map((s) => s.id).sort());
    expect(server.requests.slice(before).filter((r) => r === 'GET /sync/pull')).toHaveLength(3);
    expect(cursor(mine)).toBe(5);
    expect(mine.local(saved[0]!.id)).toMatchObject({ seatCode: 'S01', pendingSync: false });
  });

  it('notices, by the scope checksum, a case lost from its copy, and pulls the stream again to bring it back', async () => {
    const server = createFakeServer();
    const other = seat(server);
    const saved = [];
    for (let i = 0; i < 3; i++) saved.push(await other.save(`问题${i + 1}`));
    await other.engine.syncNow();
    const mine = seat(server);
    await mine.engine.whenIdle();
    const lost = saved[1]!.id;
    mine.seat.db.transaction(() => {
      mine.seat.db.pragma('defer_foreign_keys = ON');
      mine.seat.db.prepare(`DELETE FROM inquiry WHERE id = ?`).run(lost);
      mine.seat.db.prepare(`DELETE FROM inquiry_event WHERE inquiry_id = ?`).run(lost);
    })();

    // One mismatch can be a change committed while the page was read: the copy is trusted once more.
    await mine.engine.syncNow();
    expect(view(mine)[lost]).toBeUndefined();
    await mine.engine.syncNow();
    expect(view(mine)[lost]).toMatchObject({ question: '问题2' });
    expect(Object.keys(view(mine))).toHaveLength(3);
    expect(cursor(mine)).toBe(3);

    const before = server.requests.length;
    await mine.engine.syncNow();
    await mine.engine.syncNow();
    expect(server.requests.slice(before).filter((r) => r === 'GET /sync/pull')).toHaveLength(2);
  });

  it('keeps pulling in further cycles when the page budget of one cycle runs out', async () => {
    const server = createFakeServer();
    const other = seat(server);
    for (let i = 0; i < 5; i++) await other.save(`问题${i + 1}`);
    await other.engine.syncNow();

    const mine = seat(server, { pullLimit: 1, maxPullPagesPerCycle: 2 });
    await mine.engine.whenIdle();
    expect(Object.keys(view(mine))).toHaveLength(5);
    expect(cursor(mine)).toBe(5);
  });

  it('resumes after a failure between pages with the same result as one clean pull', async () => {
    const server = createFakeServer();
    const other = seat(server);
    for (let i = 0; i < 5; i++) await other.save(`问题${i + 1}：猪不吃食怎么办？`);
    await other.engine.syncNow();
    const first = await other.save('问题6');
    await other.engine.syncNow();
    server.edit(first.id, { answer: '中心答复：先量体温。' });

    const clean = seat(server, { pullLimit: 2 });
    await clean.engine.syncNow();

    // Register and the first page go through; the second page's answer is lost.
    const interrupted = openSyncedSeat(server, { pullLimit: 2 });
    open.push(interrupted);
    server.faults.push('pass', 'pass', 'dropResponse');
    interrupted.engine.start();
    await interrupted.engine.whenIdle();
    expect(cursor(interrupted)).toBe(2);
    expect(Object.keys(view(interrupted))).toHaveLength(2);

    await interrupted.engine.syncNow();
    expect(view(interrupted)).toEqual(view(clean));
    expect(cursor(interrupted)).toBe(cursor(clean));
  });

  it('applies nothing of a page that fails halfway, and keeps its cursor before that page', async () => {
    const server = createFakeServer();
    // Two seats misconfigured with one seat code produce two cases with one case number.
    const a = seat(server);
    const b = seat(server);
    await Promise.all([a.engine.whenIdle(), b.engine.whenIdle()]);
    await a.save('甲的问题');
    await a.engine.whenIdle();
    await b.save('乙的问题');
    await b.engine.whenIdle();

    const c = openSyncedSeat(server, { pullLimit: 5 });
    open.push(c);
    c.seat.actor.seatCode = 'S09';
    c.engine.start();
    await c.engine.whenIdle();
    expect(cursor(c)).toBe(0);
    expect(view(c)).toEqual({});
    expect(c.engine.status().lastError).toContain('内部错误');
  });

  it('never overwrites a case that has changes not yet acknowledged, and catches up once they are', async () => {
    const server = createFakeServer();
    const s = seat(server);
    const saved = await s.save();
    await s.engine.syncNow();
    server.edit(saved.id, { priority: 'urgent' });

    // The local edit cannot be sent yet; the pull still brings the other seat's change.
    server.faults.push('http500');
    await s.seat.must('inquiry:update', {
      id: saved.id,
      expectedVersion: 1,
      changes: { answer: '坐席答复：缺钾，追施钾肥。' },
    });
    s.engine.notifyLocalWrite();
    await s.engine.whenIdle();
    s.engine.notifyReconnect();
    await s.engine.whenIdle();
    expect(s.local(saved.id)).toMatchObject({
      answer: '坐席答复：缺钾，追施钾肥。',
      priority: 'urgent',
      pendingSync: false,
    });
    expect(server.row(saved.id)).toMatchObject({ answer: '坐席答复：缺钾，追施钾肥。', priority: 'urgent' });
  });

  it('keeps the local case while its edit is pending even when the pulled copy is newer', async () => {
    const server = createFakeServer();
    const s = seat(server);
    const saved = await s.save();
    await s.engine.syncNow();
    server.edit(saved.id, { priority: 'urgent', answer: '中心答复' });

    // The push of the local edit is refused with a 500; the pull after it gets through.
    await s.seat.must('inquiry:update', {
      id: saved.id,
      expectedVersion: 1,
      changes: { callerName: '王大山（村支书）' },
    });
    server.faults.push('http500');
    await s.engine.syncNow();
    expect(s.local(saved.id)).toMatchObject({
      callerName: '王大山（村支书）',
      answer: '',
      priority: 'normal',
      pendingSync: true,
    });
    const base = s.seat.db.prepare(`SELECT op, row_version AS rowVersion FROM inquiry_base WHERE id = ?`).get(saved.id);
    expect(base).toEqual({ op: 'PUT', rowVersion: 2 });

    await s.engine.syncNow();
    expect(s.local(saved.id)).toMatchObject({
      callerName: '王大山（村支书）',
      answer: '中心答复',
      priority: 'urgent',
      pendingSync: false,
    });
    expect(s.seat.db.prepare(`SELECT count(*) AS n FROM inquiry_base`).get()).toEqual({ n: 0 });
  });

  it('removes a case deleted on the server or moved out of scope, unless it has pending changes', async () => {
    const server = createFakeServer();
    const s = seat(server);
    const gone = await s.save('问题一');
    const moved = await s.save('问题二');
    const kept = await s.save('问题三');
    await s.engine.syncNow();
    await s.seat.must('inquiry:update', { id: gone.id, expectedVersion: 1, changes: {}, note: '补充' });
    expect(s.local(gone.id)).not.toBeNull();

    server.remove(moved.id, 'SCOPE_OUT');
    server.remove(kept.id, 'DELETE');
    server.remove(gone.id, 'DELETE');
    server.faults.push('http500');
    await s.engine.syncNow();
    expect(s.local(moved.id)).toBeNull();
    expect(s.local(kept.id)).toBeNull();
    expect(s.seat.store.events.listFor(moved.id)).toEqual([]);
    expect(s.local(gone.id)).toMatchObject({ pendingSync: true });

    await s.engine.syncNow();
    expect(s.issues()).toMatchObject([{ inquiryId: gone.id, kind: 'rejected', code: 'NOT_FOUND' }]);
    expect(s.local(gone.id)).toBeNull();
  });
});
