import { v7 as uuidv7 } from 'uuid';
import { caseDay, formatCaseNumber } from '../../../shared/domain/caseNumber';
import type {
  Inquiry,
  InquiryEvent,
  InquiryEventType,
  InquiryInputParsed,
  InquiryUpdateParsed,
} from '../../../shared/domain/inquiry';
import { PHONE_UNKNOWN } from '../../../shared/domain/phone';
import { AppError } from '../../../shared/errors';
import type { SeatEvents } from '../events';
import type { Logger } from '../log/logger';
import type { StoredInquiry } from '../db/inquiryRepo';
import type { Store } from '../db/store';
import type { Actor, Clock } from './actor';
import { syncStatus } from './syncStatus';
import { assertTransition } from './transitions';

const CONFLICT_MESSAGE = '该工单已被修改，请刷新后再编辑';
export const NOT_FOUND_MESSAGE = '找不到该工单，可能已被删除；请刷新列表后重试';

/** Fields an edit may change and the timeline records as {field: {from, to}}; status has its own event. */
const EDITABLE_FIELDS = [
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
] as const satisfies readonly (keyof StoredInquiry)[];

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
      events.emit('sync:statusChanged', syncStatus(store));
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

  return {
    create(input: InquiryInputParsed): Inquiry {
      if (input.status !== 'intake') assertTransition('intake', input.status, input);
      const who = actor();
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
        const current = store.inquiries.get(input.id);
        if (!current) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
        if (current.version !== input.expectedVersion) throw new AppError('CONFLICT', CONFLICT_MESSAGE);
        const { rowid, regionName: _regionName, pendingSync: _pendingSync, ...stored } = current;
        const changes = input.changes;

        const next: StoredInquiry = { ...stored };
        const edited: Record<string, { from: unknown; to: unknown }> = {};
        for (const field of EDITABLE_FIELDS) {
          const to = field === 'question' || field === 'answer' ? changes[field]?.trim() : changes[field];
          if (to === undefined || to === stored[field]) continue;
          edited[field] = { from: stored[field], to };
          Object.assign(next, { [field]: to });
        }
        const newStatus = changes.status !== undefined && changes.status !== stored.status ? changes.status : null;
        if (newStatus) {
          assertTransition(stored.status, newStatus, { ...next, note: input.note });
          next.status = newStatus;
        }
        if (Object.keys(edited).length === 0 && !newStatus && !input.note) return false;

        next.updatedAt = at;
        next.version = stored.version + 1;
        if (!store.inquiries.update(next, input.expectedVersion)) throw new AppError('CONFLICT', CONFLICT_MESSAGE);
        store.search.put(rowid, next);
        const timeline: InquiryEvent[] = [];
        if (Object.keys(edited).length > 0) timeline.push(event(next.id, who, at, 'edited', edited));
        if (newStatus) timeline.push(event(next.id, who, at, 'status_changed', { from: stored.status, to: newStatus }));
        if (input.note) timeline.push(event(next.id, who, at, 'note', { text: input.note }));
        timeline.forEach(store.events.append);
        const changed = Object.fromEntries(Object.entries(edited).map(([field, { to }]) => [field, to]));
        store.outbox.append({
          name: 'inquiry.update',
          entityId: next.id,
          args: {
            id: next.id,
            baseVersion: stored.version,
            changes: newStatus ? { ...changed, status: newStatus } : changed,
            events: timeline,
          },
          createdAt: at,
        });
        return true;
      });
      if (wrote) announce(input.id);
      return reload(input.id);
    },
  };
}
