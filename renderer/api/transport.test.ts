import { describe, expect, it } from 'vitest';
import type { HotlineApi } from '../../shared/contract/api';
import { IDLE_STATUS } from '../test/fakeSync';
import { buildApi, CONTRACT_DRIFT_MESSAGE, preloadTransport } from './transport';

const status = { ...IDLE_STATUS, pending: 2 };

/** A stand-in for the Electron preload's `window.hotline`, answering only sync:status. */
function preload(answer: () => Promise<unknown>): HotlineApi {
  return { sync: { status: answer }, on: { 'inquiry:changed': () => () => undefined } } as unknown as HotlineApi;
}

describe('the typed client over the Electron preload', () => {
  it('passes a well-formed answer through', async () => {
    const api = buildApi(preloadTransport(preload(async () => ({ ok: true, value: status }))));
    await expect(api.sync.status()).resolves.toEqual({ ok: true, value: status });
  });

  it('turns an answer that does not match the contract into an INTERNAL error the operator can read', async () => {
    const api = buildApi(preloadTransport(preload(async () => ({ ok: true, value: { online: 'yes' } }))));
    await expect(api.sync.status()).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: CONTRACT_DRIFT_MESSAGE },
    });
  });

  it('never throws into the UI when the main process has no handler', async () => {
    const api = buildApi(preloadTransport(preload(() => Promise.reject(new Error('No handler registered')))));
    const result = await api.sync.status();
    expect(result.ok).toBe(false);
    expect(await api.inquiry.list({})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
