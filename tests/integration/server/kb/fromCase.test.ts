import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newInquiry } from '../fixtures';
import { VARIANTS } from '../harness';
import { type KbTestServer, detailOf, startKbServer } from './kbHarness';

describe.each(VARIANTS)('转为知识: a draft from an answered case (%s)', (variant) => {
  let kb: KbTestServer;
  beforeEach(async () => {
    kb = await startKbServer(variant);
  });
  afterEach(async () => kb.close());

  it('pre-fills the draft from the case and links it back', async () => {
    const answered = newInquiry('S01', {
      question: '大豆结荚期叶子发黄脱落，是什么病？',
      answer: '多为大豆灰斑病或缺钾，先看叶片病斑，再按标签选用药剂。',
      category: '植物保护-病虫害',
      subject: '大豆',
      regionCode: '220122',
      expertId: 'E001',
      status: 'answered',
    });
    await kb.pushCases([answered]);
    const res = await kb.call('expert', 'POST', `/kb/articles/from-case/${answered.id}`);
    expect(res.statusCode).toBe(201);
    const draft = detailOf(res);
    expect(draft).toMatchObject({ status: 'draft', sourceInquiryId: answered.id, publishedVersion: null });
    expect(draft.draft).toMatchObject({
      title: answered.question,
      answer: answered.answer,
      category: '植物保护-病虫害',
      subjects: ['大豆'],
      regions: ['220122'],
    });

    const twice = await kb.call('expert', 'POST', `/kb/articles/from-case/${answered.id}`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json<{ error: { message: string } }>().error.message).toContain(draft.id);
  });

  it('refuses a case without an answer, saying what to do', async () => {
    const open = newInquiry('S01', { answer: '', expertId: 'E001' });
    await kb.pushCases([open]);
    const res = await kb.call('expert', 'POST', `/kb/articles/from-case/${open.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { message: string } }>().error.message).toContain('还没有答复');
  });

  it("refuses a case outside the expert's scope, and roles that do not write articles", async () => {
    const others = newInquiry('S02', { answer: '答复', expertId: 'E999' });
    await kb.pushCases([others]);
    expect((await kb.call('expert', 'POST', `/kb/articles/from-case/${others.id}`)).statusCode).toBe(404);
    expect((await kb.call('operator', 'POST', `/kb/articles/from-case/${others.id}`)).statusCode).toBe(403);
    expect((await kb.call('admin', 'POST', `/kb/articles/from-case/${others.id}`)).statusCode).toBe(201);
    expect((await kb.call('admin', 'POST', '/kb/articles/from-case/not-a-uuid')).statusCode).toBe(400);
  });
});
