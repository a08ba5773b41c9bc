import { type KyselyPlugin, type RootOperationNode } from 'kysely';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PullResponse, PushResponse } from '../../../shared/sync/protocol';
import { buildServer } from '../../../server/http/buildServer';
import { type Store } from '../../../server/store/openStore';
import { createMutation, newInquiry, pushBody } from './fixtures';
import { type Seat, type TestDatabase, type TestServer, VARIANTS, startTestServer, testDatabase } from './harness';

/** Holds a push's transaction open right after it appended to the change log, until released. */
function pauseAfterChangeLogAppend() {
  let reached: () => void = () => undefined;
  let release: () => void = () => undefined;
  const atPause = new Promise<void>((resolve) => (reached = resolve));
  const gate = new Promise<void>((resolve) => (release = resolve));
  const appends = new WeakSet<object>();
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      const node: RootOperationNode = args.node;
      if (node.kind === 'InsertQueryNode' && node.into?.table.identifier.name === 'change_log')
        appends.add(args.queryId);
      return node;
    },
    async transformResult(args) {
      if (appends.has(args.queryId)) {
        reached();
        await gate;
      }
      return args.result;
    },
  };
  return { plugin, atPause, release };
}

/**
 * DESIGN.md §6 rule 2 on PostgreSQL: a pull cursor follows commit order, so a writer that took a
 * sequence number and commits late is never skipped by a reader that saw a later one first.
 */
describe.each(VARIANTS.filter((v) => v === 'postgres'))('pull order with a slow writer (%s)', (variant) => {
  let db: TestDatabase;
  let server: TestServer;
  let s01: Seat;
  let s02: Seat;

  beforeEach(async () => {
    db = testDatabase(variant);
    server = await startTestServer(db);
    await server.createUser('sup', 'supervisor', { kind: 'all' });
    const token = await server.login('sup');
    s01 = await server.registerSeat(token, 'S01');
    s02 = await server.registerSeat(token, 'S02');
  });
  afterEach(async () => {
    await server.close();
    await db.cleanup();
  });

  const pull = async (cursor: number) =>
    PullResponse.parse(
      (
        await server.request({
          method: 'GET',
          url: `/sync/pull?stream=inquiries&cursor=${cursor}`,
          token: s02.deviceToken,
        })
      ).json(),
    );

  it('shows nothing past an uncommitted change, and then both changes in commit order', async () => {
    const pause = pauseAfterChangeLogAppend();
    const slowStore: Store = { ...server.store, db: server.store.db.withPlugin(pause.plugin) };
    const slow = await buildServer({ store: slowStore, log: pino({ level: 'silent' }) });
    try {
      const first = newInquiry('S01');
      const second = newInquiry('S02');
      const slowPush = slow.inject({
        method: 'POST',
        url: '/sync/push',
        headers: { authorization: `Bearer ${s01.deviceToken}` },
        payload: pushBody(s01, [createMutation(1, first)]),
      });
      await pause.atPause;
      const fastPush = server.request({
        method: 'POST',
        url: '/sync/push',
        token: s02.deviceToken,
        payload: pushBody(s02, [createMutation(1, second)]),
      });

      const during = await pull(0);
      expect(during.changes).toEqual([]);
      expect(during.nextCursor).toBe(0);

      pause.release();
      expect(PushResponse.parse((await slowPush).json()).results[0]).toMatchObject({ serverSeq: 1 });
      expect(PushResponse.parse((await fastPush).json()).results[0]).toMatchObject({ serverSeq: 2 });
      const after = await pull(during.nextCursor);
      expect(after.changes.map((c) => [c.seq, c.id])).toEqual([
        [1, first.id],
        [2, second.id],
      ]);
    } finally {
      pause.release();
      await slow.close();
    }
  });
});
