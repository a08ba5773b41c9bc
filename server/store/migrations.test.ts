import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from './migrations';
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
