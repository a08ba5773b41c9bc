import { z } from 'zod';
import type { EventName, MethodName } from '../../shared/contract/channels';
import type { Result } from '../../shared/contract/result';
import type { ConnectionState, Connection } from './connection';
import { ResultEnvelope } from './resultEnvelope';
import type { Transport } from './transport';

/** Results as they arrive over the wire; anything else is ignored. */
const IncomingFrame = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('result'),
    id: z.number().int(),
    result: ResultEnvelope,
  }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);

export type SocketLike = {
  readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
};

export type SocketOptions = {
  url: string;
  createSocket?: (url: string) => SocketLike;
  /** How long a call made while disconnected waits for the connection before failing. */
  queueWaitMs?: number;
  /** Reconnect delays grow from this to `maxDelayMs`, doubling, with jitter. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  messages: { dropped: string; unreachable: string };
};

type Waiting = {
  frame: string;
  id: number;
  resolve: (r: Result<unknown>) => void;
  timer: ReturnType<typeof setTimeout>;
};

const OPEN = 1;

/**
 * The contract over the browser-mode WebSocket (shared/contract/wire.ts). Calls sent before a drop
 * fail with OFFLINE (their outcome is unknown); calls made while disconnected wait briefly for the
 * reconnect, which retries with growing delays for as long as the page is open.
 */
export function createSocketTransport(options: SocketOptions): Transport & Connection & { close(): void } {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const queueWaitMs = options.queueWaitMs ?? 8_000;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 15_000;

  let socket: SocketLike | null = null;
  let state: ConnectionState = 'connecting';
  let attempt = 0;
  let nextId = 1;
  let closed = false;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  const inFlight = new Map<number, (r: Result<unknown>) => void>();
  const waiting: Waiting[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const stateListeners = new Set<(s: ConnectionState) => void>();

  const offline = (message: string): Result<never> => ({ ok: false, error: { code: 'OFFLINE', message } });

  function setState(next: ConnectionState) {
    if (state === next) return;
    state = next;
    for (const fn of stateListeners) fn(next);
  }

  function connect() {
    reconnectTimer = null;
    const ws = createSocket(options.url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setState('online');
      for (const w of waiting.splice(0)) {
        clearTimeout(w.timer);
        inFlight.set(w.id, w.resolve);
        ws.send(w.frame);
      }
    };
    ws.onmessage = (ev) => receive(ev.data);
    ws.onerror = () => {
      // The close event that always follows an error does the bookkeeping.
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      for (const resolve of inFlight.values()) resolve(offline(options.messages.dropped));
      inFlight.clear();
      if (closed) return;
      setState('offline');
      const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt) * (0.8 + Math.random() * 0.4);
      attempt += 1;
      reconnectTimer = setTimeout(connect, delay);
    };
  }

  function receive(data: unknown) {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return; // Not a frame of ours; the seat only sends JSON.
    }
    const frame = IncomingFrame.safeParse(json);
    if (!frame.success) return;
    if (frame.data.type === 'result') {
      const resolve = inFlight.get(frame.data.id);
      inFlight.delete(frame.data.id);
      resolve?.(frame.data.result);
    } else {
      for (const fn of listeners.get(frame.data.event) ?? []) fn(frame.data.payload);
    }
  }

  function call(method: MethodName, input: unknown): Promise<Result<unknown>> {
    const id = nextId++;
    const frame = JSON.stringify({ type: 'call', id, method, input });
    return new Promise((resolve) => {
      if (socket && socket.readyState === OPEN) {
        inFlight.set(id, resolve);
        socket.send(frame);
        return;
      }
      const timer = setTimeout(() => {
        const index = waiting.findIndex((w) => w.id === id);
        if (index >= 0) waiting.splice(index, 1);
        resolve(offline(options.messages.unreachable));
      }, queueWaitMs);
      waiting.push({ frame, id, resolve, timer });
    });
  }

  function subscribe(event: EventName, listener: (payload: unknown) => void) {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  }

  connect();

  return {
    call,
    subscribe,
    state: () => state,
    onState(fn) {
      stateListeners.add(fn);
      return () => stateListeners.delete(fn);
    },
    close() {
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      socket?.close();
      for (const w of waiting.splice(0)) {
        clearTimeout(w.timer);
        w.resolve(offline(options.messages.unreachable));
      }
    },
  };
}
