import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillCaseSearch } from '../../../../server/kb/caseSearch/backfill';
import { caseAnalyzer, caseWords, writeCaseWords } from '../../../../server/kb/caseSearch/caseIndex';
import { buildCaseQuery } from '../../../../server/kb/caseSearch/caseQuery';
import { searchCases } from '../../../../server/kb/caseSearch/caseSearch';
import { indexIsCurrent } from '../../../../server/kb/caseSearch/indexVersion';
import { indexTop, newestMatches } from '../../../../server/kb/caseSearch/newestMatches';
import { partialMatches } from '../../../../server/kb/caseSearch/partialMatches';
import { CaseSearchPage } from '../../../../shared/domain/kbServer';
import { type Scope } from '../../../../shared/sync/auth';
import { newInquiry } from '../fixtures';
import { VARIANTS } from '../harness';
import { type KbTestServer, startKbServer } from './kbHarness';

const SCOPES: Scope[] = [
  { kind: 'all' },
  { kind: 'seats', seatCodes: ['S01'] },
  { kind: 'seats', seatCodes: ['S02'] },
  { kind: 'seats', seatCodes: ['S01', 'S02'] },
  { kind: 'seats', seatCodes: ['S09'] },
  { kind: 'expert', expertId: 'E001' },
  { kind: 'expert', expertId: 'E009' },
  { kind: 'department', departmentId: 'nyt-zzy' },
];

describe.each(VARIANTS)('full-history case search tested for scope in the index (%s)', (variant) => {
  let kb: KbTestServer;
  const byExpert = newInquiry('S01', { question: '玉米叶子发黄是缺肥吗', answer: '追施氮肥', expertId: 'E001' });
  const byDepartment = newInquiry('S02', {
    question: '玉米叶子打卷，地里旱',
    answer: '转农业部门',
    departmentId: 'nyt-zzy',
  });
  const plain = newInquiry('S02', { subject: '猪', question: '猪不吃食发烧', answer: '' });
  const otherSeat = newInquiry('S03', { question: '玉米叶子上有黄斑', answer: '' });

  beforeAll(async () => {
    kb = await startKbServer(variant);
    await kb.pushCases([byExpert, byDepartment, plain, otherSeat]);
    // Whatever the start-up backfill saw, every entry now holds its scope words.
    await backfillCaseSearch(kb.server.store, pino({ level: 'silent' }), () => false);
  });
  afterAll(async () => kb.close());

  const ids = async (scope: Scope, q: string) =>
    (await searchCases(kb.server.store.db, kb.server.store.dialect, scope, { q, limit: 50 })).hits.map((h) => h.id);

  it('finds the same cases in every scope as joining the case table does', async () => {
    const { db, dialect } = kb.server.store;
    expect(await indexIsCurrent(db)).toBe(true);
    const top = await indexTop(db);
    for (const q of ['玉米', '玉米 叶子', '叶子 发烧', '猪', '旱']) {
      const { groups } = buildCaseQuery(caseAnalyzer(), q);
      for (const scope of SCOPES) {
        const found = async (scopeInIndex: boolean) => {
          const index = { db, dialect, scope, scopeInIndex };
          return {
            all: await newestMatches(index, groups, top, 50),
            some: await partialMatches(index, groups, top, 50),
          };
        };
        const byJoin = await found(false);
        expect(await found(true), `${q} in ${JSON.stringify(scope)}`).toEqual(byJoin);
      }
    }
    expect(await ids({ kind: 'seats', seatCodes: ['S02'] }, '玉米')).toEqual([byDepartment.id]);
    expect(await ids({ kind: 'department', departmentId: 'nyt-zzy' }, '叶子')).toEqual([byDepartment.id]);
    expect(await ids({ kind: 'seats', seatCodes: [] }, '玉米')).toEqual([]);
  });

  it('finds a case for the expert it was passed to, and no longer for the one it left', async () => {
    expect(await ids({ kind: 'expert', expertId: 'E001' }, '玉米')).toEqual([byExpert.id]);
    await kb.pushEdit(byExpert, 'expertId', 'E002');
    expect(await ids({ kind: 'expert', expertId: 'E002' }, '玉米')).toEqual([byExpert.id]);
    expect(await ids({ kind: 'expert', expertId: 'E001' }, '玉米')).toEqual([]);
    const res = await kb.call('expert', 'GET', `/cases/search?q=${encodeURIComponent('玉米 叶子')}`);
    expect(CaseSearchPage.parse(res.json()).hits).toEqual([]);
  });

  it('never finds cases by typing the words that name a scope', async () => {
    const seatWord = `scopes${Buffer.from('S03').toString('hex')}`;
    expect(await ids({ kind: 'all' }, seatWord)).toEqual([]);
    expect(await ids({ kind: 'all' }, `${seatWord} 黄斑`)).toEqual([otherSeat.id]);
    expect(await ids({ kind: 'seats', seatCodes: ['S01'] }, `${seatWord} 黄斑`)).toEqual([]);
  });

  it('never shows a case outside the scope, even when its index entry names the wrong seat', async () => {
    const { db, dialect } = kb.server.store;
    // An entry that says S01 for a case the case table keeps at S03.
    await writeCaseWords(db, dialect, otherSeat.id, caseWords(caseAnalyzer(), { ...otherSeat, seatCode: 'S01' }));
    const index = { db, dialect, scope: { kind: 'seats', seatCodes: ['S01'] } as Scope, scopeInIndex: true };
    const { groups } = buildCaseQuery(caseAnalyzer(), '黄斑');
    expect(await newestMatches(index, groups, await indexTop(db), 50)).toHaveLength(1);
    expect(await ids({ kind: 'seats', seatCodes: ['S01'] }, '黄斑')).toEqual([]);
    expect(await ids({ kind: 'all' }, '黄斑')).toEqual([otherSeat.id]);
  });
});
