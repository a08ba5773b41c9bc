import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleFeed } from '../../../../server/kb/articleFeed';
import { KbReviewDueList, KbVersionList } from '../../../../shared/domain/kbServer';
import { type Role } from '../../../../shared/sync/auth';
import { VARIANTS } from '../harness';
import { type KbTestServer, detailOf, draftOf, startKbServer } from './kbHarness';

const DAY = 24 * 60 * 60 * 1000;

describe.each(VARIANTS)('validity and review (%s)', (variant) => {
  let kb: KbTestServer;
  beforeEach(async () => {
    kb = await startKbServer(variant);
  });
  afterEach(async () => kb.close());

  const due = async (role: Role) => KbReviewDueList.parse((await kb.call(role, 'GET', '/kb/review-due')).json()).items;

  it('lists an article past its date for its expert and supervisors, not for operators', async () => {
    // The test clock is 2026-11-28 (autumn); the article is valid until the end of November.
    const article = await kb.publishNew({ validUntil: '2026-11-30' });
    expect(await due('expert')).toEqual([]);

    await kb.advance(3 * DAY);
    expect((await due('expert')).map((i) => [i.id, i.reason])).toEqual([[article.id, 'expired']]);
    expect((await due('supervisor')).map((i) => i.id)).toEqual([article.id]);
    expect(detailOf(await kb.call('operator', 'GET', `/kb/articles/${article.id}`)).reviewDue).toBe('expired');
    expect((await kb.call('operator', 'GET', '/kb/review-due')).statusCode).toBe(403);
  });

  it('flags a review-each-season article when a new season starts, and clears it when reviewed', async () => {
    const article = await kb.publishNew({ reviewEachSeason: true });
    expect(await due('expert')).toEqual([]);

    await kb.advance(5 * DAY); // 2026-12-03: winter
    expect((await due('expert')).map((i) => [i.id, i.reason])).toEqual([[article.id, 'season']]);
    const current = detailOf(await kb.call('expert', 'GET', `/kb/articles/${article.id}`));
    const reviewed = detailOf(
      await kb.call('expert', 'POST', `/kb/articles/${article.id}/reviewed`, { expectedRevision: current.revision }),
    );
    expect(reviewed.reviewDue).toBeNull();
    expect(await due('expert')).toEqual([]);
  });

  const refusal = (res: { statusCode: number; json: <T>() => T }) => ({
    status: res.statusCode,
    message: res.json<{ error: { message: string } }>().error.message,
  });

  it('asks for a new date to confirm an article past its date, and publishes it to seats as the next version', async () => {
    const article = await kb.publishNew({ validUntil: '2026-11-30' });
    await kb.advance(3 * DAY); // 2026-12-01
    const seq = await articleFeed(kb.server.store.db).currentSeq();
    const url = `/kb/articles/${article.id}/reviewed`;

    const bare = await kb.call('expert', 'POST', url, { expectedRevision: article.revision });
    expect(refusal(bare)).toEqual({
      status: 409,
      message: '这条知识的有效期（2026年11月30日）已过，复核时请填写新的有效期，或改为每季复核',
    });
    const stillPast = await kb.call('expert', 'POST', url, {
      expectedRevision: article.revision,
      validity: { validUntil: '2026-11-30', reviewEachSeason: false },
    });
    expect(refusal(stillPast).status).toBe(400);
    expect(refusal(stillPast).message).toContain('有效期已过，请填写今天或以后的日期');
    const noDate = await kb.call('expert', 'POST', url, {
      expectedRevision: article.revision,
      validity: { validUntil: null, reviewEachSeason: false },
    });
    expect(refusal(noDate).message).toContain('请填写新的有效期，或改为每季复核');

    const reviewed = detailOf(
      await kb.call('expert', 'POST', url, {
        expectedRevision: article.revision,
        validity: { validUntil: '2027-06-30', reviewEachSeason: false },
      }),
    );
    expect(reviewed).toMatchObject({ reviewDue: null, validUntil: '2027-06-30', publishedVersion: 2 });
    expect(reviewed.published).toMatchObject({
      version: 2,
      validUntil: '2027-06-30',
      answer: article.published?.answer,
    });
    // The supervisor who published stays the reviewer named beside their note.
    expect(reviewed.reviewer?.id).toBe(kb.userIds.supervisor);
    expect(await due('expert')).toEqual([]);
    expect(await due('supervisor')).toEqual([]);

    const history = KbVersionList.parse((await kb.call('expert', 'GET', `/kb/articles/${article.id}/versions`)).json());
    expect(history.versions[0]).toMatchObject({
      version: 2,
      by: { id: kb.userIds.expert },
      note: '复核无误，有效期改为 2027年6月30日',
    });
    const { changes } = await articleFeed(kb.server.store.db).changesSince(seq, 10);
    expect(changes.map((c) => [c.op, c.article?.version, c.article?.validUntil])).toEqual([
      ['upsert', 2, '2027-06-30'],
    ]);
  });

  it('lets the expert confirm an article past its date by switching it to review each season', async () => {
    const article = await kb.publishNew({ validUntil: '2026-11-30' });
    await kb.advance(3 * DAY);
    const reviewed = detailOf(
      await kb.call('expert', 'POST', `/kb/articles/${article.id}/reviewed`, {
        expectedRevision: article.revision,
        validity: { validUntil: null, reviewEachSeason: true },
      }),
    );
    expect(reviewed).toMatchObject({ reviewDue: null, validUntil: null, reviewEachSeason: true });
    expect(await due('expert')).toEqual([]);
  });

  it('keeps a draft revision open when the live version is confirmed with a new date', async () => {
    const article = await kb.publishNew({ validUntil: '2026-11-30' });
    const revising = detailOf(
      await kb.call('expert', 'PUT', `/kb/articles/${article.id}`, {
        expectedRevision: article.revision,
        draft: draftOf({ answer: '先看黄叶部位：下部叶先黄多为缺氮。', validUntil: '2027-03-31' }),
      }),
    );
    await kb.advance(3 * DAY);
    const reviewed = detailOf(
      await kb.call('expert', 'POST', `/kb/articles/${article.id}/reviewed`, {
        expectedRevision: revising.revision,
        validity: { validUntil: '2027-06-30', reviewEachSeason: false },
      }),
    );
    expect(reviewed).toMatchObject({ status: 'draft', publishedVersion: 2, validUntil: '2027-06-30' });
    expect(reviewed.published?.answer).toBe(article.published?.answer);
    expect(reviewed.draft?.answer).toBe('先看黄叶部位：下部叶先黄多为缺氮。');
  });

  it('refuses a validity date already past when a draft is written or sent for review', async () => {
    // The test clock is 2026-11-28 in Shanghai: the 27th is past, the 28th is still valid.
    const past = await kb.call('expert', 'POST', '/kb/articles', { draft: draftOf({ validUntil: '2026-11-27' }) });
    expect(refusal(past).status).toBe(400);
    expect(refusal(past).message).toContain('draft.validUntil: 有效期已过，请填写今天或以后的日期');
    const draft = await kb.createDraft({ validUntil: '2026-11-28' });
    const edit = await kb.call('expert', 'PUT', `/kb/articles/${draft.id}`, {
      expectedRevision: draft.revision,
      draft: draftOf({ validUntil: '2026-11-01' }),
    });
    expect(refusal(edit).status).toBe(400);
    expect(detailOf(await kb.call('expert', 'GET', `/kb/articles/${draft.id}`)).draft?.validUntil).toBe('2026-11-28');

    await kb.advance(DAY);
    const submit = await kb.call('expert', 'POST', `/kb/articles/${draft.id}/submit`, {
      expectedRevision: draft.revision,
    });
    expect(refusal(submit)).toEqual({
      status: 409,
      message: '有效期（2026年11月28日）已过，请改为今天或以后的日期后再提交审核',
    });
  });

  it('refuses to publish a draft whose date passed while it waited for review', async () => {
    const draft = await kb.createDraft({ validUntil: '2026-11-30' });
    const submitted = detailOf(
      await kb.call('expert', 'POST', `/kb/articles/${draft.id}/submit`, { expectedRevision: draft.revision }),
    );
    await kb.advance(3 * DAY);
    const seq = await articleFeed(kb.server.store.db).currentSeq();
    const publish = await kb.call('supervisor', 'POST', `/kb/articles/${draft.id}/publish`, {
      expectedRevision: submitted.revision,
    });
    expect(refusal(publish)).toEqual({
      status: 409,
      message: '这份稿件的有效期（2026年11月30日）已过，不能发布；请退回专家，改为今天或以后的日期后再提交',
    });
    expect(detailOf(await kb.call('supervisor', 'GET', `/kb/articles/${draft.id}`))).toMatchObject({
      status: 'in_review',
      publishedVersion: null,
    });
    expect(await articleFeed(kb.server.store.db).currentSeq()).toBe(seq);
  });

  it('takes a new validity only on review', async () => {
    const draft = await kb.createDraft();
    const res = await kb.call('expert', 'POST', `/kb/articles/${draft.id}/submit`, {
      expectedRevision: draft.revision,
      validity: { validUntil: '2027-06-30', reviewEachSeason: false },
    });
    expect(refusal(res).status).toBe(400);
  });

  it("does not list another expert's article for an expert", async () => {
    await kb.publishNew({ validUntil: '2026-11-28' });
    await kb.server.createUser('expert2', 'expert', { kind: 'expert', expertId: 'E002' });
    await kb.advance(2 * DAY);
    const token = await kb.server.login('expert2');
    expect((await due('expert')).length).toBe(1);
    const res = await kb.server.request({ method: 'GET', url: '/kb/review-due', token });
    expect(KbReviewDueList.parse(res.json()).items).toEqual([]);
  });
});
