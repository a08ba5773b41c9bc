import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Role, type Scope } from '../../../shared/sync/auth';
import { PullResponse, PushResponse } from '../../../shared/sync/protocol';
import { createMutation, newInquiry, pushBody } from './fixtures';
import { type TestDatabase, type TestServer, VARIANTS, startTestServer, testDatabase } from './harness';

interface Row {
  role: Role;
  scope: Scope;
  /** Expected status: register seat S01 (own for the operator), register S02 (someone else's), disable a user. */
  registerOwn: number;
  registerOther: number;
  disable: number;
  /** Push result for a case of the own seat and of another seat, for roles that can hold a seat. */
  pushOwn?: string;
  pushOther?: string;
}

const MATRIX: Row[] = [
  {
    role: 'operator',
    scope: { kind: 'seats', seatCodes: ['S01'] },
    registerOwn: 200,
    registerOther: 403,
    disable: 403,
    pushOwn: 'applied',
    pushOther: 'rejected',
  },
  // An expert's or department's desk registers under any code: it sees what is handed to it (scopeOut.test.ts).
  { role: 'expert', scope: { kind: 'expert', expertId: 'E001' }, registerOwn: 200, registerOther: 200, disable: 403 },
  {
    role: 'supervisor',
    scope: { kind: 'all' },
    registerOwn: 200,
    registerOther: 200,
    disable: 403,
    pushOwn: 'applied',
    pushOther: 'applied',
  },
  {
    role: 'department_liaison',
    scope: { kind: 'department', departmentId: 'nyt-zzy' },
    registerOwn: 200,
    registerOther: 200,
    disable: 403,
  },
  {
    role: 'admin',
    scope: { kind: 'all' },
    registerOwn: 200,
    registerOther: 200,
    disable: 200,
    pushOwn: 'applied',
    pushOther: 'applied',
  },
];

describe.each(VARIANTS)('role × endpoint × scope (%s)', (variant) => {
  let db: TestDatabase;
  let server: TestServer;
  const tokens = new Map<Role, string>();
  let victimId = '';

  beforeAll(async () => {
    db = testDatabase(variant);
    server = await startTestServer(db);
    for (const row of MATRIX) {
      await server.createUser(row.role, row.role, row.scope);
      tokens.set(row.role, await server.login(row.role));
    }
    victimId = (await server.createUser('victim', 'operator', { kind: 'seats', seatCodes: ['S09'] })).id;
  });
  afterAll(async () => {
    await server.close();
    await db.cleanup();
  });

  it.each(MATRIX)('$role: register own/other seat, disable a user', async (row) => {
    const token = tokens.get(row.role)!;
    const register = (seatCode: string) =>
      server.request({
        method: 'POST',
        url: '/devices/register',
        token,
        payload: { clientId: crypto.randomUUID(), installNonce: `nonce-${row.role}`, seatCode },
      });
    expect((await register('S01')).statusCode).toBe(row.registerOwn);
    expect((await register('S02')).statusCode).toBe(row.registerOther);
    const disable = await server.request({ method: 'POST', url: `/admin/users/${victimId}/disable`, token });
    expect(disable.statusCode).toBe(row.disable);
  });

  it.each(MATRIX)('$role: a session token is not a device token for sync', async (row) => {
    const token = tokens.get(row.role)!;
    const pull = await server.request({ method: 'GET', url: '/sync/pull?stream=inquiries&cursor=0', token });
    expect(pull.statusCode).toBe(401);
  });

  it.each(MATRIX.filter((r) => r.pushOwn))(
    '$role: push own-scope and other-scope cases, pull sees the scope',
    async (row) => {
      const seat = await server.registerSeat(tokens.get(row.role)!, 'S01');
      const own = newInquiry('S01');
      const other = newInquiry('S02');
      const res = await server.request({
        method: 'POST',
        url: '/sync/push',
        token: seat.deviceToken,
        payload: pushBody(seat, [createMutation(1, own), createMutation(2, other)]),
      });
      const results = PushResponse.parse(res.json()).results;
      expect(results.map((r) => r.status)).toEqual([row.pushOwn, row.pushOther]);
      const pull = await server.request({
        method: 'GET',
        url: '/sync/pull?stream=inquiries&cursor=0',
        token: seat.deviceToken,
      });
      const ids = PullResponse.parse(pull.json()).changes.map((c) => c.id);
      expect(ids).toContain(own.id);
      expect(ids.includes(other.id)).toBe(row.pushOther === 'applied');
      if (row.scope.kind !== 'all') expect(ids.every((id) => id === own.id)).toBe(true);
    },
  );
});
