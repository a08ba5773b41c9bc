import { CaseSearchPage, type CaseSearchQueryParsed } from '../../../shared/domain/kbServer';
import type { OnlineMessages, ServerSession } from '../online/serverRequest';
import { parsedAnswer, serverRequest } from '../online/serverRequest';

export const CASE_SEARCH_MESSAGES: OnlineMessages = {
  offline: '无法连接中心服务器，只能检索本机工单。请检查网络后重试。',
  noServer: '尚未设置服务器地址，只能检索本机工单。请在“设置”中填写服务器地址。',
  notLoggedIn: '检索全部历史工单需要先联网登录；本机工单仍可检索。',
  sessionEnded: '登录已失效，请重新登录后再检索全部历史工单。',
  forbidden: '当前账号无权检索历史工单，请联系管理员。',
  notFound: '服务器没有提供全部历史检索，请联系管理员升级服务器。',
  badAnswer: '服务器的应答格式不对，请稍后再试；如持续出现请联系管理员。',
  unavailable: '中心服务器暂时无法检索，请稍后再试。',
};

/** `GET /cases/search` of the central server, failures in the words of CASE_SEARCH_MESSAGES. */
export function caseSearchClient(session: ServerSession) {
  return {
    async search(query: CaseSearchQueryParsed): Promise<CaseSearchPage> {
      const params = new URLSearchParams({ q: query.q, limit: String(query.limit) });
      if (query.cursor !== undefined) params.set('cursor', query.cursor);
      const answer = await serverRequest(session, 'GET', `/cases/search?${params}`);
      return parsedAnswer(session, CaseSearchPage, answer);
    },
  };
}
