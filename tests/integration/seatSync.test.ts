import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName } from '../../shared/contract/channels';
import type { In, Out } from '../../shared/contract/contract';
import type { Resolution } from '../../shared/domain/syncIssue';
import { silentLogger } from '../../electron/core/log/logger';
import { sourceResourcesDir } from '../../electron/core/paths';
import { openSeat, type Seat } from '../../electron/core/seat';
import { openConfBackend } from '../../electron/core/settings/confBackend';
import { PASSWORD, startTestServer, testDatabase, type TestDatabase, type TestServer } from './server/harness';

const NOW = new Date('2026-11-28T06:00:00.000Z');
const INQUIRY = {
  callerPhone: '13904312345',
  callerName: '张大山',
  regionCode: '220113',
  channel: 'phone',
  category: '种植业-粮食作物',
  subject: '玉米',
  question: '玉米叶片发黄，下部叶子有褐色斑点',
} as const;

type TestSeat = {
  seat: Seat;
  dataDir: string;
  /** Pull the cable: every request of this seat (sync, login, poke stream) fails as if unreachable. */
  net: { down: boolean };
  /** Resolves once the server has accepted this seat's live poke stream. */
  pokeStreamOpen: Promise<void>;
  call<M extends MethodName>(method: M, input?: In<M>): Promise<Awaited<ReturnType<Seat['call']>>>;
  must<M extends MethodName>(method: M, input?: In<M>): Promise<Out<M>>;
};

let db: TestDatabase;
let server: TestServer;
let baseUrl: string;
const seats: TestSeat[] = [];

beforeEach(async () => {
  db = testDatabase('sqlite');
  server = await startTestServer(db);
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  await server.createUser('op1', 'operator', { kind: 'seats', seatCodes: ['S01'] });
  await server.createUser('sup', 'supervisor', { kind: 'all' });
});

afterEach(async () => {
  for (const s of seats.splice(0)) {
    await s.seat.close();
    fs.rmSync(s.dataDir, { recursive: true, force: true });
  }
  await server.close();
  await db.cleanup();
});

/** A whole seat (as Electron or browser mode opens it) on its own folder, pointed at the test server. */
async function openTestSeat(seatCode: string, url = baseUrl): Promise<TestSeat> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seat-sync-'));
  const net = { down: false };
  let opened: () => void = () => undefined;
  const pokeStreamOpen = new Promise<void>((resolve) => (opened = resolve));
  const seat = openSeat({
    fetch: async (input, init) => {
      if (net.down) throw new TypeError('fetch failed', { cause: new Error('ECONNREFUSED') });
      const response = await fetch(input, init);
      if (input.endsWith('/sync/events') && response.status === 200) opened();
      return response;
    },
    dataDir,
    resourcesDir: sourceResourcesDir(),
    mode: 'browser',
    appVersion: '0.1.0-test',
    settingsBackend: openConfBackend(dataDir),
    log: silentLogger(),
    checkOutput: true,
    now: () => NOW,
  });
  const call: TestSeat['call'] = (method, input) => seat.call(method, input);
  const must: TestSeat['must'] = async (method, input) => {
    const result = await seat.call(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result.value as Out<typeof method>;
  };
  const testSeat = { seat, dataDir, net, pokeStreamOpen, call, must };
  seats.push(testSeat);
  await must('settings:update', { seatCode, serverUrl: url });
  return testSeat;
}

async function loggedIn(seatCode: string, username: string): Promise<TestSeat> {
  const s = await openTestSeat(seatCode);
  await s.must('auth:login', { username, password: PASSWORD });
  await s.must('sync:now');
  return s;
}

