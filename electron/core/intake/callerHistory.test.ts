import { afterEach, describe, expect, it } from 'vitest';
import { anInquiry, DAY_MS, openIntakeSeat, type IntakeSeat } from './testSeat';

let seat: IntakeSeat;
afterEach(() => seat?.cleanup());

describe("a caller's history", () => {
  it('is empty with no repeat flag for a first-time caller', async () => {
    seat = openIntakeSeat();
    expect(await seat.must('caller:history', { phone: '13812345678' })).toEqual({
      phone: '13812345678',
      callerName: null,
      regionCode: null,
      total: 0,
      recent: [],
      repeat: null,
    });
  });

  it('lists earlier inquiries of the same number newest first, whatever way the number is typed', async () => {
    seat = openIntakeSeat();
    const first = await seat.must('inquiry:create', anInquiry({ callerPhone: '+86 138-1234-5678' }));
    seat.advance(DAY_MS);
    const second = await seat.must(
      'inquiry:create',
      anInquiry({ callerPhone: '１３８１２３４５６７８', callerName: null }),
    );
    await seat.must('inquiry:create', anInquiry({ callerPhone: '13900001111' }));
    const history = await seat.must('caller:history', { phone: '138 1234 5678' });
    expect(history.recent.map((i) => i.id)).toEqual([second.id, first.id]);
    expect(history).toMatchObject({ phone: '13812345678', total: 2, callerName: '王大山', regionCode: '220113' });
    expect((await seat.must('caller:history', { phone: '13812345678', limit: 1 })).recent).toHaveLength(1);
  });

  it('flags a repeat call within 10 days, pointing at the open case', async () => {
    seat = openIntakeSeat();
    const open = await seat.must('inquiry:create', anInquiry());
    seat.advance(9 * DAY_MS);
    const history = await seat.must('caller:history', { phone: '13812345678' });
    expect(history.repeat).toEqual({
      lastCallAt: open.createdAt,
      callsInWindow: 1,
      openCase: { id: open.id, caseNo: open.caseNo, status: 'intake', createdAt: open.createdAt },
    });
  });

  it('does not flag a call more than 10 days after the last one', async () => {
    seat = openIntakeSeat();
    await seat.must('inquiry:create', anInquiry());
    seat.advance(10 * DAY_MS + 1000);
    const history = await seat.must('caller:history', { phone: '13812345678' });
    expect(history.total).toBe(1);
    expect(history.repeat).toBeNull();
  });

  it('flags the repeat without an open case when the earlier case was closed', async () => {
    seat = openIntakeSeat();
    await seat.must('inquiry:create', anInquiry({ status: 'closed', answer: '已电话答复' }));
    seat.advance(DAY_MS);
    const history = await seat.must('caller:history', { phone: '13812345678' });
    expect(history.repeat).toMatchObject({ callsInWindow: 1, openCase: null });
  });

  it('never treats withheld numbers as the same caller', async () => {
    seat = openIntakeSeat();
    await seat.must('inquiry:create', anInquiry({ callerPhone: 'unknown' }));
    const history = await seat.must('caller:history', { phone: 'unknown' });
    expect(history).toMatchObject({ total: 0, recent: [], repeat: null });
  });

  it('refuses a malformed number with a message saying what a valid one looks like', async () => {
    seat = openIntakeSeat();
    const result = await seat.call('caller:history', { phone: '12345' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
