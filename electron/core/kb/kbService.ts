import type { KbSearchContext, KbSeatStatus } from '../../../shared/contract/kbMethods';
import type { KbArticle, KbFilters, KbHit, KbSearchResult } from '../../../shared/domain/kb';
import type { KbVersionSummary } from '../../../shared/domain/kbServer';
import { AppError } from '../../../shared/errors';
import { kbServerClient } from './kbServerClient';
import type { SeatKb } from './seatKb';
import { currentSession, type SessionSource } from '../online/serverRequest';
import { KB_SERVER_MESSAGES } from './kbServerMessages';

export type KbServiceDeps = SessionSource & { kb: SeatKb };

export type KbSearchRequest = { q: string; limit: number; filters: KbFilters; context?: KbSearchContext };

const NOT_FOUND_MESSAGE = '本机知识库中没有这条知识，可能已下线。请重新检索。';
/** Context reorders only among hits this close to the best one; a clearly better article keeps its place. */
const CONTEXT_BONUS = 0.15;
/** Extra candidates fetched so a context match just below the cut can still move up into it. */
const CONTEXT_POOL = 3;

/**
 * The knowledge base as the console sees it: searches run on the seat's local KB (works offline),
 * history and helpful marks go to the central server and say plainly when it cannot be reached.
 */
export function kbService(deps: KbServiceDeps) {
  const server = () => kbServerClient(currentSession(deps, KB_SERVER_MESSAGES));

  return {
    search({ context, ...query }: KbSearchRequest): KbSearchResult {
      const wanted = hasContext(context) ? query.limit * CONTEXT_POOL : query.limit;
      const result = deps.kb.current().search({ ...query, limit: Math.min(wanted, 100) });
      if (!hasContext(context)) return result;
      return { ...result, hits: preferContext(result.hits, context).slice(0, query.limit) };
    },
    get(id: string): KbArticle {
      const article = deps.kb.current().get(id);
      if (!article) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
      return article;
    },
    status(): KbSeatStatus {
      return deps.kb.status();
    },
    async syncNow(): Promise<KbSeatStatus> {
      await deps.kb.syncNow();
      return deps.kb.status();
    },
    async history(id: string): Promise<KbVersionSummary[]> {
      return server().versions(id);
    },
    async feedback(id: string, helpful: boolean) {
      const counts = await server().feedback(id, helpful);
      deps.log.info({ articleId: id, helpful }, 'kb feedback sent');
      return counts;
    },
  };
}

export type KbService = ReturnType<typeof kbService>;

function hasContext(context: KbSearchContext | undefined): context is KbSearchContext {
  return context?.category !== undefined || context?.subject !== undefined;
}

/**
 * Moves hits that fit what the form already says (category, subject) up among near-equals: scores
 * are taken relative to the best hit, and a fit adds a small fixed share, so ranking by text stays primary.
 */
export function preferContext(hits: readonly KbHit[], context: KbSearchContext): KbHit[] {
  const best = hits[0]?.score ?? 0;
  if (!(best > 0)) return [...hits];
  const subject = context.subject?.trim();
  const adjusted = hits.map((hit, index) => {
    let fits = 0;
    if (context.category !== undefined && hit.category === context.category) fits += 1;
    if (subject && hit.subjects.includes(subject)) fits += 1;
    return { hit, index, key: hit.score / best + CONTEXT_BONUS * fits };
  });
  adjusted.sort((a, b) => b.key - a.key || a.index - b.index);
  return adjusted.map((a) => a.hit);
}
