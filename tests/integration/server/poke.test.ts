import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../electron/core/log/logger';
import { createPokeListener } from '../../../electron/core/sync/poke';
import { createMutation, newInquiry, pushBody } from './fixtures';
import {
  DATABASE_URL,
  type Seat,
  type TestDatabase,
  type TestServer,
  VARIANTS,
  startTestServer,
  testDatabase,
} from './harness';

type Listening = { server: TestServer; url: string };

/** A seat's poke listener; `opened` resolves once the server has the stream (and so its subscription). */
function listen(at: Listening, seat: Seat) {
  const state = { pokes: 0, waiters: [] as { n: number; resolve: () => void }[] };
  let markOpen: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (markOpen = resolve));
  const listener = createPokeListener({
    serverUrl: () => at.url,
    deviceToken: () => seat.deviceToken,
    onPoke: () => {
      state.pokes += 1;
      for (const w of state.waiters.filter((x) => x.n <= state.pokes)) w.resolve();
    },
    log: silentLogger(),
    fetch: async (input, init) => {
      const res = await fetch(input, init);
      if (res.status === 200) markOpen();
      return res;
    },
  });
  listener.start();
  stops.push(() => listener.stop());
  return {
    state,
    opened,
    poked: (n: number) =>
      new Promise<void>((resolve) => {
        if (state.pokes >= n) resolve();
        else state.waiters.push({ n, resolve });
      }),
  };
}

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function started(db: TestDatabase): Promise<Listening> {
  const server = await startTestServer(db);
  const url = await server.app.listen({ port: 0, host: '127.0.0.1' });
  stops.push(() => server.close());
  return { server, url };
}

async function push(at: Listening, seat: Seat, id: number) {
  const res = await at.server.request({
    method: 'POST',
    url: '/sync/push',
    token: seat.deviceToken,
    payload: pushBody(seat, [createMutation(id, newInquiry(seat.seatCode))]),
  });
  expect(res.statusCode).toBe(200);
}

describe.each(VARIANTS)('live pokes over /sync/events (%s)', (variant) => {
  it('a push at one seat pokes the seats whose scope holds the change, and only those', async () => {
    const db = testDatabase(variant);
    stops.push(() => db.cleanup());
    const at = await started(db);
    await at.server.createUser('op1', 'operator', { kind: 'seats', seatCodes: ['S01'] });
    await at.server.createUser('op3', 'operator', { kind: 'seats', seatCodes: ['S03'] });
    await at.server.createUser('sup', 'supervisor', { kind: 'all' });
    const s01 = await at.server.registerSeat(await at.server.login('op1'), 'S01');
    const s03 = await at.server.registerSeat(await at.server.login('op3'), 'S03');
    const center = await at.server.registerSeat(await at.server.login('sup'), 'S02');
    const atCenter = listen(at, center);
    const atS03 = listen(at, s03);
    await Promise.all([atCenter.opened, atS03.opened]);

    await push(at, s01, 1);
    await atCenter.poked(1);
    // S03's own change: any poke it got for S01's case would have come down its stream first.
    await push(at, s03, 1);
    await atS03.poked(1);
    await atCenter.poked(2);
    expect(atS03.state.pokes).toBe(1);
  });

  it('refuses a stream without a device token and closes open streams when the server stops', async () => {
    const db = testDatabase(variant);
    stops.push(() => db.cleanup());
    const server = await startTestServer(db);
    const url = await server.app.listen({ port: 0, host: '127.0.0.1' });
    expect((await fetch(`${url}/sync/events`)).status).toBe(401);

    await server.createUser('sup', 'supervisor', { kind: 'all' });
    const seat = await server.registerSeat(await server.login('sup'), 'S02');
    const res = await fetch(`${url}/sync/events`, { headers: { authorization: `Bearer ${seat.deviceToken}` } });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain(': connected');
    await server.close();
    expect((await reader.read()).done).toBe(true);
  });
});

describe.skipIf(!DATABASE_URL)('live pokes across two server instances (postgres)', () => {
  it('a push through one instance pokes a seat connected to the other (LISTEN/NOTIFY)', async () => {
    const db = testDatabase('postgres');
    stops.push(() => db.cleanup());
    const a = await started(db);
    const b = await started(db);
    await a.server.createUser('op1', 'operator', { kind: 'seats', seatCodes: ['S01'] });
    await a.server.createUser('sup', 'supervisor', { kind: 'all' });
    const s01 = await a.server.registerSeat(await a.server.login('op1'), 'S01');
    const center = await b.server.registerSeat(await b.server.login('sup'), 'S02');
    const atCenter = listen(b, center);
    await atCenter.opened;

    await push(a, s01, 1);
    await atCenter.poked(1);
    await push(a, s01, 2);
    await atCenter.poked(2);
  });
});
