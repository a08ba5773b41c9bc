import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { ErrorBody } from '../../../shared/sync/protocol';
import type { Logger } from '../log/logger';
import { describe, parseJson, type FetchFn } from '../sync/httpClient';

/** What the operator reads when an online-only feature cannot be used, in that feature's words. */
export type OnlineMessages = {
  offline: string;
  noServer: string;
  notLoggedIn: string;
  sessionEnded: string;
  forbidden: string;
  notFound: string;
  badAnswer: string;
  unavailable: string;
};

/** Where the seat finds the server and the operator's online session, read at each request. */
export type SessionSource = {
  serverUrl: () => string | null;
  /** The operator's online session; null when logged out or logged in offline. */
  sessionToken: () => string | null;
  log: Logger;
  fetch?: FetchFn;
  timeoutMs?: number;
};

export type ServerSession = {
  baseUrl: string;
  token: string;
  fetch: FetchFn;
  timeoutMs: number;
  log: Logger;
  messages: OnlineMessages;
};
type Method = 'GET' | 'POST' | 'PUT';

const SERVER_TIMEOUT_MS = 8_000;

/** The session to call the server with now, or why there is none in words the operator can act on. */
export function currentSession(source: SessionSource, messages: OnlineMessages): ServerSession {
  const baseUrl = source.serverUrl();
  if (!baseUrl) throw new AppError('OFFLINE', messages.noServer);
  const token = source.sessionToken();
  if (!token) throw new AppError('UNAUTHORIZED', messages.notLoggedIn);
  return {
    baseUrl,
    token,
    fetch: source.fetch ?? ((input: string, init: RequestInit) => fetch(input, init)),
    timeoutMs: source.timeoutMs ?? SERVER_TIMEOUT_MS,
    log: source.log,
    messages,
  };
}

/**
 * One authorised JSON request to the central server (the online-only features: KB history, marks and
 * authoring, full-history case search). Every failure becomes an AppError an operator can act on:
 * OFFLINE when there is no answer, UNAUTHORIZED when the session is gone, and the server's own
 * Chinese reason for refusals (FORBIDDEN by role, CONFLICT by state or a stale revision).
 */
export async function serverRequest(session: ServerSession, method: Method, path: string, body?: unknown) {
  const { messages, log } = session;
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
  } catch (err) {
    // No answer at all (network down, timeout): exactly what "offline" means to the operator.
    log.warn({ path: path.split('?')[0], reason: describe(err) }, 'server not reachable');
    throw new AppError('OFFLINE', messages.offline);
  }
  const json = parseJson(text);
  if (response.ok) return json;
  if (response.status === 401) throw new AppError('UNAUTHORIZED', messages.sessionEnded);
  if (response.status >= 500 || response.status === 429) {
    log.warn({ path: path.split('?')[0], status: response.status }, 'server could not serve');
    throw new AppError('INTERNAL', messages.unavailable);
  }
  const error = ErrorBody.safeParse(json);
  const reason = error.success ? error.data.error.message : null;
  if (response.status === 404) throw new AppError('NOT_FOUND', reason ?? messages.notFound);
  if (response.status === 403) throw new AppError('FORBIDDEN', reason ?? messages.forbidden);
  throw new AppError(
    response.status === 409 ? 'CONFLICT' : 'INVALID_INPUT',
    reason ?? `服务器拒绝了请求（HTTP ${response.status}）`,
  );
}

/** The answer in the shape the contract promises, or a plain error instead of a half-read object. */
export function parsedAnswer<T>(session: ServerSession, schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  session.log.warn({ issues: parsed.error.issues.length }, 'server answer does not match its schema');
  throw new AppError('INTERNAL', session.messages.badAnswer);
}
