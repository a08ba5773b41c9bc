import { type User } from '../../shared/sync/auth';
import { HttpError } from '../http/httpError';
import { type ArticleRow } from './articleStore';

/**
 * Who may do what with an article (issue 4 §3): experts write, supervisors review, operators read and
 * mark; the admin may do everything. Department liaisons read like operators.
 */
export const canAuthor = (u: User) => u.role === 'expert' || u.role === 'admin';
export const canReview = (u: User) => u.role === 'supervisor' || u.role === 'admin';
export const seesDrafts = (u: User) => u.role === 'expert' || canReview(u);
export const canMark = (u: User) => u.role === 'operator' || u.role === 'admin';

/** The expert who owns the article; seeded articles (no owner) may be taken up by any expert. */
export const isResponsible = (u: User, row: Pick<ArticleRow, 'owner_id'>) =>
  u.role === 'admin' || (u.role === 'expert' && (row.owner_id === null || row.owner_id === u.id));

export const isLive = (row: Pick<ArticleRow, 'status' | 'published_version'>) =>
  row.published_version !== null && row.status !== 'retired';

export function forbid(message: string): never {
  throw new HttpError(403, 'FORBIDDEN', message);
}

/** A request that does not fit the article's current state (stale revision, wrong status). */
export function conflict(message: string): never {
  throw new HttpError(409, 'CONFLICT', message);
}

export function notFound(): never {
  throw new HttpError(404, 'NOT_FOUND', '没有找到这条知识，可能已被删除或编号有误，请刷新后重试');
}
