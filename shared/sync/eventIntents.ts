import { z } from 'zod';
import type { InquiryEvent } from '../domain/inquiry';
import { STATUSES } from '../domain/status';
import { EDITABLE_FIELDS, type EditableField, type FieldEdit } from './fieldRules';
import { ServerInquiry } from './protocol';
import type { StatusMove } from './statusRule';

/** What one timeline event asks the server to do. 'created' only records the case's birth. */
export type Intent =
  | { kind: 'created' }
  | { kind: 'edit'; edits: FieldEdit[] }
  | { kind: 'move'; move: StatusMove }
  | { kind: 'note'; text: string };

export type ReadEvent = { event: InquiryEvent; intent: Intent };

/** Event times become the row's updatedAt, so they must be real instants that fit the column. */
const EventTime = z.iso.datetime({ offset: true }).max(40);
const MoveData = z.object({ from: z.enum(STATUSES), to: z.enum(STATUSES) });
const NoteData = z.object({ text: z.string().trim().min(1).max(1000) });

const EDITABLE: ReadonlySet<string> = new Set(EDITABLE_FIELDS);
const isEditable = (field: string): field is EditableField => EDITABLE.has(field);

function readEdits(data: Record<string, unknown>): FieldEdit[] | string {
  const edits: FieldEdit[] = [];
  for (const [field, change] of Object.entries(data)) {
    if (!isEditable(field)) return `字段“${field}”不能修改`;
    const value = ServerInquiry.shape[field];
    const parsed = z.strictObject({ from: value, to: value }).safeParse(change);
    if (!parsed.success) return `字段“${field}”的修改内容不正确`;
    edits.push({ field, ...parsed.data } as FieldEdit);
  }
  return edits.length > 0 ? edits : '修改记录是空的';
}

function readIntent(event: InquiryEvent): Intent | string {
  switch (event.type) {
    case 'created':
      return { kind: 'created' };
    case 'edited': {
      const edits = readEdits(event.data);
      return typeof edits === 'string' ? edits : { kind: 'edit', edits };
    }
    case 'status_changed': {
      const move = MoveData.safeParse(event.data);
      return move.success ? { kind: 'move', move: move.data } : '状态变更记录不正确';
    }
    case 'note': {
      const note = NoteData.safeParse(event.data);
      return note.success ? { kind: 'note', text: note.data.text } : '说明记录不正确';
    }
  }
}

/**
 * Reads a mutation's events as intents, or names (in Chinese, for the operator's rejection notice) the
 * first event that is malformed. The whole mutation is judged, not only the events the server lacks,
 * so a malformed mutation is rejected the same way however often it is sent.
 */
export function readEvents(
  events: readonly InquiryEvent[],
  inquiryId: string,
): { ok: true; read: ReadEvent[] } | { ok: false; reason: string } {
  const read: ReadEvent[] = [];
  for (const event of events) {
    if (event.inquiryId !== inquiryId) return { ok: false, reason: '记录不属于这张工单' };
    if (!EventTime.safeParse(event.at).success) return { ok: false, reason: '记录时间格式不正确' };
    const intent = readIntent(event);
    if (typeof intent === 'string') return { ok: false, reason: intent };
    read.push({ event, intent });
  }
  return { ok: true, read };
}
