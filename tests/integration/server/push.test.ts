import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PullResponse, PushResponse } from '../../../shared/sync/protocol';
import { createMutation, editMutation, newInquiry, pushBody } from './fixtures';
import { type Seat, type TestDatabase, type TestServer, VARIANTS, startTestServer, testDatabase } from './harness';

describe.each(VARIANTS)('push and pull (%s)', (variant) => {
  let db: TestDatabase;
  let server: TestServer;
  let s01: Seat;
  let s02: Seat;

  beforeEach(async () => {
    db = testDatabase(variant);
    server = await startTestServer(db);
    await server.createUser('op1', 'operator', { kind: 'seats', seatCodes: ['S01'] });
    await server.createUser('sup', 'supervisor', { kind: 'all' });
    s01 = await server.registerSeat(await server.login('op1'), 'S01');
    s02 = await server.registerSeat(await server.login('sup'), 'S02');
  });
  afterEach(async () => {
    await server.close();
    await db.cleanup();
  });

  const push = async (seat: Seat, body: unknown) =>
    server.request({ method: 'POST', url: '/sync/push', token: seat.deviceToken, payload: body as object });
  const pull = async (seat: Seat, cursor = 0, limit = 1000) => {
    const res = await server.request({
      method: 'GET',
      url: `/sync/pull?stream=inquiries&cursor=${cursor}&limit=${limit}`,
      token: seat.deviceToken,
    });
    expect(res.statusCode).toBe(200);
    return PullResponse.parse(res.json());
  };

  it('stores a pushed case and hands it back on pull with its row version', async () => {
    const inquiry = newInquiry('S01');
    const create = createMutation(1, inquiry);
    const res = await push(s01, pushBody(s01, [create]));
    expect(res.statusCode).toBe(200);
    const body = PushResponse.parse(res.json());
    expect(body.lastMutationId).toBe(1);
    expect(body.results).toEqual([{ id: 1, status: 'applied', serverSeq: 1 }]);
    expect(res.headers['x-server-epoch']).toBe(body.epoch);

    const page = await pull(s01);
    expect(page.epoch).toBe(body.epoch);
    const timeline = create.name === 'inquiry.create' ? create.args.events : [];
    expect(page.changes).toEqual([
      { seq: 1, op: 'PUT', id: inquiry.id, rowVersion: 1, data: inquiry, events: timeline },
    ]);
    expect(page).toMatchObject({ nextCursor: 1, hasMore: false, checksum: { count: 1 } });
    expect((await pull(s01, 1)).changes).toEqual([]);
  });

  it("brings a case's whole timeline with it, so a seat that gains the case later sees its history", async () => {
    const inquiry = newInquiry('S01');
    const edit = editMutation(2, inquiry, 'answer', '', '多施钾肥');
    await push(s01, pushBody(s01, [createMutation(1, inquiry), edit]));
    const [change] = (await pull(s02)).changes;
    expect(change).toMatchObject({ op: 'PUT', id: inquiry.id });
    const events = change?.op === 'PUT' ? change.events : [];
    expect(events.map((e) => e.type)).toEqual(['created', 'edited']);
    expect(events[1]).toEqual(edit.name === 'inquiry.update' ? edit.args.events[0] : null);
  });

  it('answers a replayed batch with the stored results and changes nothing', async () => {
    const inquiry = newInquiry('S01');
    const batch = pushBody(s01, [createMutation(1, inquiry), editMutation(2, inquiry, 'answer', '', '多施钾肥')]);
    const first = await push(s01, batch);
    const before = await server.counts();
    const again = await push(s01, batch);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await server.counts()).toEqual(before);
    expect((await pull(s01)).changes.at(-1)).toMatchObject({ rowVersion: 2, data: { answer: '多施钾肥' } });
  });

  it('refuses a batch that starts after a gap and changes nothing', async () => {
    const inquiry = newInquiry('S01');
    await push(s01, pushBody(s01, [createMutation(1, inquiry)]));
    const before = await server.counts();
    const res = await push(s01, pushBody(s01, [editMutation(3, inquiry, 'answer', '', '晚到的修改')]));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ error: { code: 'OUT_OF_ORDER', message: expect.any(String), lastMutationId: 1 } });
    expect(await server.counts()).toEqual(before);
  });

  it('advances past a rejected mutation and keeps its reason for replay', async () => {
    const other = newInquiry('S02');
    const own = newInquiry('S01');
    const res = await push(s01, pushBody(s01, [createMutation(1, other), createMutation(2, own)]));
    const body = PushResponse.parse(res.json());
    expect(body.lastMutationId).toBe(2);
    expect(body.results[0]).toMatchObject({ id: 1, status: 'rejected', code: 'FORBIDDEN' });
    expect(body.results[1]).toMatchObject({ id: 2, status: 'applied' });
    const replay = PushResponse.parse((await push(s01, pushBody(s01, [createMutation(1, other)]))).json());
    expect(replay.results).toEqual([body.results[0]]);
    expect((await pull(s01)).changes.map((c) => c.id)).toEqual([own.id]);
  });

  it('refuses a second case with a number another case already has, and says why', async () => {
    const first = newInquiry('S01');
    const twin = newInquiry('S01', { caseNo: first.caseNo });
    await push(s01, pushBody(s01, [createMutation(1, first)]));
    const res = await push(s01, pushBody(s01, [createMutation(2, twin)]));
    const body = PushResponse.parse(res.json());
    expect(body.results[0]).toMatchObject({ status: 'rejected', code: 'ID_TAKEN' });
    expect(body.results[0]?.status === 'rejected' && body.results[0].message).toContain(first.caseNo);
    expect(body.lastMutationId).toBe(2);
  });

  it('keeps the server answer text when two seats edit it from the same base', async () => {
    const inquiry = newInquiry('S01');
    await push(s01, pushBody(s01, [createMutation(1, inquiry)]));
    const mine = await push(s01, pushBody(s01, [editMutation(2, inquiry, 'answer', '', '先浇水再施肥')]));
    expect(PushResponse.parse(mine.json()).results[0]?.status).toBe('applied');

    const theirs = await push(s02, pushBody(s02, [editMutation(1, inquiry, 'answer', '', '喷施叶面肥')]));
    const result = PushResponse.parse(theirs.json()).results[0];
    expect(result).toMatchObject({
      status: 'applied_with_conflict',
      conflicts: [{ field: 'answer', base: '', mine: '喷施叶面肥', theirs: '先浇水再施肥' }],
    });
    const rows = (await pull(s02)).changes;
    expect(rows.at(-1)).toMatchObject({ op: 'PUT', data: { answer: '先浇水再施肥' } });
  });

  it('tells a seat on an unsupported protocol to upgrade and keeps nothing', async () => {
    const before = await server.counts();
    const res = await push(s01, { ...pushBody(s01, [createMutation(1, newInquiry('S01'))]), protocol: 99 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VERSION_NOT_SUPPORTED');
    expect(await server.counts()).toEqual(before);
  });

  it('stops a long batch early at the time budget and reports how far it got', async () => {
    await server.close();
    server = await startTestServer(db, { pushBudgetMs: 0 });
    const inquiry = newInquiry('S01');
    const res = await push(
      s01,
      pushBody(s01, [createMutation(1, inquiry), editMutation(2, inquiry, 'answer', '', '甲')]),
    );
    const body = PushResponse.parse(res.json());
    expect(body).toMatchObject({ lastMutationId: 1, results: [{ id: 1, status: 'applied' }] });
  });

  it('pages a scope with a cursor and shows a seat only its own cases', async () => {
    const own = [newInquiry('S01'), newInquiry('S01'), newInquiry('S01')];
    await push(
      s01,
      pushBody(
        s01,
        own.map((inq, i) => createMutation(i + 1, inq)),
      ),
    );
    await push(s02, pushBody(s02, [createMutation(1, newInquiry('S02'))]));

    const first = await pull(s01, 0, 2);
    expect(first).toMatchObject({ hasMore: true, nextCursor: 2, checksum: { count: 3 } });
    const second = await pull(s01, first.nextCursor, 2);
    // The last page moves the cursor past S02's change too, so the next poll does not walk it again.
    expect(second).toMatchObject({ hasMore: false, nextCursor: 4 });
    expect([...first.changes, ...second.changes].map((c) => c.id)).toEqual(own.map((i) => i.id));
    expect(await pull(s01, second.nextCursor)).toMatchObject({ changes: [], nextCursor: 4 });
    const later = newInquiry('S01');
    await push(s01, pushBody(s01, [createMutation(4, later)]));
    expect((await pull(s01, second.nextCursor)).changes.map((c) => c.id)).toEqual([later.id]);
    // The supervisor's seat has scope 'all' and sees all five.
    expect((await pull(s02)).checksum.count).toBe(5);
  });
});