describe('a seat connected to the server', () => {
  it('logs in online, signs new cases with the user, syncs them, and another seat sees them after 立即同步', async () => {
    const s01 = await openTestSeat('S01');
    const changes: unknown[] = [];
    s01.seat.events.on('auth:changed', (state) => changes.push(state.user?.username ?? null));
    const session = await s01.must('auth:login', { username: 'op1', password: PASSWORD });
    expect(session).toMatchObject({ user: { username: 'op1', role: 'operator' }, offline: false });
    expect(changes).toEqual(['op1']);

    const saved = await s01.must('inquiry:create', INQUIRY);
    expect(saved.operator).toBe('op1 显示名');
    const status = await s01.must('sync:now');
    expect(status).toMatchObject({ online: true, serverConfigured: true, pending: 0, lastError: null, openIssues: 0 });
    expect(status.lastSyncAt).not.toBeNull();
    expect(await s01.must('sync:status')).toEqual(status);

    const s02 = await loggedIn('S02', 'sup');
    const seen = await s02.must('inquiry:get', { id: saved.id });
    expect(seen.inquiry).toMatchObject({ caseNo: saved.caseNo, question: INQUIRY.question, pendingSync: false });
  });

  it("shows another seat's case with its whole timeline, including follow-up notes added later", async () => {
    const s01 = await loggedIn('S01', 'op1');
    const s02 = await loggedIn('S02', 'sup');
    const created = await s01.must('inquiry:create', INQUIRY);
    await s01.must('inquiry:update', {
      id: created.id,
      expectedVersion: created.version,
      changes: {},
      note: '回访：农户说已追施钾肥',
    });
    await s01.must('sync:now');
    await s02.must('sync:now');
    const seen = await s02.must('inquiry:get', { id: created.id });
    expect(seen.events.map((e) => [e.type, e.seatCode])).toEqual([
      ['created', 'S01'],
      ['note', 'S01'],
    ]);
    expect(seen.events[1]?.data).toEqual({ text: '回访：农户说已追施钾肥' });
    expect(seen.events).toEqual((await s01.must('inquiry:get', { id: created.id })).events);
  });

  it('tells the windows about cases another seat changed, without flashing offline', async () => {
    const s01 = await loggedIn('S01', 'op1');
    const s02 = await loggedIn('S02', 'sup');
    const offline: boolean[] = [];
    s01.seat.events.on('sync:statusChanged', (s) => offline.push(!s.online));
    const heard: string[][] = [];
    s02.seat.events.on('inquiry:changed', ({ ids }) => heard.push(ids));
    const saved = await s01.must('inquiry:create', INQUIRY);
    await s01.must('sync:now');
    await s02.must('sync:now');
    expect(heard.flat()).toContain(saved.id);
    expect(offline.filter(Boolean)).toEqual([]);
  });

  it('shows a save at one seat on the other without 立即同步: the server pokes it', async () => {
    const s01 = await loggedIn('S01', 'op1');
    const s02 = await loggedIn('S02', 'sup');
    await s02.pokeStreamOpen;
    const arrived = new Promise<string[]>((resolve) =>
      s02.seat.events.on('inquiry:changed', ({ ids }) => resolve(ids)),
    );
    const saved = await s01.must('inquiry:create', INQUIRY);
    expect(await arrived).toEqual([saved.id]);
    expect((await s02.must('inquiry:get', { id: saved.id })).inquiry.question).toBe(INQUIRY.question);
  });

  it('without a server: says so in the status and keeps saving locally', async () => {
    const local = await openTestSeat('S01', '');
    await local.must('inquiry:create', INQUIRY);
    expect(await local.must('sync:now')).toMatchObject({
      online: false,
      serverConfigured: false,
      pending: 1,
      oldestPendingAt: NOW.toISOString(),
      lastError: expect.stringContaining('服务器地址'),
    });
  });
});

describe('offline login', () => {
  it('works after one online login with the same password, and refuses a wrong one', async () => {
    const s01 = await loggedIn('S01', 'op1');
    expect(await s01.must('auth:logout')).toEqual({ user: null, offline: false, expiresAt: null });
    await server.close();

    expect(await s01.call('auth:login', { username: 'op1', password: 'wrong-password' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
    expect(await s01.call('auth:login', { username: 'sup', password: PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'OFFLINE', message: expect.stringContaining('联网后登录一次') },
    });
    const offline = await s01.must('auth:login', { username: 'op1', password: PASSWORD });
    expect(offline).toMatchObject({ user: { username: 'op1', role: 'operator' }, offline: true });
    expect((await s01.must('inquiry:create', INQUIRY)).operator).toBe('op1 显示名');
    expect(await s01.must('auth:session')).toEqual(offline);

    // The verifier is a salted hash: the password itself is nowhere in the seat database.
    const raw = new Database(s01.seat.paths.db, { readonly: true });
    const meta = raw.prepare(`SELECT group_concat(value, ' ') AS all_values FROM sync_meta`).get() as {
      all_values: string;
    };
    raw.close();
    expect(meta.all_values).not.toContain(PASSWORD);
    server = await startTestServer(db);
  });

  it('refuses a disabled account with a clear message and no longer lets it in offline', async () => {
    const s01 = await loggedIn('S01', 'op1');
    await s01.must('auth:logout');
    await server.createUser('admin1', 'admin', { kind: 'all' });
    const admin = await server.login('admin1');
    const op1 = (await server.store.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'op1')
      .executeTakeFirst())!;
    const res = await server.request({ method: 'POST', url: `/admin/users/${op1.id}/disable`, token: admin });
    expect(res.statusCode).toBe(200);

    expect(await s01.call('auth:login', { username: 'op1', password: PASSWORD })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '该账号已停用，请联系管理员' },
    });
    await s01.must('settings:update', { serverUrl: 'http://127.0.0.1:1' });
    expect(await s01.call('auth:login', { username: 'op1', password: PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'OFFLINE' },
    });
  });
});

