import { type FastifyInstance } from 'fastify';
import { diffKbDrafts, type KbVersionDiff } from '../../shared/domain/kbDiff';
import {
  InquiryIdParams,
  KbArticleIdParams,
  KbArticleListQuery,
  KbCreateRequest,
  KbDiffQuery,
  KbEditRequest,
  KbFeedbackRequest,
  KbRollbackRequest,
  KbSendBackRequest,
  KbTransitionRequest,
  KbVersionParams,
  type KbArticleDetail,
  type KbArticlePage,
  type KbVersionDetail,
  kbDraftOn,
} from '../../shared/domain/kbServer';
import { type User } from '../../shared/sync/auth';
import { requireUser } from '../auth/authenticate';
import { type ServerContext } from '../http/context';
import { HttpError } from '../http/httpError';
import { parseInput } from '../http/validate';
import { listArticles, reviewDue } from './articleQueries';
import { type ArticleRow, articleStore } from './articleStore';
import { articleService } from './articleService';
import { articleDetail, versionDetail, versionDraft, versionSummary } from './articleView';
import { createDraftFromCase } from './draftFromCase';
import { canAuthor, canReview, forbid, isLive, notFound, seesDrafts } from './permissions';
import { shanghaiToday } from './reviewDue';

/** Article lifecycle, versions, validity and feedback (issue 4 §3). */
export function registerArticleRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const service = articleService(ctx);
  const read = () => articleStore(ctx.store.db, ctx.store.dialect);

  /** The article if `user` may see it: operators and liaisons only see live articles. */
  async function visible(user: User, id: string): Promise<ArticleRow> {
    const row = await read().get(id);
    if (!row || (!seesDrafts(user) && !isLive(row))) notFound();
    return row;
  }
  const detail = async (user: User, id: string): Promise<KbArticleDetail> =>
    articleDetail(read(), ctx.store.db, await visible(user, id), user, ctx.now());
  const note = (n: string | undefined) => (n === undefined || n === '' ? null : n);
  // A draft is checked against the server's today, so no seat's clock lets a past validity date in.
  const draftToday = () => kbDraftOn(shanghaiToday(ctx.now()));

  app.get('/kb/articles', async (req): Promise<KbArticlePage> => {
    const user = await requireUser(ctx, req);
    return listArticles(ctx.store.db, user, parseInput(KbArticleListQuery, req.query), ctx.now());
  });

  app.post('/kb/articles', async (req, reply) => {
    const user = await requireUser(ctx, req);
    const { draft } = parseInput(KbCreateRequest.extend({ draft: draftToday() }), req.body);
    const id = await service.create(user, draft);
    return reply.code(201).send(await detail(user, id));
  });

  app.post('/kb/articles/from-case/:inquiryId', async (req, reply) => {
    const user = await requireUser(ctx, req);
    const { inquiryId } = parseInput(InquiryIdParams, req.params);
    const id = await createDraftFromCase(ctx, user, inquiryId);
    return reply.code(201).send(await detail(user, id));
  });

  app.get('/kb/articles/:id', async (req): Promise<KbArticleDetail> => {
    const user = await requireUser(ctx, req);
    return detail(user, parseInput(KbArticleIdParams, req.params).id);
  });

  app.put('/kb/articles/:id', async (req): Promise<KbArticleDetail> => {
    const user = await requireUser(ctx, req);
    const { id } = parseInput(KbArticleIdParams, req.params);
    const body = parseInput(KbEditRequest.extend({ draft: draftToday() }), req.body);
    await service.edit(user, id, body.expectedRevision, body.draft);
    return detail(user, id);
  });

  type Transition = (u: User, id: string, revision: number, body: KbTransitionRequest) => Promise<void>;
  const transitions: Record<string, Transition> = {
    submit: (u, id, revision) => service.submit(u, id, revision),
    publish: (u, id, revision, body) => service.publish(u, id, revision, note(body.note)),
    retire: (u, id, revision, body) => service.retire(u, id, revision, note(body.note)),
    reviewed: (u, id, revision, body) => service.reviewed(u, id, revision, body.validity),
  };
  for (const [action, run] of Object.entries(transitions)) {
    app.post(`/kb/articles/:id/${action}`, async (req): Promise<KbArticleDetail> => {
      const user = await requireUser(ctx, req);
      const { id } = parseInput(KbArticleIdParams, req.params);
      const body = parseInput(KbTransitionRequest, req.body);
      if (body.validity !== undefined && action !== 'reviewed')
        throw new HttpError(400, 'INVALID_INPUT', '只有确认复核时可以修改有效期，请去掉 validity 后重试');
      await run(user, id, body.expectedRevision, body);
      req.log.info({ articleId: id, action, userId: user.id }, 'kb article');
      return detail(user, id);
    });
  }

  app.post('/kb/articles/:id/send-back', async (req): Promise<KbArticleDetail> => {
    const user = await requireUser(ctx, req);
    const { id } = parseInput(KbArticleIdParams, req.params);
    const body = parseInput(KbSendBackRequest, req.body);
    await service.sendBack(user, id, body.expectedRevision, body.note);
    req.log.info({ articleId: id, action: 'send-back', userId: user.id }, 'kb article');
    return detail(user, id);
  });

  app.post('/kb/articles/:id/rollback', async (req): Promise<KbArticleDetail> => {
    const user = await requireUser(ctx, req);
    const { id } = parseInput(KbArticleIdParams, req.params);
    const body = parseInput(KbRollbackRequest, req.body);
    await service.rollback(user, id, body.expectedRevision, body.toVersion, note(body.note));
    req.log.info({ articleId: id, action: 'rollback', toVersion: body.toVersion, userId: user.id }, 'kb article');
    return detail(user, id);
  });

  app.post('/kb/articles/:id/feedback', async (req): Promise<KbArticleDetail> => {
    const user = await requireUser(ctx, req);
    const { id } = parseInput(KbArticleIdParams, req.params);
    await service.feedback(user, id, parseInput(KbFeedbackRequest, req.body).helpful);
    return detail(user, id);
  });

  app.get('/kb/articles/:id/versions', async (req) => {
    const user = await requireUser(ctx, req);
    const { id } = parseInput(KbArticleIdParams, req.params);
    await visible(user, id);
    return { versions: (await read().versions(id)).map(versionSummary) };
  });

  app.get('/kb/articles/:id/versions/:version', async (req): Promise<KbVersionDetail> => {
    const user = await requireUser(ctx, req);
    const { id, version } = parseInput(KbVersionParams, req.params);
    await visible(user, id);
    const v = await read().version(id, version);
    if (!v) throw new HttpError(404, 'NOT_FOUND', `这条知识没有第 ${version} 版，请刷新版本历史`);
    return versionDetail(v);
  });

  app.get('/kb/articles/:id/diff', async (req): Promise<KbVersionDiff> => {
    const user = await requireUser(ctx, req);
    const { id } = parseInput(KbArticleIdParams, req.params);
    const { from, to } = parseInput(KbDiffQuery, req.query);
    await visible(user, id);
    const [a, b] = await Promise.all([read().version(id, from), read().version(id, to)]);
    if (!a || !b) throw new HttpError(404, 'NOT_FOUND', `这条知识没有第 ${a ? to : from} 版，请刷新版本历史`);
    return { from, to, fields: diffKbDrafts(versionDraft(a), versionDraft(b)) };
  });

  app.get('/kb/review-due', async (req) => {
    const user = await requireUser(ctx, req);
    if (!canAuthor(user) && !canReview(user)) forbid('只有专家和班长可以查看待复核的知识');
    return { items: await reviewDue(ctx.store.db, user, ctx.now()) };
  });
}
