import type { z } from 'zod';
import type { In, Out } from '../../shared/contract/contract';
import { methods } from '../../shared/contract/contract';
import { fail, ok, type Result } from '../../shared/contract/result';
import type { KbArticle } from '../../shared/domain/kb';
import { diffKbDrafts } from '../../shared/domain/kbDiff';
import type {
  KbArticleDetail,
  KbArticleListItem,
  KbDraft,
  KbPerson,
  KbVersionSummary,
} from '../../shared/domain/kbServer';
import type { Inquiry } from '../../shared/domain/inquiry';
import type { ErrorCode } from '../../shared/errors';
import type { User } from '../../shared/sync/auth';
import { draft, seedRows, type Row, type Version } from './fakeKbEditSeed';

type KbEditMethod =
  | 'kbEdit:list'
  | 'kbEdit:get'
  | 'kbEdit:create'
  | 'kbEdit:fromCase'
  | 'kbEdit:save'
  | 'kbEdit:act'
  | 'kbEdit:reviewDue'
  | 'kbEdit:diff';

/** The seat's and the server's own words (electron/core/kb/serverRequest.ts, server/kb/*), for the cases tests use. */
export const KB_EDIT_MESSAGES = {
  offline: '无法连接中心服务器：离线时无法查看历史版本、提交评价或编写知识。联网后再试；检索本机知识库不受影响。',
  notLoggedIn: '请先联网登录，再查看历史版本、提交评价或编写知识。',
  stale: '这条知识刚被别人修改过，请刷新后再操作',
  notFound: '没有找到这条知识，可能已被删除或编号有误，请刷新后重试',
} as const;

/** A refusal as the server words it; the handlers' wrapper turns it into `{ ok: false }`. */
class Refusal extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}
const refuse = (code: ErrorCode, message: string): never => {
  throw new Refusal(code, message);
};

const PAGE_SIZE = 20;

const canAuthor = (u: User) => u.role === 'expert' || u.role === 'admin';
const canReview = (u: User) => u.role === 'supervisor' || u.role === 'admin';
const seesDrafts = (u: User) => u.role === 'expert' || canReview(u);
const isResponsible = (u: User, row: Row) =>
  u.role === 'admin' || (u.role === 'expert' && (row.owner === null || row.owner.id === u.id));
const isLive = (row: Row) => row.publishedVersion !== null && row.status !== 'retired';
const person = (u: User): KbPerson => ({ id: u.id, name: u.displayName });

function parse<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return refuse('INVALID_INPUT', parsed.error.issues[0]?.message ?? '填写的内容有误');
  return parsed.data;
}

/**
 * The 知识维护 half of the fake seat: the article lifecycle as the central server runs it (roles,
 * revisions, versions, the same Chinese refusals), for whoever the fake session says is logged in.
 * `setOnline(false)` makes every call answer OFFLINE, as the seat does when the server is out of reach.
 */
