import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENTS, METHODS, splitName } from '../../../shared/contract/channels';

type Relay = (event: unknown, payload: unknown) => void;

const listeners = new Map<string, Set<Relay>>();
const ipcRenderer = {
  invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
  on: vi.fn((channel: string, listener: Relay) => {
    if (!listeners.has(channel)) listeners.set(channel, new Set());
    listeners.get(channel)?.add(listener);
  }),
  removeListener: vi.fn((channel: string, listener: Relay) => listeners.get(channel)?.delete(listener)),
  send: vi.fn(),
  sendSync: vi.fn(),
};
const exposeInMainWorld = vi.fn();
vi.mock('electron', () => ({ contextBridge: { exposeInMainWorld }, ipcRenderer }));

/** What the preload handed to the page, loaded the way Electron runs it. */
async function exposedApi(): Promise<Record<string, Record<string, (arg?: unknown) => unknown>>> {
  vi.resetModules();
  exposeInMainWorld.mockClear();
  await import('../../../electron/preload/index');
  expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, api] = exposeInMainWorld.mock.calls[0] as [
    string,
    Record<string, Record<string, (arg?: unknown) => unknown>>,
  ];
  expect(key).toBe('hotline');
  return api;
}

const fire = (channel: string, payload: unknown) => {
  for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipc internals' }, payload);
};

beforeEach(() => {
  listeners.clear();
  ipcRenderer.invoke.mockClear();
});

describe('preload: window.hotline', () => {
  it('exposes exactly one named method per contract method, grouped by area, plus `on`', async () => {
    const api = await exposedApi();
    const expected: Record<string, string[]> = {};
    for (const name of METHODS) {
      const [area, verb] = splitName(name);
      (expected[area] ??= []).push(verb);
    }
    expect(Object.keys(api).sort()).toEqual([...Object.keys(expected), 'on'].sort());
    for (const [area, verbs] of Object.entries(expected)) {
      expect(Object.keys(api[area] ?? {}).sort()).toEqual([...verbs].sort());
      for (const verb of verbs) expect(typeof api[area]?.[verb]).toBe('function');
    }
    expect(Object.keys(api.on ?? {}).sort()).toEqual([...EVENTS].sort());
  });

  it('offers no generic invoke/send and no ipcRenderer', async () => {
    const api = await exposedApi();
    const everything = JSON.stringify(Object.keys(api)) + JSON.stringify(Object.values(api).map((g) => Object.keys(g)));
    for (const word of ['invoke', 'send', 'sendSync', 'ipcRenderer', 'require', 'process'])
      expect(everything).not.toContain(`"${word}"`);
    expect(Object.values(api).flatMap((group) => Object.values(group))).not.toContain(ipcRenderer.invoke);
  });

  it("calls the method's own channel with the input unchanged", async () => {
    const api = await exposedApi();
    const input = { callerPhone: '13912345678', question: '玉米叶子发黄' };
    await expect(api.inquiry?.create?.(input)).resolves.toEqual({
      ok: true,
      value: { channel: 'inquiry:create', input },
    });
    await api.settings?.get?.();
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('settings:get', undefined);
  });

  it("delivers event payloads without Electron's event object and stops after unsubscribe", async () => {
    const api = await exposedApi();
    const received: unknown[] = [];
    const unsubscribe = api.on?.['inquiry:changed']?.((payload: unknown) => received.push(payload)) as () => void;
    fire('inquiry:changed', { ids: ['a'] });
    unsubscribe();
    fire('inquiry:changed', { ids: ['b'] });
    expect(received).toEqual([{ ids: ['a'] }]);
  });

  it('keeps other subscribers when one unsubscribes', async () => {
    const api = await exposedApi();
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = api.on?.['sync:statusChanged']?.(first) as () => void;
    api.on?.['sync:statusChanged']?.(second);
    stopFirst();
    fire('sync:statusChanged', { online: false, pending: 1, oldestPendingAt: null, lastSyncAt: null });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });
});
