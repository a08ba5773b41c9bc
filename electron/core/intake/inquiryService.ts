import { v7 as uuidv7 } from 'uuid';
import { caseDay, formatCaseNumber } from '../../../shared/domain/caseNumber';
import {
  EDITABLE_FIELDS,
  type Inquiry,
  type InquiryEvent,
  type InquiryEventType,
  type InquiryInputParsed,
  type InquiryUpdateParsed,
} from '../../../shared/domain/inquiry';
import { PHONE_UNKNOWN } from '../../../shared/domain/phone';
import { AppError } from '../../../shared/errors';
import { canCreate } from '../../../shared/sync/reducer';
import type { SeatEvents } from '../events';
import type { Logger } from '../log/logger';
import type { StoredInquiry } from '../db/inquiryRepo';
import type { Store } from '../db/store';
import type { Actor, Clock } from './actor';
import { assertTransition } from './transitions';

const CONFLICT_MESSAGE = '该工单已被修改，请刷新后再编辑';
export const NOT_FOUND_MESSAGE = '找不到该工单，可能已被删除；请刷新列表后重试';
export const CANNOT_CREATE_MESSAGE =
  '当前登录的账号不能新建工单（只有话务员、值班班长和管理员可以受理来电），服务器不会接受这张工单。受理单已保留，请用话务员账号登录后再保存。';

export type EditableField = (typeof EDITABLE_FIELDS)[number];

type FieldEdit = { from: unknown; to: unknown };
/** A sync-issue resolution: per field (or status), the server's value and the value to send. */
export type ResendEdits = Partial<Record<EditableField | 'status', FieldEdit>>;

type Deps = { store: Store; events: SeatEvents; actor: () => Actor; now: Clock; log: Logger };

