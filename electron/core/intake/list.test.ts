import { afterEach, describe, expect, it } from 'vitest';
import { anInquiry, DAY_MS, openIntakeSeat, type IntakeSeat } from './testSeat';

let seat: IntakeSeat;
afterEach(() => seat?.cleanup());

/** Three cases a day apart, newest last: a corn question, a pig question (answered), a rice question. */
async function seedCases() {
  seat.db
    .exec(`INSERT INTO region (code, name, parent_code, level, path_name, pinyin_initials, pinyin, has_children) VALUES
    ('22', '吉林省', NULL, 1, '吉林省', 'jls', 'jilinsheng', 1),
    ('2201', '长春市', '22', 2, '吉林省 长春市', 'ccs', 'changchunshi', 1),
    ('220113', '九台区', '2201', 3, '吉林省 长春市 九台区', 'jtq', 'jiutaiqu', 0),
    ('2202', '吉林市', '22', 2, '吉林省 吉林市', 'jls', 'jilinshi', 0)`);
  const corn = await seat.must('inquiry:create', anInquiry({ regionCode: '220113' }));
  seat.advance(DAY_MS);
  seat.actor.operator = '李强';
  const pig = await seat.must(
    'inquiry:create',
    anInquiry({
      callerPhone: '0431-85551234',
      callerName: '赵铁柱',
      regionCode: '2202',
      category: '畜牧兽医',
      subject: '猪',
      question: '猪不吃食，耳朵发紫，体温40度以上',
      answer: '疑似猪瘟，请立即隔离并联系当地兽医站',
      status: 'answered',
    }),
  );
  seat.advance(DAY_MS);
  const rice = await seat.must(
    'inquiry:create',
    anInquiry({
      callerPhone: '13900001111',
      callerName: '孙秀英',
      regionCode: null,
      subject: '水稻',
      question: '水稻叶子上有梭形病斑 (AND) "稻瘟病"?',
    }),
  );
  return { corn, pig, rice };
}

const caseNos = (page: { items: { caseNo: string }[] }) => page.items.map((i) => i.caseNo);

describe('the case list', () => {
  it('shows cases newest first with region path, excerpt and pending flag', async () => {
    seat = openIntakeSeat();
    const { corn, pig, rice } = await seedCases();
    const page = await seat.must('inquiry:list', {});
    expect(page.total).toBe(3);
    expect(page.items.map((i) => i.id)).toEqual([rice.id, pig.id, corn.id]);
    expect(page.items[2]).toMatchObject({
      regionName: '吉林省 长春市 九台区',
      pendingSync: true,
      questionExcerpt: corn.question,
    });
    expect(page.items[0]?.regionName).toBeNull();
  });

  it('cuts long questions to a short excerpt', async () => {
    seat = openIntakeSeat();
    await seat.must('inquiry:create', anInquiry({ question: '玉'.repeat(300) }));
    const [item] = (await seat.must('inquiry:list', {})).items;
    expect(item?.questionExcerpt).toBe(`${'玉'.repeat(80)}…`);
  });

  it('pages with offset and limit while reporting the full total', async () => {
    seat = openIntakeSeat();
    const { pig, corn } = await seedCases();
    const page = await seat.must('inquiry:list', { offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 3 });
    expect(page.items.map((i) => i.id)).toEqual([pig.id]);
    expect((await seat.must('inquiry:list', { offset: 2, limit: 5 })).items.map((i) => i.id)).toEqual([corn.id]);
  });

  it('filters by date range, status, category, operator and region including everything under it', async () => {
    seat = openIntakeSeat();
    const { corn, pig, rice } = await seedCases();
    const ids = async (q: Parameters<typeof seat.must<'inquiry:list'>>[1]) =>
      (await seat.must('inquiry:list', q)).items.map((i) => i.id);
    expect(await ids({ from: '2026-11-29T00:00:00+08:00' })).toEqual([rice.id, pig.id]);
    expect(await ids({ from: '2026-11-29T00:00:00Z', to: '2026-11-29T23:59:59Z' })).toEqual([pig.id]);
    expect(await ids({ statuses: ['answered'] })).toEqual([pig.id]);
    expect(await ids({ statuses: ['intake', 'to_expert'] })).toEqual([rice.id, corn.id]);
    expect(await ids({ categories: ['畜牧兽医'] })).toEqual([pig.id]);
    expect(await ids({ operator: '李强' })).toEqual([rice.id, pig.id]);
    expect(await ids({ operator: '张丽' })).toEqual([corn.id]);
    expect(await ids({ regionCode: '22' })).toEqual([pig.id, corn.id]);
    expect(await ids({ regionCode: '2201' })).toEqual([corn.id]);
    expect(await ids({ regionCode: '220113' })).toEqual([corn.id]);
    expect(await ids({ regionCode: '2202', statuses: ['intake'] })).toEqual([]);
  });
});

