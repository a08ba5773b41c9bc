import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PushResponse } from '../../../shared/sync/protocol';
import { type User } from '../../../shared/sync/auth';
import { usersRepo } from '../../../server/store/usersRepo';
import { createMutation, newInquiry, pushBody } from './fixtures';
import { type Seat, type TestDatabase, type TestServer, VARIANTS, startTestServer, testDatabase } from './harness';

/** Issue 3 §2: changes carry their operator and are re-authorised when they reach the server. */
describe.each(VARIANTS)('operator re-authorisation at apply time (%s)', (variant) => {
  let db: TestDatabase;
  let server: TestServer;
  let seat: Seat;
  let wang: User;
  let expert: User;

  beforeEach(async () => {
    db = testDatabase(variant);
    server = await startTestServer(db);
    await server.createUser('sup', 'supervisor', { kind: 'all' });
    wang = await server.createUser('wang', 'operator', { kind: 'seats', seatCodes: ['S01'] });
    expert = await server.createUser('zhou', 'expert', { kind: 'expert', expertId: 'E1' });
    seat = await server.registerSeat(await server.login('sup'), 'S01');
  });
  afterEach(async () => {
    await server.close();
    await db.cleanup();
  });

  const push = async (body: object) => {
    const res = await server.request({ method: 'POST', url: '/sync/push', token: seat.deviceToken, payload: body });
    expect(res.statusCode).toBe(200);
    return PushResponse.parse(res.json());
  };

  it('applies a change made by an operator whose account is active', async () => {
    const body = await push(pushBody(seat, [createMutation(1, newInquiry('S01'), wang.id)]));
    expect(body.results).toEqual([{ id: 1, status: 'applied', serverSeq: 1 }]);
  });

  it('rejects, with the reason, a change made offline by an operator disabled since, and applies the others', async () => {
    await usersRepo(server.store.db).disable(wang.id);
    const before = await server.counts();
    const body = await push(
      pushBody(seat, [createMutation(1, newInquiry('S01'), wang.id), createMutation(2, newInquiry('S01'))]),
    );
    expect(body.lastMutationId).toBe(2);
    expect(body.results[0]).toMatchObject({ id: 1, status: 'rejected', code: 'FORBIDDEN' });
    expect(body.results[0]).toHaveProperty('message', expect.stringContaining('已被停用'));
    expect(body.results[1]).toMatchObject({ id: 2, status: 'applied' });
    expect(await server.counts()).toMatchObject({
      inquiry: (before.inquiry ?? 0) + 1,
      mutation_ledger: (before.mutation_ledger ?? 0) + 2,
    });
  });

  it("judges a change by its operator's role, not by the account that registered the seat", async () => {
    const body = await push(pushBody(seat, [createMutation(1, newInquiry('S01'), expert.id)]));
    expect(body.results[0]).toMatchObject({ id: 1, status: 'rejected', code: 'FORBIDDEN' });
  });

  it('rejects a change naming an account the server does not know', async () => {
    const body = await push(pushBody(seat, [createMutation(1, newInquiry('S01'), 'no-such-user')]));
    expect(body.results[0]).toMatchObject({ id: 1, status: 'rejected', code: 'FORBIDDEN' });
    expect(body.results[0]).toHaveProperty('message', expect.stringContaining('不存在'));
  });
});
