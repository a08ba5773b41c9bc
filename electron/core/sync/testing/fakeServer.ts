import { v4 as uuidv4 } from 'uuid';
import type { InquiryEvent } from '../../../../shared/domain/inquiry';
import { scopeChecksum } from '../../../../shared/sync/checksum';
import { RegisterDeviceRequest } from '../../../../shared/sync/auth';
import {
  PullQuery,
  PushRequest,
  type Change,
  type ErrorBody,
  type MutationResult,
  type ServerInquiry,
} from '../../../../shared/sync/protocol';
import { applyMutation, mutationInquiryId, type Actor, type ServerRow } from '../../../../shared/sync/reducer';
import type { FetchFn } from '../httpClient';

/**
 * What the network does to one request: let it through, lose it, lose its answer, deliver it twice,
 * fail it with a 500, or stall its answer past the client's timeout.
 */
export type Fault = 'pass' | 'dropRequest' | 'dropResponse' | 'duplicate' | 'http500' | 'slow';

export const SESSION_TOKEN = 'session-of-zhang-li';

type ClientLedger = { lastMutationId: number; results: Map<number, MutationResult> };

type State = {
  epoch: string;
  seq: number;
  rows: Map<string, ServerRow>;
  eventIds: Map<string, Set<string>>;
  timelines: Map<string, InquiryEvent[]>;
  log: Change[];
  clients: Map<string, ClientLedger>;
  devices: Map<string, string>;
  /** Every (client, mutation) the server processed, in order: the ledger tests check for exactly-once. */
  processed: { clientId: string; mutationId: number }[];
};

type Answer = { status: number; body: unknown };

/**
 * An in-process server that follows the sync protocol (DESIGN.md §6 rules 1, 2, 5) closely enough to
 * test the seat against: per-client ledger with replay and OUT_OF_ORDER, the shared reducer, a
 * commit-ordered change log with tombstones and SCOPE_OUT, epochs and restore from a snapshot.
 * Its `fetch` injects one queued fault per request.
 */
