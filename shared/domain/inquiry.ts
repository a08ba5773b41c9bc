import { z } from 'zod';
import { CATEGORIES } from './categories';
import { KbArticleId } from './kb';
import { CallerPhone } from './phone';
import { RegionCode } from './region';
import { INITIAL_STATUSES, STATUSES, type Status } from './status';

export const CHANNELS = ['phone', 'sms', 'walk_in', 'web'] as const;
export type Channel = (typeof CHANNELS)[number];
export const PRIORITIES = ['normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

const text = (max: number, label: string) => z.string().max(max, `${label}不能超过 ${max} 个字`);
/** Optional short text: blank becomes null so the store never keeps '   '. */
const optionalText = (max: number, label: string) =>
  text(max, label)
    .nullish()
    .transform((v) => (v == null || v.trim() === '' ? null : v.trim()));
const isoTime = z.iso.datetime({ offset: true, message: '时间格式不正确' });

const editable = {
  callerName: optionalText(40, '来电人姓名'),
  regionCode: RegionCode.nullish().transform((v) => v ?? null),
  channel: z.enum(CHANNELS, { message: '请选择受理渠道' }),
  category: z.enum(CATEGORIES, { message: '请选择问题分类' }),
  subject: optionalText(40, '对象（作物/畜禽）'),
  question: text(4000, '问题描述').refine((v) => v.trim() !== '', '请填写问题描述'),
  answer: text(8000, '答复内容').default(''),
  priority: z.enum(PRIORITIES).default('normal'),
  expertId: optionalText(64, '专家'),
  departmentId: optionalText(64, '部门'),
  /** The knowledge-base article whose answer the operator used (usage statistics, issue 4 §2). */
  kbArticleId: KbArticleId.nullish().transform((v) => v ?? null),
};

/** A new inquiry as the intake form sends it when the operator saves. */
export const InquiryInput = z.strictObject({
  callerPhone: CallerPhone,
  ...editable,
  status: z.enum(INITIAL_STATUSES as [Status, ...Status[]]).default('intake'),
  note: optionalText(1000, '说明'),
  callStartedAt: isoTime.nullish().transform((v) => v ?? null),
  callDurationSec: z
    .number()
    .int()
    .min(0)
    .max(86_400)
    .nullish()
    .transform((v) => v ?? null),
});
export type InquiryInput = z.input<typeof InquiryInput>;
export type InquiryInputParsed = z.output<typeof InquiryInput>;

/**
 * An edit of a saved case: changed fields and/or a note for the timeline (e.g. a follow-up call).
 * `expectedVersion` refuses an edit made on a stale copy.
 */
export const InquiryUpdate = z
  .strictObject({
    id: z.string().uuid(),
    expectedVersion: z.number().int().min(1),
    changes: z
      .strictObject({
        callerName: editable.callerName.optional(),
        regionCode: editable.regionCode.optional(),
        channel: editable.channel.optional(),
        category: editable.category.optional(),
        subject: editable.subject.optional(),
        question: editable.question.optional(),
        answer: text(8000, '答复内容').optional(),
        priority: z.enum(PRIORITIES).optional(),
        expertId: editable.expertId.optional(),
        departmentId: editable.departmentId.optional(),
        kbArticleId: editable.kbArticleId.optional(),
        status: z.enum(STATUSES).optional(),
      })
      .default({}),
    note: optionalText(1000, '说明'),
  })
  .refine((u) => u.note !== null || Object.values(u.changes).some((v) => v !== undefined), '没有需要保存的修改');
export type InquiryUpdate = z.input<typeof InquiryUpdate>;
export type InquiryUpdateParsed = z.output<typeof InquiryUpdate>;

export const Inquiry = z.object({
  id: z.string(),
  caseNo: z.string(),
  seatCode: z.string(),
  operator: z.string(),
  callerPhone: z.string(),
  callerName: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  channel: z.enum(CHANNELS),
  category: z.enum(CATEGORIES),
  subject: z.string().nullable(),
  question: z.string(),
  answer: z.string(),
  status: z.enum(STATUSES),
  priority: z.enum(PRIORITIES),
  expertId: z.string().nullable(),
  departmentId: z.string().nullable(),
  kbArticleId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  callStartedAt: z.string().nullable(),
  callDurationSec: z.number().nullable(),
  version: z.number().int(),
  pendingSync: z.boolean(),
});
export type Inquiry = z.infer<typeof Inquiry>;

export const InquirySummary = Inquiry.pick({
  id: true,
  caseNo: true,
  createdAt: true,
  callerPhone: true,
  callerName: true,
  regionName: true,
  category: true,
  subject: true,
  status: true,
  priority: true,
  operator: true,
  pendingSync: true,
}).extend({ questionExcerpt: z.string() });
export type InquirySummary = z.infer<typeof InquirySummary>;

const EXCERPT_CHARS = 80;

/** A case as a list row: the question cut to a one-line excerpt (by characters, so no half Chinese glyph). */
export function summarizeInquiry(i: Inquiry): InquirySummary {
  const chars = Array.from(i.question.replace(/\s+/g, ' ').trim());
  return {
    id: i.id,
    caseNo: i.caseNo,
    createdAt: i.createdAt,
    callerPhone: i.callerPhone,
    callerName: i.callerName,
    regionName: i.regionName,
    category: i.category,
    subject: i.subject,
    status: i.status,
    priority: i.priority,
    operator: i.operator,
    pendingSync: i.pendingSync,
    questionExcerpt: chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join('')}…` : chars.join(''),
  };
}

/**
 * Fields an edit may change (the timeline records each as {field: {from, to}}; status has its own
 * event). Everything else — id, case number, seat, operator, caller phone, creation time — is a
 * creation fact and immutable.
 */
export const EDITABLE_FIELDS = [
  'callerName',
  'regionCode',
  'channel',
  'category',
  'subject',
  'question',
  'answer',
  'priority',
  'expertId',
  'departmentId',
  'kbArticleId',
] as const satisfies readonly (keyof Inquiry)[];
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export const EVENT_TYPES = ['created', 'edited', 'status_changed', 'note'] as const;
export type InquiryEventType = (typeof EVENT_TYPES)[number];

/** One entry of a case's append-only timeline. */
export const InquiryEvent = z.object({
  id: z.string(),
  inquiryId: z.string(),
  type: z.enum(EVENT_TYPES),
  at: z.string(),
  operator: z.string(),
  seatCode: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type InquiryEvent = z.infer<typeof InquiryEvent>;

export const InquiryDetail = z.object({
  inquiry: Inquiry,
  events: z.array(InquiryEvent),
  /** Timeline entries the server refused or overruled (shown marked, never hidden: the timeline is append-only). */
  refusedEventIds: z.array(z.string()),
});
export type InquiryDetail = z.infer<typeof InquiryDetail>;

export const InquiryListQuery = z.strictObject({
  from: isoTime.optional(),
  to: isoTime.optional(),
  statuses: z.array(z.enum(STATUSES)).max(STATUSES.length).optional(),
  categories: z.array(z.enum(CATEGORIES)).max(CATEGORIES.length).optional(),
  regionCode: RegionCode.optional(),
  operator: z.string().max(40).optional(),
  text: z.string().max(100, '搜索内容不能超过 100 个字').optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type InquiryListQuery = z.input<typeof InquiryListQuery>;

export const InquiryPage = z.object({ items: z.array(InquirySummary), total: z.number().int() });
export type InquiryPage = z.infer<typeof InquiryPage>;

/** Days within which a second call from the same number counts as a repeat call. */
export const REPEAT_CALL_WINDOW_DAYS = 10;

export const CallerHistory = z.object({
  phone: z.string(),
  callerName: z.string().nullable(),
  regionCode: z.string().nullable(),
  total: z.number().int(),
  recent: z.array(InquirySummary),
  repeat: z
    .object({
      lastCallAt: z.string(),
      callsInWindow: z.number().int(),
      openCase: z
        .object({ id: z.string(), caseNo: z.string(), status: z.enum(STATUSES), createdAt: z.string() })
        .nullable(),
    })
    .nullable(),
});
export type CallerHistory = z.infer<typeof CallerHistory>;
