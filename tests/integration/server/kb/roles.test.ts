import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KbArticleDetail, KbArticlePage } from '../../../../shared/domain/kbServer';
import { type Role } from '../../../../shared/sync/auth';
import { newInquiry } from '../fixtures';
import { VARIANTS } from '../harness';
import { type KbTestServer, detailOf, draftOf, startKbServer } from './kbHarness';

interface Row {
  role: Role;
  create: number;
  editExpertsDraft: number;
  submitExpertsDraft: number;
  publish: number;
  sendBack: number;
  retire: number;
  rollback: number;
  feedback: number;
  readDraft: number;
  readPublished: number;
  reviewDue: number;
  fromCase: number;
  /** Whether the article list shows drafts. */
  listsDrafts: boolean;
}

const MATRIX: Row[] = [
  {
    role: 'operator',
    create: 403,
    editExpertsDraft: 403,
    submitExpertsDraft: 403,
    publish: 403,
    sendBack: 403,
    retire: 403,
    rollback: 403,
    feedback: 200,
    readDraft: 404,
    readPublished: 200,
    reviewDue: 403,
    fromCase: 403,
    listsDrafts: false,
  },
  {
    role: 'expert',
    create: 201,
    editExpertsDraft: 200,
    submitExpertsDraft: 200,
    publish: 403,
    sendBack: 403,
    retire: 403,
    rollback: 403,
    feedback: 403,
    readDraft: 200,
    readPublished: 200,
    reviewDue: 200,
    fromCase: 201,
    listsDrafts: true,
  },
  {
    role: 'supervisor',
    create: 403,
    editExpertsDraft: 403,
    submitExpertsDraft: 403,
    publish: 200,
    sendBack: 200,
    retire: 200,
    rollback: 200,
    feedback: 403,
    readDraft: 200,
    readPublished: 200,
    reviewDue: 200,
    fromCase: 403,
    listsDrafts: true,
  },
  {
    role: 'department_liaison',
    create: 403,
    editExpertsDraft: 403,
    submitExpertsDraft: 403,
    publish: 403,
    sendBack: 403,
    retire: 403,
    rollback: 403,
    feedback: 403,
    readDraft: 404,
    readPublished: 200,
    reviewDue: 403,
    fromCase: 403,
    listsDrafts: false,
  },
  {
    role: 'admin',
    create: 201,
    editExpertsDraft: 200,
    submitExpertsDraft: 200,
    publish: 200,
    sendBack: 200,
    retire: 200,
    rollback: 200,
    feedback: 200,
    readDraft: 200,
    readPublished: 200,
    reviewDue: 200,
    fromCase: 201,
    listsDrafts: true,
  },
];