export function createFakeServer(options: { actor?: Actor; minProtocol?: number } = {}) {
  const actor: Actor = options.actor ?? { userId: 'u-zhangli', role: 'operator', scope: { kind: 'all' } };
  let minProtocol = options.minProtocol ?? 1;
  let state: State = emptyState();
  const faults: Fault[] = [];
  const requests: string[] = [];

  function append(op: Change['op'], row: ServerRow): void {
    state.seq += 1;
    const { rowVersion, ...data } = row;
    state.log.push(
      op === 'PUT'
        ? { seq: state.seq, op, id: row.id, rowVersion, data, events: [...(state.timelines.get(row.id) ?? [])] }
        : { seq: state.seq, op, id: row.id, rowVersion },
    );
  }

  function deviceClient(headers: Headers): string | null {
    const token = /^Bearer (.+)$/.exec(headers.get('authorization') ?? '')?.[1];
    return token ? (state.devices.get(token) ?? null) : null;
  }

  function push(body: unknown, headers: Headers): Answer {
    const parsed = PushRequest.safeParse(body);
    if (!parsed.success) return error(400, 'INVALID_INPUT', '请求格式不正确');
    const request = parsed.data;
    if (request.protocol < minProtocol) return error(400, 'VERSION_NOT_SUPPORTED', '坐席台版本过旧，请升级');
    const owner = deviceClient(headers);
    if (!owner) return error(401, 'UNAUTHORIZED', '请重新登录');
    if (owner !== request.clientId) return error(403, 'FORBIDDEN', '设备与客户端标识不符');
    const client = state.clients.get(request.clientId) ?? { lastMutationId: 0, results: new Map() };
    state.clients.set(request.clientId, client);
    const results: MutationResult[] = [];
    for (const mutation of request.mutations) {
      if (mutation.id <= client.lastMutationId) {
        const stored = client.results.get(mutation.id);
        if (stored) results.push(stored);
        continue;
      }
      if (mutation.id > client.lastMutationId + 1) {
        return error(409, 'OUT_OF_ORDER', '修改编号不连续', client.lastMutationId);
      }
      const id = mutationInquiryId(mutation);
      const known = state.eventIds.get(id) ?? new Set<string>();
      const applied = applyMutation(state.rows.get(id) ?? null, mutation, actor, known);
      let result: MutationResult;
      if (applied.status === 'rejected') {
        result = { id: mutation.id, status: 'rejected', code: applied.code, message: applied.message };
      } else {
        const before = state.rows.get(id);
        applied.newEvents.forEach((e) => known.add(e.id));
        state.eventIds.set(id, known);
        state.timelines.set(id, [...(state.timelines.get(id) ?? []), ...applied.newEvents]);
        if (!before || before.rowVersion !== applied.row.rowVersion || applied.newEvents.length > 0) {
          state.rows.set(id, applied.row);
          append('PUT', applied.row);
        }
        result =
          applied.status === 'applied'
            ? { id: mutation.id, status: 'applied', serverSeq: state.seq }
            : { id: mutation.id, status: 'applied_with_conflict', serverSeq: state.seq, conflicts: applied.conflicts };
      }
      client.lastMutationId = mutation.id;
      client.results.set(mutation.id, result);
      state.processed.push({ clientId: request.clientId, mutationId: mutation.id });
      results.push(result);
    }
    return { status: 200, body: { epoch: state.epoch, lastMutationId: client.lastMutationId, results } };
  }

  function pull(url: URL, headers: Headers): Answer {
    if (!deviceClient(headers)) return error(401, 'UNAUTHORIZED', '请重新登录');
    const query = PullQuery.safeParse(Object.fromEntries(url.searchParams));
    if (!query.success) return error(400, 'INVALID_INPUT', '请求参数不正确');
    const after = state.log.filter((c) => c.seq > query.data.cursor);
    const changes = after.slice(0, query.data.limit);
    return {
      status: 200,
      body: {
        epoch: state.epoch,
        stream: query.data.stream,
        changes,
        nextCursor: changes.at(-1)?.seq ?? query.data.cursor,
        hasMore: after.length > changes.length,
        checksum: scopeChecksum([...state.rows.values()].map((r) => ({ id: r.id, rowVersion: r.rowVersion }))),
      },
    };
  }

  function register(body: unknown, headers: Headers): Answer {
    if (headers.get('authorization') !== `Bearer ${SESSION_TOKEN}`) return error(401, 'UNAUTHORIZED', '请重新登录');
    const parsed = RegisterDeviceRequest.safeParse(body);
    if (!parsed.success) return error(400, 'INVALID_INPUT', '请求格式不正确');
    const token = `device-${parsed.data.clientId}`;
    state.devices.set(token, parsed.data.clientId);
    return { status: 200, body: { deviceToken: token, epoch: state.epoch } };
  }

  function route(method: string, url: URL, headers: Headers, text: string): Answer {
    const body = text ? (JSON.parse(text) as unknown) : undefined;
    if (method === 'POST' && url.pathname === '/sync/push') return push(body, headers);
    if (method === 'GET' && url.pathname === '/sync/pull') return pull(url, headers);
    if (method === 'POST' && url.pathname === '/devices/register') return register(body, headers);
    return error(404, 'NOT_FOUND', '没有这个地址');
  }

  const fakeFetch: FetchFn = async (input, init) => {
    const url = new URL(input);
    const headers = new Headers(init.headers);
    const text = typeof init.body === 'string' ? init.body : '';
    const method = init.method ?? 'GET';
    const fault = faults.shift();
    requests.push(`${method} ${url.pathname}`);
    const serve = () => toResponse(route(method, url, headers, text));
    switch (fault) {
      case 'dropRequest':
        throw new TypeError('fetch failed', { cause: new Error('ECONNRESET (request lost)') });
      case 'dropResponse':
        serve();
        throw new TypeError('fetch failed', { cause: new Error('ECONNRESET (response lost)') });
      case 'duplicate':
        serve();
        return serve();
      case 'http500':
        return toResponse(error(500, 'UNAVAILABLE', '服务器内部错误'));
      case 'slow':
        serve();
        return new Promise<Response>((_, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('timed out', 'AbortError')));
        });
      case 'pass':
      case undefined:
        return serve();
    }
  };

  return {
    fetch: fakeFetch,
    /** Faults for the next requests, one each, in order. */
    faults,
    requests,
    epoch: () => state.epoch,
    row: (id: string) => state.rows.get(id) ?? null,
    /** id → "question|answer|status|priority" of every row: what converged seats must show. */
    rowsView: (): Record<string, string> =>
      Object.fromEntries(
        [...state.rows.values()]
          .sort((a, b) => (a.id < b.id ? -1 : 1))
          .map((r) => [r.id, [r.question, r.answer, r.status, r.priority].join('|')]),
      ),
    processed: () => [...state.processed],
    lastMutationId: (clientId: string) => state.clients.get(clientId)?.lastMutationId ?? 0,
    setMinProtocol(version: number): void {
      minProtocol = version;
    },
    /** Another seat's edit, as the server would record it: new row version, one change-log entry. */
    edit(id: string, patch: Partial<ServerInquiry>): void {
      const row = state.rows.get(id);
      if (!row) throw new Error(`fake server has no row ${id}`);
      const next = { ...row, ...patch, rowVersion: row.rowVersion + 1 };
      state.rows.set(id, next);
      append('PUT', next);
    },
    remove(id: string, op: 'DELETE' | 'SCOPE_OUT'): void {
      const row = state.rows.get(id);
      if (!row) throw new Error(`fake server has no row ${id}`);
      state.rows.delete(id);
      append(op, { ...row, rowVersion: row.rowVersion + 1 });
    },
    /** Every device token stops working, as when an administrator revokes the seat. */
    revokeDevices(): void {
      state.devices.clear();
    },
    /** A backup of everything, to `restore` later. */
    snapshot: (): State => structuredClone(state),
    /** Puts a backup back, as an administrator restoring the database would: a new epoch. */
    restore(backup: State): void {
      state = { ...structuredClone(backup), epoch: uuidv4() };
    },
  };
}

export type FakeServer = ReturnType<typeof createFakeServer>;

function emptyState(): State {
  return {
    epoch: uuidv4(),
    seq: 0,
    rows: new Map(),
    eventIds: new Map(),
    timelines: new Map(),
    log: [],
    clients: new Map(),
    devices: new Map(),
    processed: [],
  };
}

function error(status: number, code: ErrorBody['error']['code'], message: string, lastMutationId?: number): Answer {
  return { status, body: { error: { code, message, ...(lastMutationId === undefined ? {} : { lastMutationId }) } } };
}

function toResponse(answer: Answer): Response {
  return new Response(JSON.stringify(answer.body), {
    status: answer.status,
    headers: { 'content-type': 'application/json' },
  });
}
