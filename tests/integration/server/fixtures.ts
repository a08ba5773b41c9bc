import { randomUUID } from 'node:crypto';
import { type InquiryEvent } from '../../../shared/domain/inquiry';
import { PROTOCOL_VERSION, type Mutation, type ServerInquiry } from '../../../shared/sync/protocol';
import { type Seat } from './harness';

const AT = '2026-11-28T14:05:00+08:00';

let serial = 0;

export function newInquiry(seatCode: string, overrides: Partial<ServerInquiry> = {}): ServerInquiry {
  serial += 1;
  return {
    id: randomUUID(),
    caseNo: `${seatCode}-261128-${String(serial).padStart(4, '0')}`,
    seatCode,
    operator: '王丽',
    callerPhone: '13904312345',
    callerName: '张大山',
    regionCode: '220122',
    channel: 'phone',
    category: '种植业-粮食作物',
    subject: '玉米',
    question: '玉米叶片发黄，怎么办？',
    answer: '',
    status: 'intake',
    priority: 'normal',
    expertId: null,
    departmentId: null,
    kbArticleId: null,
    createdAt: AT,
    updatedAt: AT,
    callStartedAt: null,
    callDurationSec: null,
    version: 1,
    ...overrides,
  };
}

function event(
  inquiry: Pick<ServerInquiry, 'id' | 'seatCode'>,
  type: InquiryEvent['type'],
  data: InquiryEvent['data'],
  at = AT,
): InquiryEvent {
  return { id: randomUUID(), inquiryId: inquiry.id, type, at, operator: '王丽', seatCode: inquiry.seatCode, data };
}

export function createMutation(id: number, inquiry: ServerInquiry, operatorId: string | null = null): Mutation {
  return {
    id,
    name: 'inquiry.create',
    args: { inquiry, events: [event(inquiry, 'created', {})] },
    createdAt: AT,
    operatorId,
  };
}

export function editMutation(
  id: number,
  inquiry: Pick<ServerInquiry, 'id' | 'seatCode'>,
  field: string,
  from: unknown,
  to: unknown,
  at = AT,
): Mutation {
  return {
    id,
    name: 'inquiry.update',
    args: {
      id: inquiry.id,
      baseVersion: 1,
      changes: { [field]: to },
      events: [event(inquiry, 'edited', { [field]: { from, to } }, at)],
    },
    createdAt: at,
    operatorId: null,
  };
}

export function pushBody(seat: Seat, mutations: Mutation[]) {
  return {
    protocol: PROTOCOL_VERSION,
    clientId: seat.clientId,
    installNonce: seat.installNonce,
    epochSeen: null,
    mutations,
  };
}
