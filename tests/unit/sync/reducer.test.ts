import { describe, expect, it } from 'vitest';
import type { Actor, ApplyResult, ServerRow } from '../../../shared/sync/reducer';
import { applyMutation, canCreate, inScope } from '../../../shared/sync/reducer';
import type { Mutation } from '../../../shared/sync/protocol';
import {
  createMutation,
  edited,
  event,
  inquiry,
  note,
  OPERATOR,
  row,
  statusChanged,
  SUPERVISOR,
  T0,
  updateMutation,
} from './fixtures';

const NONE: ReadonlySet<string> = new Set();

function applied(result: ApplyResult) {
  if (result.status === 'rejected') throw new Error(`expected the mutation to apply, got ${result.code}`);
  return result;
}

function update(current: ServerRow, events: Mutation['args']['events'], actor: Actor = OPERATOR) {
  return applyMutation(current, updateMutation(events), actor, NONE);
}

describe('creating a case', () => {
  it('stores a new case at row version 1 with its timeline', () => {
    const created = event('created', { caseNo: 'S01-261128-0001', status: 'intake' });
    const result = applied(applyMutation(null, createMutation(inquiry(), [created]), OPERATOR, NONE));
    expect(result.status).toBe('applied');
    expect(result.row).toEqual({ ...inquiry(), rowVersion: 1 });
    expect(result.newEvents).toEqual([created]);
  });

  it('accepts a case saved straight as answered, and refuses one closed without answer or reason', () => {
    const answered = inquiry({ status: 'answered', answer: '喷施叶面肥' });
    const ok = applyMutation(null, createMutation(answered, [statusChanged('intake', 'answered')]), OPERATOR, NONE);
    expect(applied(ok).row.status).toBe('answered');
    const closed = inquiry({ status: 'closed' });
    const refused = applyMutation(null, createMutation(closed, [statusChanged('intake', 'closed')]), OPERATOR, NONE);
    expect(refused).toMatchObject({ status: 'rejected', code: 'INVALID' });
  });

  it('treats the same case sent again as done, even after it was edited on the server', () => {
    const created = event('created', { caseNo: 'S01-261128-0001', status: 'intake' });
    const current = row({ answer: '中心已答复', rowVersion: 3, updatedAt: '2026-11-28T03:00:00.000Z' });
    const result = applied(
      applyMutation(current, createMutation(inquiry(), [created]), OPERATOR, new Set([created.id])),
    );
    expect(result).toEqual({ status: 'applied', row: current, newEvents: [], conflicts: [] });
  });

  it('refuses a different case that reuses an existing id', () => {
    const other = inquiry({ caseNo: 'S02-261128-0007', seatCode: 'S02' });
    const result = applyMutation(row(), createMutation(other, []), SUPERVISOR, NONE);
    expect(result).toMatchObject({ status: 'rejected', code: 'ID_TAKEN' });
  });

  it('refuses a create from a role that does not take calls', () => {
    const expert: Actor = { userId: 'u-e', role: 'expert', scope: { kind: 'all' } };
    const result = applyMutation(null, createMutation(inquiry(), []), expert, NONE);
    expect(result).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });
    if (result.status === 'rejected') expect(result.message).toMatch(/联系管理员/);
  });

  it("refuses a create for another seat's case", () => {
    const result = applyMutation(null, createMutation(inquiry({ seatCode: 'S02' }), []), OPERATOR, NONE);
    expect(result).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });
  });
});

