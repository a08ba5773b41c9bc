import { CaseSearchPage, type CaseSearchQueryParsed } from '../../../shared/domain/kbServer';
import { AppError } from '../../../shared/errors';
import { ErrorBody } from '../../../shared/sync/protocol';
import type { Logger } from '../log/logger';
import { describe, type FetchFn, parseJson } from '../sync/httpClient';

export const CASE_SEARCH_MESSAGES = {
  offline: '无法连接中心服务器，只能检索本机工单。请检查网络后重试。',
  noServer: '尚未设置服务器地址，只能检索本机工单。请在“设置”中填写服务器地址。',
  notLoggedIn: '检索全部历史工单需要先联网登录；本机工单仍可检索。',
  sessionEnded: '登录已失效，请重新登录后再检索全部历史工单。',
  forbidden: '当前账号无权检索历史工单，请联系管理员。',
  badAnswer: '服务器的应答格式不对，请稍后再试；如持续出现请联系管理员。',
  unavailable: '中心服务器暂时无法检索，请稍后再试。',
} as const;

type Deps = { baseUrl: string; token: string; fetch: FetchFn; timeoutMs: number; log: Logger };

/**
 * `GET /cases/search` of the central server. Every failure becomes an AppError an operator can act
 * on: OFFLINE when there is no answer, UNAUTHORIZED when the session is gone, FORBIDDEN when the
 * role may not search, INVALID_INPUT for a query the server refuses, INTERNAL when it cannot serve.
 */
export function caseSearchClient({ baseUrl, token, fetch, timeoutMs, log }: Deps) {
  const root = baseUrl.replace(/\/+$/, '');

  return {
    async search(query: CaseSearchQueryParsed): Promise<CaseSearchPage> {
      const params = new URLSearchParams({ q: query.q, limit: String(query.limit) });
      if (query.cursor !== undefined) params.set('cursor', query.cursor);
      let response: Response;
      let text: string;
      try {
        response = await fetch(`${root}/cases/search?${params}`, {
          method: 'GET',
          headers: { authorization: `Bearer ${token}` },
          signal: AbortSignal.timeout(timeoutMs),
        });
        text = await response.text();
      } catch (err) {
        // No answer at all (network down, timeout): exactly what "offline" means to the operator.
        log.warn({ reason: describe(err) }, 'case search: server not reachable');
        throw new AppError('OFFLINE', CASE_SEARCH_MESSAGES.offline);
      }
      const json = parseJson(text);
      if (response.ok) {
        const page = CaseSearchPage.safeParse(json);
        if (page.success) return page.data;
        log.warn({ status: response.status }, 'case search: answer does not match CaseSearchPage');
        throw new AppError('INTERNAL', CASE_SEARCH_MESSAGES.badAnswer);
      }
      if (response.status === 401) throw new AppError('UNAUTHORIZED', CASE_SEARCH_MESSAGES.sessionEnded);
      if (response.status === 403) throw new AppError('FORBIDDEN', CASE_SEARCH_MESSAGES.forbidden);
      if (response.status >= 500 || response.status === 429) {
        log.warn({ status: response.status }, 'case search: server could not serve');
        throw new AppError('INTERNAL', CASE_SEARCH_MESSAGES.unavailable);
      }
      const error = ErrorBody.safeParse(json);
      throw new AppError(
        'INVALID_INPUT',
        error.success ? error.data.error.message : `服务器拒绝了检索请求（HTTP ${response.status}）`,
      );
    },
  };
}
