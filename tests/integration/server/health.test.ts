import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../../server/http/buildServer';
import { createMutation, newInquiry, pushBody } from './fixtures';
import {
  DATABASE_URL,
  PASSWORD,
  type TestDatabase,
  type TestServer,
  VARIANTS,
  startTestServer,
  testDatabase,
} from './harness';

if (!DATABASE_URL) {
  console.warn(
    '!!! SERVER TESTS RAN ON SQLITE ONLY: the PostgreSQL variant was SKIPPED because DATABASE_URL is not set (bash .ci/run sets it) !!!',
  );
}

describe.each(VARIANTS)('health, docs and logs (%s)', (variant) => {
  let db: TestDatabase;
  let server: TestServer;

  beforeEach(async () => {
    db = testDatabase(variant);
    server = await startTestServer(db);
  });
  afterEach(async () => {
    await server.close();
    await db.cleanup();
  });

  it('is alive and ready once migrated, and not ready when the database is gone', async () => {
    const health = await server.request({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(health.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect((await server.request({ method: 'GET', url: '/ready' })).json()).toEqual({ status: 'ready' });

    const store = await db.open();
    const app = await buildServer({ store, log: pino({ level: 'silent' }) });
    await store.close();
    const ready = await app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().error.code).toBe('UNAVAILABLE');
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    await app.close();
  });

  it('publishes an OpenAPI document of every endpoint and a docs page served locally', async () => {
    const doc = (await server.request({ method: 'GET', url: '/openapi.json' })).json();
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/admin/users/{id}/disable',
        '/auth/login',
        '/auth/logout',
        '/devices/register',
        '/health',
        '/ready',
        '/sync/pull',
        '/sync/push',
        '/cases/search',
        '/kb/articles',
        '/kb/articles/from-case/{inquiryId}',
        '/kb/articles/{id}',
        '/kb/articles/{id}/diff',
        '/kb/articles/{id}/feedback',
        '/kb/articles/{id}/publish',
        '/kb/articles/{id}/retire',
        '/kb/articles/{id}/reviewed',
        '/kb/articles/{id}/rollback',
        '/kb/articles/{id}/send-back',
        '/kb/articles/{id}/submit',
        '/kb/articles/{id}/versions',
        '/kb/articles/{id}/versions/{version}',
        '/kb/review-due',
        '/kb/snapshot',
        '/kb/snapshot/{id}/chunks/{index}',
        '/kb/deltas',
        '/kb/snapshot/rebuild',
      ].sort(),
    );
    const push = doc.paths['/sync/push'].post.requestBody.content['application/json'].schema;
    expect(push.required).toEqual(expect.arrayContaining(['protocol', 'clientId', 'mutations']));
    expect(push.additionalProperties).toBe(false);
    const page = await server.request({ method: 'GET', url: '/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger-ui');
    expect(page.body).not.toMatch(/https?:\/\/(cdn|unpkg)/);
  });

  it('keeps phone numbers, names, passwords and tokens out of the log', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    await server.close();
    server = await startTestServer(db, { log: pino({ level: 'debug' }, sink) });
    await server.createUser('op1', 'operator', { kind: 'seats', seatCodes: ['S01'] });
    const token = await server.login('op1');
    const seat = await server.registerSeat(token, 'S01');
    const inquiry = newInquiry('S01');
    await server.request({
      method: 'POST',
      url: '/sync/push',
      token: seat.deviceToken,
      payload: pushBody(seat, [createMutation(1, inquiry)]),
    });
    await server.request({
      method: 'POST',
      url: '/auth/login',
      payload: { username: 'op1', password: PASSWORD, extra: '13904312345' },
    });

    const log = lines.join('');
    expect(log).toContain('"reqId"');
    expect(log).toContain('push');
    for (const secret of [inquiry.callerPhone, inquiry.callerName!, PASSWORD, token, seat.deviceToken]) {
      expect(log).not.toContain(secret);
    }
  });
});
