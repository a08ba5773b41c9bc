import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger';
import { openStore } from '../db/open';
import { createStore } from '../db/store';
import { shippedMigrations, tempDir } from '../db/tempStore';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const ID = '01a22258-9eb2-74e6-92ff-a04e349776f4';

/** A seat database as 0020 left it, with one saved case whose mutation has not been sent. */
function databaseAt0020(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const file = path.join(t.dir, 'seat.db');
  const db = openStore(
    file,
    shippedMigrations().filter((m) => m.version <= 20),
    silentLogger(),
  );
  const store = createStore(db);
  store.transaction(() => {
    store.inquiries.insert({
      id: ID,
      caseNo: 'S01-261128-0001',
      seatCode: 'S01',
      operator: '张丽',
      callerPhone: '13812345678',
      callerName: null,
      regionCode: null,
      channel: 'phone',
      category: '其他',
      subject: null,
      question: '问题',
      answer: '',
      status: 'intake',
      priority: 'normal',
      expertId: null,
      departmentId: null,
      createdAt: '2026-11-28T02:00:00.000Z',
      updatedAt: '2026-11-28T02:00:00.000Z',
      callStartedAt: null,
      callDurationSec: null,
      version: 1,
    });
    store.events.append({
      id: 'e1',
      inquiryId: ID,
      type: 'created',
      at: '2026-11-28T02:00:00.000Z',
      operator: '张丽',
      seatCode: 'S01',
      data: {},
    });
    store.outbox.append({
      name: 'inquiry.create',
      entityId: ID,
      args: { id: ID },
      createdAt: '2026-11-28T02:00:00.000Z',
    });
  });
  db.close();
  return file;
}

describe('migration 0030_sync', () => {
  it('keeps unsent changes pending and marks existing cases as not yet on the server', () => {
    const db = openStore(databaseAt0020(), shippedMigrations(), silentLogger());
    cleanups.unshift(() => db.close());
    expect(db.prepare(`SELECT mutation_id, status, result, acked_at FROM outbox`).all()).toEqual([
      { mutation_id: 1, status: 'pending', result: null, acked_at: null },
    ]);
    expect(db.prepare(`SELECT server_version FROM inquiry`).all()).toEqual([{ server_version: null }]);
    expect(db.prepare(`SELECT count(*) AS n FROM sync_issue`).get()).toEqual({ n: 0 });
    expect(db.prepare(`SELECT key FROM sync_meta`).all()).toEqual(
      expect.arrayContaining([{ key: 'next_mutation_id' }, { key: 'client_id' }]),
    );
  });

  it("still refuses to delete a case's timeline while the case exists", () => {
    const db = openStore(databaseAt0020(), shippedMigrations(), silentLogger());
    cleanups.unshift(() => db.close());
    expect(() => db.prepare(`DELETE FROM inquiry_event WHERE inquiry_id = ?`).run(ID)).toThrow(/append-only/);
    db.transaction(() => {
      db.pragma('defer_foreign_keys = ON');
      db.prepare(`DELETE FROM inquiry WHERE id = ?`).run(ID);
      db.prepare(`DELETE FROM inquiry_event WHERE inquiry_id = ?`).run(ID);
    })();
    expect(db.prepare(`SELECT count(*) AS n FROM inquiry_event`).get()).toEqual({ n: 0 });
  });

  it('refuses an outbox status or an issue kind the engine does not know', () => {
    const db = openStore(databaseAt0020(), shippedMigrations(), silentLogger());
    cleanups.unshift(() => db.close());
    expect(() => db.prepare(`UPDATE outbox SET status = 'lost'`).run()).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO sync_issue (id, mutation_id, inquiry_id, kind, code, message, payload, created_at)
           VALUES ('i1', 1, ?, 'ignored', 'X', 'x', '{}', '2026-11-28T02:00:00.000Z')`,
        )
        .run(ID),
    ).toThrow(/CHECK/);
  });
});
