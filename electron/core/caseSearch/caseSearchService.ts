import type { CaseSearchServerInput } from '../../../shared/contract/caseSearchMethods';
import type { CaseSearchPage } from '../../../shared/domain/kbServer';
import { currentSession, type SessionSource } from '../online/serverRequest';
import { CASE_SEARCH_MESSAGES, caseSearchClient } from './caseSearchClient';

export type CaseSearchServiceDeps = SessionSource;

/** One screenful with room to scroll; "加载更多" asks for the next. */
export const SERVER_PAGE_SIZE = 50;

/**
 * The full case history, searched on the central server with the operator's session. Online
 * only: the local 工单 list (inquiry:list) is what works offline.
 */
export function caseSearchService(deps: CaseSearchServiceDeps) {
  return {
    async search({ q, cursor }: CaseSearchServerInput): Promise<CaseSearchPage> {
      const client = caseSearchClient(currentSession(deps, CASE_SEARCH_MESSAGES));
      return client.search({ q, cursor, limit: SERVER_PAGE_SIZE });
    },
  };
}

export type CaseSearchService = ReturnType<typeof caseSearchService>;