describe('changes made offline by an operator disabled meanwhile', () => {
  it('are refused by the server and shown in the 冲突与退回 inbox with the reason', async () => {
    await server.createUser('admin1', 'admin', { kind: 'all' });
    const s01 = await loggedIn('S01', 'sup');
    await s01.must('auth:logout');
    await s01.must('auth:login', { username: 'op1', password: PASSWORD });

    s01.net.down = true;
    const offline = await s01.must('inquiry:create', INQUIRY);
    const op1 = (await server.store.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'op1')
      .executeTakeFirst())!;
    const admin = await server.login('admin1');
    expect(
      (await server.request({ method: 'POST', url: `/admin/users/${op1.id}/disable`, token: admin })).statusCode,
    ).toBe(200);
    s01.net.down = false;
    await s01.must('sync:now');

    const issues = await s01.must('sync:issues', { includeResolved: false });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ kind: 'rejected', caseNo: offline.caseNo });
    expect(JSON.stringify(issues[0])).toContain('已被停用');
    expect(await server.counts()).toMatchObject({ inquiry: 0 });
    // The case stays at the seat with its timeline, each refused entry marked as such.
    const detail = await s01.must('inquiry:get', { id: offline.id });
    expect(detail.events.length).toBeGreaterThan(0);
    expect(detail.refusedEventIds.sort()).toEqual(detail.events.map((e) => e.id).sort());
  });
});

/** Two seats answer the same case, S02 offline meanwhile: S02's answer comes back as a conflict. */
async function conflictOnAnswer() {
  const s01 = await loggedIn('S01', 'op1');
  const s02 = await loggedIn('S02', 'sup');
  const created = await s01.must('inquiry:create', INQUIRY);
  await s01.must('sync:now');
  await s02.must('sync:now');
  const stale = await s02.must('inquiry:get', { id: created.id });

  s02.net.down = true;
  await s01.must('inquiry:update', {
    id: created.id,
    expectedVersion: created.version,
    changes: { answer: '缺钾，追施钾肥' },
  });
  await s01.must('sync:now');
  await s02.must('inquiry:update', {
    id: created.id,
    expectedVersion: stale.inquiry.version,
    changes: { answer: '可能是大斑病，喷施杀菌剂' },
  });
  s02.net.down = false;
  await s02.must('sync:now');
  return { s01, s02, id: created.id, caseNo: created.caseNo };
}

async function answerSeenBy(s: TestSeat, id: string): Promise<string> {
  await s.must('sync:now');
  return (await s.must('inquiry:get', { id })).inquiry.answer;
}

describe('the 冲突与退回 inbox', () => {
  it('shows a conflict made by two seats, with the case number and both answers', async () => {
    const { s02, id, caseNo } = await conflictOnAnswer();
    const issues = await s02.must('sync:issues', { includeResolved: false });
    expect(issues).toEqual([
      expect.objectContaining({
        kind: 'conflict',
        inquiryId: id,
        caseNo,
        resolvedAt: null,
        conflicts: [{ field: 'answer', base: '', mine: '可能是大斑病，喷施杀菌剂', theirs: '缺钾，追施钾肥' }],
        change: null,
      }),
    ]);
    expect((await s02.must('sync:status')).openIssues).toBe(1);
  });

  it.each<[Resolution, { merged?: { answer: string } }, string, string]>([
    ['mine', {}, '可能是大斑病，喷施杀菌剂', '保留本机'],
    ['theirs', {}, '缺钾，追施钾肥', '采用服务器'],
    [
      'merge',
      { merged: { answer: '先查是否大斑病；如是缺钾，追施钾肥' } },
      '先查是否大斑病；如是缺钾，追施钾肥',
      '合并',
    ],
  ])('resolves "%s": the server and both seats end with that answer', async (action, extra, expected, noted) => {
    const { s01, s02, id } = await conflictOnAnswer();
    const [issue] = await s02.must('sync:issues', { includeResolved: false });
    const resolved = await s02.must('sync:resolveIssue', { id: issue!.id, action, ...extra });
    expect(resolved.resolvedAt).not.toBeNull();

    expect(await answerSeenBy(s02, id)).toBe(expected);
    expect(await answerSeenBy(s01, id)).toBe(expected);
    expect(await s02.must('sync:status')).toMatchObject({ pending: 0, openIssues: 0, lastError: null });
    expect(await s02.must('sync:issues', { includeResolved: false })).toEqual([]);
    const timeline = (await s02.must('inquiry:get', { id })).events;
    expect(timeline.at(-1)).toMatchObject({ type: 'note', data: { text: expect.stringContaining(noted) } });
  });

  it('dismiss: gone from the open list, still in the database with its payload', async () => {
    const { s02 } = await conflictOnAnswer();
    const [issue] = await s02.must('sync:issues', { includeResolved: false });
    await s02.must('sync:resolveIssue', { id: issue!.id, action: 'dismiss' });
    expect(await s02.must('sync:issues', { includeResolved: false })).toEqual([]);
    const all = await s02.must('sync:issues', { includeResolved: true });
    expect(all).toEqual([expect.objectContaining({ id: issue!.id, resolvedAt: expect.any(String) })]);
    expect(all[0]!.conflicts).toHaveLength(1);
    expect(await s02.call('sync:resolveIssue', { id: issue!.id, action: 'mine' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('refuses a merge without the merged text and changes nothing', async () => {
    const { s02 } = await conflictOnAnswer();
    const [issue] = await s02.must('sync:issues', { includeResolved: false });
    expect(await s02.call('sync:resolveIssue', { id: issue!.id, action: 'merge' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await s02.must('sync:issues', { includeResolved: false })).toHaveLength(1);
    expect((await s02.must('sync:status')).pending).toBe(0);
  });
});
