import { ErrorBody } from '../../../shared/sync/protocol';
import { LoginResponse, type LoginRequest } from '../../../shared/sync/auth';
import type { z } from 'zod';
import type { FetchFn } from '../sync/httpClient';

export type LoginOutcome =
  | { kind: 'ok'; value: LoginResponse }
  /** No usable answer: network down, timeout, server error; the seat may fall back to offline login. */
  | { kind: 'unreachable'; reason: string }
  /** The server answered no: wrong password (401), disabled account (403), too many tries (429). */
  | { kind: 'refused'; status: number; message: string };

/** The server's human login endpoints: every answer parsed with the shared schemas; never throws. */
export function authClient({ baseUrl, fetch, timeoutMs }: { baseUrl: string; fetch: FetchFn; timeoutMs: number }) {
  const root = baseUrl.replace(/\/+$/, '');

  async function post(path: string, body: unknown, token?: string): Promise<Response> {
    return fetch(`${root}${path}`, {
      method: 'POST',
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? null : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  }

  return {
    async login(request: z.input<typeof LoginRequest>): Promise<LoginOutcome> {
      let response: Response;
      let text: string;
      try {
        response = await post('/auth/login', request);
        text = await response.text();
      } catch (err) {
        return { kind: 'unreachable', reason: err instanceof Error ? err.message : String(err) };
      }
      const json = parseJson(text);
      if (response.ok) {
        const parsed = LoginResponse.safeParse(json);
        return parsed.success
          ? { kind: 'ok', value: parsed.data }
          : { kind: 'unreachable', reason: 'bad login answer' };
      }
      if (response.status >= 500) return { kind: 'unreachable', reason: `HTTP ${response.status}` };
      const error = ErrorBody.safeParse(json);
      return {
        kind: 'refused',
        status: response.status,
        message: error.success ? error.data.error.message : `服务器拒绝了登录（HTTP ${response.status}）`,
      };
    },
    /** Ends the session on the server too; a failure only means it expires there by itself. */
    async logout(token: string): Promise<boolean> {
      try {
        const response = await post('/auth/logout', undefined, token);
        return response.ok;
      } catch {
        // Offline logout is normal at a service point: the local session is cleared regardless.
        return false;
      }
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
