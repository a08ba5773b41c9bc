import type { EventName, MethodName } from '../../shared/contract/channels';
import type { EventPayload, In, Out } from '../../shared/contract/contract';
import { methods } from '../../shared/contract/contract';
import { fail, ok, type Result } from '../../shared/contract/result';
import { caseDay, formatCaseNumber } from '../../shared/domain/caseNumber';
import {
  REPEAT_CALL_WINDOW_DAYS,
  summarizeInquiry,
  type Inquiry,
  type InquiryEvent,
} from '../../shared/domain/inquiry';
import type { Region, RegionHit } from '../../shared/domain/region';
import type { Draft } from '../../shared/domain/seat';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/domain/settings';
import { isOpen } from '../../shared/domain/status';
import type { Client } from '../api/client';
import { ALWAYS_ONLINE } from '../api/connection';
import { buildApi, type Transport } from '../api/transport';
import { createFakeCaseSearch } from './fakeCaseSearch';
import { createFakeKb } from './fakeKb';
import { createFakeKbEdit } from './fakeKbEdit';
import { createFakeSync } from './fakeSync';

const REGIONS: Region[] = [
  { code: '22', name: '吉林省', parentCode: null, level: 1, hasChildren: true },
  { code: '2201', name: '长春市', parentCode: '22', level: 2, hasChildren: true },
  { code: '2202', name: '吉林市', parentCode: '22', level: 2, hasChildren: false },
  { code: '220113', name: '九台区', parentCode: '2201', level: 3, hasChildren: true },
  { code: '220113100', name: '九台街道', parentCode: '220113', level: 4, hasChildren: true },
  { code: '220113100201', name: '卡伦村', parentCode: '220113100', level: 5, hasChildren: false },
];
const INITIALS: Record<string, string> = {
  '22': 'jls',
  '2201': 'ccs',
  '2202': 'jlshi',
  '220113': 'jtq',
  '220113100': 'jtjd',
  '220113100201': 'klc',
};

type Handler<M extends MethodName> = (input: In<M>) => Result<Out<M>> | Promise<Result<Out<M>>>;

/**
 * An in-memory seat for renderer tests and for looking at the UI without the real core:
 * same contract, inputs parsed with the contract's schemas, outputs checked by the client.
 */
