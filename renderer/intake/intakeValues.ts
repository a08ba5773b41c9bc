import { z } from 'zod';
import { CATEGORIES } from '../../shared/domain/categories';
import { CHANNELS, InquiryInput, PRIORITIES, type InquiryInputParsed } from '../../shared/domain/inquiry';
import { KbArticleId } from '../../shared/domain/kb';
import { normalizePhone, PHONE_UNKNOWN, type PhoneProblem } from '../../shared/domain/phone';
import { checkTransition, INITIAL_STATUSES, type Status, type TransitionRefusal } from '../../shared/domain/status';
import { PickedRegion } from '../region/pickedRegion';

/** Everything on the intake form, as typed so far; also the shape of the autosaved draft. */
export const IntakeValues = z.object({
  phone: z.string().max(40),
  phoneHidden: z.boolean(),
  callerName: z.string().max(200),
  region: PickedRegion.nullable(),
  channel: z.enum(CHANNELS),
  category: z.enum(CATEGORIES).nullable(),
  subject: z.string().max(200),
  question: z.string().max(8000),
  answer: z.string().max(16000),
  status: z.enum(INITIAL_STATUSES as [Status, ...Status[]]),
  expertId: z.string().nullable(),
  departmentId: z.string().nullable(),
  note: z.string().max(2000),
  priority: z.enum(PRIORITIES),
  callStartedAt: z.string().nullable(),
  /** The knowledge article whose answer was put in (Ctrl+I); saved with the case for usage statistics. */
  kbArticleId: KbArticleId.nullable(),
});
export type IntakeValues = z.infer<typeof IntakeValues>;
export type IntakeField = keyof IntakeValues;

export const EMPTY_INTAKE: IntakeValues = {
  phone: '',
  phoneHidden: false,
  callerName: '',
  region: null,
  channel: 'phone',
  category: null,
  subject: '',
  question: '',
  answer: '',
  status: 'intake',
  expertId: null,
  departmentId: null,
  note: '',
  priority: 'normal',
  callStartedAt: null,
  kbArticleId: null,
};

/** Reads an autosaved draft; fields that no longer fit the form fall back to empty instead of losing the rest. */
export function valuesFromDraft(data: Record<string, unknown>): IntakeValues {
  const values: Record<string, unknown> = { ...EMPTY_INTAKE };
  for (const [key, schema] of Object.entries(IntakeValues.shape)) {
    const parsed = (schema as z.ZodType).safeParse(data[key]);
    if (parsed.success) values[key] = parsed.data;
  }
  return IntakeValues.parse(values);
}

/** True when the operator has typed nothing worth keeping (defaults and the timer do not count). */
export function isBlankIntake(v: IntakeValues): boolean {
  return (
    v.phone.trim() === '' &&
    !v.phoneHidden &&
    v.callerName.trim() === '' &&
    v.region === null &&
    v.category === null &&
    v.subject.trim() === '' &&
    v.question.trim() === '' &&
    v.answer.trim() === '' &&
    v.note.trim() === ''
  );
}

/** What a field error says: a locale key with its data, or the seat schema's own (Chinese) text. */
export type FieldProblem =
  | { kind: 'phone'; problem: PhoneProblem }
  | { kind: 'transition'; reason: TransitionRefusal }
  | { kind: 'required'; field: 'category' | 'question' }
  | { kind: 'text'; message: string };
export type FieldErrors = Partial<Record<IntakeField, FieldProblem>>;

/** Longest call the seat accepts; an old restored draft must not make the save fail. */
const MAX_CALL_SEC = 86_400;

const REFUSAL_FIELD: Partial<Record<TransitionRefusal, IntakeField>> = {
  needs_answer: 'answer',
  needs_expert: 'expertId',
  needs_department: 'departmentId',
  needs_note: 'note',
};

/** The form's values checked the way the seat will check them, so the operator sees every problem at once, inline. */
export function buildInquiryInput(
  v: IntakeValues,
  now: Date,
): { ok: true; input: InquiryInputParsed } | { ok: false; errors: FieldErrors; general: string[] } {
  const errors: FieldErrors = {};
  const phone = v.phoneHidden ? { ok: true as const, phone: { value: PHONE_UNKNOWN } } : normalizePhone(v.phone);
  if (!phone.ok) errors.phone = { kind: 'phone', problem: phone.problem };
  if (v.category === null) errors.category = { kind: 'required', field: 'category' };
  if (v.question.trim() === '') errors.question = { kind: 'required', field: 'question' };
  const expertId = v.status === 'to_expert' ? v.expertId : null;
  const departmentId = v.status === 'to_department' ? v.departmentId : null;
  if (v.status !== 'intake') {
    const check = checkTransition('intake', v.status, { answer: v.answer, expertId, departmentId, note: v.note });
    const field = check.ok ? undefined : REFUSAL_FIELD[check.reason];
    if (!check.ok) errors[field ?? 'status'] = { kind: 'transition', reason: check.reason };
  }
  const started = v.callStartedAt ? Date.parse(v.callStartedAt) : NaN;
  const parsed = InquiryInput.safeParse({
    callerPhone: phone.ok ? phone.phone.value : PHONE_UNKNOWN,
    callerName: v.callerName,
    regionCode: v.region?.code ?? null,
    channel: v.channel,
    category: v.category ?? undefined,
    subject: v.subject,
    question: v.question,
    answer: v.answer,
    status: v.status,
    priority: v.priority,
    expertId,
    departmentId,
    note: v.note,
    kbArticleId: v.kbArticleId,
    callStartedAt: Number.isNaN(started) ? null : new Date(started).toISOString(),
    callDurationSec: Number.isNaN(started)
      ? null
      : Math.min(MAX_CALL_SEC, Math.max(0, Math.round((now.getTime() - started) / 1000))),
  });
  const general: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] === 'callerPhone' ? 'phone' : issue.path[0] === 'regionCode' ? 'region' : issue.path[0];
      if (typeof key === 'string' && key in EMPTY_INTAKE) {
        errors[key as IntakeField] ??= { kind: 'text', message: issue.message };
      } else {
        general.push(issue.message);
      }
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors, general };
  return { ok: true, input: parsed.data };
}
