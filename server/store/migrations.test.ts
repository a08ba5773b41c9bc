import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { scopeChecksum } from '../../shared/sync/checksum';
import { migrateTo, migrateToLatest } from './migrations';
import { scopeChecksumOf } from './scopeDigests';
import type { ServerDatabase } from './schema';

describe('server migration 0002_case_no', () => {
  it('copies each existing case number into the new column and then refuses a duplicate', async () => {
    const db = new Kysely<ServerDatabase>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
    await migrateTo(db, '0001_initial');
    const insert = (id: string, caseNo: string) =>
      db
        .insertInto('inquiry')
        .values({
          id,
          data: JSON.stringify({ id, caseNo }),
          row_version: 1,
          seat_code: 'S01',
          expert_id: null,
          department_id: null,
          updated_at: '2026-11-28T06:00:00.000Z',
        } as never)
        .execute();
    await insert('a', 'S01-261128-0001');
    await insert('b', 'S01-261128-0002');

    await migrateToLatest(db);

    const rows = await db.selectFrom('inquiry').select(['id', 'case_no']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'a', case_no: 'S01-261128-0001' },
      { id: 'b', case_no: 'S01-261128-0002' },
    ]);
    await expect(
      db.updateTable('inquiry').set({ case_no: 'S01-261128-0001' }).where('id', '=', 'b').execute(),
    ).rejects.toThrow(/UNIQUE/);
    await db.destroy();
  });
});

describe('server migration 0006_scope_digest', () => {
  it('counts the cases already stored into the digests a pull checksum reads', async () => {
    const db = new Kysely<ServerDatabase>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
    await migrateTo(db, '0005_kb_snapshots');
    const rows = [
      { id: 'a', row_version: 3, seat_code: 'S01', expert_id: 'E1', department_id: null },
      { id: 'b', row_version: 1, seat_code: 'S02', expert_id: null, department_id: 'D1' },
      { id: 'c', row_version: 2, seat_code: 'S01', expert_id: null, department_id: null },
    ];
    for (const r of rows) {
      await db
        .insertInto('inquiry')
        .values({ ...r, data: '{}', case_no: `S-${r.id}`, updated_at: '2026-11-28T06:00:00.000Z' } as never)
        .execute();
    }
    await migrateToLatest(db);

    const expected = (ids: string[]) =>
      scopeChecksum(rows.filter((r) => ids.includes(r.id)).map((r) => ({ id: r.id, rowVersion: r.row_version })));
    expect(await scopeChecksumOf(db, { kind: 'all' })).toEqual(expected(['a', 'b', 'c']));
    expect(await scopeChecksumOf(db, { kind: 'seats', seatCodes: ['S01'] })).toEqual(expected(['a', 'c']));
    expect(await scopeChecksumOf(db, { kind: 'seats', seatCodes: ['S01', 'S02'] })).toEqual(expected(['a', 'b', 'c']));
    expect(await scopeChecksumOf(db, { kind: 'expert', expertId: 'E1' })).toEqual(expected(['a']));
    expect(await scopeChecksumOf(db, { kind: 'department', departmentId: 'D1' })).toEqual(expected(['b']));
    expect(await scopeChecksumOf(db, { kind: 'expert', expertId: 'E9' })).toEqual(expected([]));
    await db.destroy();
  });
});
