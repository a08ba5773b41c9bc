import { isDeepStrictEqual } from 'node:util';
import { PushRequest, type Mutation } from '../../shared/sync/protocol';
import type { FetchFn } from '../../electron/core/sync/httpClient';
import type { SimServer } from './simServer';

/**
 * What the scripted network does to one request. `crashSeat` delivers the request, then the seat dies
 * before it can record the answer (kill -9 while applying an ack or a pull page); `crashServer` kills
 * the server right after it committed; `crashServerFirst` kills it before the request arrives.
 */
export const FAULTS = [
  'pass',
  'dropRequest',
  'dropResponse',
  'duplicate',
  'http503',
  'replayLater',
  'crashSeat',
  'crashServer',
  'crashServerFirst',
] as const;
export type Fault = (typeof FAULTS)[number];

type Sent = { method: string; url: string; headers: Record<string, string>; body: string | undefined };

export type SeatLink = {
  faults: Fault[];
  offline: boolean;
  /** Set by a crashSeat fault: from then on the seat hears nothing until the runner reopens it. */
  crashed: boolean;
  fetch: FetchFn;
};

/**
 * Seats talk to the one server through here. Every pushed mutation is recorded by (client, id) so the
 * checks can fold the server's ledger; the same id arriving with different content fails at once.
 */
export function simNetwork(server: SimServer) {
  const delayed: Sent[] = [];
  const mutations = new Map<string, Mutation>();

  async function deliver(sent: Sent) {
    return server.app().inject({
      method: sent.method as 'GET' | 'POST',
      url: sent.url,
      headers: sent.headers,
      ...(sent.body === undefined ? {} : { payload: sent.body }),
    });
  }

  function record(body: string | undefined): void {
    if (body === undefined) return;
    const parsed = PushRequest.safeParse(JSON.parse(body));
    if (!parsed.success) return;
    for (const m of parsed.data.mutations) {
      const key = mutationKey(parsed.data.clientId, m.id);
      const seen = mutations.get(key);
      if (seen && !isDeepStrictEqual(seen, m)) throw new Error(`mutation ${key} was sent twice with different content`);
      mutations.set(key, m);
    }
  }

  function link(): SeatLink {
    const state: SeatLink = {
      faults: [],
      offline: false,
      crashed: false,
      fetch: async (input, init) => {
        if (state.crashed || state.offline) throw lost('network down');
        const u = new URL(input);
        const sent: Sent = {
          method: init.method ?? 'GET',
          url: `${u.pathname}${u.search}`,
          headers: Object.fromEntries(new Headers(init.headers).entries()),
          body: typeof init.body === 'string' ? init.body : undefined,
        };
        if (sent.url.startsWith('/sync/push')) record(sent.body);
        const fault = state.faults.shift() ?? 'pass';
        if (fault === 'dropRequest') throw lost('request lost');
        if (fault === 'http503') return new Response('<html>502 Bad Gateway</html>', { status: 503 });
        if (fault === 'crashServerFirst') {
          await server.crash();
          throw lost('server killed');
        }
        if (fault === 'replayLater') delayed.push(sent);
        if (fault === 'duplicate') await deliver(sent);
        const answer = await deliver(sent);
        if (fault === 'dropResponse') throw lost('answer lost');
        if (fault === 'crashServer') {
          await server.crash();
          throw lost('server killed after commit');
        }
        if (fault === 'crashSeat') {
          state.crashed = true;
          throw lost('seat killed');
        }
        return new Response(answer.body, {
          status: answer.statusCode,
          headers: { 'content-type': String(answer.headers['content-type'] ?? 'application/json') },
        });
      },
    };
    return state;
  }

  return {
    link,
    mutations,
    /** Late copies of earlier requests reach the server now, out of order; nobody hears the answers. */
    async deliverDelayed(): Promise<void> {
      for (const sent of delayed.splice(0)) await deliver(sent);
    },
  };
}

export type SimNetwork = ReturnType<typeof simNetwork>;

export function mutationKey(clientId: string, mutationId: number): string {
  return `${clientId}#${mutationId}`;
}

function lost(reason: string): TypeError {
  return new TypeError('fetch failed', { cause: new Error(reason) });
}
