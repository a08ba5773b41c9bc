import { z } from 'zod';
import { KbFeedbackCounts, KbVersionList, type KbVersionSummary } from '../../../shared/domain/kbServer';
import { AppError } from '../../../shared/errors';
import { ErrorBody } from '../../../shared/sync/protocol';
import type { FetchFn } from '../sync/httpClient';

export const KB_MESSAGES = {
  offline: '离线时无法查看历史版本，也无法提交评价。联网后再试；检索本机知识库不受影响。',
  noServer: '尚未设置服务器地址：历史版本和评价需要连接中心服务器。请在“设置”中填写服务器地址。',
  notLoggedIn: '请先联网登录，再查看历史版本或提交评价。',
  sessionEnded: '登录已失效，请重新登录后再试。',
  notFound: '服务器上没有这条知识（可能已下线）。',
  badAnswer: '服务器的应答格式不对，请稍后再试；如持续出现请联系管理员。',
  unavailable: '中心服务器暂时无法处理，请稍后再试。',
} as const;

/** The feedback route answers the whole article; the console needs only the counts. */
const FeedbackBody = z.object({ feedback: KbFeedbackCounts });

type Deps = { baseUrl: string; token: string; fetch: FetchFn; timeoutMs: number };

/**
 * The two online-only KB endpoints of the central server. Every failure becomes an AppError an
 * operator can act on: OFFLINE when there is no answer, UNAUTHORIZED when the session is gone.
 */
export function kbServerClient({ baseUrl, token, fetch, timeoutMs }: Deps) {
  const root = baseUrl.replace(/\/+$/, '');

  async function call(path: string, body?: unknown): Promise<unknown> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${root}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? null : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch {
      // No answer at all (network down, timeout): exactly what "offline" means to the operator.
      throw new AppError('OFFLINE', KB_MESSAGES.offline);
    }
    const json = parseJson(text);
    if (response.ok) return json;
    if (response.status === 401) throw new AppError('UNAUTHORIZED', KB_MESSAGES.sessionEnded);
    if (response.status === 404) throw new AppError('NOT_FOUND', KB_MESSAGES.notFound);
    if (response.status >= 500) throw new AppError('INTERNAL', KB_MESSAGES.unavailable);
    const error = ErrorBody.safeParse(json);
    throw new AppError(
      response.status === 403 ? 'FORBIDDEN' : 'INVALID_INPUT',
      error.success ? error.data.error.message : `服务器拒绝了请求（HTTP ${response.status}）`,
    );
  }

  const articlePath = (id: string) => `/kb/articles/${encodeURIComponent(id)}`;

  return {
    async versions(id: string): Promise<KbVersionSummary[]> {
      const parsed = KbVersionList.safeParse(await call(`${articlePath(id)}/versions`));
      if (!parsed.success) throw new AppError('INTERNAL', KB_MESSAGES.badAnswer);
      return parsed.data.versions;
    },
    async feedback(id: string, helpful: boolean): Promise<z.infer<typeof KbFeedbackCounts>> {
      const parsed = FeedbackBody.safeParse(await call(`${articlePath(id)}/feedback`, { helpful }));
      if (!parsed.success) throw new AppError('INTERNAL', KB_MESSAGES.badAnswer);
      return parsed.data.feedback;
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A non-JSON body (proxy error page) is judged by its status alone.
    return null;
  }
}
