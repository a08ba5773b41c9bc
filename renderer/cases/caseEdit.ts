import { InquiryUpdate, type Inquiry, type InquiryUpdateParsed } from '../../shared/domain/inquiry';
import { checkTransition, type Status, type TransitionRefusal } from '../../shared/domain/status';
import type { PickedRegion } from '../region/pickedRegion';

/** The editable part of a saved case, as the edit form holds it. */
export type CaseEdit = {
  callerName: string;
  region: PickedRegion | null;
  category: Inquiry['category'];
  subject: string;
  question: string;
  answer: string;
  priority: Inquiry['priority'];
  status: Status;
  expertId: string | null;
  departmentId: string | null;
  note: string;
};

export function editFromInquiry(i: Inquiry): CaseEdit {
  return {
    callerName: i.callerName ?? '',
    region: i.regionCode ? { code: i.regionCode, label: i.regionName ?? i.regionCode } : null,
    category: i.category,
    subject: i.subject ?? '',
    question: i.question,
    answer: i.answer,
    priority: i.priority,
    status: i.status,
    expertId: i.expertId,
    departmentId: i.departmentId,
    note: '',
  };
}

export type EditProblem =
  { kind: 'transition'; reason: TransitionRefusal } | { kind: 'text'; message: string } | { kind: 'nothing' };

/** Only what the operator changed goes to the seat, with the version the edit was based on. */
export function buildUpdate(
  i: Inquiry,
  e: CaseEdit,
): { ok: true; update: InquiryUpdateParsed } | { ok: false; problem: EditProblem } {
  const changes: Record<string, unknown> = {};
  const set = (key: string, from: unknown, to: unknown) => {
    if (from !== to) changes[key] = to;
  };
  set('callerName', i.callerName ?? '', e.callerName.trim());
  set('regionCode', i.regionCode, e.region?.code ?? null);
  set('category', i.category, e.category);
  set('subject', i.subject ?? '', e.subject.trim());
  set('question', i.question, e.question);
  set('answer', i.answer, e.answer);
  set('priority', i.priority, e.priority);
  set('expertId', i.expertId, e.expertId);
  set('departmentId', i.departmentId, e.departmentId);
  if (e.status !== i.status) {
    const check = checkTransition(i.status, e.status, {
      answer: e.answer,
      expertId: e.expertId,
      departmentId: e.departmentId,
      note: e.note,
    });
    if (!check.ok) return { ok: false, problem: { kind: 'transition', reason: check.reason } };
    changes.status = e.status;
  }
  if (Object.keys(changes).length === 0 && e.note.trim() === '') return { ok: false, problem: { kind: 'nothing' } };
  const parsed = InquiryUpdate.safeParse({ id: i.id, expectedVersion: i.version, changes, note: e.note });
  if (!parsed.success)
    return { ok: false, problem: { kind: 'text', message: parsed.error.issues.map((x) => x.message).join('；') } };
  return { ok: true, update: parsed.data };
}
