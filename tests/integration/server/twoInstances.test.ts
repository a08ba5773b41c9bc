import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Mutation, PullResponse } from '../../../shared/sync/protocol';
import { createMutation, editMutation, newInquiry, pushBody } from './fixtures';
import { DATABASE_URL, type Seat, type TestDatabase, type TestServer, startTestServer, testDatabase } from './harness';

/** Each seat's outbox: a few cases and edits of them, ids 1..n. */
function outbox(seatCode: string, cases: number): Mutation[] {
  const out: Mutation[] = [];
  for (let c = 0; c < cases; c++) {
    const inquiry = newInquiry(seatCode);
    out.push(createMutation(out.length + 1, inquiry));
    out.push(editMutation(out.length + 1, inquiry, 'answer', '', `答复 ${seatCode}-${c}`));
  }
  return out;
}

describe.skipIf(!DATABASE_URL)('two server instances on one PostgreSQL (postgres)', () => {
  let db: TestDatabase;
  let a: TestServer;
  let b: TestServer;

  beforeEach(async () => {
    db = testDatabase('postgres');
    a = await startTestServer(db);
    b = await startTestServer(db);
  });
  afterEach(async () => {
    await a.close();
    await b.close();
    await db.cleanup();
  });

  it('interleaved and duplicated pushes through both behave as one server', async () => {
    await a.createUser('sup', 'supervisor', { kind: 'all' });
    const token = await a.login('sup');
    const seats: Seat[] = [];
    for (const code of ['S01', 'S02', 'S03']) seats.push(await b.registerSeat(token, code));
    const outboxes = seats.map((s) => outbox(s.seatCode, 6));

    // Every seat sends each growing prefix of its outbox to both servers at once (a retry racing its
    // original). Serialised appends mean no request fails and the longest prefix finishes the work.
    const sends: Promise<{ seat: Seat; status: number; last: number }>[] = [];
    for (let end = 4; end <= 12; end += 4) {
      for (const [i, seat] of seats.entries()) {
        const body = pushBody(seat, outboxes[i]!.slice(0, end));
        for (const server of [a, b]) {
          sends.push(
            server
              .request({ method: 'POST', url: '/sync/push', token: seat.deviceToken, payload: body })
              .then((res) => ({ seat, status: res.statusCode, last: Number(res.json().lastMutationId) })),
          );
        }
      }
    }
    const answers = await Promise.all(sends);
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 200));
    for (const seat of seats) {
      expect(Math.max(...answers.filter((r) => r.seat === seat).map((r) => r.last))).toBe(12);
    }

    const ledger = await a.store.db
      .selectFrom('mutation_ledger')
      .select(['client_id', 'mutation_id'])
      .orderBy('client_id')
      .orderBy('mutation_id')
      .execute();
    for (const seat of seats) {
      const ids = ledger.filter((r) => r.client_id === seat.clientId).map((r) => Number(r.mutation_id));
      expect(ids).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    }
    const seqs = (await a.store.db.selectFrom('change_log').select('seq').orderBy('seq').execute()).map((r) =>
      Number(r.seq),
    );
    expect(seqs).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));
    expect(await a.counts()).toMatchObject({ inquiry: 18, mutation_ledger: 36, inquiry_event: 36 });

    const pulled = PullResponse.parse(
      (
        await a.request({ method: 'GET', url: '/sync/pull?stream=inquiries&cursor=0', token: seats[0]!.deviceToken })
      ).json(),
    );
    expect(pulled.checksum.count).toBe(18);
    expect(pulled.changes.every((c) => c.op === 'PUT' && c.rowVersion === 2)).toBe(true);
  });
});
