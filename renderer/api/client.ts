import type { HotlineApi } from '../../shared/contract/api';
import { TOKEN_PARAM, WIRE_PATH } from '../../shared/contract/wire';
import { zhCN } from '../i18n/zh-CN';
import { ALWAYS_ONLINE, NO_TOKEN, type Connection } from './connection';
import { createSocketTransport } from './socketTransport';
import { buildApi, preloadTransport, type Transport } from './transport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    hotline?: HotlineApi;
  }
}

export type Client = { api: HotlineApi; connection: Connection };

let client: Client | null = null;

/** The one client of the page: Electron's preload when present, else the browser-mode socket. */
export function getClient(): Client {
  client ??= createClient(window);
  return client;
}

export function getHotline(): HotlineApi {
  return getClient().api;
}

function createClient(win: Window): Client {
  if (win.hotline) return { api: buildApi(preloadTransport(win.hotline)), connection: ALWAYS_ONLINE };
  const token = new URLSearchParams(win.location.search).get(TOKEN_PARAM);
  if (!token) return { api: buildApi(refusingTransport()), connection: NO_TOKEN };
  const scheme = win.location.protocol === 'https:' ? 'wss' : 'ws';
  const socket = createSocketTransport({
    url: `${scheme}://${win.location.host}${WIRE_PATH}?${TOKEN_PARAM}=${encodeURIComponent(token)}`,
    // The operator sees these under the localized title of the OFFLINE code (renderer/api/errorText.ts).
    messages: { dropped: zhCN['error.callDropped'], unreachable: zhCN['error.seatUnreachable'] },
  });
  return { api: buildApi(socket), connection: socket };
}

/** Without the launch token the socket would be refused; fail at once with a message saying why. */
function refusingTransport(): Transport {
  return {
    call: async () => ({ ok: false, error: { code: 'UNAUTHORIZED', message: zhCN['banner.noToken'] } }),
    subscribe: () => () => undefined,
  };
}
