/** What the trigger reads of the case sync's status. */
export type CaseSyncState = { online: boolean; pending: number };

/** KB changes are rare (an expert publishes); asking once a minute keeps seats current without chatter. */
export const KB_SYNC_MIN_INTERVAL_MS = 60_000;

/**
 * When the seat asks the server for KB changes: on the case sync's rhythm, but only while it is
 * online with no cases waiting to upload (cases first on a slow village link: a snapshot can be
 * megabytes), and at most once per interval — counted from opening, so a starting seat's first
 * minute belongs to its cases. 立即更新 (kb:syncNow) asks at once regardless.
 */
export function kbSyncTrigger(opts: { syncNow: () => void; minIntervalMs?: number; clock?: () => number }) {
  const clock = opts.clock ?? Date.now;
  const interval = opts.minIntervalMs ?? KB_SYNC_MIN_INTERVAL_MS;
  let last = clock();
  return {
    caseSyncStatus(status: CaseSyncState): void {
      if (!status.online || status.pending > 0 || clock() - last < interval) return;
      last = clock();
      opts.syncNow();
    },
  };
}
