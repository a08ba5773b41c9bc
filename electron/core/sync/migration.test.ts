import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger';
import { openStore } from '../db/open';
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
  // Written the way that seat version wrote it: today's repositories know columns 0020 does not have.
  db.transaction(() => {
    db.prepare(
      `INSERT INTO inquiry (id, case_no, seat_code, operator, caller_phone, channel, category, question, answer,
         status, priority, created_at, updated_at, version)
       VALUES (?, 'S01-261128-0001', 'S01', '张丽', '13812345678', 'phone', '其他', '问题', '', 'intake', 'normal',
         '2026-11-28T02:00:00.000Z', '2026-11-28T02:00:00.000Z', 1)`,
    ).run(ID);
    db.prepare(
      `INSERT INTO inquiry_event (id, inquiry_id, type, at, operator, seat_code, data)
       VALUES ('e1', ?, 'created', '2026-11-28T02:00:00.000Z', '张丽', 'S01', '{}')`,
    ).run(ID);
    db.prepare(
      `INSERT INTO outbox (client_id, name, entity_id, args, created_at)
       VALUES ('c1', 'inquiry.create', ?, ?, '2026-11-28T02:00:00.000Z')`,
    ).run(ID, JSON.stringify({ id: ID }));
    db.prepare(
      `INSERT OR REPLACE INTO sync_meta (key, value) VALUES ('client_id', 'c1'), ('next_mutation_id', '2')`,
    ).run();
  })();
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
