import { type Kysely, type Updateable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { type KbArticleContent } from '../../shared/domain/kb';
import { KbDraft, type KbReviewedValidity, kbReviewedValidityOn } from '../../shared/domain/kbServer';
import { type User } from '../../shared/sync/auth';
import { type ServerContext } from '../http/context';
import { parseInput } from '../http/validate';
import { type ServerDatabase } from '../store/schema';
import { type ArticleRow, type ArticleStore, articleStore } from './articleStore';
import { versionDraft } from './articleView';
import { isPastDate, shanghaiToday } from './reviewDue';
import { canAuthor, canMark, canReview, conflict, forbid, isLive, isResponsible, notFound } from './permissions';
import { type KbArticleTable } from './schema';

type Step = (
  kb: ArticleStore,
  row: ArticleRow,
  at: string,
) => Promise<Updateable<KbArticleTable>> | Updateable<KbArticleTable>;

const STALE = '这条知识刚被别人修改过，请刷新后再操作';

/** 2026-10-31 → 2026年10月31日, as dates are read in the console's messages. */
const chineseDate = (date: string) => {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

/** What a version made on review records: the validity it set. */
function reviewedNote(v: KbReviewedValidity): string {
  const until = v.validUntil === null ? '不设有效期' : `有效期改为 ${chineseDate(v.validUntil)}`;
  return `复核无误，${until}${v.reviewEachSeason ? '，每季复核' : ''}`;
}

const reviewedBy = (user: User) => ({ reviewer_id: user.id, reviewer_name: user.displayName });

function draftColumns(draft: KbDraft) {
  return { draft: JSON.stringify(draft), title: draft.title, category: draft.category };
}

/** The content a new version freezes: the draft under the article's id, its validity beside it. */
function versionContent(id: string, draft: KbDraft) {
  const { validUntil, reviewEachSeason, ...content } = draft;
  const frozen: KbArticleContent = { id, ...content };
  return { content: JSON.stringify(frozen), valid_until: validUntil, review_each_season: reviewEachSeason ? 1 : 0 };
}

/** Article lifecycle (issue 4 §3): each change is one transaction with its version and change-log rows. */
export function articleService(ctx: ServerContext) {
  const { db, dialect } = ctx.store;
  const at = () => new Date(ctx.now()).toISOString();

  /** Locks, loads, checks the revision the client saw, applies one step and bumps the revision. */
  async function change(id: string, expectedRevision: number, step: Step): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const kb = articleStore(trx, dialect);
      await kb.lock();
      const row = await kb.get(id);
      if (!row) notFound();
      if (Number(row.revision) !== expectedRevision) conflict(STALE);
      const now = at();
      const changes = await step(kb, row, now);
      await kb.update(id, { ...changes, revision: Number(row.revision) + 1, updated_at: now });
    });
  }

  /** Freezes `draft` as the next version, makes it live and tells seats. */
  async function publishVersion(
    kb: ArticleStore,
    row: ArticleRow,
    user: User,
    now: string,
    draft: KbDraft,
    extra: { action: 'publish' | 'rollback'; restoredFrom: number | null; note: string | null },
  ): Promise<Updateable<KbArticleTable>> {
    const version = (await kb.latestVersion(row.id)) + 1;
    const frozen = versionContent(row.id, draft);
    await kb.insertVersions([
      {
        article_id: row.id,
        version,
        ...frozen,
        action: extra.action,
        restored_from: extra.restoredFrom,
        note: extra.note,
        created_by: user.id,
        created_by_name: user.displayName,
        created_at: now,
      },
    ]);
    await kb.appendChanges([{ articleId: row.id, op: 'upsert', version }], now);
    return {
      published_version: version,
      title: draft.title,
      category: draft.category,
      valid_until: frozen.valid_until,
      review_each_season: frozen.review_each_season,
      last_reviewed_at: now,
    };
  }

  /** The open draft; a validity date already past stops it going further (`refusal` says where to). */
  function draftToPass(row: ArticleRow, refusal: (date: string) => string): KbDraft {
    const draft = KbDraft.parse(JSON.parse(row.draft!));
    if (isPastDate(draft.validUntil, ctx.now())) conflict(refusal(chineseDate(draft.validUntil!)));
    return draft;
  }

  return {
    /** A new draft owned by its author; `sourceInquiryId` links a draft made from a case. */
    async create(user: User, draft: KbDraft, sourceInquiryId: string | null = null, trx: Kysely<ServerDatabase> = db) {
      if (!canAuthor(user)) forbid('只有专家可以撰写知识，请联系专家');
      const id = `kb-${uuidv7()}`;
      const now = at();
      await articleStore(trx, dialect).insert({
        id,
        status: 'draft',
        revision: 1,
        published_version: null,
        ...draftColumns(draft),
        owner_id: user.id,
        owner_name: user.displayName,
        author_id: user.id,
        author_name: user.displayName,
        reviewer_id: null,
        reviewer_name: null,
        review_note: null,
        source_inquiry_id: sourceInquiryId,
        valid_until: null,
        review_each_season: 0,
        last_reviewed_at: now,
        created_at: now,
        updated_at: now,
      });
      return id;
    },

    /** Edits the draft; on a live article this opens a revision while the live version stays searchable. */
    edit: (user: User, id: string, expectedRevision: number, draft: KbDraft) =>
      change(id, expectedRevision, (_kb, row) => {
        if (!canAuthor(user) || !isResponsible(user, row)) forbid('只能修改自己负责的知识');
        if (row.status === 'in_review') conflict('这条知识正在审核，不能修改；如需修改请先请班长退回');
        if (row.status === 'retired') conflict('这条知识已停用，不能修改；如需恢复请班长回滚到某个版本');
        const columns = draftColumns(draft);
        const live = isLive(row);
        return {
          status: 'draft',
          draft: columns.draft,
          ...(live ? {} : { title: columns.title, category: columns.category }),
          ...(row.owner_id === null && user.role === 'expert'
            ? { owner_id: user.id, owner_name: user.displayName }
            : {}),
        };
      }),

    submit: (user: User, id: string, expectedRevision: number) =>
      change(id, expectedRevision, (_kb, row) => {
        if (!canAuthor(user) || !isResponsible(user, row)) forbid('只能提交自己负责的知识');
        if (row.status !== 'draft' || row.draft === null) conflict('只有草稿可以提交审核');
        draftToPass(row, (date) => `有效期（${date}）已过，请改为今天或以后的日期后再提交审核`);
        return { status: 'in_review' };
      }),

    publish: (user: User, id: string, expectedRevision: number, note: string | null) =>
      change(id, expectedRevision, async (kb, row, now) => {
        if (!canReview(user)) forbid('只有班长可以审核发布知识');
        if (row.status !== 'in_review' || row.draft === null) conflict('只有待审核的知识可以发布，请刷新后查看状态');
        // Published past its date, an article would reach every seat already due for review; only
        // the expert can set a new date, so the supervisor sends it back instead.
        const draft = draftToPass(
          row,
          (date) => `这份稿件的有效期（${date}）已过，不能发布；请退回专家，改为今天或以后的日期后再提交`,
        );
        const published = await publishVersion(kb, row, user, now, draft, {
          action: 'publish',
          restoredFrom: null,
          note,
        });
        return { ...published, ...reviewedBy(user), status: 'published', draft: null, review_note: note };
      }),

    sendBack: (user: User, id: string, expectedRevision: number, note: string) =>
      change(id, expectedRevision, (_kb, row) => {
        if (!canReview(user)) forbid('只有班长可以退回知识');
        if (row.status !== 'in_review') conflict('只有待审核的知识可以退回，请刷新后查看状态');
        return { status: 'draft', review_note: note, ...reviewedBy(user) };
      }),

    /** Takes the article out of search (and drops an open draft); a rollback brings it back. */
    retire: (user: User, id: string, expectedRevision: number, note: string | null) =>
      change(id, expectedRevision, async (kb, row, now) => {
        if (!canReview(user)) forbid('只有班长可以停用知识');
        if (row.status === 'retired') conflict('这条知识已经停用');
        if (isLive(row)) await kb.appendChanges([{ articleId: row.id, op: 'remove', version: null }], now);
        return {
          status: 'retired',
          draft: null,
          review_note: note,
          ...reviewedBy(user),
        };
      }),

    /** Publishes an earlier version's content again, as a new version; an open revision stays open. */
    rollback: (user: User, id: string, expectedRevision: number, toVersion: number, note: string | null) =>
      change(id, expectedRevision, async (kb, row, now) => {
        if (!canReview(user)) forbid('只有班长可以回滚知识');
        const old = await kb.version(id, toVersion);
        if (!old) conflict(`没有第 ${toVersion} 版，请刷新版本历史后重试`);
        if (isLive(row) && row.published_version === toVersion) conflict('这就是当前发布的版本，无需回滚');
        const published = await publishVersion(kb, row, user, now, versionDraft(old), {
          action: 'rollback',
          restoredFrom: toVersion,
          note,
        });
        const revising = row.status === 'draft' || row.status === 'in_review';
        return { ...published, ...reviewedBy(user), status: revising ? row.status : 'published' };
      }),

    /**
     * The responsible expert (or a supervisor) confirms the live version is still right. Past its date
     * that needs a new validity; as validity is part of what seats hold, a new one is published as the
     * next version (same content, the new dates, by the reviewer), an open revision staying open.
     */
    reviewed: (user: User, id: string, expectedRevision: number, validity: KbReviewedValidity | undefined) =>
      change(id, expectedRevision, async (kb, row, now) => {
        if (!canReview(user) && !(canAuthor(user) && isResponsible(user, row))) forbid('只能复核自己负责的知识');
        if (!isLive(row)) conflict('只有已发布的知识需要复核');
        if (validity === undefined) {
          if (isPastDate(row.valid_until, ctx.now()))
            conflict(
              `这条知识的有效期（${chineseDate(row.valid_until!)}）已过，复核时请填写新的有效期，或改为每季复核`,
            );
          return { last_reviewed_at: now };
        }
        const checked = parseInput(kbReviewedValidityOn(shanghaiToday(ctx.now())), validity);
        const unchanged =
          checked.validUntil === row.valid_until && (checked.reviewEachSeason ? 1 : 0) === row.review_each_season;
        if (unchanged) return { last_reviewed_at: now };
        const live = versionDraft((await kb.version(id, Number(row.published_version)))!);
        const extra = { action: 'publish', restoredFrom: null, note: reviewedNote(checked) } as const;
        return publishVersion(kb, row, user, now, { ...live, ...checked }, extra);
      }),

    /** One mark per operator per article; marking again changes it. Not a revision: it never blocks an edit. */
    async feedback(user: User, id: string, helpful: boolean) {
      if (!canMark(user)) forbid('只有坐席员可以评价知识是否有用');
      const kb = articleStore(db, dialect);
      const row = await kb.get(id);
      if (!row || !isLive(row)) notFound();
      await kb.setFeedback(id, user.id, helpful, Number(row.published_version), at());
    },
  };
}
export type ArticleService = ReturnType<typeof articleService>;
