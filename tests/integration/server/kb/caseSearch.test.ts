import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseSearchPage } from '../../../../shared/domain/kbServer';
import { type Role } from '../../../../shared/sync/auth';
import { newInquiry } from '../fixtures';
import { VARIANTS } from '../harness';
import { PER_WORD } from '../../../../server/kb/caseSearch/partialMatches';
import { type KbTestServer, detailOf, startKbServer } from './kbHarness';

describe.each(VARIANTS)('full-history case search (%s)', (variant) => {
  let kb: KbTestServer;
  let articleId = '';
  const mine = newInquiry('S01', {
    question: '苞米叶子上一条一条的黄斑，越来越多',
    answer: '可能是玉米大斑病，及时喷药防治',
    callerPhone: '13904312345',
    expertId: 'E001',
  });
  const other = newInquiry('S02', { question: '玉米叶子发黄，是缺肥吗', answer: '追施氮肥' });
  const pig = newInquiry('S01', {
    category: '畜牧兽医',
    subject: '猪',
    question: '猪不吃食发烧怎么回事',
    answer: '',
  });

  beforeAll(async () => {
    kb = await startKbServer(variant);
    articleId = (await kb.publishNew()).id;
    await kb.pushCases([{ ...mine, kbArticleId: articleId }, other, pig]);
  });
  afterAll(async () => kb.close());

  const search = async (role: Role, q: string, extra = '') => {
    const res = await kb.call(role, 'GET', `/cases/search?q=${encodeURIComponent(q)}${extra}`);
    expect(res.statusCode, res.body).toBe(200);
    return CaseSearchPage.parse(res.json());
  };

  it('finds every case with the words, newest first, with the phone number masked', async () => {
    const page = await search('supervisor', '玉米 叶子');
    expect(page.hits.map((h) => h.id)).toEqual([other.id, mine.id]);
    expect(page.hits[1]!.callerPhoneMasked).toBe('139****2345');
    expect(JSON.stringify(page)).not.toContain('13904312345');
    expect(JSON.stringify(page)).not.toContain(mine.callerName!);
    expect(page.terms).toEqual(expect.arrayContaining(['玉米', '叶子']));
  });

  it('finds a case by a synonym of what it says (苞米 → 玉米)', async () => {
    const ids = (await search('supervisor', '苞米')).hits.map((h) => h.id);
    expect(ids).toEqual(expect.arrayContaining([mine.id, other.id]));
  });

  it('searches only the scope the caller may pull', async () => {
    expect((await search('operator', '玉米')).hits.map((h) => h.id)).toEqual([mine.id]);
    expect((await search('expert', '玉米')).hits.map((h) => h.id)).toEqual([mine.id]);
    expect((await search('department_liaison', '玉米')).hits).toEqual([]);
    const seat = await kb.server.registerSeat(kb.tokens.operator, 'S01');
    const bySeat = await kb.server.request({ method: 'GET', url: '/cases/search?q=玉米', token: seat.deviceToken });
    expect(CaseSearchPage.parse(bySeat.json()).hits.map((h) => h.id)).toEqual([mine.id]);
  });

  it('lists the cases sharing most of a question when none holds all of it, rarer words first', async () => {
    const page = await search('supervisor', '苞米叶子上黄斑，猪咋整');
    expect(page.match).toBe('some');
    expect(page.nextCursor).toBeNull();
    expect(page.hits.map((h) => h.id)).toEqual([mine.id, other.id]);
    expect(page.terms).toEqual(expect.arrayContaining(['苞米', '玉米', '黄斑', '猪']));
    const rare = await search('supervisor', '发烧 叶子');
    expect(rare.match).toBe('some');
    expect(rare.hits.map((h) => h.id)).toEqual([pig.id, other.id, mine.id]);
    expect((await search('operator', '苞米叶子上黄斑，猪咋整')).hits.map((h) => h.id)).toEqual([mine.id]);
    const all = await search('supervisor', '玉米 叶子');
    expect(all.match).toBe('all');
  });

  it('pages with a cursor without repeating or skipping', async () => {
    const first = await search('admin', '叶子', '&limit=1');
    expect(first.hits).toHaveLength(1);
    const second = await search('admin', '叶子', `&limit=1&cursor=${first.nextCursor}`);
    expect(second.nextCursor).toBeNull();
    expect([...first.hits, ...second.hits].map((h) => h.id)).toEqual([other.id, mine.id]);
  });

  it('never errors and never matches everything on hostile or empty input', async () => {
    for (const q of ['"', 'AND', 'OR 玉米 NOT', '*', 'NEAR(', '((', "') OR 1=1 --", '', '   ', '的了吗']) {
      const page = await search('admin', q);
      expect(page.hits.length, q).toBeLessThan(3);
    }
    expect((await search('admin', '"玉米" (叶子')).hits.map((h) => h.id)).toEqual([other.id, mine.id]);
    const tooLong = await kb.call('admin', 'GET', `/cases/search?q=${'玉'.repeat(201)}`);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json<{ error: { message: string } }>().error.message).toContain('不能超过');
  });

  it('re-indexes an edited case and counts the article it recorded as usage', async () => {
    expect((await search('admin', '猪')).hits.map((h) => h.id)).toEqual([pig.id]);
    await kb.pushEdit(pig, 'answer', '可能是猪瘟，请尽快联系当地兽医站');
    expect((await search('admin', '兽医站')).hits.map((h) => h.id)).toEqual([pig.id]);
    expect((await search('admin', '猪')).hits[0]?.answerExcerpt).toContain('猪瘟');
    const detail = detailOf(await kb.call('operator', 'GET', `/kb/articles/${articleId}`));
    expect(detail.usageCount).toBe(1);
    expect(detail.published?.usageCount).toBe(1);
  });

  it('answers 401 without a valid session or device token', async () => {
    const res = await kb.server.request({ method: 'GET', url: '/cases/search?q=玉米' });
    expect(res.statusCode).toBe(401);
  });
});