/** Saving and editing cases: each call is one transaction of row + timeline events + search entry + outbox entry. */
export function inquiryService({ store, events, actor, now, log }: Deps) {
  function event(
    inquiryId: string,
    who: Actor,
    at: string,
    type: InquiryEventType,
    data: Record<string, unknown>,
  ): InquiryEvent {
    return { id: uuidv7(), inquiryId, type, at, operator: who.operator, seatCode: who.seatCode, data };
  }

  function announce(id: string): void {
    try {
      events.emit('inquiry:changed', { ids: [id] });
    } catch (err) {
      // The save is already committed: failing the call now would make the operator save it twice.
      log.error(
        { err: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err) },
        'notifying windows after a save failed',
      );
    }
  }

  function reload(id: string): Inquiry {
    const saved = store.inquiries.get(id);
    if (!saved) throw new Error(`inquiry ${id} missing right after its transaction`);
    const { rowid: _rowid, ...inquiry } = saved;
    return inquiry;
  }

  /** One edit's writes: the row (refused if its version moved), search entry, timeline and outbox entry. */
  function commit(edit: {
    rowid: number;
    stored: StoredInquiry;
    next: StoredInquiry;
    who: Actor;
    at: string;
    edited: Record<string, FieldEdit>;
    status: { from: StoredInquiry['status']; to: StoredInquiry['status'] } | null;
    note: string | null;
    expectedVersion: number;
  }): void {
    const { rowid, stored, next, who, at, edited, status, note } = edit;
    next.updatedAt = at;
    next.version = stored.version + 1;
    if (!store.inquiries.update(next, edit.expectedVersion)) throw new AppError('CONFLICT', CONFLICT_MESSAGE);
    store.search.put(rowid, next);
    const timeline: InquiryEvent[] = [];
    if (Object.keys(edited).length > 0) timeline.push(event(next.id, who, at, 'edited', edited));
    if (status) timeline.push(event(next.id, who, at, 'status_changed', { ...status }));
    if (note) timeline.push(event(next.id, who, at, 'note', { text: note }));
    timeline.forEach(store.events.append);
    const changed = Object.fromEntries(Object.entries(edited).map(([field, { to }]) => [field, to]));
    store.outbox.append({
      name: 'inquiry.update',
      entityId: next.id,
      args: {
        id: next.id,
        baseVersion: stored.version,
        changes: status ? { ...changed, status: status.to } : changed,
        events: timeline,
      },
      createdAt: at,
      operatorId: who.userId ?? null,
    });
  }

  function current(id: string) {
    const found = store.inquiries.get(id);
    if (!found) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
    const { rowid, regionName: _regionName, pendingSync: _pendingSync, ...stored } = found;
    return { rowid, stored };
  }

  return {
    create(input: InquiryInputParsed): Inquiry {
      if (input.status !== 'intake') assertTransition('intake', input.status, input);
      const who = actor();
      // Saved anyway, the case would only come back from the server as refused, after the call.
      if (who.role && !canCreate(who.role)) throw new AppError('FORBIDDEN', CANNOT_CREATE_MESSAGE);
      const instant = now();
      const at = instant.toISOString();
      const id = uuidv7();
      store.transaction(() => {
        const day = caseDay(instant);
        const caseNo = formatCaseNumber(who.seatCode, day, store.counters.next(who.seatCode, day));
        const inquiry: StoredInquiry = {
          id,
          caseNo,
          seatCode: who.seatCode,
          operator: who.operator,
          callerPhone: input.callerPhone,
          callerName: input.callerName,
          regionCode: input.regionCode,
          channel: input.channel,
          category: input.category,
          subject: input.subject,
          question: input.question.trim(),
          answer: input.answer.trim(),
          status: input.status,
          priority: input.priority,
          expertId: input.expertId,
          departmentId: input.departmentId,
          kbArticleId: input.kbArticleId,
          createdAt: at,
          updatedAt: at,
          callStartedAt: input.callStartedAt ? new Date(input.callStartedAt).toISOString() : null,
          callDurationSec: input.callDurationSec,
          version: 1,
        };
        store.search.put(store.inquiries.insert(inquiry), inquiry);
        const timeline = [event(id, who, at, 'created', { caseNo, status: 'intake' })];
        if (input.status !== 'intake') {
          timeline.push(event(id, who, at, 'status_changed', { from: 'intake', to: input.status }));
        }
        if (input.note) timeline.push(event(id, who, at, 'note', { text: input.note }));
        timeline.forEach(store.events.append);
        if (inquiry.callerPhone !== PHONE_UNKNOWN) {
          store.callers.recordCall({
            phone: inquiry.callerPhone,
            name: inquiry.callerName,
            regionCode: inquiry.regionCode,
            at,
          });
        }
        store.outbox.append({
          name: 'inquiry.create',
          entityId: id,
          args: { inquiry, events: timeline },
          createdAt: at,
          operatorId: who.userId ?? null,
        });
      });
      announce(id);
      return reload(id);
    },

    /** Refuses an edit made on a stale copy (CONFLICT); an edit that changes nothing writes nothing. */
    update(input: InquiryUpdateParsed): Inquiry {
      const who = actor();
      const at = now().toISOString();
      const wrote = store.transaction(() => {
        const { rowid, stored } = current(input.id);
        if (stored.version !== input.expectedVersion) throw new AppError('CONFLICT', CONFLICT_MESSAGE);
        const changes = input.changes;

        const next: StoredInquiry = { ...stored };
        const edited: Record<string, FieldEdit> = {};
        for (const field of EDITABLE_FIELDS) {
          const to = field === 'question' || field === 'answer' ? changes[field]?.trim() : changes[field];
          if (to === undefined || to === stored[field]) continue;
          edited[field] = { from: stored[field], to };
          Object.assign(next, { [field]: to });
        }
        const to = changes.status !== undefined && changes.status !== stored.status ? changes.status : null;
        if (to) {
          assertTransition(stored.status, to, { ...next, note: input.note });
          next.status = to;
        }
        if (Object.keys(edited).length === 0 && !to && !input.note) return false;
        const status = to ? { from: stored.status, to } : null;
        commit({ rowid, stored, next, who, at, edited, status, note: input.note, expectedVersion: stored.version });
        return true;
      });
      if (wrote) announce(input.id);
      return reload(input.id);
    },

    /**
     * Sends a sync-issue resolution as a new edit through the same path as `update`: each field is set
     * to `to` and recorded as edited from the server's value `from`, so the server (which compares
     * `from` with what it holds) takes it. The note says in the timeline what the operator decided;
     * `within` runs in the same transaction (marking the issue resolved).
     */
    resend(id: string, edits: ResendEdits, note: string, within: () => void): Inquiry {
      const who = actor();
      const at = now().toISOString();
      store.transaction(() => {
        const { rowid, stored } = current(id);
        const next: StoredInquiry = { ...stored };
        const edited: Record<string, FieldEdit> = {};
        for (const field of EDITABLE_FIELDS) {
          const edit = edits[field];
          if (!edit) continue;
          edited[field] = edit;
          Object.assign(next, { [field]: edit.to });
        }
        const wanted = edits.status;
        let status: { from: StoredInquiry['status']; to: StoredInquiry['status'] } | null = null;
        if (wanted && wanted.from !== wanted.to) {
          status = { from: wanted.from as StoredInquiry['status'], to: wanted.to as StoredInquiry['status'] };
          assertTransition(status.from, status.to, { ...next, note });
          next.status = status.to;
        }
        commit({ rowid, stored, next, who, at, edited, status, note, expectedVersion: stored.version });
        within();
      });
      announce(id);
      return reload(id);
    },

    /**
     * Takes values the server already holds into the local row (no outbox entry: there is nothing to
     * send) and notes the decision in the timeline; `within` runs in the same transaction.
     */
    adopt(
      id: string,
      values: Partial<Record<EditableField | 'status', unknown>>,
      note: string,
      within: () => void,
    ): Inquiry {
      const who = actor();
      const at = now().toISOString();
      store.transaction(() => {
        const { rowid, stored } = current(id);
        const next: StoredInquiry = Object.assign({ ...stored }, values, { version: stored.version + 1 });
        if (!store.inquiries.update(next, stored.version)) throw new AppError('CONFLICT', CONFLICT_MESSAGE);
        store.search.put(rowid, next);
        store.events.append(event(id, who, at, 'note', { text: note }));
        within();
      });
      announce(id);
      return reload(id);
    },
  };
}
