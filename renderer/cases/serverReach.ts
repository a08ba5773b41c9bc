import type { SessionState } from '../../shared/domain/account';
import type { SyncStatus } from '../../shared/domain/seat';
import { useSession } from '../account/SessionContext';
import { useSyncStatus } from '../sync/SyncStatusContext';

/** Why the seat already knows, before any search, that the server's full history is out of reach. */
export type ServerBlock = 'noServer' | 'unreachable' | 'offlineLogin' | 'notLoggedIn';

/**
 * What the seat's sync status and session say about searching the server; null when nothing stands
 * in the way, or while either is still unknown (no notice flashes up during start-up).
 */
export function serverBlock(status: SyncStatus | null, session: SessionState | null): ServerBlock | null {
  if (status === null) return null;
  if (!status.serverConfigured) return 'noServer';
  if (!status.online) return 'unreachable';
  if (status.needsLogin) return 'notLoggedIn';
  if (session === null) return null;
  if (session.user === null) return 'notLoggedIn';
  // A login checked against the kept verifier: the server has no session for it.
  if (session.offline) return 'offlineLogin';
  return null;
}

export function useServerBlock(): ServerBlock | null {
  return serverBlock(useSyncStatus().status, useSession().session);
}
