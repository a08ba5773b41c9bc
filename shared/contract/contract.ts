import { z } from 'zod';
import {
  CallerHistory,
  InquiryDetail,
  InquiryInput,
  InquiryListQuery,
  InquiryPage,
  InquiryUpdate,
  Inquiry,
} from '../domain/inquiry';
import { CallerPhone } from '../domain/phone';
import { ReferenceLists } from '../domain/reference';
import { Region, RegionCode, RegionHit } from '../domain/region';
import { LoginInput, SessionState } from '../domain/account';
import { AppInfo, Draft, DraftData, SyncStatus } from '../domain/seat';
import { ResolveIssueInput, SyncIssueView } from '../domain/syncIssue';
import { Settings, SettingsPatch } from '../domain/settings';
import type { EventName, MethodName } from './channels';
import { caseSearchMethods } from './caseSearchMethods';
import { kbEditMethods } from './kbEditMethods';
import { kbMethods, KbSeatStatus } from './kbMethods';

const none = z.undefined();
const draftKey = z.string().regex(/^[a-z][a-z0-9:_-]{0,63}$/, '草稿标识不合法');

/** Every method the renderer may call on the seat: its input and output (DESIGN.md §4). */
export const methods = {
  'app:info': { input: none, output: AppInfo },
  'settings:get': { input: none, output: Settings },
  'settings:update': { input: SettingsPatch, output: Settings },
  /** Saves a new case: the row, its `created` event and an outbox entry, in one transaction. */
  'inquiry:create': { input: InquiryInput, output: Inquiry },
  /** Edits a case; every edit adds timeline event(s) and an outbox entry. */
  'inquiry:update': { input: InquiryUpdate, output: Inquiry },
  'inquiry:get': { input: z.strictObject({ id: z.string().uuid() }), output: InquiryDetail },
  'inquiry:list': { input: InquiryListQuery, output: InquiryPage },
  /** Earlier inquiries of a number and whether this call is a repeat (same number within 10 days). */
  'caller:history': {
    input: z.strictObject({ phone: CallerPhone, limit: z.number().int().min(1).max(100).default(20) }),
    output: CallerHistory,
  },
  'draft:get': { input: z.strictObject({ key: draftKey }), output: Draft.nullable() },
  'draft:save': { input: z.strictObject({ key: draftKey, data: DraftData }), output: Draft },
  'draft:clear': { input: z.strictObject({ key: draftKey }), output: z.null() },
  'region:children': { input: z.strictObject({ parentCode: RegionCode.nullable() }), output: z.array(Region) },
  /** Finds regions by Chinese name or pinyin initials (九台, jt, a village name). */
  'region:search': {
    input: z.strictObject({ q: z.string().trim().min(1).max(50), limit: z.number().int().min(1).max(50).default(20) }),
    output: z.array(RegionHit),
  },
  'region:path': { input: z.strictObject({ code: RegionCode }), output: RegionHit },
  'ref:lists': { input: none, output: ReferenceLists },
  'sync:status': { input: none, output: SyncStatus },
  /** "立即同步": runs a push + pull cycle now, past any back-off; resolves with the status after it. */
  'sync:now': { input: none, output: SyncStatus },
  'sync:issues': {
    input: z.strictObject({ includeResolved: z.boolean().default(false) }),
    output: z.array(SyncIssueView),
  },
  'sync:resolveIssue': { input: ResolveIssueInput, output: SyncIssueView },
  'auth:session': { input: none, output: SessionState },
  /** Online: checked by the server (and this seat registered as a device); offline: against the kept verifier. */
  'auth:login': { input: LoginInput, output: SessionState },
  'auth:logout': { input: none, output: SessionState },
  ...kbMethods,
  ...caseSearchMethods,
  ...kbEditMethods,
} as const satisfies Record<MethodName, { input: z.ZodType; output: z.ZodType }>;

/** Every event the seat pushes to the renderer. */
export const events = {
  'sync:statusChanged': SyncStatus,
  'inquiry:changed': z.object({ ids: z.array(z.string()) }),
  'auth:changed': SessionState,
  /** The seat's KB started or finished a replication step (timer, 立即更新, or after login). */
  'kb:statusChanged': KbSeatStatus,
} as const satisfies Record<EventName, z.ZodType>;

export type Methods = typeof methods;
export type In<M extends MethodName> = z.input<Methods[M]['input']>;
export type ParsedIn<M extends MethodName> = z.output<Methods[M]['input']>;
export type Out<M extends MethodName> = z.output<Methods[M]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
