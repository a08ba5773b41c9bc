import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PUSH_MUTATIONS } from '../../../shared/sync/protocol';
import { createMutation, editMutation, newInquiry, pushBody } from './fixtures';
import { type Seat, type TestDatabase, type TestServer, VARIANTS, startTestServer, testDatabase } from './harness';

type TokenKind = 'device' | 'otherDevice' | 'revoked' | 'session' | 'garbage' | 'none';

interface BadRequest {
  name: string;
  method: 'GET' | 'POST';
  url: string;
  token: TokenKind;
  /** A JSON value, or a raw string sent as-is. */
  body?: (seat: Seat, other: Seat) => unknown;
  contentType?: string;
  status: number;
  code: string;
}

const inquiry = newInquiry('S01');
const push = (seat: Seat, patch: Record<string, unknown> = {}) => ({
  ...pushBody(seat, [createMutation(2, inquiry)]),
  ...patch,
});
const manyMutations = (n: number) =>
  Array.from({ length: n }, (_, i) => editMutation(i + 2, inquiry, 'answer', '', `答复${i}`));

const CASES: BadRequest[] = [
  {
    name: 'mutations of the wrong type',
    method: 'POST',
    url: '/sync/push',
    token: 'device',
    body: (s) => push(s, { mutations: 'all' }),
    status: 400,
    code: 'INVALID_INPUT',
  },
  {
    name: 'a mutation id given as text',
    method: 'POST',
    url: '/sync/push',
    token: 'device',
    body: (s) => push(s, { mutations: [{ ...createMutation(2, inquiry), id: '2' }] }),
    status: 400,
    code: 'INVALID_INPUT',
  },
  {
    name: 'a batch above MAX_PUSH_MUTATIONS',
    method: 'POST',
    url: '/sync/push',
    token: 'device',
    body: (s) => push(s, { mutations: manyMutations(MAX_PUSH_MUTATIONS + 1) }),
    status: 400,
    code: 'INVALID_INPUT',
  },
  {
    name: 'an empty batch',
    method: 'POST',
    url: '/sync/push',
    token: 'device',
    body: (s) => push(s, { mutations: [] }),
    status: 400,
    code: 'INVALID_INPUT',
  },
  {
    name: 'ids that skip within the batch',
    method: 'POST',
    url: '/sync/push',
    token: 'device',
    body: (s) => push(s, { mutations: [createMutation(2, inquiry), editMutation(4, inquiry, 'answer', '', '跳号')] }),
    status: 400,
    code: 'INVALID_INPUT',
  },
  {
    name: 'an unknown top-level field',
    method: 'POST',
    url: '/sync/push',
    token: 'device',
    body: (s) => push(s, { admin: true }),
    status: 400,
    code: 'INVALID_INPUT',
  },
  {
    name: 'an unknown field in a mutation',
    method: 'POST',
    url: '/sync/push',
    token: 'device',
    body: (s) => push(s, { mutations: [{ ...createMutation(2, inquiry), userId: 'root' }] }),
    status: 400,
    code: 'INVALID_INPUT',
  },
  {
    name: 'a case id that is not a UUID',
    method: 'POST',
    url: '/sync/push',
    token: 'device',
    body: (s) => push(s, { mutations: [createMutation(2, { ...inquiry, id: 'x' })] }),
    status: 400,
    code: 'INVALID_INPUT',
  },
  {
    name: 'truncated JSON',
    method: 'POST',
    url: '/sync/push',
    token: 'device',
    body: (s) => JSON.stringify(push(s)).slice(0, 120),
    status: 400,
    code: 'INVALID_INPUT',
  },
  {
    name: 'an empty JSON body',
    method: 'POST',
    url: '/sync/push',
    token: 'device',
    body: () => '',
    status: 400,
    code: 'INVALID_INPUT',
  },
  {
    name: 'a text/plain body',
    method: 'POST',
    url: '/sync/push',
    token: 'device',
    body: () => 'mutations',
    contentType: 'text/plain',
    status: 400,
    code: 'INVALID_INPUT',
  },
  {
    name: 'a body above the size limit',
    method: 'POST',
    url: '/sync/push',
    token: 'device',
    body: (s) => push(s, { pad: 'x'.repeat(300 * 1024) }),
    status: 413,
    code: 'INVALID_INPUT',
  },
  {
    name: 'protocol 0',
    method: 'POST',
    url: '/sync/push',
    token: 'device',
    body: (s) => push(s, { protocol: 0 }),
    status: 400,
    code: 'VERSION_NOT_SUPPORTED',
  },
  {
    name: "another device's client_id",
    method: 'POST',
    url: '/sync/push',
    token: 'device',
    body: (s, o) => push(s, { clientId: o.clientId }),
    status: 403,
    code: 'FORBIDDEN',
  },
  {
    name: 'the wrong install nonce',
    method: 'POST',
    url: '/sync/push',
    token: 'device',
    body: (s) => push(s, { installNonce: 'cloned-machine' }),
    status: 403,
    code: 'FORBIDDEN',
  },
  {
    name: "another device's token for this client_id",
    method: 'POST',
    url: '/sync/push',
    token: 'otherDevice',
    body: (s) => push(s),
    status: 403,
    code: 'FORBIDDEN',
  },
  {
    name: 'a revoked device token',
    method: 'POST',
    url: '/sync/push',
    token: 'revoked',
    body: (s) => push(s),
    status: 401,
    code: 'UNAUTHORIZED',
  },
  {
    name: 'a login session token',
    method: 'POST',
    url: '/sync/push',
    token: 'session',
    body: (s) => push(s),
    status: 401,
    code: 'UNAUTHORIZED',
  },
  {
    name: 'a made-up token',
    method: 'POST',
    url: '/sync/push',
    token: 'garbage',
    body: (s) => push(s),
    status: 401,
    code: 'UNAUTHORIZED',
  },
  {
    name: 'no token',
    method: 'POST',
    url: '/sync/push',
    token: 'none',
    body: (s) => push(s),
    status: 401,
    code: 'UNAUTHORIZED',
  },
  {
    name: 'a negative cursor',
    method: 'GET',
    url: '/sync/pull?stream=inquiries&cursor=-1',
    token: 'device',
    status: 400,
    code: 'INVALID_INPUT',
  },
  {
    name: 'a cursor that is not a number',
    method: 'GET',
    url: '/sync/pull?stream=inquiries&cursor=abc',
    token: 'device',
    status: 400,
    code: 'INVALID_INPUT',
  },
  {
    name: 'no cursor',
    method: 'GET',
    url: '/sync/pull?stream=inquiries',
    token: 'device',
    status: 400,
    code: 'INVALID_INPUT',
  },
  {
    name: 'an unknown stream',
    method: 'GET',
    url: '/sync/pull?stream=users&cursor=0',
    token: 'device',
    status: 400,
    code: 'INVALID_INPUT',
  },
  {
    name: 'a limit above MAX_PULL_LIMIT',
    method: 'GET',
    url: '/sync/pull?stream=inquiries&cursor=0&limit=999999',
    token: 'device',
    status: 400,
    code: 'INVALID_INPUT',
  },
  {
    name: 'an unknown query parameter',
    method: 'GET',
    url: '/sync/pull?stream=inquiries&cursor=0&seat=S02',
    token: 'device',
    status: 400,
    code: 'INVALID_INPUT',
  },
  {
    name: 'a pull without a token',
    method: 'GET',
    url: '/sync/pull?stream=inquiries&cursor=0',
    token: 'none',
    status: 401,
    code: 'UNAUTHORIZED',
  },
  {
    name: 'a login with a numeric username',
    method: 'POST',
    url: '/auth/login',
    token: 'none',
    body: () => ({ username: 5, password: 'x' }),
    status: 400,
    code: 'INVALID_INPUT',
  },
  {
    name: 'a login with an unknown field',
    method: 'POST',
    url: '/auth/login',
    token: 'none',
    body: () => ({ username: 'op1', password: 'x', role: 'admin' }),
    status: 400,
    code: 'INVALID_INPUT',
  },
  {
    name: 'a device registration with a bad seat code',
    method: 'POST',
    url: '/devices/register',
    token: 'session',
    body: (s) => ({ clientId: s.clientId, installNonce: s.installNonce, seatCode: 's01; drop' }),
    status: 400,
    code: 'INVALID_INPUT',
  },
  {
    name: 'an unknown endpoint',
    method: 'GET',
    url: '/sync/everything',
    token: 'device',
    status: 404,
    code: 'NOT_FOUND',
  },
];

