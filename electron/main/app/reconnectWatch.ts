/** The parts of Electron the watch needs: `powerMonitor` and `net.isOnline`. */
export type ReconnectSources = {
  powerMonitor: {
    on(event: 'resume', listener: () => void): unknown;
    off(event: 'resume', listener: () => void): unknown;
  };
  isOnline: () => boolean;
  setInterval: (fn: () => void, ms: number) => unknown;
  clearInterval: (handle: unknown) => void;
};

/** How often the network state is looked at; `net.isOnline()` is a cheap local check. */
export const ONLINE_POLL_MS = 5_000;

/**
 * Calls `onReconnect` when the machine wakes from sleep (`powerMonitor` 'resume') or the network
 * comes back. Electron's main process has no online/offline event, so `net.isOnline()` is polled and
 * an offline → online change counts. Returns a function that stops watching.
 */
export function watchReconnect(sources: ReconnectSources, onReconnect: () => void): () => void {
  let online = sources.isOnline();
  const poll = sources.setInterval(() => {
    const now = sources.isOnline();
    if (now && !online) onReconnect();
    online = now;
  }, ONLINE_POLL_MS);
  const resumed = () => onReconnect();
  sources.powerMonitor.on('resume', resumed);
  return () => {
    sources.clearInterval(poll);
    sources.powerMonitor.off('resume', resumed);
  };
}
