import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scopeChecksum } from '../../../shared/sync/checksum';
import { PullResponse, PushResponse } from '../../../shared/sync/protocol';
import { scopeCondition } from '../../../server/store/syncRepo';
import { createMutation, editMutation, newInquiry, pushBody } from './fixtures';
import { type Seat, type TestDatabase, type TestServer, VARIANTS, startTestServer, testDatabase } from './harness';

/** P9: a case handed from one expert to another leaves the first expert's desk and reaches the second's. */
describe.each(VARIANTS)('scope changes reach the seats that lose and gain a case (%s)', (variant) => {
  let db: TestDatabase;
  let server: TestServer;
  let center: Seat;
  let zhou: Seat;
  let li: Seat;

  beforeEach(async () => {
    db = testDatabase(variant);
    server = await startTestServer(db);
    await server.createUser('sup', 'supervisor', { kind: 'all' });
    await server.createUser('zhou', 'expert', { kind: 'expert', expertId: 'E1' });
    await server.createUser('li', 'expert', { kind: 'expert', expertId: 'E2' });
    center = await server.registerSeat(await server.login('sup'), 'S01');
    zhou = await server.registerSeat(await server.login('zhou'), 'S05');
    li = await server.registerSeat(await server.login('li'), 'S06');
  });
  afterEach(async () => {
    await server.close();
    await db.cleanup();
  });

  const push = async (body: object) => {
    const res = await server.request({ method: 'POST', url: '/sync/push', token: center.deviceToken, payload: body });
    expect(res.statusCode).toBe(200);
    return PushResponse.parse(res.json());
  };
  const pull = async (seat: Seat, cursor: number) => {
    const res = await server.request({
      method: 'GET',
      url: `/sync/pull?stream=inquiries&cursor=${cursor}`,
      token: seat.deviceToken,
    });
    expect(res.statusCode).toBe(200);
    return PullResponse.parse(res.json());
  };

  it("sends SCOPE_OUT to the old expert's desk and the case with its timeline to the new one", async () => {
    const inquiry = newInquiry('S01', { expertId: 'E1' });
    await push(pushBody(center, [createMutation(1, inquiry)]));
    const first = await pull(zhou, 0);
    expect(first.changes.map((c) => [c.op, c.id])).toEqual([['PUT', inquiry.id]]);
    expect(first.checksum.count).toBe(1);
    expect((await pull(li, 0)).changes).toEqual([]);

    const handed = await push(pushBody(center, [editMutation(2, inquiry, 'expertId', 'E1', 'E2')]));
    expect(handed.results[0]).toMatchObject({ status: 'applied' });

    const after = await pull(zhou, first.nextCursor);
    expect(after.changes.map((c) => [c.op, c.id])).toEqual([['SCOPE_OUT', inquiry.id]]);
    expect(after.checksum.count).toBe(0);

    // The running digests behind each pull's checksum agree with a scan of the scope.
    for (const [seat, scope] of [
      [center, { kind: 'all' }],
      [zhou, { kind: 'expert', expertId: 'E1' }],
      [li, { kind: 'expert', expertId: 'E2' }],
    ] as const) {
      const rows = await server.store.db
        .selectFrom('inquiry')
        .select(['id', 'row_version'])
        .where(scopeCondition(scope))
        .execute();
      expect((await pull(seat, 0)).checksum).toEqual(
        scopeChecksum(rows.map((r) => ({ id: r.id, rowVersion: Number(r.row_version) }))),
      );
    }

    const gained = await pull(li, 0);
    expect(gained.changes).toHaveLength(1);
    const [change] = gained.changes;
    expect(change).toMatchObject({ op: 'PUT', id: inquiry.id, data: { expertId: 'E2' } });
    expect(change?.op === 'PUT' ? change.events.map((e) => e.type) : []).toEqual(['created', 'edited']);
  });

  it('lets the expert whose desk holds the case answer it, and refuses the expert it was taken from', async () => {
    const inquiry = newInquiry('S01', { expertId: 'E1' });
    await push(pushBody(center, [createMutation(1, inquiry)]));
    const answer = (seat: Seat, id: number, text: string) =>
      server.request({
        method: 'POST',
        url: '/sync/push',
        token: seat.deviceToken,
        payload: pushBody(seat, [editMutation(id, inquiry, 'answer', '', text)]),
      });
    const fromZhou = PushResponse.parse((await answer(zhou, 1, '喷施吡唑醚菌酯')).json());
    expect(fromZhou.results[0]).toMatchObject({ status: 'applied' });

    await push(pushBody(center, [editMutation(2, inquiry, 'expertId', 'E1', 'E2')]));
    const late = PushResponse.parse((await answer(zhou, 2, '再补一句')).json());
    expect(late.results[0]).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });
  });
});