export function createFakeSeat(seed: { inquiries?: Inquiry[]; draft?: Record<string, unknown> } = {}) {
  const calls: { method: MethodName; input: unknown }[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const inquiries: Inquiry[] = [...(seed.inquiries ?? [])];
  const events = new Map<string, InquiryEvent[]>();
  const created = (i: Inquiry): InquiryEvent => ({
    id: `e-${i.id}`,
    inquiryId: i.id,
    type: 'created',
    at: i.createdAt,
    operator: i.operator,
    seatCode: i.seatCode,
    data: { caseNo: i.caseNo, status: 'intake' },
  });
  for (const i of inquiries) events.set(i.id, [created(i)]);
  let settings: Settings = DEFAULT_SETTINGS;
  let draft: Draft | null = seed.draft
    ? { key: 'intake', data: seed.draft, savedAt: '2026-11-28T05:00:00.000Z' }
    : null;
  let serial = inquiries.length;

  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    for (const fn of listeners.get(event) ?? []) fn(payload);
  };
  const sync = createFakeSync(emit, {
    pending: () => inquiries.filter((i) => i.pendingSync).length,
    markSynced: () => inquiries.forEach((i, index) => (inquiries[index] = { ...i, pendingSync: false })),
  });
  const kbEdit = createFakeKbEdit({ user: sync.user, inquiry: (id) => inquiries.find((i) => i.id === id) });
  const kb = createFakeKb({ versions: kbEdit.versions });
  const caseSearch = createFakeCaseSearch(() => inquiries);
  const hit = (r: Region): RegionHit => {
    const path: { code: string; name: string }[] = [];
    for (let c: string | null = r.code; c; c = REGIONS.find((x) => x.code === c)?.parentCode ?? null) {
      const found = REGIONS.find((x) => x.code === c);
      if (found) path.unshift({ code: found.code, name: found.name });
    }
    return { code: r.code, name: r.name, level: r.level, path };
  };
  const summary = summarizeInquiry;

  const handlers: { [M in MethodName]: Handler<M> } = {
    'app:info': () =>
      ok({
        version: '0.1.0',
        mode: 'browser',
        dataDir: '/data/12316-seat',
        dbPath: '/data/12316-seat/seat.db',
        logFile: '/data/12316-seat/logs/core.log',
        settingsFile: '/data/12316-seat/settings.json',
      }),
    'settings:get': () => ok(settings),
    'settings:update': (patch) => {
      settings = { ...settings, ...patch, ui: { ...settings.ui, ...patch.ui } } as Settings;
      return ok(settings);
    },
    'inquiry:create': (raw) => {
      const input = methods['inquiry:create'].input.parse(raw);
      const now = new Date();
      serial += 1;
      const region = REGIONS.find((r) => r.code === input.regionCode);
      const inquiry: Inquiry = {
        id: `0190a0b0-0000-7000-8000-${String(serial).padStart(12, '0')}`,
        caseNo: formatCaseNumber(settings.seatCode, caseDay(now), serial),
        seatCode: settings.seatCode,
        operator: settings.operatorName,
        callerPhone: input.callerPhone,
        callerName: input.callerName,
        regionCode: input.regionCode,
        regionName: region
          ? hit(region)
              .path.map((p) => p.name)
              .join(' ')
          : null,
        channel: input.channel,
        category: input.category,
        subject: input.subject,
        question: input.question,
        answer: input.answer,
        status: input.status,
        priority: input.priority,
        expertId: input.expertId,
        departmentId: input.departmentId,
        kbArticleId: input.kbArticleId,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        callStartedAt: input.callStartedAt,
        callDurationSec: input.callDurationSec,
        version: 1,
        pendingSync: true,
      };
      inquiries.unshift(inquiry);
      events.set(inquiry.id, [created(inquiry)]);
      emit('inquiry:changed', { ids: [inquiry.id] });
      return ok(inquiry);
    },
    'inquiry:update': (raw) => {
      const input = methods['inquiry:update'].input.parse(raw);
      const index = inquiries.findIndex((i) => i.id === input.id);
      const current = inquiries[index];
      if (!current) return fail('NOT_FOUND', '没有找到该工单');
      if (current.version !== input.expectedVersion) return fail('CONFLICT', '工单已被修改，请重新加载');
      const next = {
        ...current,
        ...input.changes,
        version: current.version + 1,
        updatedAt: new Date().toISOString(),
      } as Inquiry;
      inquiries[index] = next;
      const edited = Object.fromEntries(
        Object.entries(input.changes).map(([k, to]) => [k, { from: current[k as keyof Inquiry], to }]),
      );
      events.get(next.id)?.push({
        ...created(next),
        id: `e-${next.id}-${next.version}`,
        type: 'edited',
        at: next.updatedAt,
        data: edited,
      });
      emit('inquiry:changed', { ids: [next.id] });
      return ok(next);
    },
    'inquiry:get': ({ id }) => {
      const inquiry = inquiries.find((i) => i.id === id);
      return inquiry
        ? ok({ inquiry, events: events.get(id) ?? [], refusedEventIds: [] })
        : fail('NOT_FOUND', '没有找到该工单');
    },
    'inquiry:list': (raw) => {
      const q = methods['inquiry:list'].input.parse(raw);
      const text = q.text?.trim();
      const matched = inquiries.filter(
        (i) => !text || i.question.includes(text) || i.answer.includes(text) || i.callerPhone.includes(text),
      );
      return ok({ items: matched.slice(q.offset, q.offset + q.limit).map(summary), total: matched.length });
    },
    'caller:history': (raw) => {
      const { phone, limit } = methods['caller:history'].input.parse(raw);
      const mine = inquiries.filter((i) => i.callerPhone === phone);
      const windowStart = Date.now() - REPEAT_CALL_WINDOW_DAYS * 86_400_000;
      const recentCalls = mine.filter((i) => Date.parse(i.createdAt) >= windowStart);
      const open = mine.find((i) => isOpen(i.status));
      return ok({
        phone,
        callerName: mine[0]?.callerName ?? null,
        regionCode: mine[0]?.regionCode ?? null,
        total: mine.length,
        recent: mine.slice(0, limit).map(summary),
        repeat:
          recentCalls.length > 0
            ? {
                lastCallAt: recentCalls[0]!.createdAt,
                callsInWindow: recentCalls.length,
                openCase: open
                  ? { id: open.id, caseNo: open.caseNo, status: open.status, createdAt: open.createdAt }
                  : null,
              }
            : null,
      });
    },
    'draft:get': () => ok(draft),
    'draft:save': ({ key, data }) => {
      draft = { key, data, savedAt: new Date().toISOString() };
      return ok(draft);
    },
    'draft:clear': () => {
      draft = null;
      return ok(null);
    },
    'region:children': ({ parentCode }) => ok(REGIONS.filter((r) => r.parentCode === parentCode)),
    'region:search': ({ q }) =>
      ok(REGIONS.filter((r) => r.name.includes(q) || (INITIALS[r.code] ?? '').startsWith(q.toLowerCase())).map(hit)),
    'region:path': ({ code }) => {
      const region = REGIONS.find((r) => r.code === code);
      return region ? ok(hit(region)) : fail('NOT_FOUND', '没有找到该地区');
    },
    'ref:lists': () =>
      ok({
        departments: [{ id: 'd-agri', name: '省农业农村厅', duties: '农业生产、惠农政策' }],
        experts: [
          {
            id: 'x-1',
            name: '王立新',
            specialty: '玉米栽培',
            level: 'provincial',
            organization: '吉林省农业科学院',
            phone: '0431-80000000',
          },
        ],
        subjects: ['玉米', '水稻', '大豆', '生猪', '肉牛'],
      }),
    ...sync.handlers,
    ...kb.handlers,
    ...caseSearch.handlers,
    ...kbEdit.handlers,
  };

  const transport: Transport = {
    call: async (method, input) => {
      calls.push({ method, input });
      return (handlers[method] as (i: unknown) => Result<unknown> | Promise<Result<unknown>>)(input);
    },
    subscribe: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  const client: Client = { api: buildApi(transport), connection: ALWAYS_ONLINE };

  return {
    client,
    calls,
    callsTo: (method: MethodName) => calls.filter((c) => c.method === method),
    get draft() {
      return draft;
    },
    inquiries,
    emit,
    sync,
    kb,
    caseSearch,
    kbEdit,
  };
}
export type FakeSeat = ReturnType<typeof createFakeSeat>;
