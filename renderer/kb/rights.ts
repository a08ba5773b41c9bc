import type { KbArticleDetail } from '../../shared/domain/kbServer';
import type { User } from '../../shared/sync/auth';

/**
 * What the logged-in user may do with articles, mirroring server/kb/permissions.ts so the screen
 * offers only what the server will accept (the server still decides, and says why when it refuses).
 */
export function kbRights(user: User | null | undefined) {
  const role = user?.role;
  const author = role === 'expert' || role === 'admin';
  const review = role === 'supervisor' || role === 'admin';
  return { author, review, works: author || review };
}
export type KbRights = ReturnType<typeof kbRights>;

/** The responsible expert (or anyone taking up a seeded article nobody owns yet), or the admin. */
export function isResponsible(user: User | null | undefined, article: Pick<KbArticleDetail, 'owner'>): boolean {
  if (!user) return false;
  return user.role === 'admin' || (user.role === 'expert' && (article.owner === null || article.owner.id === user.id));
}
