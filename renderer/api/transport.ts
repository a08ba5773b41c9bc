import { EVENTS, METHODS, splitName, type EventName, type MethodName } from '../../shared/contract/channels';
import type { HotlineApi } from '../../shared/contract/api';
import { events, methods } from '../../shared/contract/contract';
import type { Result } from '../../shared/contract/result';
import { zhCN } from '../i18n/zh-CN';
import { ResultEnvelope } from './resultEnvelope';

/** How the client reaches the seat: Electron's preload or the browser-mode socket. */
export type Transport = {
  call(method: MethodName, input: unknown): Promise<Result<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
};

/** Shown under the localized INTERNAL title (renderer/api/errorText.ts). */
export const CONTRACT_DRIFT_MESSAGE = zhCN['error.contractDrift'];

/**
 * Builds `hotline.inquiry.create(…)` and `hotline.on['inquiry:changed'](…)` from the method and
 * event lists, checking every value that arrives against its schema before the UI sees it.
 */
export function buildApi(transport: Transport): HotlineApi {
  const api: Record<string, Record<string, unknown>> = { on: {} };
  for (const method of METHODS) {
    const [area, verb] = splitName(method);
    const target = (api[area] ??= {});
    target[verb] = async (input?: unknown): Promise<Result<unknown>> => {
      const result = await transport.call(method, input);
      if (!result.ok) return result;
      const parsed = methods[method].output.safeParse(result.value);
      return parsed.success
        ? { ok: true, value: parsed.data }
        : { ok: false, error: { code: 'INTERNAL', message: CONTRACT_DRIFT_MESSAGE } };
    };
  }
  const on = api.on as Record<string, unknown>;
  for (const event of EVENTS) {
    on[event] = (listener: (payload: unknown) => void) =>
      transport.subscribe(event, (payload) => {
        const parsed = events[event].safeParse(payload);
        // A malformed event is dropped: the next call or event brings fresh state anyway.
        if (parsed.success) listener(parsed.data);
      });
  }
  // The loops above fill exactly the keys HotlineApi names; TypeScript cannot follow that mapping.
  return api as unknown as HotlineApi;
}

/** Electron mode: the preload's named methods, re-wrapped so their values are checked too. */
export function preloadTransport(hotline: HotlineApi): Transport {
  const untyped = hotline as unknown as Record<string, Record<string, (arg?: unknown) => unknown>>;
  return {
    call: async (method, input) => {
      const [area, verb] = splitName(method);
      const fn = untyped[area]?.[verb];
      const drift: Result<never> = { ok: false, error: { code: 'INTERNAL', message: CONTRACT_DRIFT_MESSAGE } };
      if (!fn) return drift;
      try {
        const envelope = ResultEnvelope.safeParse(await fn(input));
        return envelope.success ? envelope.data : drift;
      } catch {
        // The main process always answers with an envelope; a rejected invoke means it had no handler.
        return drift;
      }
    },
    subscribe: (event, listener) => (untyped.on?.[event] as (l: (p: unknown) => void) => () => void)(listener),
  };
}
