import { type KyselyPlugin, type RootOperationNode } from 'kysely';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PushResponse } from '../../../shared/sync/protocol';
import { buildServer } from '../../../server/http/buildServer';
import { type Store } from '../../../server/store/openStore';
import { createMutation, editMutation, newInquiry, pushBody } from './fixtures';
import { type Seat, type TestDatabase, type TestServer, VARIANTS, startTestServer, testDatabase } from './harness';

/** Fails the n-th insert into `table` from now on, as a dropped database connection would. */
function failingInserts(table: string): KyselyPlugin & { failAt: number } {
  let seen = 0;
  return {
    failAt: Infinity,
    transformQuery(args) {
      const node: RootOperationNode = args.node;
      if (node.kind === 'InsertQueryNode' && node.into?.table.identifier.name === table) {
        seen += 1;
        if (seen >= this.failAt) throw new Error('connection lost (injected)');
      }
      return node;
    },
    async transformResult(args) {
      return args.result;
    },
  };
}

describe.each(VARIANTS)('transient database errors during push (%s)', (variant) => {
  let db: TestDatabase;
  let server: TestServer;
  let seat: Seat;

  beforeEach(async () => {
    db = testDatabase(variant);
    server = await startTestServer(db);
    await server.createUser('op1', 'operator', { kind: 'seats', seatCodes: ['S01'] });
    seat = await server.registerSeat(await server.login('op1'), 'S01');
  });
  afterEach(async () => {
    await server.close();
    await db.cleanup();
  });

  async function pushThroughFlakyStore(failAt: number, body: object, pushChunkSize = 50, table = 'mutation_ledger') {
    const plugin = failingInserts(table);
    plugin.failAt = failAt;
    const flaky: Store = { ...server.store, db: server.store.db.withPlugin(plugin) };
    const app = await buildServer({ store: flaky, log: pino({ level: 'silent' }), pushChunkSize });
    try {
      return await app.inject({
        method: 'POST',
        url: '/sync/push',
        headers: { authorization: `Bearer ${seat.deviceToken}` },
        payload: body,
      });
    } finally {
      await app.close();
    }
  }

  it('answers UNAVAILABLE and advances nothing when the first mutation cannot be stored', async () => {
    const before = await server.counts();
    const res = await pushThroughFlakyStore(1, pushBody(seat, [createMutation(1, newInquiry('S01'))]));
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('UNAVAILABLE');
    expect(await server.counts()).toEqual(before);
  });

  it('returns the chunks committed before the failure and leaves the rest for the next push', async () => {
    const inquiry = newInquiry('S01');
    const batch = [
      createMutation(1, inquiry),
      editMutation(2, inquiry, 'answer', '', '甲'),
      editMutation(3, inquiry, 'answer', '甲', '乙'),
    ];
    // Chunks of two: [1, 2] commits, the ledger insert of chunk [3] fails and only that chunk rolls back.
    const res = await pushThroughFlakyStore(2, pushBody(seat, batch), 2);
    expect(res.statusCode).toBe(200);
    expect(PushResponse.parse(res.json())).toMatchObject({
      lastMutationId: 2,
      results: [
        { id: 1, status: 'applied' },
        { id: 2, status: 'applied' },
      ],
    });
    expect(await server.counts()).toMatchObject({ mutation_ledger: 2, change_log: 2 });

    const retry = PushResponse.parse(
      (
        await server.request({
          method: 'POST',
          url: '/sync/push',
          token: seat.deviceToken,
          payload: pushBody(seat, batch),
        })
      ).json(),
    );
    expect(retry.lastMutationId).toBe(3);
    expect(retry.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
  });

  it('rolls back a whole chunk: a failure while writing it leaves no trace of any of its mutations', async () => {
    const inquiry = newInquiry('S01');
    const before = await server.counts();
    const res = await pushThroughFlakyStore(
      1,
      pushBody(seat, [createMutation(1, inquiry), editMutation(2, inquiry, 'answer', '', '甲')]),
      50,
      'change_log',
    );
    expect(res.statusCode).toBe(503);
    expect(await server.counts()).toEqual(before);
  });
});
