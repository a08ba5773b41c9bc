import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName } from '../../shared/contract/channels';
import type { Out } from '../../shared/contract/contract';
import { SERVER_PAGE_SIZE } from '../../electron/core/caseSearch/caseSearchService';
import { silentLogger } from '../../electron/core/log/logger';
import { sourceResourcesDir } from '../../electron/core/paths';
import { openSeat, type Seat } from '../../electron/core/seat';
import { openConfBackend } from '../../electron/core/settings/confBackend';
import { createMutation, newInquiry, pushBody } from './server/fixtures';
import { PASSWORD, startTestServer, testDatabase, type TestDatabase, type TestServer } from './server/harness';

let db: TestDatabase;
let server: TestServer;
let seat: Seat;
let dataDir: string;
const net = { down: false };

beforeEach(async () => {
  db = testDatabase('sqlite');
  server = await startTestServer(db);
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  await server.createUser('op1', 'operator', { kind: 'seats', seatCodes: ['S01', 'S02'] });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seat-case-search-'));
  net.down = false;
  seat = openSeat({
    fetch: async (input, init) => {
      if (net.down) throw new TypeError('fetch failed', { cause: new Error('ECONNREFUSED') });
      return fetch(input, init);
    },
    dataDir,
    resourcesDir: sourceResourcesDir(),
    mode: 'browser',
    appVersion: '0.1.0-test',
    settingsBackend: openConfBackend(dataDir),
    log: silentLogger(),
    checkOutput: true,
    // The server's sessions expire by its fixed test clock; the seat must judge them by the same one.
    now: () => new Date(server.clock.now),
  });
  const url = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  await must('settings:update', { seatCode: 'S01', serverUrl: url });
});

afterEach(async () => {
  await seat.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  await server.close();
  await db.cleanup();
});

async function must<M extends MethodName>(method: M, input?: unknown): Promise<Out<M>> {
  const result = await seat.call(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as Out<M>;
}

/** Cases another seat (S02) recorded: on the server only, never in this seat's database. */
async function pushFromOtherSeat(questions: string[]) {
  const token = await server.login('op1');
  const other = await server.registerSeat(token, 'S02');
  const cases = questions.map((question) => newInquiry('S02', { question, callerPhone: '13904312345' }));
  const res = await server.request({
    method: 'POST',
    url: '/sync/push',
    token: other.deviceToken,
    payload: pushBody(
      other,
      cases.map((c, i) => createMutation(i + 1, c)),
    ),
  });
  expect(res.statusCode, res.body).toBe(200);
  return cases;
}

describe('searching every case through the central server', () => {
  it('asks for an online login first, then finds cases of this seat and of others', async () => {
    expect(await seat.call('cases:searchServer', { q: '玉米' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED', message: expect.stringContaining('登录') },
    });

    await must('auth:login', { username: 'op1', password: PASSWORD });
    const mine = await must('inquiry:create', {
      callerPhone: '13812345678',
      channel: 'phone',
      category: '植物保护-病虫害',
      question: '苞米叶子上一条一条的黄斑',
    });
    await must('sync:now');
    const [theirs] = await pushFromOtherSeat(['玉米叶子发黄是缺肥吗']);

    const page = await must('cases:searchServer', { q: '玉米 叶子' });
    expect(page.hits.map((h) => h.caseNo).sort()).toEqual([mine.caseNo, theirs!.caseNo].sort());
    expect(page.terms).toEqual(expect.arrayContaining(['玉米', '叶子']));
    expect(page.hits.find((h) => h.id === theirs!.id)?.callerPhoneMasked).toBe('139****2345');
    expect(JSON.stringify(page)).not.toContain('13904312345');
  });

  it('pages on with the cursor the server gave, without repeating or skipping a case', async () => {
    await must('auth:login', { username: 'op1', password: PASSWORD });
    const pushed = await pushFromOtherSeat(
      Array.from({ length: SERVER_PAGE_SIZE + 1 }, (_, i) => `猪不吃食第${i + 1}天`),
    );

    const first = await must('cases:searchServer', { q: '猪 不吃食' });
    expect(first.hits).toHaveLength(SERVER_PAGE_SIZE);
    expect(first.nextCursor).not.toBeNull();
    const second = await must('cases:searchServer', { q: '猪 不吃食', cursor: first.nextCursor });
    expect(second.nextCursor).toBeNull();
    const ids = [...first.hits, ...second.hits].map((h) => h.id);
    expect(ids.sort()).toEqual(pushed.map((c) => c.id).sort());
  });

  it('says only local cases can be searched once the network is gone', async () => {
    await must('auth:login', { username: 'op1', password: PASSWORD });
    net.down = true;
    const result = await seat.call('cases:searchServer', { q: '玉米' });
    expect(result).toMatchObject({ ok: false, error: { code: 'OFFLINE' } });
    if (!result.ok) expect(result.error.message).toContain('只能检索本机工单');
  });
});
