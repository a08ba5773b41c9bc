import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { ErrorBody } from '../../../shared/sync/protocol';
import { parseJson, type FetchFn } from '../sync/httpClient';

export const SERVER_MESSAGES = {
  offline: '无法连接中心服务器：离线时无法查看历史版本、提交评价或编写知识。联网后再试；检索本机知识库不受影响。',
  noServer: '尚未设置服务器地址：历史版本、评价和知识编写需要连接中心服务器。请在“设置”中填写服务器地址。',
  notLoggedIn: '请先联网登录，再查看历史版本、提交评价或编写知识。',
  sessionEnded: '登录已失效，请重新登录后再试。',
  notFound: '服务器上没有这条知识（可能已下线）。',
  badAnswer: '服务器的应答格式不对，请稍后再试；如持续出现请联系管理员。',
  unavailable: '中心服务器暂时无法处理，请稍后再试。',
} as const;

export type ServerSession = { baseUrl: string; token: string; fetch: FetchFn; timeoutMs: number };

/** Where the seat finds the server and the operator's online session, read at each request. */
export type SessionSource = {
  serverUrl: () => string | null;
  /** The operator's online session; null when logged out or logged in offline. */
  sessionToken: () => string | null;
  fetch?: FetchFn;
  timeoutMs?: number;
};

const SERVER_TIMEOUT_MS = 8_000;

/** The session to call the server with now, or why there is none in words the operator can act on. */
export function currentSession(source: SessionSource): ServerSession {
  const baseUrl = source.serverUrl();
  if (!baseUrl) throw new AppError('OFFLINE', SERVER_MESSAGES.noServer);
  const token = source.sessionToken();
  if (!token) throw new AppError('UNAUTHORIZED', SERVER_MESSAGES.notLoggedIn);
  return {
    baseUrl,
    token,
    fetch: source.fetch ?? ((input: string, init: RequestInit) => fetch(input, init)),
    timeoutMs: source.timeoutMs ?? SERVER_TIMEOUT_MS,
  };
}
type Method = 'GET' | 'POST' | 'PUT';

/**
 * One authorised JSON request to the central server. Every failure becomes an AppError an operator can
 * act on: OFFLINE when there is no answer, UNAUTHORIZED when the session is gone, and the server's own
 * Chinese reason for refusals (FORBIDDEN by role, CONFLICT by state or a stale revision).
 */
export async function serverRequest(session: ServerSession, method: Method, path: string, body?: unknown) {
  let response: Response;
  let text: string;
  try {
    response = await session.fetch(`${session.baseUrl.replace(/\/+$/, '')}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${session.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
      signal: AbortSignal.timeout(session.timeoutMs),
    });
    text = await response.text();
  } catch {
    // No answer at all (network down, timeout): exactly what "offline" means to the operator.
    throw new AppError('OFFLINE', SERVER_MESSAGES.offline);
  }
  const json = parseJson(text);
  if (response.ok) return json;
  if (response.status === 401) throw new AppError('UNAUTHORIZED', SERVER_MESSAGES.sessionEnded);
  if (response.status >= 500) throw new AppError('INTERNAL', SERVER_MESSAGES.unavailable);
  const error = ErrorBody.safeParse(json);
  const reason = error.success ? error.data.error.message : null;
  if (response.status === 404) throw new AppError('NOT_FOUND', reason ?? SERVER_MESSAGES.notFound);
  throw new AppError(
    response.status === 403 ? 'FORBIDDEN' : response.status === 409 ? 'CONFLICT' : 'INVALID_INPUT',
    reason ?? `服务器拒绝了请求（HTTP ${response.status}）`,
  );
}

/** The answer in the shape the contract promises, or a plain error instead of a half-read object. */
export function parsedAnswer<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('INTERNAL', SERVER_MESSAGES.badAnswer);
  return parsed.data;
}
