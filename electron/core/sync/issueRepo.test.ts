import { afterEach, describe, expect, it } from 'vitest';
import { anInquiry, openIntakeSeat, type IntakeSeat } from '../intake/testSeat';
import { issueRepo } from './issueRepo';

let seat: IntakeSeat;
afterEach(() => seat.cleanup());

describe('the 冲突与退回 inbox when the server judges a re-sent change again', () => {
  it('closes a conflict once the same mutation is applied cleanly after a server restore', async () => {
    seat = openIntakeSeat();
    const created = await seat.must('inquiry:create', anInquiry());
    const issues = issueRepo(seat.db);
    const conflict = {
      mutationId: 1,
      inquiryId: created.id,
      kind: 'conflict' as const,
      code: 'CONFLICT',
      message: '“答复”已被其他坐席修改',
      payload: {},
      createdAt: '2026-11-28T06:00:00.000Z',
    };
    issues.record(conflict);
    issues.record(conflict);
    expect(issues.openCount()).toBe(1);

    issues.supersede(1, 'conflict', '2026-11-28T07:00:00.000Z');
    expect(issues.openCount()).toBe(1);
    issues.supersede(1, null, '2026-11-28T07:00:00.000Z');
    expect(issues.openCount()).toBe(0);
    expect(issues.all()).toHaveLength(1);
  });

  it('replaces an open conflict by a rejection when that is the newer verdict', async () => {
    seat = openIntakeSeat();
    const created = await seat.must('inquiry:create', anInquiry());
    const issues = issueRepo(seat.db);
    const base = { mutationId: 1, inquiryId: created.id, payload: {}, createdAt: '2026-11-28T06:00:00.000Z' };
    issues.record({ ...base, kind: 'conflict', code: 'CONFLICT', message: '冲突' });
    issues.supersede(1, 'rejected', '2026-11-28T07:00:00.000Z');
    issues.record({ ...base, kind: 'rejected', code: 'FORBIDDEN', message: '退回' });
    expect(issues.open().map((i) => i.kind)).toEqual(['rejected']);
  });
});
