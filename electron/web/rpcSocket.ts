import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { EVENTS } from '../../shared/contract/channels';
import { fail, type Result } from '../../shared/contract/result';
import { WIRE_MAX_FRAME_BYTES, WireCall, type WireMessage } from '../../shared/contract/wire';
import type { SeatEvents } from '../core/events';
import type { Logger } from '../core/log/logger';
import { describeIssues, INTERNAL_MESSAGE } from '../core/rpc/dispatch';
import { errorText } from './errorText';

/** What the socket binding needs from an open seat (electron/core/seat.ts `Seat`). */
export type SeatLink = {
  call(method: unknown, input: unknown): Promise<Result<unknown>>;
  events: SeatEvents;
};

export type RpcSocket = {
  /** Takes over an upgrade request the host has already authorised (token, origin, host). */
  accept(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  connections(): number;
  close(): Promise<void>;
};

/** Id used to answer a frame whose own id cannot be read; no real call uses it. */
const UNKNOWN_CALL_ID = -1;

/**
 * The contract over a loopback WebSocket: each `call` frame → `seat.call` → one `result` frame with
 * the same id; every seat event goes to every open socket. A bad frame gets an INVALID_INPUT result
 * and the socket stays open. Frames above WIRE_MAX_FRAME_BYTES close that socket (code 1009).
 */
export function createRpcSocket(seat: SeatLink, log: Logger): RpcSocket {
  const wss = new WebSocketServer({ noServer: true, maxPayload: WIRE_MAX_FRAME_BYTES, clientTracking: true });

  const send = (ws: WebSocket, message: WireMessage) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
  };

  const unsubscribe = EVENTS.map((event) =>
    seat.events.on(event, (payload) => {
      for (const ws of wss.clients) send(ws, { type: 'event', event, payload });
    }),
  );

  async function handleFrame(ws: WebSocket, data: RawData, isBinary: boolean): Promise<void> {
    const frame = parseFrame(data, isBinary);
    if (!frame.ok) {
      log.warn({ reason: frame.reason }, 'refused a malformed frame');
      send(ws, { type: 'result', id: frame.id, result: fail('INVALID_INPUT', frame.message) });
      return;
    }
    const { id, method, input } = frame.call;
    let result: Result<unknown>;
    try {
      result = await seat.call(method, input);
    } catch (err) {
      // seat.call never throws by contract; if it does, the socket still answers and the host lives.
      log.error({ method, err: errorText(err) }, 'seat.call threw');
      result = fail('INTERNAL', INTERNAL_MESSAGE);
    }
    send(ws, { type: 'result', id, result });
  }

  wss.on('connection', (ws) => {
    log.info({ connections: wss.clients.size }, 'renderer connected');
    ws.on('message', (data, isBinary) => void handleFrame(ws, data, isBinary));
    ws.on('error', (err) => log.warn({ err: errorText(err) }, 'socket error'));
    ws.on('close', (code) => log.info({ code, connections: wss.clients.size }, 'renderer disconnected'));
  });

  return {
    accept(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    connections: () => wss.clients.size,
    close() {
      for (const off of unsubscribe) off();
      for (const ws of wss.clients) ws.terminate();
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}

type ParsedFrame = { ok: true; call: WireCall } | { ok: false; id: number; reason: string; message: string };

function parseFrame(data: RawData, isBinary: boolean): ParsedFrame {
  if (isBinary) return { ok: false, id: UNKNOWN_CALL_ID, reason: 'binary', message: '请求格式不正确：应为文本消息。' };
  let json: unknown;
  try {
    json = JSON.parse(rawText(data));
  } catch {
    // Not JSON: answered with INVALID_INPUT below, the socket stays usable.
    return { ok: false, id: UNKNOWN_CALL_ID, reason: 'json', message: '请求格式不正确：不是有效的 JSON。' };
  }
  const parsed = WireCall.safeParse(json);
  if (parsed.success) return { ok: true, call: parsed.data };
  return {
    ok: false,
    id: readableId(json),
    reason: 'shape',
    message: `请求格式不正确：${describeIssues(parsed.error)}`,
  };
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

/** The caller's id, when the frame has a usable one, so its pending call is answered instead of hanging. */
function readableId(json: unknown): number {
  if (typeof json === 'object' && json !== null && 'id' in json) {
    const { id } = json;
    if (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) return id;
  }
  return UNKNOWN_CALL_ID;
}
