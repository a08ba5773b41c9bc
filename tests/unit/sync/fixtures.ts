import type { InquiryEvent, InquiryEventType } from '../../../shared/domain/inquiry';
import type { Mutation, ServerInquiry } from '../../../shared/sync/protocol';
import type { Actor, ServerRow } from '../../../shared/sync/reducer';

/** Builders for sync-rule tests: a case, its events and mutations, shaped as the seat's outbox records them. */

export const CASE_ID = '01936f2a-0000-7000-8000-000000000001';
export const T0 = '2026-11-28T02:00:00.000Z';

export const OPERATOR: Actor = { userId: 'u-op', role: 'operator', scope: { kind: 'seats', seatCodes: ['S01'] } };
export const SUPERVISOR: Actor = { userId: 'u-sup', role: 'supervisor', scope: { kind: 'all' } };

export function inquiry(overrides: Partial<ServerInquiry> = {}): ServerInquiry {
  return {
    id: CASE_ID,
    caseNo: 'S01-261128-0001',
    seatCode: 'S01',
    operator: '王丽',
    callerPhone: '13800000000',
    callerName: '张三',
    regionCode: '220102',
    channel: 'phone',
    category: '植物保护-病虫害',
    subject: '玉米',
    question: '玉米叶子发黄怎么办',
    answer: '',
    status: 'intake',
    priority: 'normal',
    expertId: null,
    departmentId: null,
    kbArticleId: null,
    createdAt: T0,
    updatedAt: T0,
    callStartedAt: null,
    callDurationSec: null,
    version: 1,
    ...overrides,
  };
}

export function row(overrides: Partial<ServerRow> = {}): ServerRow {
  return { ...inquiry(), rowVersion: 1, ...overrides };
}

let counter = 0;
export function event(type: InquiryEventType, data: Record<string, unknown>, at = T0, id?: string): InquiryEvent {
  counter += 1;
  return { id: id ?? `ev-${counter}`, inquiryId: CASE_ID, type, at, operator: '王丽', seatCode: 'S01', data };
}

export const edited = (changes: Record<string, { from: unknown; to: unknown }>, at?: string) =>
  event('edited', changes, at);
export const statusChanged = (from: string, to: string, at?: string) => event('status_changed', { from, to }, at);
export const note = (text: string, at?: string) => event('note', { text }, at);

export function createMutation(sent: ServerInquiry, events: InquiryEvent[], id = 1): Mutation {
  return { id, name: 'inquiry.create', args: { inquiry: sent, events }, createdAt: sent.createdAt, operatorId: null };
}

/** `changes` summarises the events the way the seat does; the rules read the events. */
export function updateMutation(events: InquiryEvent[], id = 2, baseVersion = 1): Mutation {
  const changes: Record<string, unknown> = {};
  for (const e of events) {
    if (e.type === 'edited') {
      for (const [field, change] of Object.entries(e.data)) changes[field] = (change as { to: unknown }).to;
    }
    if (e.type === 'status_changed') changes.status = e.data.to;
  }
  return {
    id,
    name: 'inquiry.update',
    args: { id: CASE_ID, baseVersion, changes, events },
    createdAt: events[0]?.at ?? T0,
    operatorId: null,
  };
}
