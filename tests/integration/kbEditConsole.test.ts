import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anInquiry } from '../../electron/core/intake/testSeat';
import { PASSWORD } from './server/harness';
import { openSeatWithServer, type SeatWithServer } from './fixtures/seatWithServer';

let world: SeatWithServer;

beforeEach(async () => {
  world = await openSeatWithServer();
  await world.server.createUser('expert1', 'expert', { kind: 'all' });
  await world.server.createUser('lead1', 'supervisor', { kind: 'all' });
});

afterEach(async () => {
  await world.close();
});

const DRAFT = {
  title: '大棚黄瓜早晨叶片背面有白霉怎么办',
  answer: '这是黄瓜霜霉病。清晨放风排湿，发病初期喷烯酰吗啉，7 天一次，连喷 2～3 次。',
  category: '植物保护-病虫害',
  subjects: ['黄瓜'],
  tags: ['霜霉病', '大棚'],
  season: '春' as const,
};

async function loginAs(username: string) {
  await world.must('auth:logout');
  await world.must('auth:login', { username, password: PASSWORD });
}

async function refusal(method: Parameters<SeatWithServer['must']>[0], input: unknown) {
  const result = await world.seat.call(method, input);
  if (result.ok) throw new Error(`${method} should have been refused`);
  return result.error;
}

