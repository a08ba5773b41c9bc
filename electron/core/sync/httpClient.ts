import type { z } from 'zod';
import { RegisterDeviceResponse, type RegisterDeviceRequest } from '../../../shared/sync/auth';
import { ErrorBody, PullResponse, PushResponse, type PushRequest, type Stream } from '../../../shared/sync/protocol';

/** What one request came to, in the terms the engine acts on; never throws. */
export type HttpOutcome<T> =
  | { kind: 'ok'; value: T }
  /** No answer: network down, connection reset, timeout. */
  | { kind: 'offline'; reason: string }
  | { kind: 'unauthorized' }
  | { kind: 'upgrade' }
  | { kind: 'outOfOrder'; lastMutationId: number }
  /** The server answered but could not serve: 5xx, 429, or a body that does not match the protocol. */
  | { kind: 'unavailable'; status: number; message: string }
  /** A 4xx that retrying will not fix by itself (this seat's bug or a permission the server refuses). */
  | { kind: 'refused'; status: number; code: string; message: string };

export type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

export type SyncHttpOptions = { baseUrl: string; fetch: FetchFn; timeoutMs: number };

/** The sync endpoints over HTTP: Bearer token, timeout per request, every answer parsed with the shared schemas. */
export function syncHttpClient({ baseUrl, fetch, timeoutMs }: SyncHttpOptions) {
  const root = baseUrl.replace(/\/+$/, '');

  async function call<S extends z.ZodType>(
    schema: S,
    path: string,
    token: string,
    body?: unknown,
  ): Promise<HttpOutcome<z.infer<S>>> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await fetch(`${root}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? null : JSON.stringify(body),
        signal: controller.signal,
      });
      const text = await response.text();
      return interpret(schema, response.status, text);
    } catch (err) {
      return { kind: 'offline', reason: controller.signal.aborted ? 'timeout' : describe(err) };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    push: (request: PushRequest, token: string) => call(PushResponse, '/sync/push', token, request),
    pull: (stream: Stream, cursor: number, limit: number, token: string) =>
      call(
        PullResponse,
        `/sync/pull?${new URLSearchParams({ stream, cursor: String(cursor), limit: String(limit) })}`,
        token,
      ),
    registerDevice: (request: z.input<typeof RegisterDeviceRequest>, sessionToken: string) =>
      call(RegisterDeviceResponse, '/devices/register', sessionToken, request),
  };
}

export type SyncHttpClient = ReturnType<typeof syncHttpClient>;

function interpret<S extends z.ZodType>(schema: S, status: number, text: string): HttpOutcome<z.infer<S>> {
  const json = parseJson(text);
  if (status >= 200 && status < 300) {
    const parsed = schema.safeParse(json);
    return parsed.success
      ? { kind: 'ok', value: parsed.data }
      : { kind: 'unavailable', status, message: '服务器的应答格式不对，稍后会自动重试；如持续出现请联系管理员' };
  }
  const error = ErrorBody.safeParse(json);
  const code = error.success ? error.data.error.code : null;
  const message = error.success ? error.data.error.message : `HTTP ${status}`;
  if (status === 401) return { kind: 'unauthorized' };
  if (code === 'VERSION_NOT_SUPPORTED') return { kind: 'upgrade' };
  if (code === 'OUT_OF_ORDER' && error.success) {
    return { kind: 'outOfOrder', lastMutationId: error.data.error.lastMutationId ?? 0 };
  }
  if (status >= 500 || status === 429 || status === 408) return { kind: 'unavailable', status, message };
  return { kind: 'refused', status, code: code ?? `HTTP_${status}`, message };
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A non-JSON body (proxy error page, truncated answer) is judged by its status alone.
    return null;
  }
}

/** A failed fetch in words for the log: the error and, for network errors, its cause. */
export function describe(err: unknown): string {
  if (err instanceof Error) return err.cause instanceof Error ? `${err.message}: ${err.cause.message}` : err.message;
  return String(err);
}
