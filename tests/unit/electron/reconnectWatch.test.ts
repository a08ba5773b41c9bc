import { describe, expect, it, vi } from 'vitest';
import { ONLINE_POLL_MS, watchReconnect } from '../../../electron/main/app/reconnectWatch';

/** Electron's powerMonitor and net as the test drives them, with a poll the test ticks by hand. */
function sources(initiallyOnline: boolean) {
  const state = { online: initiallyOnline, tick: null as null | (() => void), resume: new Set<() => void>() };
  return {
    state,
    sources: {
      powerMonitor: {
        on: (_event: 'resume', listener: () => void) => state.resume.add(listener),
        off: (_event: 'resume', listener: () => void) => state.resume.delete(listener),
      },
      isOnline: () => state.online,
      setInterval: (fn: () => void, ms: number) => {
        expect(ms).toBe(ONLINE_POLL_MS);
        state.tick = fn;
        return 1;
      },
      clearInterval: () => {
        state.tick = null;
      },
    },
  };
}

describe('syncing again when the seat comes back', () => {
  it('asks for a sync when the network returns, once per return', () => {
    const { state, sources: s } = sources(false);
    const onReconnect = vi.fn();
    watchReconnect(s, onReconnect);
    state.tick?.();
    expect(onReconnect).not.toHaveBeenCalled();
    state.online = true;
    state.tick?.();
    state.tick?.();
    expect(onReconnect).toHaveBeenCalledTimes(1);
    state.online = false;
    state.tick?.();
    state.online = true;
    state.tick?.();
    expect(onReconnect).toHaveBeenCalledTimes(2);
  });

  it('asks for a sync when the machine wakes from sleep, and stops when told', () => {
    const { state, sources: s } = sources(true);
    const onReconnect = vi.fn();
    const stop = watchReconnect(s, onReconnect);
    state.resume.forEach((l) => l());
    expect(onReconnect).toHaveBeenCalledTimes(1);
    stop();
    expect(state.resume.size).toBe(0);
    expect(state.tick).toBeNull();
  });
});