describe.each(VARIANTS)('full-history case search of a question no case holds in full (%s)', (variant) => {
  let kb: KbTestServer;
  const placeAndCrop = newInquiry('S01', { subject: '水稻', question: '农安县这边咋样', answer: '' });
  const placeOnly = newInquiry('S01', { subject: '大豆', question: '农安县的情况', answer: '' });
  const twoWords = newInquiry('S01', { subject: '大豆', question: '种子补贴发了吗', answer: '' });

  beforeAll(async () => {
    kb = await startKbServer(variant);
    await kb.pushCases([placeAndCrop, placeOnly, twoWords]);
  });
  afterAll(async () => kb.close());

  it('counts a place name once, not once for each shorter word read inside it (农安县: 农安, 安县)', async () => {
    const res = await kb.call('supervisor', 'GET', `/cases/search?q=${encodeURIComponent('农安县的水稻种子补贴')}`);
    const page = CaseSearchPage.parse(res.json());
    expect(page.match).toBe('some');
    expect(page.hits.map((h) => h.id).sort()).toEqual([placeAndCrop.id, twoWords.id].sort());
  });
});

describe.each(VARIANTS)('full-history case search over more cases than a word is followed for (%s)', (variant) => {
  let kb: KbTestServer;
  const old = newInquiry('S01', { question: '玉米倒伏了还能扶起来吗', answer: '倒伏后三天内扶起' });
  const lodgedOnly = newInquiry('S01', { subject: '水稻', question: '水稻倒伏怎么办', answer: '排水晒田' });
  const common = Array.from({ length: PER_WORD + 5 }, (_, n) =>
    newInquiry('S01', { question: `玉米苗期管理第${n}问`, answer: '中耕除草' }),
  );

  beforeAll(async () => {
    kb = await startKbServer(variant);
    await kb.pushCases([old, lodgedOnly, ...common]);
  });
  afterAll(async () => kb.close());

  it('counts a common word in an old case that only a rare word found', async () => {
    const res = await kb.call('supervisor', 'GET', `/cases/search?q=${encodeURIComponent('玉米倒伏秸秆追肥')}`);
    const page = CaseSearchPage.parse(res.json());
    expect(page.match).toBe('some');
    expect(page.hits.map((h) => h.id)).toEqual([old.id]);
  });
});
