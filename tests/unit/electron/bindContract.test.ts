import { describe, expect, it, vi } from 'vitest';
import { EVENTS, METHODS, type EventName } from '../../../shared/contract/channels';
import type { ShellLog } from '../../../electron/main/app/shellLog';
import type { Seat } from '../../../electron/core/seat';

const handled = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
const sent: Array<{ window: string; event: string; payload: unknown }> = [];
function fakeWindow(name: string, url: string) {
  return {
    isDestroyed: () => false,
    webContents: {
      isDestroyed: () => false,
      getURL: () => url,
      send: (event: string, payload: unknown) => sent.push({ window: name, event, payload }),
    },
  };
}
const windows = [fakeWindow('console', 'app://hotline/index.html'), fakeWindow('stray', 'https://evil.example/')];

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, input: unknown) => Promise<unknown>) => handled.set(channel, fn),
    removeHandler: (channel: string) => handled.delete(channel),
  },
  BrowserWindow: { getAllWindows: () => windows },
}));
const { bindContract } = await import('../../../electron/main/ipc/bindContract');

const log: ShellLog = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

function fakeSeat() {
  const subscribers = new Map<string, Set<(payload: unknown) => void>>();
  const seat = {
    call: vi.fn(async () => ({ ok: true, value: null })),
    events: {
      on: (event: EventName, listener: (payload: unknown) => void) => {
        if (!subscribers.has(event)) subscribers.set(event, new Set());
        subscribers.get(event)?.add(listener);
        return () => subscribers.get(event)?.delete(listener);
      },
    },
  };
  const emit = (event: EventName, payload: unknown) => subscribers.get(event)?.forEach((l) => l(payload));
  return { seat: seat as unknown as Seat, call: seat.call, emit };
}

describe('bindContract', () => {
  it('registers exactly one handler per contract method and removes them on unbind', () => {
    const { seat } = fakeSeat();
    const unbind = bindContract(seat, ['app://hotline'], log);
    expect([...handled.keys()].sort()).toEqual([...METHODS].sort());
    unbind();
    expect(handled.size).toBe(0);
  });

  it('runs a trusted call through the seat', async () => {
    const { seat, call } = fakeSeat();
    const unbind = bindContract(seat, ['app://hotline'], log);
    await handled.get('sync:status')?.({ senderFrame: { url: 'app://hotline/index.html' } }, undefined);
    expect(call).toHaveBeenCalledWith('sync:status', undefined);
    unbind();
  });

  it('forwards seat events to our UI windows only, until unbound', () => {
    sent.length = 0;
    const { seat, emit } = fakeSeat();
    const unbind = bindContract(seat, ['app://hotline'], log);
    for (const event of EVENTS) emit(event, { event });
    unbind();
    emit('inquiry:changed', { ids: ['late'] });
    expect(sent).toEqual(EVENTS.map((event) => ({ window: 'console', event, payload: { event } })));
  });
});
