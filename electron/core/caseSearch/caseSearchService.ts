import type { CaseSearchServerInput } from '../../../shared/contract/caseSearchMethods';
import type { CaseSearchPage } from '../../../shared/domain/kbServer';
import { AppError } from '../../../shared/errors';
import type { Logger } from '../log/logger';
import type { FetchFn } from '../sync/httpClient';
import { CASE_SEARCH_MESSAGES, caseSearchClient } from './caseSearchClient';

export type CaseSearchServiceDeps = {
  serverUrl: () => string | null;
  /** The operator's online session; null when logged out or logged in offline. */
  sessionToken: () => string | null;
  log: Logger;
  fetch?: FetchFn;
  timeoutMs?: number;
};

/** One screenful with room to scroll; "加载更多" asks for the next. */
export const SERVER_PAGE_SIZE = 50;
const SERVER_TIMEOUT_MS = 8_000;

/**
 * The full case history, searched on the central server with the operator's session. Online
 * only: the local 工单 list (inquiry:list) is what works offline.
 */
export function caseSearchService(deps: CaseSearchServiceDeps) {
  const fetchFn = deps.fetch ?? ((input: string, init: RequestInit) => fetch(input, init));

  return {
    async search({ q, cursor }: CaseSearchServerInput): Promise<CaseSearchPage> {
      const baseUrl = deps.serverUrl();
      if (!baseUrl) throw new AppError('OFFLINE', CASE_SEARCH_MESSAGES.noServer);
      const token = deps.sessionToken();
      if (!token) throw new AppError('UNAUTHORIZED', CASE_SEARCH_MESSAGES.notLoggedIn);
      const client = caseSearchClient({
        baseUrl,
        token,
        fetch: fetchFn,
        timeoutMs: deps.timeoutMs ?? SERVER_TIMEOUT_MS,
        log: deps.log,
      });
      return client.search({ q, cursor, limit: SERVER_PAGE_SIZE });
    },
  };
}

export type CaseSearchService = ReturnType<typeof caseSearchService>;