describe.each(VARIANTS)('KB role × endpoint × scope (%s)', (variant) => {
  let kb: KbTestServer;
  beforeAll(async () => {
    kb = await startKbServer(variant);
  });
  afterAll(async () => kb.close());

  const inReview = async (): Promise<KbArticleDetail> => {
    const d = await kb.createDraft();
    return detailOf(await kb.call('expert', 'POST', `/kb/articles/${d.id}/submit`, { expectedRevision: d.revision }));
  };
  /** A live article with two versions. */
  const twoVersions = async (): Promise<KbArticleDetail> => {
    const v1 = await kb.publishNew();
    const edited = detailOf(
      await kb.call('expert', 'PUT', `/kb/articles/${v1.id}`, { expectedRevision: v1.revision, draft: draftOf() }),
    );
    const submitted = detailOf(
      await kb.call('expert', 'POST', `/kb/articles/${v1.id}/submit`, { expectedRevision: edited.revision }),
    );
    return detailOf(
      await kb.call('supervisor', 'POST', `/kb/articles/${v1.id}/publish`, { expectedRevision: submitted.revision }),
    );
  };

  it.each(MATRIX)('$role', async (row) => {
    const status = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
      (await kb.call(row.role, method, url, payload)).statusCode;

    expect(await status('POST', '/kb/articles', { draft: draftOf() }), 'create').toBe(row.create);

    const draft = await kb.createDraft();
    const edit = { expectedRevision: draft.revision, draft: draftOf({ title: `${row.role} 改` }) };
    expect(await status('PUT', `/kb/articles/${draft.id}`, edit), 'edit').toBe(row.editExpertsDraft);
    const current = detailOf(await kb.call('expert', 'GET', `/kb/articles/${draft.id}`));
    expect(await status('GET', `/kb/articles/${draft.id}`), 'read draft').toBe(row.readDraft);
    expect(
      await status('POST', `/kb/articles/${draft.id}/submit`, { expectedRevision: current.revision }),
      'submit',
    ).toBe(row.submitExpertsDraft);

    const toPublish = await inReview();
    expect(
      await status('POST', `/kb/articles/${toPublish.id}/publish`, { expectedRevision: toPublish.revision }),
      'publish',
    ).toBe(row.publish);
    const toSendBack = await inReview();
    expect(
      await status('POST', `/kb/articles/${toSendBack.id}/send-back`, {
        expectedRevision: toSendBack.revision,
        note: '请修改',
      }),
      'send back',
    ).toBe(row.sendBack);

    const live = await twoVersions();
    expect(await status('GET', `/kb/articles/${live.id}`), 'read published').toBe(row.readPublished);
    expect(await status('POST', `/kb/articles/${live.id}/feedback`, { helpful: true }), 'feedback').toBe(row.feedback);
    expect(
      await status('POST', `/kb/articles/${live.id}/rollback`, { expectedRevision: live.revision, toVersion: 1 }),
      'rollback',
    ).toBe(row.rollback);
    const afterRollback = detailOf(await kb.call('supervisor', 'GET', `/kb/articles/${live.id}`));
    expect(
      await status('POST', `/kb/articles/${live.id}/retire`, { expectedRevision: afterRollback.revision }),
      'retire',
    ).toBe(row.retire);

    expect(await status('GET', '/kb/review-due'), 'review due').toBe(row.reviewDue);

    const answered = newInquiry('S01', { answer: '按标签用药', expertId: 'E001' });
    await kb.pushCases([answered]);
    expect(await status('POST', `/kb/articles/from-case/${answered.id}`), 'from case').toBe(row.fromCase);

    const list = KbArticlePage.parse((await kb.call(row.role, 'GET', '/kb/articles?status=draft&limit=200')).json());
    expect(list.items.length > 0, 'lists drafts').toBe(row.listsDrafts);
    expect((await kb.call(row.role, 'GET', '/kb/articles?limit=5')).statusCode).toBe(200);
  });

  it("keeps an expert out of another expert's draft, and lets any expert take up a seeded article", async () => {
    await kb.server.createUser('expert2', 'expert', { kind: 'expert', expertId: 'E002' });
    const token = await kb.server.login('expert2');
    const draft = await kb.createDraft();
    const theirs = await kb.server.request({
      method: 'PUT',
      url: `/kb/articles/${draft.id}`,
      token,
      payload: { expectedRevision: draft.revision, draft: draftOf() },
    });
    expect(theirs.statusCode).toBe(403);
    expect(theirs.json<{ error: { message: string } }>().error.message).toContain('自己负责');

    const seeded = detailOf(await kb.call('expert', 'GET', '/kb/articles/kb-0001'));
    expect(seeded.owner).toBeNull();
    const taken = await kb.server.request({
      method: 'PUT',
      url: '/kb/articles/kb-0001',
      token,
      payload: { expectedRevision: seeded.revision, draft: draftOf() },
    });
    expect(taken.statusCode).toBe(200);
    expect(detailOf(taken).owner?.name).toBe('expert2 显示名');
  });

  it('answers 401 without a session, and 400 with a reason for a bad body', async () => {
    expect((await kb.server.request({ method: 'GET', url: '/kb/articles' })).statusCode).toBe(401);
    const bad = await kb.call('expert', 'POST', '/kb/articles', { draft: { title: '', answer: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toContain('请求内容不符合要求');
  });
});
