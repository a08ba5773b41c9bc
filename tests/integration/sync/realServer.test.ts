import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../electron/core/log/logger';
import { anInquiry, openIntakeSeat, type IntakeSeat } from '../../../electron/core/intake/testSeat';
import { createSyncEngine, type SyncEngine } from '../../../electron/core/sync/engine';
import type { FetchFn } from '../../../electron/core/sync/httpClient';
import { startTestServer, testDatabase, type TestDatabase, type TestServer } from '../server/harness';

type Wire = { loseNextAnswer: boolean };

/** A seat with its engine talking real HTTP to the server; the wire can lose one answer on demand. */
function connect(baseUrl: string, seatCode: string, session: string) {
  const seat = openIntakeSeat();
  seat.actor.seatCode = seatCode;
  const wire: Wire = { loseNextAnswer: false };
  const wiredFetch: FetchFn = async (input, init) => {
    const response = await fetch(input, init);
    if (!wire.loseNextAnswer) return response;
    wire.loseNextAnswer = false;
    throw new TypeError('fetch failed', { cause: new Error('ECONNRESET (answer lost)') });
  };
  const engine = createSyncEngine({
    store: seat.store,
    serverUrl: () => baseUrl,
    seatCode: () => seatCode,
    credentials: { sessionToken: () => session },
    now: () => seat.clock.now,
    log: silentLogger(),
    fetch: wiredFetch,
  });
  engine.start();
  return { seat, engine, wire };
}

describe('seat sync engine against the real server (SQLite, loopback HTTP)', () => {
  let db: TestDatabase;
  let server: TestServer;
  let baseUrl: string;
  const seats: { seat: IntakeSeat; engine: SyncEngine }[] = [];

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
      await s.engine.stop();
      s.seat.cleanup();
    }
    await server.close();
    await db.cleanup();
  });

  it("delivers one seat's saves exactly once despite a lost answer, and another seat sees them and answers back", async () => {
    const s01 = connect(baseUrl, 'S01', await server.login('op1'));
    const s02 = connect(baseUrl, 'S02', await server.login('sup'));
    seats.push(s01, s02);
    await Promise.all([s01.engine.whenIdle(), s02.engine.whenIdle()]);

    s01.wire.loseNextAnswer = true;
    const saved = [];
    for (const q of ['玉米叶片发黄怎么办？', '稻瘟病怎么防？']) {
      saved.push(await s01.seat.must('inquiry:create', anInquiry({ question: q })));
    }
    s01.engine.notifyLocalWrite();
    await s01.engine.whenIdle();
    await s01.engine.syncNow();
    expect(s01.engine.status()).toMatchObject({ pending: 0, online: true, lastError: null });
    expect((await server.counts()).mutation_ledger).toBe(2);

    await s02.engine.syncNow();
    const seen = s02.seat.store.inquiries.get(saved[0]!.id);
    expect(seen).toMatchObject({ question: '玉米叶片发黄怎么办？', seatCode: 'S01' });
    await s02.seat.must('inquiry:update', {
      id: saved[0]!.id,
      expectedVersion: seen!.version,
      changes: { answer: '缺钾，追施钾肥。' },
    });
    s02.engine.notifyLocalWrite();
    await s02.engine.whenIdle();
    expect(s02.engine.status()).toMatchObject({ pending: 0, lastError: null });

    await s01.engine.syncNow();
    expect(s01.seat.store.inquiries.get(saved[0]!.id)).toMatchObject({
      answer: '缺钾，追施钾肥。',
      pendingSync: false,
    });
    expect((await server.counts()).mutation_ledger).toBe(3);
  });
});
