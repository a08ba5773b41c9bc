import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KbVersionDiff } from '../../../../shared/domain/kbDiff';
import { KbVersionList } from '../../../../shared/domain/kbServer';
import { articleFeed } from '../../../../server/kb/articleFeed';
import { VARIANTS } from '../harness';
import { type KbTestServer, detailOf, draftOf, startKbServer } from './kbHarness';

describe.each(VARIANTS)('article lifecycle (%s)', (variant) => {
  let kb: KbTestServer;
  beforeEach(async () => {
    kb = await startKbServer(variant);
  });
  afterEach(async () => kb.close());

  it('takes an expert draft through review to a published version seats receive', async () => {
    const feed = articleFeed(kb.server.store.db);
    const seqBefore = await feed.currentSeq();
    const draft = await kb.createDraft();
    expect(draft).toMatchObject({ status: 'draft', publishedVersion: null, revision: 1 });
    expect(draft.owner?.id).toBe(kb.userIds.expert);

    const edited = detailOf(
      await kb.call('expert', 'PUT', `/kb/articles/${draft.id}`, {
        expectedRevision: 1,
        draft: draftOf({ title: '玉米叶子发黄怎么办？' }),
      }),
    );
    const submitted = detailOf(
      await kb.call('expert', 'POST', `/kb/articles/${draft.id}/submit`, { expectedRevision: edited.revision }),
    );
    expect(submitted.status).toBe('in_review');
    // In review nothing reaches seats yet.
    expect(await feed.currentSeq()).toBe(seqBefore);

    const sentBack = detailOf(
      await kb.call('supervisor', 'POST', `/kb/articles/${draft.id}/send-back`, {
        expectedRevision: submitted.revision,
        note: '请补充施肥量',
      }),
    );
    expect(sentBack).toMatchObject({ status: 'draft', reviewNote: '请补充施肥量' });

    const resubmitted = detailOf(
      await kb.call('expert', 'POST', `/kb/articles/${draft.id}/submit`, { expectedRevision: sentBack.revision }),
    );
    const published = detailOf(
      await kb.call('supervisor', 'POST', `/kb/articles/${draft.id}/publish`, {
        expectedRevision: resubmitted.revision,
      }),
    );
    expect(published).toMatchObject({ status: 'published', publishedVersion: 1, draft: null });
    expect(published.published?.title).toBe('玉米叶子发黄怎么办？');
    expect(published.reviewer?.id).toBe(kb.userIds.supervisor);

    const { changes } = await feed.changesSince(seqBefore, 10);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ id: draft.id, op: 'upsert', article: { version: 1, status: 'published' } });
  });

  it('keeps the live version searchable while a revision is drafted, and publishes it as a new version', async () => {
    const v1 = await kb.publishNew();
    const revising = detailOf(
      await kb.call('expert', 'PUT', `/kb/articles/${v1.id}`, {
        expectedRevision: v1.revision,
        draft: draftOf({ answer: '先排水，再追施尿素，按标签用量。' }),
      }),
    );
    expect(revising).toMatchObject({ status: 'draft', publishedVersion: 1 });
    expect(revising.published?.answer).toBe(v1.published?.answer);
    const live = await articleFeed(kb.server.store.db).published();
    expect(live.articles.find((a) => a.id === v1.id)?.version).toBe(1);

    const operatorView = detailOf(await kb.call('operator', 'GET', `/kb/articles/${v1.id}`));
    expect(operatorView.draft).toBeNull();
    expect(operatorView.published?.version).toBe(1);

    const submitted = detailOf(
      await kb.call('expert', 'POST', `/kb/articles/${v1.id}/submit`, { expectedRevision: revising.revision }),
    );
    const v2 = detailOf(
      await kb.call('supervisor', 'POST', `/kb/articles/${v1.id}/publish`, { expectedRevision: submitted.revision }),
    );
    expect(v2.published).toMatchObject({ version: 2, answer: '先排水，再追施尿素，按标签用量。' });

    const history = KbVersionList.parse((await kb.call('operator', 'GET', `/kb/articles/${v1.id}/versions`)).json());
    expect(history.versions.map((v) => [v.version, v.action, v.by.id])).toEqual([
      [2, 'publish', kb.userIds.supervisor],
      [1, 'publish', kb.userIds.supervisor],
    ]);
    const diff = KbVersionDiff.parse((await kb.call('expert', 'GET', `/kb/articles/${v1.id}/diff?from=1&to=2`)).json());
    expect(diff.fields.map((f) => f.field)).toEqual(['answer']);
  });

  it('rolls back to an earlier version as a new version, and retires an article out of the feed', async () => {
    const feed = articleFeed(kb.server.store.db);
    const v1 = await kb.publishNew();
    const revising = detailOf(
      await kb.call('expert', 'PUT', `/kb/articles/${v1.id}`, {
        expectedRevision: v1.revision,
        draft: draftOf({ title: '错误的标题' }),
      }),
    );
    const submitted = detailOf(
      await kb.call('expert', 'POST', `/kb/articles/${v1.id}/submit`, { expectedRevision: revising.revision }),
    );
    const v2 = detailOf(
      await kb.call('supervisor', 'POST', `/kb/articles/${v1.id}/publish`, { expectedRevision: submitted.revision }),
    );
    const seq = await feed.currentSeq();

    const rolledBack = detailOf(
      await kb.call('supervisor', 'POST', `/kb/articles/${v1.id}/rollback`, {
        expectedRevision: v2.revision,
        toVersion: 1,
      }),
    );
    expect(rolledBack.published).toMatchObject({ version: 3, title: v1.published?.title });
    const versions = KbVersionList.parse((await kb.call('expert', 'GET', `/kb/articles/${v1.id}/versions`)).json());
    expect(versions.versions[0]).toMatchObject({ version: 3, action: 'rollback', restoredFrom: 1 });

    const retired = detailOf(
      await kb.call('supervisor', 'POST', `/kb/articles/${v1.id}/retire`, { expectedRevision: rolledBack.revision }),
    );
    expect(retired.status).toBe('retired');
    const { changes } = await feed.changesSince(seq, 10);
    expect(changes.map((c) => [c.op, c.article?.version ?? null])).toEqual([
      ['upsert', 3],
      ['remove', null],
    ]);
    expect((await feed.published()).articles.some((a) => a.id === v1.id)).toBe(false);
    expect((await kb.call('operator', 'GET', `/kb/articles/${v1.id}`)).statusCode).toBe(404);
  });

  it('refuses a change made on a stale copy, in Chinese, and changes nothing', async () => {
    const draft = await kb.createDraft();
    await kb.call('expert', 'PUT', `/kb/articles/${draft.id}`, { expectedRevision: 1, draft: draftOf({ title: 'A' }) });
    const stale = await kb.call('expert', 'PUT', `/kb/articles/${draft.id}`, {
      expectedRevision: 1,
      draft: draftOf({ title: 'B' }),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: { message: string } }>().error.message).toContain('刷新');
    expect(detailOf(await kb.call('expert', 'GET', `/kb/articles/${draft.id}`)).draft?.title).toBe('A');
  });

  it('publishes once when two supervisors publish the same review at the same time', async () => {
    const draft = await kb.createDraft();
    const submitted = detailOf(
      await kb.call('expert', 'POST', `/kb/articles/${draft.id}/submit`, { expectedRevision: draft.revision }),
    );
    const feed = articleFeed(kb.server.store.db);
    const seq = await feed.currentSeq();
    const publish = () =>
      kb.call('supervisor', 'POST', `/kb/articles/${draft.id}/publish`, { expectedRevision: submitted.revision });
    const codes = (await Promise.all([publish(), publish(), publish()])).map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409, 409]);
    expect((await feed.changesSince(seq, 10)).changes).toHaveLength(1);
    const versions = KbVersionList.parse((await kb.call('expert', 'GET', `/kb/articles/${draft.id}/versions`)).json());
    expect(versions.versions).toHaveLength(1);
  });

  it('refuses transitions that do not fit the status', async () => {
    const draft = await kb.createDraft();
    const publishDraft = await kb.call('supervisor', 'POST', `/kb/articles/${draft.id}/publish`, {
      expectedRevision: 1,
    });
    expect(publishDraft.statusCode).toBe(409);
    const submitted = detailOf(
      await kb.call('expert', 'POST', `/kb/articles/${draft.id}/submit`, { expectedRevision: 1 }),
    );
    const editInReview = await kb.call('expert', 'PUT', `/kb/articles/${draft.id}`, {
      expectedRevision: submitted.revision,
      draft: draftOf(),
    });
    expect(editInReview.statusCode).toBe(409);
    expect(editInReview.json<{ error: { message: string } }>().error.message).toContain('审核');
  });

  it('counts helpful and not-helpful marks, one per operator, changeable', async () => {
    const article = await kb.publishNew();
    await kb.call('operator', 'POST', `/kb/articles/${article.id}/feedback`, { helpful: false });
    const marked = detailOf(
      await kb.call('operator', 'POST', `/kb/articles/${article.id}/feedback`, { helpful: true }),
    );
    expect(marked.feedback).toEqual({ helpful: 1, notHelpful: 0, mine: true });
    const admin = detailOf(await kb.call('admin', 'POST', `/kb/articles/${article.id}/feedback`, { helpful: false }));
    expect(admin.feedback).toEqual({ helpful: 1, notHelpful: 1, mine: false });
  });
});
