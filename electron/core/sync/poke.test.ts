import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger';
import { createPokeListener, type PokeListener, sseParser } from './poke';

type Connection = { authorization: string | undefined; res: http.ServerResponse };

/** A stand-in for GET /sync/events that hands each accepted connection to the test. */
async function eventServer(status = 200) {
  const waiting: ((c: Connection) => void)[] = [];
  const arrived: Connection[] = [];
  const open = new Set<http.ServerResponse>();
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests += 1;
    if (req.url !== '/sync/events' || status !== 200) {
      res.writeHead(status === 200 ? 404 : status).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(': connected\n\n');
    open.add(res);
    res.on('close', () => open.delete(res));
    const connection = { authorization: req.headers.authorization, res };
    const next = waiting.shift();
    if (next) next(connection);
    else arrived.push(connection);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get requests() {
      return requests;
    },
    nextConnection: () =>
      new Promise<Connection>((resolve) => {
        const ready = arrived.shift();
        if (ready) resolve(ready);
        else waiting.push(resolve);
      }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Resolves on the n-th poke; pokes are counted in `count`. */
function pokeCounter() {
  const state = { count: 0, waiters: [] as { n: number; resolve: () => void }[] };
  return {
    state,
    onPoke: () => {
      state.count += 1;
      for (const w of state.waiters.filter((x) => x.n <= state.count)) w.resolve();
    },
    reached: (n: number) =>
      new Promise<void>((resolve) => {
        if (state.count >= n) resolve();
        else state.waiters.push({ n, resolve });
      }),
  };
}

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function started(listener: PokeListener): Promise<PokeListener> {
  listener.start();
  stops.push(() => listener.stop());
  return listener;
}

describe('live poke listener', () => {
  it('pulls once per poke from the server and ignores heartbeats and other events', async () => {
    const server = await eventServer();
    stops.push(server.close);
    const pokes = pokeCounter();
    await started(
      createPokeListener({
        serverUrl: () => `${server.url}/`,
        deviceToken: () => 'device-token-0123456789',
        onPoke: pokes.onPoke,
        log: silentLogger(),
      }),
    );
    const connection = await server.nextConnection();
    expect(connection.authorization).toBe('Bearer device-token-0123456789');

    connection.res.write(': heartbeat\n\nevent: hello\ndata: {}\n\n');
    connection.res.write('event: po');
    connection.res.write('ke\r\ndata: {"seq":7}\r');
    connection.res.write('\n\r\n');
    await pokes.reached(1);
    expect(pokes.state.count).toBe(1);
    connection.res.write('event: poke\ndata: {"seq":8}\n\n');
    await pokes.reached(2);
  });

  it('reconnects after the stream drops and pulls once to catch what it missed', async () => {
    const server = await eventServer();
    stops.push(server.close);
    const pokes = pokeCounter();
    await started(
      createPokeListener({
        serverUrl: () => server.url,
        deviceToken: () => 'device-token-0123456789',
        onPoke: pokes.onPoke,
        log: silentLogger(),
        retry: { baseMs: 10, capMs: 20 },
      }),
    );
    (await server.nextConnection()).res.destroy();
    const second = await server.nextConnection();
    await pokes.reached(1);
    second.res.write('event: poke\ndata: {"seq":1}\n\n');
    await pokes.reached(2);
    expect(pokes.state.count).toBe(2);
  });

  it('drops a stream that has gone silent and opens a new one', async () => {
    const server = await eventServer();
    stops.push(server.close);
    await started(
      createPokeListener({
        serverUrl: () => server.url,
        deviceToken: () => 'device-token-0123456789',
        onPoke: () => undefined,
        log: silentLogger(),
        retry: { baseMs: 10, capMs: 20 },
        silenceMs: 100,
      }),
    );
    const first = await server.nextConnection();
    const closed = new Promise<void>((resolve) => first.res.on('close', resolve));
    await server.nextConnection();
    await closed;
  });

  it('waits for a server address and a device token before connecting', async () => {
    const server = await eventServer();
    stops.push(server.close);
    let token: string | null = null;
    const checked: string[] = [];
    await started(
      createPokeListener({
        serverUrl: () => server.url,
        deviceToken: () => {
          checked.push(token ?? 'none');
          return token;
        },
        onPoke: () => undefined,
        log: silentLogger(),
        idleMs: 10,
      }),
    );
    expect(checked).toEqual(['none']);
    expect(server.requests).toBe(0);
    token = 'device-token-registered-1';
    expect((await server.nextConnection()).authorization).toBe('Bearer device-token-registered-1');
  });

  it('keeps retrying, without throwing, while the server refuses the token', async () => {
    const server = await eventServer(401);
    stops.push(server.close);
    const pokes = pokeCounter();
    await started(
      createPokeListener({
        serverUrl: () => server.url,
        deviceToken: () => 'revoked-token-0123456789',
        onPoke: pokes.onPoke,
        log: silentLogger(),
        retry: { baseMs: 5, capMs: 5 },
      }),
    );
    await expect.poll(() => server.requests).toBeGreaterThanOrEqual(3);
    expect(pokes.state.count).toBe(0);
  });

  it('stop() closes the open stream and no poke arrives after it', async () => {
    const server = await eventServer();
    stops.push(server.close);
    const pokes = pokeCounter();
    const listener = createPokeListener({
      serverUrl: () => server.url,
      deviceToken: () => 'device-token-0123456789',
      onPoke: pokes.onPoke,
      log: silentLogger(),
    });
    listener.start();
    const connection = await server.nextConnection();
    const closed = new Promise<void>((resolve) => connection.res.on('close', resolve));
    await listener.stop();
    await closed;
    connection.res.write('event: poke\ndata: {"seq":1}\n\n');
    expect(pokes.state.count).toBe(0);
  });

  it('a throwing poke handler does not end the listener', async () => {
    const server = await eventServer();
    stops.push(server.close);
    const pokes = pokeCounter();
    let calls = 0;
    await started(
      createPokeListener({
        serverUrl: () => server.url,
        deviceToken: () => 'device-token-0123456789',
        onPoke: () => {
          calls += 1;
          if (calls === 1) throw new Error('engine busy');
          pokes.onPoke();
        },
        log: silentLogger(),
      }),
    );
    const connection = await server.nextConnection();
    connection.res.write('event: poke\ndata: {}\n\nevent: poke\ndata: {}\n\n');
    await pokes.reached(1);
    expect(calls).toBe(2);
  });
});

describe('Server-Sent Events framing', () => {
  it('joins data lines and dispatches on a blank line, whatever the chunking', () => {
    const text = 'event: poke\ndata: a\ndata: b\n\n: comment\n\ndata: plain\n\n';
    const whole: [string, string][] = [];
    sseParser((e, d) => whole.push([e, d])).push(text);
    expect(whole).toEqual([
      ['poke', 'a\nb'],
      ['message', 'plain'],
    ]);
    const byChar: [string, string][] = [];
    const parser = sseParser((e, d) => byChar.push([e, d]));
    for (const ch of text.replaceAll('\n', '\r\n')) parser.push(ch);
    expect(byChar).toEqual(whole);
  });
});
