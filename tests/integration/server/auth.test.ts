import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LoginResponse } from '../../../shared/sync/auth';
import { PASSWORD, type TestDatabase, type TestServer, VARIANTS, startTestServer, testDatabase } from './harness';

describe.each(VARIANTS)('login, sessions and devices (%s)', (variant) => {
  let db: TestDatabase;
  let server: TestServer;

  beforeEach(async () => {
    db = testDatabase(variant);
    server = await startTestServer(db, { sessionTtlMs: 60 * 60 * 1000 });
    await server.createUser('op1', 'operator', { kind: 'seats', seatCodes: ['S01'] });
    await server.createUser('admin', 'admin', { kind: 'all' });
  });
  afterEach(async () => {
    await server.close();
    await db.cleanup();
  });

  const login = (username: string, password: string) =>
    server.request({ method: 'POST', url: '/auth/login', payload: { username, password } });
  const register = (token: string, body: object) =>
    server.request({ method: 'POST', url: '/devices/register', token, payload: body });
  const seatBody = () => ({ clientId: randomUUID(), installNonce: 'nonce-aaaa-1111', seatCode: 'S01' });

  it('logs in with the right password and returns the user without secrets', async () => {
    const res = await login('op1', PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = LoginResponse.parse(res.json());
    expect(body.user).toMatchObject({ username: 'op1', role: 'operator', disabled: false });
    expect(res.body).not.toContain('scrypt');
    expect(Date.parse(body.expiresAt)).toBe(server.clock.now + 60 * 60 * 1000);
  });

  it('refuses a wrong password or an unknown user with the same answer', async () => {
    const wrong = await login('op1', 'not-the-password');
    const unknown = await login('nobody', PASSWORD);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('UNAUTHORIZED');
  });

  it('throttles the sixth attempt in a minute, even with the right password, and lets in after it', async () => {
    for (let i = 0; i < 5; i++) expect((await login('op1', `guess-${i}`)).statusCode).toBe(401);
    const sixth = await login('op1', PASSWORD);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.code).toBe('RATE_LIMITED');
    expect((await login('admin', PASSWORD)).statusCode).toBe(200);
    server.clock.now += 60_000;
    expect((await login('op1', PASSWORD)).statusCode).toBe(200);
  });

  it('counts attempts through every instance of the server together: five in all, not five each', async () => {
    const other = await startTestServer(db);
    other.clock.now = server.clock.now;
    try {
      const through = (s: TestServer, password: string) =>
        s.request({ method: 'POST', url: '/auth/login', payload: { username: 'op1', password } });
      for (let i = 0; i < 5; i++) {
        expect((await through(i % 2 === 0 ? server : other, `guess-${i}`)).statusCode).toBe(401);
      }
      expect((await through(other, PASSWORD)).statusCode).toBe(429);
      expect((await through(server, PASSWORD)).statusCode).toBe(429);
      other.clock.now += 60_000;
      expect((await through(other, PASSWORD)).statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('ends the sessions and the device of a user the admin disables, and refuses their login', async () => {
    const opToken = await server.login('op1');
    const seat = await server.registerSeat(opToken, 'S01');
    const op = await server.store.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'op1')
      .executeTakeFirstOrThrow();
    const adminToken = await server.login('admin');
    const res = await server.request({ method: 'POST', url: `/admin/users/${op.id}/disable`, token: adminToken });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.disabled).toBe(true);

    expect((await register(opToken, seatBody())).statusCode).toBe(401);
    const pull = await server.request({
      method: 'GET',
      url: '/sync/pull?stream=inquiries&cursor=0',
      token: seat.deviceToken,
    });
    expect(pull.statusCode).toBe(401);
    const again = await login('op1', PASSWORD);
    expect(again.statusCode).toBe(403);
    expect(again.json().error.message).toContain('停用');
  });

  it('ends a session at logout and at expiry', async () => {
    const token = await server.login('op1');
    expect((await server.request({ method: 'POST', url: '/auth/logout', token })).statusCode).toBe(204);
    expect((await register(token, seatBody())).statusCode).toBe(401);

    const later = await server.login('op1');
    server.clock.now += 60 * 60 * 1000;
    expect((await register(later, seatBody())).statusCode).toBe(401);
  });

  it('registers a seat once per install and refuses a cloned machine with another nonce', async () => {
    const token = await server.login('op1');
    const body = seatBody();
    const first = await register(token, body);
    expect(first.statusCode).toBe(200);
    const firstToken = first.json().deviceToken as string;

    const clone = await register(token, { ...body, installNonce: 'other-install-2222' });
    expect(clone.statusCode).toBe(409);
    expect(clone.json().error.code).toBe('FORBIDDEN');
    const pullWith = (t: string) =>
      server.request({ method: 'GET', url: '/sync/pull?stream=inquiries&cursor=0', token: t });
    expect((await pullWith(firstToken)).statusCode).toBe(200);

    // The same install registering again (e.g. after re-login) gets a new token; the old one stops working.
    const again = await register(token, body);
    expect(again.statusCode).toBe(200);
    expect((await pullWith(again.json().deviceToken)).statusCode).toBe(200);
    expect((await pullWith(firstToken)).statusCode).toBe(401);
  });
});