describe('who may do what', () => {
  it('lets operators, supervisors and admins open cases, not experts or departments', () => {
    expect(['operator', 'supervisor', 'admin'].every((r) => canCreate(r as Actor['role']))).toBe(true);
    expect(canCreate('expert') || canCreate('department_liaison')).toBe(false);
  });

  it('scopes cases by seat, assigned expert or assigned department', () => {
    const c = { seatCode: 'S01', expertId: 'E01', departmentId: null };
    expect(inScope(c, { kind: 'all' })).toBe(true);
    expect(inScope(c, { kind: 'seats', seatCodes: ['S02', 'S01'] })).toBe(true);
    expect(inScope(c, { kind: 'seats', seatCodes: ['S02'] })).toBe(false);
    expect(inScope(c, { kind: 'expert', expertId: 'E01' })).toBe(true);
    expect(inScope(c, { kind: 'expert', expertId: 'E02' })).toBe(false);
    expect(inScope(c, { kind: 'department', departmentId: 'D01' })).toBe(false);
  });

  it('refuses an edit of a case the server does not have', () => {
    const result = applyMutation(null, updateMutation([note('回访')]), OPERATOR, NONE);
    expect(result).toMatchObject({ status: 'rejected', code: 'NOT_FOUND' });
  });

  it('refuses an edit of a case outside the user scope, and allows the assigned expert', () => {
    const current = row({ seatCode: 'S02', expertId: 'E01' });
    expect(update(current, [note('补充')])).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });
    const expert: Actor = { userId: 'u-e', role: 'expert', scope: { kind: 'expert', expertId: 'E01' } };
    expect(update(current, [note('补充')], expert).status).toBe('applied');
  });

  it('refuses changes to creation facts and malformed values', () => {
    expect(update(row(), [edited({ callerPhone: { from: '13800000000', to: '13900000000' } })])).toMatchObject({
      status: 'rejected',
      code: 'INVALID',
    });
    expect(update(row(), [edited({ channel: { from: 'phone', to: 'fax' } })])).toMatchObject({ code: 'INVALID' });
    expect(update(row(), [statusChanged('intake', 'lost')])).toMatchObject({ code: 'INVALID' });
    expect(update(row(), [{ ...note('x'), inquiryId: 'another' }])).toMatchObject({ code: 'INVALID' });
    expect(update(row(), [note('x', 'yesterday')])).toMatchObject({ code: 'INVALID' });
  });
});

describe('merging field edits', () => {
  it('keeps both contact edits made from the same copy on different fields', () => {
    const first = applied(update(row(), [edited({ callerName: { from: '张三', to: '张山' } })])).row;
    const second = applied(update(first, [edited({ regionCode: { from: '220102', to: '220281' } })])).row;
    expect(second).toMatchObject({ callerName: '张山', regionCode: '220281' });
  });

  it('lets the later contact edit in server order win when both seats changed the same field', () => {
    const first = applied(update(row(), [edited({ callerName: { from: '张三', to: '张山' } })])).row;
    const result = applied(update(first, [edited({ callerName: { from: '张三', to: '章三' } })]));
    expect(result.row.callerName).toBe('章三');
    expect(result.conflicts).toEqual([]);
  });

  it('keeps the server answer when a seat edited an older answer, and reports both texts', () => {
    const current = row({ answer: '中心专家：喷施磷酸二氢钾' });
    const result = applied(update(current, [edited({ answer: { from: '', to: '座席：多浇水' } })]));
    expect(result.status).toBe('applied_with_conflict');
    expect(result.row.answer).toBe('中心专家：喷施磷酸二氢钾');
    expect(result.conflicts).toEqual([
      { field: 'answer', base: '', mine: '座席：多浇水', theirs: '中心专家：喷施磷酸二氢钾' },
    ]);
  });

  it('takes a text edit made on the current text, and reports nothing when both seats wrote the same', () => {
    const taken = applied(update(row(), [edited({ question: { from: '玉米叶子发黄怎么办', to: '玉米叶片发黄' } })]));
    expect(taken).toMatchObject({ status: 'applied', row: { question: '玉米叶片发黄' } });
    const same = applied(update(taken.row, [edited({ question: { from: '玉米叶子发黄', to: '玉米叶片发黄' } })]));
    expect(same).toMatchObject({ status: 'applied', conflicts: [], row: { question: '玉米叶片发黄' } });
  });
});

