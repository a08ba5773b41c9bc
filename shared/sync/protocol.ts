import { z } from 'zod';
import { CATEGORIES } from '../domain/categories';
import { CHANNELS, InquiryEvent, PRIORITIES } from '../domain/inquiry';
import { STATUSES } from '../domain/status';

/**
 * The seat ⇄ server sync protocol (DESIGN.md §6, reference/sync-research.md §4). Shared by the
 * server (request validation) and the seat's sync engine (response parsing).
 */
export const PROTOCOL_VERSION = 1;
/** Oldest seat protocol the server still accepts; older seats get VERSION_NOT_SUPPORTED. */
export const MIN_PROTOCOL_VERSION = 1;
/** Upper bound on one push: a week-long backlog drains in several bounded requests. */
export const MAX_PUSH_MUTATIONS = 500;
export const MAX_PULL_LIMIT = 5000;
/** A case's timeline as pulled; a case with more events than this (none in practice) sends its newest. */
export const MAX_EVENTS_PER_CASE = 2000;

/** A case as the server holds it and as pull delivers it: the seat row plus the server's row version. */
export const ServerInquiry = z.object({
  id: z.string().uuid(),
  caseNo: z.string().max(40),
  seatCode: z.string().max(8),
  operator: z.string().max(40),
  callerPhone: z.string().max(40),
  callerName: z.string().max(40).nullable(),
  regionCode: z.string().max(12).nullable(),
  channel: z.enum(CHANNELS),
  category: z.enum(CATEGORIES),
  subject: z.string().max(40).nullable(),
  question: z.string().max(4000),
  answer: z.string().max(8000),
  status: z.enum(STATUSES),
  priority: z.enum(PRIORITIES),
  expertId: z.string().max(64).nullable(),
  departmentId: z.string().max(64).nullable(),
  /** Absent from seats older than issue 4. */
  kbArticleId: z.string().max(64).nullable().default(null),
  createdAt: z.string().max(40),
  updatedAt: z.string().max(40),
  callStartedAt: z.string().max(40).nullable(),
  callDurationSec: z.number().int().min(0).max(86_400).nullable(),
  /** The seat's own edit counter when it sent the row; the server keeps its own `rowVersion`. */
  version: z.number().int().min(1),
});
export type ServerInquiry = z.infer<typeof ServerInquiry>;

/** Mutation args exactly as the seat's outbox records them (electron/core/intake/inquiryService.ts). */
export const InquiryCreateArgs = z.strictObject({ inquiry: ServerInquiry, events: z.array(InquiryEvent).max(20) });
export const InquiryUpdateArgs = z.strictObject({
  id: z.string().uuid(),
  baseVersion: z.number().int().min(1),
  changes: z.record(z.string(), z.unknown()),
  /** The intents: 'edited' {field:{from,to}}, 'status_changed' {from,to}, 'note' {text}. */
  events: z.array(InquiryEvent).max(20),
});

/**
 * The server account of the operator who made the change at the seat (null: nobody was logged in, or
 * a seat older than this field). The server re-authorises it when the change arrives.
 */
const OperatorId = z.string().min(1).max(64).nullable().default(null);

export const Mutation = z.discriminatedUnion('name', [
  z.strictObject({
    id: z.number().int().min(1),
    name: z.literal('inquiry.create'),
    args: InquiryCreateArgs,
    createdAt: z.string().max(40),
    operatorId: OperatorId,
  }),
  z.strictObject({
    id: z.number().int().min(1),
    name: z.literal('inquiry.update'),
    args: InquiryUpdateArgs,
    createdAt: z.string().max(40),
    operatorId: OperatorId,
  }),
]);
export type Mutation = z.infer<typeof Mutation>;

export const PushRequest = z.strictObject({
  protocol: z.number().int(),
  clientId: z.string().uuid(),
  installNonce: z.string().min(8).max(64),
  /** The server epoch the seat last saw; null before its first successful sync. */
  epochSeen: z.string().max(64).nullable(),
  mutations: z.array(Mutation).min(1).max(MAX_PUSH_MUTATIONS),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const Conflict = z.object({
  field: z.string(),
  /** What the seat based its edit on, what it wanted, and what the server kept. */
  base: z.unknown(),
  mine: z.unknown(),
  theirs: z.unknown(),
});
export type Conflict = z.infer<typeof Conflict>;

export const REJECT_CODES = ['INVALID', 'NOT_FOUND', 'FORBIDDEN', 'ID_TAKEN'] as const;
export const MutationResult = z.discriminatedUnion('status', [
  z.object({ id: z.number().int(), status: z.literal('applied'), serverSeq: z.number().int() }),
  z.object({
    id: z.number().int(),
    status: z.literal('applied_with_conflict'),
    serverSeq: z.number().int(),
    conflicts: z.array(Conflict),
  }),
  z.object({ id: z.number().int(), status: z.literal('rejected'), code: z.enum(REJECT_CODES), message: z.string() }),
]);
export type MutationResult = z.infer<typeof MutationResult>;

export const PushResponse = z.object({
  epoch: z.string(),
  /** Highest mutation id of this client the server has processed (applied or rejected). */
  lastMutationId: z.number().int().min(0),
  results: z.array(MutationResult),
});
export type PushResponse = z.infer<typeof PushResponse>;

export const STREAMS = ['inquiries'] as const;
export type Stream = (typeof STREAMS)[number];

export const PullQuery = z.strictObject({
  stream: z.enum(STREAMS),
  cursor: z.coerce.number().int().min(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(1000),
});

export const Change = z.discriminatedUnion('op', [
  z.object({
    seq: z.number().int(),
    op: z.literal('PUT'),
    id: z.string(),
    rowVersion: z.number().int(),
    data: ServerInquiry,
    /**
     * The case's whole timeline, oldest first: a seat that gains the case (a new seat, a case handed
     * to its expert) needs all of it, and a seat adds only the events it lacks (ids are stable).
     * Absent from servers older than this field.
     */
    events: z.array(InquiryEvent).max(MAX_EVENTS_PER_CASE).default([]),
  }),
  z.object({ seq: z.number().int(), op: z.literal('DELETE'), id: z.string(), rowVersion: z.number().int() }),
  z.object({ seq: z.number().int(), op: z.literal('SCOPE_OUT'), id: z.string(), rowVersion: z.number().int() }),
]);
export type Change = z.infer<typeof Change>;

export const PullResponse = z.object({
  epoch: z.string(),
  stream: z.enum(STREAMS),
  changes: z.array(Change),
  nextCursor: z.number().int().min(0),
  hasMore: z.boolean(),
  /** Rows in the caller's scope and an order-independent hash of (id,rowVersion), to detect drift. */
  checksum: z.object({ count: z.number().int(), hash: z.string() }),
});
export type PullResponse = z.infer<typeof PullResponse>;

/** Error body of every 4xx/5xx answer; `code` is machine-readable, `message` readable Chinese. */
export const SYNC_ERROR_CODES = [
  'INVALID_INPUT',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'OUT_OF_ORDER',
  /** The request does not fit the record's current state (a stale knowledge-base revision). */
  'CONFLICT',
  'VERSION_NOT_SUPPORTED',
  'RATE_LIMITED',
  'UNAVAILABLE',
] as const;
export const ErrorBody = z.object({
  error: z.object({ code: z.enum(SYNC_ERROR_CODES), message: z.string(), lastMutationId: z.number().int().optional() }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
