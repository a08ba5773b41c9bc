import type { SyncStatus } from '../../../shared/domain/seat';
import type { Store } from '../db/store';

/** What the status bar shows until the sync engine exists: always offline, with the backlog. */
export function syncStatus(store: Store): SyncStatus {
  const pending = store.outbox.pending();
  return { online: false, pending: pending.count, oldestPendingAt: pending.oldestCreatedAt, lastSyncAt: null };
}