describe('status changes', () => {
  it('follows a legal move, using the answer written in the same change', () => {
    const result = applied(
      update(row(), [edited({ answer: { from: '', to: '喷施叶面肥' } }), statusChanged('intake', 'answered')]),
    );
    expect(result).toMatchObject({ status: 'applied', row: { status: 'answered', answer: '喷施叶面肥' } });
  });

  it('keeps the server status and reports a move the lifecycle does not allow', () => {
    const result = applied(update(row({ status: 'to_expert', expertId: 'E01' }), [statusChanged('intake', 'closed')]));
    expect(result.row.status).toBe('to_expert');
    expect(result.conflicts).toEqual([{ field: 'status', base: 'intake', mine: 'closed', theirs: 'to_expert' }]);
  });

  it('does nothing when the case already has the wanted status', () => {
    const result = applied(update(row({ status: 'closed', answer: '已答复' }), [statusChanged('answered', 'closed')]));
    expect(result).toMatchObject({ status: 'applied', conflicts: [], row: { status: 'closed' } });
  });

  it('keeps a closed case closed against a move planned before it was closed', () => {
    const closed = row({ status: 'closed', answer: '已答复', departmentId: 'D01' });
    const result = applied(update(closed, [statusChanged('answered', 'to_department')]));
    expect(result.row.status).toBe('closed');
    expect(result.conflicts[0]).toMatchObject({ field: 'status', theirs: 'closed' });
  });

  it('reopens a closed case only by an explicit reopen with a reason', () => {
    const closed = row({ status: 'closed', answer: '已答复' });
    const reopened = applied(update(closed, [statusChanged('closed', 'intake'), note('农户再次来电，问题未解决')]));
    expect(reopened).toMatchObject({ status: 'applied', row: { status: 'intake' } });
    const noReason = applied(update(closed, [statusChanged('closed', 'intake')]));
    expect(noReason).toMatchObject({ status: 'applied_with_conflict', row: { status: 'closed' } });
    const notSeenClosed = applied(update(closed, [statusChanged('answered', 'intake'), note('重办')]));
    expect(notSeenClosed).toMatchObject({ status: 'applied_with_conflict', row: { status: 'closed' } });
  });

  it('archives a case only from a seat that saw it closed', () => {
    const closed = row({ status: 'closed', answer: '已答复' });
    expect(applied(update(closed, [statusChanged('closed', 'archived')])).row.status).toBe('archived');
    const archived = row({ status: 'archived', answer: '已答复' });
    expect(applied(update(archived, [statusChanged('closed', 'intake'), note('重办')])).row.status).toBe('archived');
  });
});

describe('timeline, versions and times', () => {
  it('appends a note and bumps the row version', () => {
    const n = note('已电话回访，效果良好', '2026-11-28T05:00:00.000Z');
    const result = applied(update(row(), [n]));
    expect(result).toMatchObject({ status: 'applied', newEvents: [n], row: { rowVersion: 2 } });
    expect(result.row.updatedAt).toBe('2026-11-28T05:00:00.000Z');
  });

  it('changes nothing when every event of the mutation is already stored', () => {
    const n = note('已电话回访');
    const edit = edited({ callerName: { from: '张三', to: '张山' } });
    const current = row({ callerName: '李四', rowVersion: 5 });
    const result = applyMutation(current, updateMutation([edit, n]), OPERATOR, new Set([edit.id, n.id]));
    expect(result).toEqual({ status: 'applied', row: current, newEvents: [], conflicts: [] });
  });

  it('stores an event once even when the mutation repeats it', () => {
    const n = note('回访');
    const result = applied(update(row(), [n, n]));
    expect(result.newEvents).toEqual([n]);
    expect(result.row.rowVersion).toBe(2);
  });

  it('takes updatedAt from the latest event time, never moving it back for a slow seat clock', () => {
    const current = row({ updatedAt: '2026-11-28T06:00:00.000Z' });
    const late = applied(update(current, [note('a', '2026-11-28T08:00:00.000+08:00'), note('b', T0)]));
    expect(late.row.updatedAt).toBe('2026-11-28T06:00:00.000Z');
    const later = applied(update(current, [note('c', '2026-11-28T15:00:00.000+08:00')]));
    expect(later.row.updatedAt).toBe('2026-11-28T15:00:00.000+08:00');
  });
});
