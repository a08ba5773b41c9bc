import type { z } from 'zod';
import {
  KB_CHUNK_SHA256_HEADER,
  KbDeltaPage,
  KbSnapshotManifest,
  SERVER_EPOCH_HEADER,
} from '../../../../shared/sync/kbSnapshot';
import { ErrorBody } from '../../../../shared/sync/protocol';
import { describe, type FetchFn, parseJson } from '../../sync/httpClient';

/** What one KB request came to; never throws. `gone` = the server no longer has that snapshot. */
export type KbOutcome<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'offline'; reason: string }
  | { kind: 'unauthorized' }
  | { kind: 'gone' }
  | { kind: 'failed'; status: number; message: string };

export type KbHttpOptions = { baseUrl: string; fetch: FetchFn; token: string; timeoutMs: number };

/** The seat's side of GET /kb/snapshot, /kb/snapshot/:id/chunks/:index and /kb/deltas. */
export function kbHttpClient({ baseUrl, fetch, token, timeoutMs }: KbHttpOptions) {
  const root = baseUrl.replace(/\/+$/, '');

  async function get<T>(path: string, read: (response: Response) => Promise<KbOutcome<T>>): Promise<KbOutcome<T>> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await fetch(`${root}${path}`, {
        method: 'GET',
        headers: { authorization: `Bearer ${token}` },
        signal: controller.signal,
      });
      if (response.ok) return await read(response);
      return failure(response.status, await response.text());
    } catch (err) {
      return { kind: 'offline', reason: controller.signal.aborted ? 'timeout' : describe(err) };
    } finally {
      clearTimeout(timer);
    }
  }

  const json =
    <S extends z.ZodType>(schema: S) =>
    async (response: Response): Promise<KbOutcome<z.infer<S>>> => {
      const parsed = schema.safeParse(parseJson(await response.text()));
      return parsed.success
        ? { kind: 'ok', value: parsed.data }
        : { kind: 'failed', status: response.status, message: '服务器的知识库应答格式不对' };
    };

  return {
    /** The current manifest and the epoch of the database that serves it. */
    manifest: () =>
      get('/kb/snapshot', async (response) => {
        const got = await json(KbSnapshotManifest)(response);
        if (got.kind !== 'ok') return got;
        return {
          kind: 'ok' as const,
          value: { manifest: got.value, epoch: response.headers.get(SERVER_EPOCH_HEADER) },
        };
      }),
    chunk: (snapshotId: string, index: number) =>
      get(`/kb/snapshot/${snapshotId}/chunks/${index}`, async (response) => ({
        kind: 'ok' as const,
        value: {
          bytes: Buffer.from(await response.arrayBuffer()),
          sha256: response.headers.get(KB_CHUNK_SHA256_HEADER),
        },
      })),
    deltas: (since: number, limit: number) =>
      get(`/kb/deltas?${new URLSearchParams({ since: String(since), limit: String(limit) })}`, json(KbDeltaPage)),
  };
}

export type KbHttpClient = ReturnType<typeof kbHttpClient>;

function failure(status: number, text: string): KbOutcome<never> {
  if (status === 401) return { kind: 'unauthorized' };
  if (status === 404) return { kind: 'gone' };
  const body = ErrorBody.safeParse(parseJson(text));
  return { kind: 'failed', status, message: body.success ? body.data.error.message : `HTTP ${status}` };
}
