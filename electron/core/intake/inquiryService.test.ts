import { afterEach, describe, expect, it } from 'vitest';
import { anInquiry, openIntakeSeat, type IntakeSeat } from './testSeat';

let seat: IntakeSeat;
afterEach(() => seat?.cleanup());

const TABLES = ['inquiry', 'inquiry_event', 'outbox', 'caller', 'case_counter', 'inquiry_fts'];
const counts = () => Object.fromEntries(TABLES.map((t) => [t, seat.count(t)]));

describe('saving a new inquiry', () => {
  it('stores the case, its created event, the caller and an outbox entry together', async () => {
    seat = openIntakeSeat();
    const saved = await seat.must('inquiry:create', anInquiry());
    expect(saved).toMatchObject({
      caseNo: 'S01-261128-0001',
      seatCode: 'S01',
      operator: '张丽',
      callerPhone: '13812345678',
      status: 'intake',
      version: 1,
      pendingSync: true,
      createdAt: '2026-11-28T02:00:00.000Z',
    });
    const detail = await seat.must('inquiry:get', { id: saved.id });
    expect(detail.events.map((e) => e.type)).toEqual(['created']);
    const outbox = seat.store.outbox.all();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ mutationId: 1, name: 'inquiry.create', entityId: saved.id, ackedAt: null });
    expect(seat.store.callers.get('13812345678')).toMatchObject({ name: '王大山', callCount: 1 });
    expect(seat.changed).toEqual([{ ids: [saved.id] }]);
  });

  it('saves nothing at all when any part of the save fails', async () => {
    seat = openIntakeSeat();
    await seat.must('inquiry:create', anInquiry());
    const before = counts();
    // The outbox entry is written last: failing it means the row, event, caller and index were already written.
    seat.db.exec(
      `CREATE TEMP TRIGGER outbox_fails BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk failed'); END`,
    );
    const result = await seat.call('inquiry:create', anInquiry());
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(seat.changed).toHaveLength(1);
    expect(counts()).toEqual(before);
    expect(seat.store.outbox.all().map((e) => e.mutationId)).toEqual([1]);
  });

  it('saves with a later status when the state machine allows it, recording the change', async () => {
    seat = openIntakeSeat();
    const saved = await seat.must(
      'inquiry:create',
      anInquiry({ status: 'answered', answer: '可能是玉米褐斑病，建议喷施三唑酮。' }),
    );
    expect(saved.status).toBe('answered');
    const detail = await seat.must('inquiry:get', { id: saved.id });
    expect(detail.events.map((e) => [e.type, e.data])).toEqual([
      ['created', { caseNo: saved.caseNo, status: 'intake' }],
      ['status_changed', { from: 'intake', to: 'answered' }],
    ]);
  });

  it('refuses an answered status without an answer, in Chinese, and writes nothing', async () => {
    seat = openIntakeSeat();
    const result = await seat.call('inquiry:create', anInquiry({ status: 'answered', answer: '  ' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!result.ok && result.error.message).toContain('请先填写答复内容');
    expect(counts()).toEqual(Object.fromEntries(TABLES.map((t) => [t, 0])));
  });

  it('refuses a new case from an account whose role does not take calls, and writes nothing', async () => {
    seat = openIntakeSeat();
    for (const role of ['expert', 'department_liaison'] as const) {
      seat.actor.role = role;
      const result = await seat.call('inquiry:create', anInquiry());
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(!result.ok && result.error.message).toContain('当前登录的账号不能新建工单');
    }
    expect(counts()).toEqual(Object.fromEntries(TABLES.map((t) => [t, 0])));

    for (const role of ['operator', 'supervisor', null] as const) {
      seat.actor.role = role;
      expect((await seat.call('inquiry:create', anInquiry())).ok).toBe(true);
    }
  });

  it('refuses to transfer to an expert without naming one', async () => {
    seat = openIntakeSeat();
    const result = await seat.call('inquiry:create', anInquiry({ status: 'to_expert' }));
    expect(!result.ok && result.error.message).toContain('转专家时请选择专家');
  });

  it('numbers cases per seat per China-time day, starting again at 0001 the next day', async () => {
    seat = openIntakeSeat(new Date('2026-11-28T15:59:00.000Z'));
    const numbers: string[] = [];
    numbers.push((await seat.must('inquiry:create', anInquiry())).caseNo);
    numbers.push((await seat.must('inquiry:create', anInquiry())).caseNo);
    seat.actor.seatCode = 'S02';
    numbers.push((await seat.must('inquiry:create', anInquiry())).caseNo);
    seat.actor.seatCode = 'S01';
    seat.advance(2 * 60 * 1000); // 16:01 UTC is 00:01 the next day in China
    numbers.push((await seat.must('inquiry:create', anInquiry())).caseNo);
    expect(numbers).toEqual(['S01-261128-0001', 'S01-261128-0002', 'S02-261128-0001', 'S01-261129-0001']);
  });

  it('gives every save the next mutation id with no gaps, including after a refused save', async () => {
    seat = openIntakeSeat();
    await seat.must('inquiry:create', anInquiry());
    await seat.call('inquiry:create', anInquiry({ status: 'closed' }));
    const second = await seat.must('inquiry:create', anInquiry());
    await seat.must('inquiry:update', { id: second.id, expectedVersion: 1, changes: { answer: '已答复' } });
    expect(seat.store.outbox.all().map((e) => e.mutationId)).toEqual([1, 2, 3]);
    const clientIds = new Set(seat.store.outbox.all().map((e) => e.clientId));
    expect(clientIds.size).toBe(1);
  });

  it('does not record withheld numbers as a caller', async () => {
    seat = openIntakeSeat();
    await seat.must('inquiry:create', anInquiry({ callerPhone: 'unknown' }));
    expect(seat.count('caller')).toBe(0);
  });
});

