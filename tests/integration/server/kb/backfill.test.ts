import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { backfillCaseSearch } from '../../../../server/kb/caseSearch/backfill';
import { searchCases } from '../../../../server/kb/caseSearch/caseSearch';
import { indexIsCurrent } from '../../../../server/kb/caseSearch/indexVersion';
import { newInquiry } from '../fixtures';
import { type TestDatabase, VARIANTS, testDatabase } from '../harness';

describe.each(VARIANTS)('case search index rebuild (%s)', (variant) => {
  let db: TestDatabase;
  afterEach(async () => db.cleanup());

  it('indexes cases written before the index existed, once per analyzer version', async () => {
    db = testDatabase(variant);
    const store = await db.open();
    const log = pino({ level: 'silent' });
    const cases = [
      newInquiry('S01', { question: '水稻稻瘟病用什么药' }),
      newInquiry('S02', { question: '水稻插秧密度多少合适' }),
    ];
    // Rows as an older server wrote them: in the case table only.
    for (const c of cases) {
      await store.db
        .insertInto('inquiry')
        .values({
          id: c.id,
          data: JSON.stringify(c),
          row_version: 1,
          seat_code: c.seatCode,
          case_no: c.caseNo,
          expert_id: null,
          department_id: null,
          updated_at: c.updatedAt,
        })
        .execute();
    }
    const search = async (q: string) =>
      (await searchCases(store.db, store.dialect, { kind: 'all' }, { q, limit: 10 })).hits.map((h) => h.id);
    expect(await search('水稻')).toEqual([]);

    expect(await backfillCaseSearch(store, log, () => true)).toBe(0);
    expect(await backfillCaseSearch(store, log, () => false)).toBe(2);
    expect((await search('水稻')).sort()).toEqual(cases.map((c) => c.id).sort());
    expect(await search('稻瘟病')).toEqual([cases[0]!.id]);
    expect(await backfillCaseSearch(store, log, () => false)).toBe(0);
    // The rebuilt entries hold their seat's scope word, which a seat's search now asks the index for.
    expect(await indexIsCurrent(store.db)).toBe(true);
    const seat = await searchCases(
      store.db,
      store.dialect,
      { kind: 'seats', seatCodes: ['S02'] },
      { q: '水稻', limit: 10 },
    );
    expect(seat.hits.map((h) => h.id)).toEqual([cases[1]!.id]);
    await store.close();
  });

  it("takes an empty server's index as current at once, so searches test scope in it from the start", async () => {
    db = testDatabase(variant);
    const store = await db.open();
    expect(await indexIsCurrent(store.db)).toBe(false);
    expect(await backfillCaseSearch(store, pino({ level: 'silent' }), () => false)).toBe(0);
    expect(await indexIsCurrent(store.db)).toBe(true);
    await store.close();
  });
});
