import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSocketTransport, type SocketLike } from './socketTransport';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: { id: number; method: string; input: unknown }[] = [];
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.drop();
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({});
  }
  answer(id: number, result: unknown) {
    this.onmessage?.({ data: JSON.stringify({ type: 'result', id, result }) });
  }
}

const messages = { dropped: 'dropped', unreachable: 'unreachable' };

function setup() {
  const sockets: FakeSocket[] = [];
  const transport = createSocketTransport({
    url: 'ws://127.0.0.1:1/rpc?token=t',
    createSocket: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    messages,
  });
  return { transport, sockets, last: () => sockets.at(-1)! };
}

describe('browser-mode socket transport', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends a call made before the socket opens once it opens, and pairs the answer by id', async () => {
    const { transport, last } = setup();
    const pending = transport.call('sync:status', undefined);
    last().open();
    const [frame] = last().sent;
    expect(frame).toMatchObject({ method: 'sync:status' });
    last().answer(frame!.id, { ok: true, value: 'x' });
    await expect(pending).resolves.toEqual({ ok: true, value: 'x' });
    expect(transport.state()).toBe('online');
  });

  it('fails calls in flight with OFFLINE when the socket drops, then reconnects and goes back online', async () => {
    const { transport, sockets, last } = setup();
    last().open();
    const states: string[] = [];
    transport.onState((s) => states.push(s));
    const pending = transport.call('inquiry:create', { question: '玉米' });
    last().drop();
    await expect(pending).resolves.toEqual({ ok: false, error: { code: 'OFFLINE', message: 'dropped' } });

    await vi.advanceTimersByTimeAsync(1_000);
    expect(sockets).toHaveLength(2);
    last().open();
    expect(states).toEqual(['offline', 'online']);
  });

  it('gives up on a call that waited too long for the connection, saying nothing was done', async () => {
    const { transport } = setup();
    const pending = transport.call('sync:status', undefined);
    await vi.advanceTimersByTimeAsync(8_000);
    await expect(pending).resolves.toEqual({ ok: false, error: { code: 'OFFLINE', message: 'unreachable' } });
  });

  it('delivers events to subscribers and ignores frames it does not understand', () => {
    const { transport, last } = setup();
    last().open();
    const seen: unknown[] = [];
    transport.subscribe('inquiry:changed', (p) => seen.push(p));
    last().onmessage?.({ data: 'not json' });
    last().onmessage?.({ data: JSON.stringify({ type: 'event', event: 'inquiry:changed', payload: { ids: ['a'] } }) });
    expect(seen).toEqual([{ ids: ['a'] }]);
  });
});