describe('editing a saved inquiry', () => {
  it('records each changed field as from/to, bumps the version and queues an update', async () => {
    seat = openIntakeSeat();
    const saved = await seat.must('inquiry:create', anInquiry());
    seat.advance(60_000);
    const edited = await seat.must('inquiry:update', {
      id: saved.id,
      expectedVersion: 1,
      changes: { answer: '可能是玉米褐斑病。', subject: '玉米', status: 'answered' },
      note: '电话中已告知',
    });
    expect(edited).toMatchObject({
      version: 2,
      status: 'answered',
      answer: '可能是玉米褐斑病。',
      updatedAt: '2026-11-28T02:01:00.000Z',
    });
    const detail = await seat.must('inquiry:get', { id: saved.id });
    expect(detail.events.map((e) => [e.type, e.data])).toEqual([
      ['created', { caseNo: saved.caseNo, status: 'intake' }],
      ['edited', { answer: { from: '', to: '可能是玉米褐斑病。' } }],
      ['status_changed', { from: 'intake', to: 'answered' }],
      ['note', { text: '电话中已告知' }],
    ]);
    expect(seat.store.outbox.all().at(-1)).toMatchObject({
      mutationId: 2,
      name: 'inquiry.update',
      args: { id: saved.id, baseVersion: 1, changes: { answer: '可能是玉米褐斑病。', status: 'answered' } },
    });
  });

  it('leaves fields the edit does not mention as they were', async () => {
    seat = openIntakeSeat();
    const saved = await seat.must('inquiry:create', anInquiry({ priority: 'urgent', answer: '先隔离' }));
    const edited = await seat.must('inquiry:update', {
      id: saved.id,
      expectedVersion: 1,
      changes: { subject: '大豆' },
    });
    expect(edited).toMatchObject({ priority: 'urgent', answer: '先隔离', subject: '大豆', question: saved.question });
  });

  it('refuses an edit made on a stale copy with a CONFLICT the operator can act on', async () => {
    seat = openIntakeSeat();
    const saved = await seat.must('inquiry:create', anInquiry());
    await seat.must('inquiry:update', { id: saved.id, expectedVersion: 1, changes: { subject: '大豆' } });
    const before = counts();
    const stale = await seat.call('inquiry:update', { id: saved.id, expectedVersion: 1, changes: { subject: '水稻' } });
    expect(stale).toEqual({ ok: false, error: { code: 'CONFLICT', message: '该工单已被修改，请刷新后再编辑' } });
    expect(counts()).toEqual(before);
  });

  it('checks a status change against the edited case: an answer given in the same edit counts', async () => {
    seat = openIntakeSeat();
    const saved = await seat.must('inquiry:create', anInquiry());
    const refused = await seat.call('inquiry:update', {
      id: saved.id,
      expectedVersion: 1,
      changes: { status: 'answered' },
    });
    expect(!refused.ok && refused.error.message).toContain('请先填写答复内容');
    const accepted = await seat.call('inquiry:update', {
      id: saved.id,
      expectedVersion: 1,
      changes: { status: 'answered', answer: '按时追肥' },
    });
    expect(accepted.ok).toBe(true);
  });

  it('refuses a status the machine does not allow', async () => {
    seat = openIntakeSeat();
    const saved = await seat.must('inquiry:create', anInquiry());
    const result = await seat.call('inquiry:update', {
      id: saved.id,
      expectedVersion: 1,
      changes: { status: 'archived' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!result.ok && result.error.message).toContain('当前状态不能直接转到该状态');
  });

  it('writes nothing for an edit that changes nothing', async () => {
    seat = openIntakeSeat();
    const saved = await seat.must('inquiry:create', anInquiry());
    const before = counts();
    const same = await seat.must('inquiry:update', { id: saved.id, expectedVersion: 1, changes: { subject: '玉米' } });
    expect(same.version).toBe(1);
    expect(counts()).toEqual(before);
  });

  it('records a note on its own (a follow-up call) as a timeline entry and an outbox entry', async () => {
    seat = openIntakeSeat();
    const saved = await seat.must('inquiry:create', anInquiry());
    const noted = await seat.must('inquiry:update', { id: saved.id, expectedVersion: 1, note: '农户再次来电催问进度' });
    expect(noted.version).toBe(2);
    const detail = await seat.must('inquiry:get', { id: saved.id });
    expect(detail.events.at(-1)).toMatchObject({ type: 'note', data: { text: '农户再次来电催问进度' } });
    expect(seat.store.outbox.all().at(-1)).toMatchObject({
      mutationId: 2,
      name: 'inquiry.update',
      args: { changes: {} },
    });
  });

  it('answers NOT_FOUND for a case that does not exist', async () => {
    seat = openIntakeSeat();
    const id = '01900000-0000-7000-8000-000000000000';
    expect(await seat.call('inquiry:get', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await seat.call('inquiry:update', { id, expectedVersion: 1, changes: { subject: '大豆' } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('keeps the timeline append-only', async () => {
    seat = openIntakeSeat();
    await seat.must('inquiry:create', anInquiry());
    expect(() => seat.db.prepare(`DELETE FROM inquiry_event`).run()).toThrow(/append-only/);
    expect(() => seat.db.prepare(`UPDATE inquiry_event SET type = 'note'`).run()).toThrow(/append-only/);
  });
});

describe('drafts', () => {
  it('keeps a draft until it is cleared', async () => {
    seat = openIntakeSeat();
    expect(await seat.must('draft:get', { key: 'intake' })).toBeNull();
    await seat.must('draft:save', { key: 'intake', data: { question: '猪不吃食' } });
    await seat.must('draft:save', { key: 'intake', data: { question: '猪不吃食，发烧' } });
    expect(await seat.must('draft:get', { key: 'intake' })).toMatchObject({ data: { question: '猪不吃食，发烧' } });
    expect(await seat.must('draft:clear', { key: 'intake' })).toBeNull();
    expect(await seat.must('draft:get', { key: 'intake' })).toBeNull();
  });
});

describe('after a save', () => {
  it('still reports success when a window listener fails, so the operator does not save twice', async () => {
    seat = openIntakeSeat();
    seat.events.on('inquiry:changed', () => {
      throw new Error('window gone');
    });
    const result = await seat.call('inquiry:create', anInquiry());
    expect(result.ok).toBe(true);
    expect(seat.count('inquiry')).toBe(1);
  });
});
