import type { HotlineApi } from '../../shared/contract/api';
import { EVENTS, METHODS, splitName } from '../../shared/contract/channels';

type Relay = (event: unknown, payload: unknown) => void;

/** The slice of ipcRenderer the preload uses; a fake in tests. */
export type RendererIpc = {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(channel: string, listener: Relay): unknown;
  removeListener(channel: string, listener: Relay): unknown;
};

/**
 * `window.hotline`, built from the contract's name lists: `hotline.inquiry.create(input)` invokes
 * 'inquiry:create', `hotline.on['inquiry:changed'](fn)` subscribes and returns the unsubscribe.
 * Listeners get the payload only, never Electron's event object (it would leak `sender`).
 */
export function buildHotlineApi(ipc: RendererIpc): HotlineApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const name of METHODS) {
    const [area, verb] = splitName(name);
    const group = (api[area] ??= {});
    group[verb] = (input?: unknown) => ipc.invoke(name, input);
  }
  const on: Record<string, unknown> = {};
  for (const event of EVENTS) {
    on[event] = (listener: (payload: unknown) => void) => {
      const relay: Relay = (_event, payload) => listener(payload);
      ipc.on(event, relay);
      return () => {
        ipc.removeListener(event, relay);
      };
    };
  }
  api.on = on;
  // The loops above produce exactly the mapped type HotlineApi, which TypeScript cannot follow through them.
  return api as unknown as HotlineApi;
}