describe('text search', () => {
  it('finds a two-character Chinese word in the question or the answer', async () => {
    seat = openIntakeSeat();
    const { corn, pig, rice } = await seedCases();
    const search = async (text: string) => caseNos(await seat.must('inquiry:list', { text }));
    expect(await search('玉米')).toEqual([corn.caseNo]);
    expect(await search('猪瘟')).toEqual([pig.caseNo]);
    expect(await search('稻瘟病')).toEqual([rice.caseNo]);
    expect(await search('叶子 病斑')).toEqual([rice.caseNo]);
    expect(await search('隔离 兽医站')).toEqual([pig.caseNo]);
    expect(await search('小麦')).toEqual([]);
  });

  it('finds a case by caller name, phone fragment and case number', async () => {
    seat = openIntakeSeat();
    const { corn, pig, rice } = await seedCases();
    const search = async (text: string) => caseNos(await seat.must('inquiry:list', { text }));
    expect(await search('赵铁柱')).toEqual([pig.caseNo]);
    expect(await search('5678')).toEqual([corn.caseNo]);
    expect(await search('0431-8555')).toEqual([pig.caseNo]);
    expect(await search(rice.caseNo)).toEqual([rice.caseNo]);
    expect(await search(rice.caseNo.toLowerCase())).toEqual([rice.caseNo]);
  });

  it('finds one-character terms too', async () => {
    seat = openIntakeSeat();
    const { pig } = await seedCases();
    expect(caseNos(await seat.must('inquiry:list', { text: '猪' }))).toEqual([pig.caseNo]);
    expect(caseNos(await seat.must('inquiry:list', { text: '紫 猪瘟' }))).toEqual([pig.caseNo]);
  });

  it('combines text with filters and counts only the matches', async () => {
    seat = openIntakeSeat();
    const { corn } = await seedCases();
    const page = await seat.must('inquiry:list', { text: '叶', categories: ['种植业-粮食作物'], regionCode: '22' });
    expect(page).toMatchObject({ total: 1 });
    expect(caseNos(page)).toEqual([corn.caseNo]);
  });

  it.each([
    '"',
    '""',
    'AND',
    'OR NOT',
    '*',
    '玉米*',
    'NEAR(',
    'NEAR(玉米 猪, 2)',
    '(玉米',
    '玉米)',
    '[稻瘟病',
    '{question}: 玉米',
    'question:玉米',
    '^玉米',
    '- + : ;',
    "'; DROP TABLE inquiry; --",
    '%_%',
    '\\',
  ])('treats %j as plain text, never as search syntax', async (text) => {
    seat = openIntakeSeat();
    await seedCases();
    const result = await seat.call('inquiry:list', { text });
    expect(result.ok).toBe(true);
    expect(seat.count('inquiry')).toBe(3);
  });

  it('matches what a user typed literally even when it looks like syntax', async () => {
    seat = openIntakeSeat();
    const { rice, corn } = await seedCases();
    expect(caseNos(await seat.must('inquiry:list', { text: '(AND)' }))).toEqual([rice.caseNo]);
    expect(caseNos(await seat.must('inquiry:list', { text: '"稻瘟病"' }))).toEqual([rice.caseNo]);
    expect(caseNos(await seat.must('inquiry:list', { text: '玉米*' }))).toEqual([corn.caseNo]);
  });

  it('refuses search text longer than 100 characters as invalid input', async () => {
    seat = openIntakeSeat();
    const result = await seat.call('inquiry:list', { text: '玉'.repeat(5000) });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!result.ok && result.error.message).toContain('搜索内容不能超过 100 个字');
  });
});