describe('writing and reviewing articles at the console', () => {
  it('takes a draft from an expert through a supervisor’s review to every seat’s search', async () => {
    await loginAs('expert1');
    const created = await world.must('kbEdit:create', { draft: DRAFT });
    expect(created).toMatchObject({ status: 'draft', revision: 1, publishedVersion: null });

    const edited = await world.must('kbEdit:save', {
      id: created.id,
      expectedRevision: created.revision,
      draft: { ...DRAFT, answer: `${DRAFT.answer}注意轮换用药。` },
    });
    const submitted = await world.must('kbEdit:act', {
      id: created.id,
      action: 'submit',
      expectedRevision: edited.revision,
    });
    expect(submitted.status).toBe('in_review');
    expect(
      await refusal('kbEdit:act', { id: created.id, action: 'publish', expectedRevision: submitted.revision }),
    ).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('班长') });

    await loginAs('lead1');
    const queue = await world.must('kbEdit:list', { status: 'in_review' });
    expect(queue.items.map((i) => i.id)).toContain(created.id);
    const sentBack = await world.must('kbEdit:act', {
      id: created.id,
      action: 'sendBack',
      expectedRevision: submitted.revision,
      note: '请写明用药浓度',
    });
    expect(sentBack).toMatchObject({ status: 'draft', reviewNote: '请写明用药浓度' });

    await loginAs('expert1');
    const mine = await world.must('kbEdit:list', { mine: true, status: 'draft' });
    expect(mine.items.map((i) => i.id)).toContain(created.id);
    const fixed = await world.must('kbEdit:save', {
      id: created.id,
      expectedRevision: sentBack.revision,
      draft: { ...DRAFT, answer: `${DRAFT.answer}烯酰吗啉按 1500 倍液。` },
    });
    const again = await world.must('kbEdit:act', {
      id: created.id,
      action: 'submit',
      expectedRevision: fixed.revision,
    });

    await loginAs('lead1');
    expect(
      await refusal('kbEdit:act', { id: created.id, action: 'publish', expectedRevision: fixed.revision }),
    ).toMatchObject({ code: 'CONFLICT' });
    const published = await world.must('kbEdit:act', {
      id: created.id,
      action: 'publish',
      expectedRevision: again.revision,
    });
    expect(published).toMatchObject({ status: 'published', publishedVersion: 1 });

    await world.must('kb:syncNow');
    const found = await world.must('kb:search', { q: '黄瓜叶子背面白霉', limit: 5 });
    expect(found.hits.map((h) => h.id)).toContain(created.id);
  });

  it('shows what changed between two published versions and can roll back', async () => {
    await loginAs('expert1');
    let article = await world.must('kbEdit:create', { draft: DRAFT });
    const publishRevision = async (answer: string) => {
      await loginAs('expert1');
      article = await world.must('kbEdit:save', {
        id: article.id,
        expectedRevision: article.revision,
        draft: { ...DRAFT, answer },
      });
      article = await world.must('kbEdit:act', {
        id: article.id,
        action: 'submit',
        expectedRevision: article.revision,
      });
      await loginAs('lead1');
      article = await world.must('kbEdit:act', {
        id: article.id,
        action: 'publish',
        expectedRevision: article.revision,
      });
    };
    await publishRevision('喷烯酰吗啉。');
    await publishRevision('喷烯酰吗啉或氟菌·霜霉威。');

    const diff = await world.must('kbEdit:diff', { id: article.id, from: 1, to: 2 });
    expect(diff.fields).toEqual([
      expect.objectContaining({
        field: 'answer',
        kind: 'text',
        segments: expect.arrayContaining([{ text: '或氟菌·霜霉威', op: 'added' }]),
      }),
    ]);

    const rolledBack = await world.must('kbEdit:act', {
      id: article.id,
      action: 'rollback',
      expectedRevision: article.revision,
      toVersion: 1,
      note: '新药未登记',
    });
    expect(rolledBack).toMatchObject({
      publishedVersion: 3,
      published: expect.objectContaining({ answer: '喷烯酰吗啉。' }),
    });
    const history = await world.must('kb:history', { id: article.id });
    expect(history[0]).toMatchObject({ version: 3, action: 'rollback', restoredFrom: 1, note: '新药未登记' });
  });

  it('turns an answered case into a draft once the case has reached the server', async () => {
    expect(await refusal('kbEdit:fromCase', { inquiryId: '01900000-0000-7000-8000-000000000000' })).toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await world.server.createUser('op1', 'operator', { kind: 'seats', seatCodes: ['S01'] });
    await loginAs('op1');
    const { id: inquiryId } = await world.must(
      'inquiry:create',
      anInquiry({ answer: '这是玉米大斑病，发病初期喷苯醚甲环唑。', status: 'answered' }),
    );
    await world.must('sync:now');

    await loginAs('expert1');
    expect(await refusal('kbEdit:fromCase', { inquiryId: '01900000-0000-7000-8000-000000000000' })).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('立即同步'),
    });
    const draft = await world.must('kbEdit:fromCase', { inquiryId });
    expect(draft).toMatchObject({
      status: 'draft',
      sourceInquiryId: inquiryId,
      draft: expect.objectContaining({
        title: anInquiry().question,
        answer: '这是玉米大斑病，发病初期喷苯醚甲环唑。',
        subjects: ['玉米'],
      }),
    });
    expect(await refusal('kbEdit:fromCase', { inquiryId })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(draft.id),
    });
  });

  it('lists a seasonal article for review when a new season starts, until the expert confirms it', async () => {
    await loginAs('expert1');
    let article = await world.must('kbEdit:create', { draft: { ...DRAFT, reviewEachSeason: true } });
    article = await world.must('kbEdit:act', { id: article.id, action: 'submit', expectedRevision: article.revision });
    await loginAs('lead1');
    article = await world.must('kbEdit:act', { id: article.id, action: 'publish', expectedRevision: article.revision });
    await loginAs('expert1');
    expect((await world.must('kbEdit:reviewDue')).map((i) => i.id)).not.toContain(article.id);

    world.server.clock.now = Date.parse('2026-12-05T02:00:00Z');
    await loginAs('expert1');
    expect(await world.must('kbEdit:reviewDue')).toContainEqual(
      expect.objectContaining({ id: article.id, reason: 'season' }),
    );
    await world.must('kbEdit:act', { id: article.id, action: 'reviewed', expectedRevision: article.revision });
    expect((await world.must('kbEdit:reviewDue')).map((i) => i.id)).not.toContain(article.id);
  });

  it('confirms an article past its date with a new one, which reaches the seats’ copy', async () => {
    await loginAs('expert1');
    let article = await world.must('kbEdit:create', { draft: { ...DRAFT, validUntil: '2026-11-30' } });
    article = await world.must('kbEdit:act', { id: article.id, action: 'submit', expectedRevision: article.revision });
    await loginAs('lead1');
    article = await world.must('kbEdit:act', { id: article.id, action: 'publish', expectedRevision: article.revision });

    world.server.clock.now = Date.parse('2026-12-05T02:00:00Z');
    await loginAs('expert1');
    const reviewed = { id: article.id, action: 'reviewed', expectedRevision: article.revision } as const;
    expect(await refusal('kbEdit:act', reviewed)).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('复核时请填写新的有效期'),
    });
    const confirmed = await world.must('kbEdit:act', {
      ...reviewed,
      validity: { validUntil: '2027-06-30', reviewEachSeason: false },
    });
    expect(confirmed).toMatchObject({ reviewDue: null, publishedVersion: 2, validUntil: '2027-06-30' });
    expect((await world.must('kbEdit:reviewDue')).map((i) => i.id)).not.toContain(article.id);

    await world.must('kb:syncNow');
    expect(await world.must('kb:get', { id: article.id })).toMatchObject({ version: 2, validUntil: '2027-06-30' });
  });

  it('says plainly when the server cannot be reached', async () => {
    await loginAs('expert1');
    world.net.down = true;
    expect(await refusal('kbEdit:list', {})).toMatchObject({
      code: 'OFFLINE',
      message: expect.stringContaining('编写知识'),
    });
  });
});