describe.each(VARIANTS)('malformed requests (%s)', (variant) => {
  let db: TestDatabase;
  let server: TestServer;
  let seat: Seat;
  let other: Seat;
  let revoked: string;
  let session: string;

  beforeAll(async () => {
    db = testDatabase(variant);
    server = await startTestServer(db, { bodyLimit: 256 * 1024 });
    await server.createUser('op1', 'operator', { kind: 'seats', seatCodes: ['S01'] });
    session = await server.login('op1');
    seat = await server.registerSeat(session, 'S01');
    other = await server.registerSeat(session, 'S01');
    const stale = await server.registerSeat(session, 'S01');
    revoked = stale.deviceToken;
    await server.request({
      method: 'POST',
      url: '/devices/register',
      token: session,
      payload: { clientId: stale.clientId, installNonce: stale.installNonce, seatCode: 'S01' },
    });
    const first = await server.request({
      method: 'POST',
      url: '/sync/push',
      token: seat.deviceToken,
      payload: pushBody(seat, [createMutation(1, newInquiry('S01'))]),
    });
    expect(first.statusCode).toBe(200);
  });
  afterAll(async () => {
    await server.close();
    await db.cleanup();
  });

  const tokenFor = (kind: TokenKind): string | undefined =>
    ({
      device: seat.deviceToken,
      otherDevice: other.deviceToken,
      revoked,
      session,
      garbage: 'A'.repeat(43),
      none: undefined,
    })[kind];

  it.each(CASES)('answers $name with $status $code and changes nothing', async (c) => {
    const before = await server.counts();
    const body = c.body?.(seat, other);
    const res = await server.request({
      method: c.method,
      url: c.url,
      token: tokenFor(c.token),
      ...(body === undefined
        ? {}
        : {
            payload: typeof body === 'string' ? body : JSON.stringify(body),
            headers: { 'content-type': c.contentType ?? 'application/json' },
          }),
    });
    expect({ status: res.statusCode, code: res.json().error?.code }).toEqual({ status: c.status, code: c.code });
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    const after = await server.counts();
    // A login attempt may not leave a session behind; nothing else may change either.
    expect(after).toEqual(before);
  });
});
