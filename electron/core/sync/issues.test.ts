import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../log/logger';
import { inquiryService } from '../intake/inquiryService';
import { anInquiry, openIntakeSeat, type IntakeSeat } from '../intake/testSeat';
import { issueRepo } from './issueRepo';
import { syncIssues } from './issues';

let seat: IntakeSeat;
afterEach(() => seat.cleanup());

/** A seat whose last edit of a case the server refused, as the uploader records it. */
async function withRejectedEdit() {
  seat = openIntakeSeat();
  const created = await seat.must('inquiry:create', anInquiry());
  await seat.must('inquiry:update', {
    id: created.id,
    expectedVersion: created.version,
    changes: { status: 'to_department', departmentId: 'D01' },
    note: '转农业农村厅',
  });
  const sent = seat.db
    .prepare(`SELECT mutation_id, name, args FROM outbox ORDER BY mutation_id DESC LIMIT 1`)
    .get() as { mutation_id: number; name: string; args: string };
  issueRepo(seat.db).record({
    mutationId: sent.mutation_id,
    inquiryId: created.id,
    kind: 'rejected',
    code: 'FORBIDDEN',
    message: '服务器退回了这次修改：无权转办',
    payload: { mutation: { name: sent.name, args: JSON.parse(sent.args) as unknown } },
    createdAt: '2026-11-28T03:00:00.000Z',
  });
  const onResolved = vi.fn();
  const issues = syncIssues({
    store: seat.store,
    inquiries: inquiryService({
      store: seat.store,
      events: seat.events,
      actor: () => ({ ...seat.actor }),
      now: () => seat.clock.now,
      log: silentLogger(),
    }),
    now: () => seat.clock.now,
    onResolved,
  });
  return { issues, created, onResolved };
}

describe('a rejected change in the inbox', () => {
  it('shows what was refused in readable fields, with the case number', async () => {
    const { issues, created } = await withRejectedEdit();
    expect(issues.list(false)).toEqual([
      expect.objectContaining({
        kind: 'rejected',
        code: 'FORBIDDEN',
        caseNo: created.caseNo,
        conflicts: [],
        change: { status: 'to_department', departmentId: 'D01', note: '转农业农村厅' },
      }),
    ]);
  });

  it('can only be dismissed; dismissing notes it in the timeline and keeps the record', async () => {
    const { issues, created } = await withRejectedEdit();
    const [issue] = issues.list(false);
    expect(() => issues.resolve({ id: issue!.id, action: 'mine' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    const pending = seat.store.outbox.pending().count;
    issues.resolve({ id: issue!.id, action: 'dismiss' });
    expect(issues.list(false)).toEqual([]);
    expect(issues.list(true)).toEqual([expect.objectContaining({ id: issue!.id, resolvedAt: expect.any(String) })]);
    expect(seat.store.outbox.pending().count).toBe(pending);
    const timeline = (await seat.must('inquiry:get', { id: created.id })).events;
    expect(timeline.at(-1)).toMatchObject({ type: 'note', data: { text: '同步问题已确认忽略' } });
  });

  it('answers NOT_FOUND for an issue that does not exist', async () => {
    const { issues } = await withRejectedEdit();
    expect(() => issues.resolve({ id: 'no-such-issue', action: 'dismiss' })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });
});