export function createFakeKbEdit(deps: { user: () => User | null; inquiry: (id: string) => Inquiry | undefined }) {
  let online = true;
  let serial = 0;
  const rows: Row[] = seedRows();
  const now = () => new Date().toISOString();

  const current = (): User => {
    if (!online) return refuse('OFFLINE', KB_EDIT_MESSAGES.offline);
    return deps.user() ?? refuse('UNAUTHORIZED', KB_EDIT_MESSAGES.notLoggedIn);
  };
  const find = (id: string): Row => rows.find((r) => r.id === id) ?? refuse('NOT_FOUND', KB_EDIT_MESSAGES.notFound);
  const published = (row: Row) => row.versions.find((v) => v.version === row.publishedVersion);

  function detail(row: Row, user: User): KbArticleDetail {
    const live = published(row);
    const { validUntil, reviewEachSeason, ...content } =
      live?.draft ?? draft({ title: '-', answer: '-', category: '-' });
    const article: KbArticle | null = live
      ? {
          id: row.id,
          ...content,
          version: live.version,
          status: 'published',
          validUntil,
          reviewEachSeason,
          updatedAt: live.at,
          usageCount: 0,
        }
      : null;
    return {
      id: row.id,
      status: row.status,
      revision: row.revision,
      publishedVersion: row.publishedVersion,
      published: article,
      draft: seesDrafts(user) ? row.draft : null,
      owner: row.owner,
      author: row.author,
      reviewer: row.reviewer,
      reviewNote: seesDrafts(user) ? row.reviewNote : null,
      sourceInquiryId: seesDrafts(user) ? row.sourceInquiryId : null,
      validUntil: live ? validUntil : null,
      reviewEachSeason: live ? reviewEachSeason : false,
      lastReviewedAt: row.lastReviewedAt,
      reviewDue: isLive(row) ? row.due : null,
      usageCount: 0,
      feedback: { helpful: 0, notHelpful: 0, mine: null },
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }

  const listItem = (row: Row): KbArticleListItem => ({
    id: row.id,
    title: row.draft && !isLive(row) ? row.draft.title : (published(row)?.draft.title ?? row.draft?.title ?? ''),
    category: published(row)?.draft.category ?? row.draft?.category ?? '',
    status: row.status,
    publishedVersion: row.publishedVersion,
    owner: row.owner,
    updatedAt: row.updatedAt,
    usageCount: 0,
    reviewDue: isLive(row) ? row.due : null,
  });

  /** Checks the revision the client saw, applies one step and bumps the revision, as the server's `change`. */
  function change(id: string, expectedRevision: number, step: (row: Row, user: User) => void): Result<KbArticleDetail> {
    const user = current();
    const row = find(id);
    if (row.revision !== expectedRevision) refuse('CONFLICT', KB_EDIT_MESSAGES.stale);
    step(row, user);
    row.revision += 1;
    row.updatedAt = now();
    return ok(detail(row, user));
  }

  function publishVersion(
    row: Row,
    user: User,
    content: KbDraft,
    extra: Pick<Version, 'action' | 'restoredFrom' | 'note'>,
  ) {
    const version = row.versions.length + 1;
    row.versions.push({ version, draft: content, by: person(user), at: now(), ...extra });
    row.publishedVersion = version;
    row.lastReviewedAt = now();
    row.due = null;
    row.reviewer = person(user);
  }

  function create(user: User, content: KbDraft, sourceInquiryId: string | null): Row {
    if (!canAuthor(user)) refuse('FORBIDDEN', '只有专家可以撰写知识，请联系专家');
    serial += 1;
    const row: Row = {
      id: `kb-new-${String(serial).padStart(4, '0')}`,
      status: 'draft',
      revision: 1,
      publishedVersion: null,
      draft: content,
      owner: person(user),
      author: person(user),
      reviewer: null,
      reviewNote: null,
      sourceInquiryId,
      due: null,
      lastReviewedAt: now(),
      createdAt: now(),
      updatedAt: now(),
      versions: [],
    };
    rows.push(row);
    return row;
  }

  const act = (raw: In<'kbEdit:act'>): Result<KbArticleDetail> => {
    const input = parse(methods['kbEdit:act'].input, raw);
    return change(input.id, input.expectedRevision, (row, user) => {
      const note = input.note?.trim() || null;
      switch (input.action) {
        case 'submit':
          if (!canAuthor(user) || !isResponsible(user, row)) refuse('FORBIDDEN', '只能提交自己负责的知识');
          if (row.status !== 'draft' || row.draft === null) refuse('CONFLICT', '只有草稿可以提交审核');
          row.status = 'in_review';
          return;
        case 'publish':
          if (!canReview(user)) refuse('FORBIDDEN', '只有班长可以审核发布知识');
          if (row.status !== 'in_review' || row.draft === null)
            refuse('CONFLICT', '只有待审核的知识可以发布，请刷新后查看状态');
          publishVersion(row, user, row.draft!, { action: 'publish', restoredFrom: null, note });
          row.status = 'published';
          row.draft = null;
          row.reviewNote = note;
          return;
        case 'sendBack':
          if (!canReview(user)) refuse('FORBIDDEN', '只有班长可以退回知识');
          if (row.status !== 'in_review') refuse('CONFLICT', '只有待审核的知识可以退回，请刷新后查看状态');
          row.status = 'draft';
          row.reviewNote = note;
          row.reviewer = person(user);
          return;
        case 'retire':
          if (!canReview(user)) refuse('FORBIDDEN', '只有班长可以停用知识');
          if (row.status === 'retired') refuse('CONFLICT', '这条知识已经停用');
          row.status = 'retired';
          row.draft = null;
          row.reviewNote = note;
          row.reviewer = person(user);
          return;
        case 'rollback': {
          if (!canReview(user)) refuse('FORBIDDEN', '只有班长可以回滚知识');
          const old =
            row.versions.find((v) => v.version === input.toVersion) ??
            refuse('CONFLICT', `没有第 ${input.toVersion} 版，请刷新版本历史后重试`);
          if (isLive(row) && row.publishedVersion === input.toVersion)
            refuse('CONFLICT', '这就是当前发布的版本，无需回滚');
          publishVersion(row, user, old.draft, { action: 'rollback', restoredFrom: input.toVersion, note });
          if (row.status !== 'draft' && row.status !== 'in_review') row.status = 'published';
          return;
        }
        case 'reviewed':
          if (!canReview(user) && !(canAuthor(user) && isResponsible(user, row)))
            refuse('FORBIDDEN', '只能复核自己负责的知识');
          if (!isLive(row)) refuse('CONFLICT', '只有已发布的知识需要复核');
          row.lastReviewedAt = now();
          row.due = null;
      }
    });
  };

  const handlers: { [M in KbEditMethod]: (input: In<M>) => Result<Out<M>> } = {
    'kbEdit:list': (raw) => {
      const user = current();
      const q = parse(methods['kbEdit:list'].input, raw ?? {});
      const matched = [...rows]
        .sort((a, b) => a.id.localeCompare(b.id))
        .filter((r) => seesDrafts(user) || isLive(r))
        .filter((r) => !q.status || r.status === q.status)
        .filter((r) => !q.mine || r.owner?.id === user.id)
        .filter((r) => !q.q || listItem(r).title.includes(q.q))
        .filter((r) => !q.cursor || r.id > q.cursor);
      const page = matched.slice(0, PAGE_SIZE);
      return ok({
        items: page.map(listItem),
        nextCursor: matched.length > PAGE_SIZE ? page[page.length - 1]!.id : null,
      });
    },
    'kbEdit:get': ({ id }) => {
      const user = current();
      return ok(detail(find(id), user));
    },
    'kbEdit:create': (raw) => {
      const user = current();
      const input = parse(methods['kbEdit:create'].input, raw);
      return ok(detail(create(user, input.draft, null), user));
    },
    'kbEdit:fromCase': (raw) => {
      const user = current();
      const { inquiryId } = parse(methods['kbEdit:fromCase'].input, raw);
      if (!canAuthor(user)) refuse('FORBIDDEN', '只有专家可以把工单转为知识');
      const inquiry = deps.inquiry(inquiryId) ?? refuse('NOT_FOUND', '没有找到这张工单，或它不在您负责的范围内');
      if (inquiry.answer.trim() === '') refuse('CONFLICT', '这张工单还没有答复，不能转为知识；请先填写并保存答复');
      const existing = rows.find((r) => r.sourceInquiryId === inquiryId && r.status !== 'retired');
      if (existing) refuse('CONFLICT', `这张工单已转为知识 ${existing.id}，请直接修改那条知识`);
      const content = draft({
        title: inquiry.question,
        answer: inquiry.answer.trim(),
        category: inquiry.category,
        subjects: inquiry.subject ? [inquiry.subject] : [],
      });
      return ok(detail(create(user, content, inquiryId), user));
    },
    'kbEdit:save': (raw) => {
      const input = parse(methods['kbEdit:save'].input, raw);
      return change(input.id, input.expectedRevision, (row, user) => {
        if (!canAuthor(user) || !isResponsible(user, row)) refuse('FORBIDDEN', '只能修改自己负责的知识');
        if (row.status === 'in_review') refuse('CONFLICT', '这条知识正在审核，不能修改；如需修改请先请班长退回');
        if (row.status === 'retired') refuse('CONFLICT', '这条知识已停用，不能修改；如需恢复请班长回滚到某个版本');
        row.status = 'draft';
        row.draft = input.draft;
        if (row.owner === null && user.role === 'expert') row.owner = person(user);
      });
    },
    'kbEdit:act': act,
    'kbEdit:reviewDue': () => {
      const user = current();
      if (!canAuthor(user) && !canReview(user)) refuse('FORBIDDEN', '只有专家和班长可以查看待复核的知识');
      return ok(
        rows
          .filter((r) => isLive(r) && r.due !== null)
          .filter((r) => canReview(user) || r.owner === null || r.owner.id === user.id)
          .map((r) => {
            const item = listItem(r);
            return {
              id: r.id,
              title: item.title,
              category: item.category,
              status: r.status,
              publishedVersion: r.publishedVersion!,
              owner: r.owner,
              validUntil: published(r)?.draft.validUntil ?? null,
              lastReviewedAt: r.lastReviewedAt,
              reason: r.due!,
            };
          }),
      );
    },
    'kbEdit:diff': (raw) => {
      current();
      const input = parse(methods['kbEdit:diff'].input, raw);
      const row = find(input.id);
      const version = (n: number) =>
        row.versions.find((v) => v.version === n) ?? refuse('NOT_FOUND', `这条知识没有第 ${n} 版，请刷新版本历史`);
      const [a, b] = [version(input.from), version(input.to)];
      return ok({ from: input.from, to: input.to, fields: diffKbDrafts(a.draft, b.draft) });
    },
  };

  const guarded = Object.fromEntries(
    Object.entries(handlers).map(([method, handler]) => [
      method,
      (input: unknown) => {
        try {
          return (handler as (i: unknown) => Result<unknown>)(input);
        } catch (err) {
          if (err instanceof Refusal) return fail(err.code, err.message);
          throw err;
        }
      },
    ]),
  ) as unknown as typeof handlers;

  return {
    handlers: guarded,
    rows,
    /** Published versions newest first, as kb:history gives them; undefined for an article never published here. */
    versions: (id: string): KbVersionSummary[] | undefined => {
      const row = rows.find((r) => r.id === id);
      if (!row || row.versions.length === 0) return undefined;
      return [...row.versions].reverse().map(({ draft: _draft, ...summary }) => summary);
    },
    setOnline: (next: boolean) => {
      online = next;
    },
  };
}
