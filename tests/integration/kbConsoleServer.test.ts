import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName } from '../../shared/contract/channels';
import type { Out } from '../../shared/contract/contract';
import { silentLogger } from '../../electron/core/log/logger';
import { sourceResourcesDir } from '../../electron/core/paths';
import { openSeat, type Seat } from '../../electron/core/seat';
import { openConfBackend } from '../../electron/core/settings/confBackend';
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
  await server.createUser('op1', 'operator', { kind: 'seats', seatCodes: ['S01'] });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seat-kb-server-'));
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

describe('KB history and helpful marks through the central server', () => {
  it('asks for an online login first, then shows the server history of an article', async () => {
    expect(await seat.call('kb:history', { id: 'kb-0118' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED', message: expect.stringContaining('登录') },
    });

    await must('auth:login', { username: 'op1', password: PASSWORD });
    const versions = await must('kb:history', { id: 'kb-0118' });
    expect(versions).toEqual([expect.objectContaining({ version: 1, action: 'seed' })]);
  });

  it('records a helpful mark and answers with the counts', async () => {
    await must('auth:login', { username: 'op1', password: PASSWORD });
    expect(await must('kb:feedback', { id: 'kb-0118', helpful: true })).toEqual({
      helpful: 1,
      notHelpful: 0,
      mine: true,
    });
  });

  it('says history is not available offline once the network is gone', async () => {
    await must('auth:login', { username: 'op1', password: PASSWORD });
    net.down = true;
    const result = await seat.call('kb:history', { id: 'kb-0118' });
    expect(result).toMatchObject({ ok: false, error: { code: 'OFFLINE' } });
    if (!result.ok) expect(result.error.message).toContain('离线时无法查看历史版本');
    const found = await must('kb:search', { q: '苞米大斑病', limit: 5 });
    expect(found.hits[0]?.id).toBe('kb-0118');
  });
});
