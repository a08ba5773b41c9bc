import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ContractError } from '../../shared/contract/result';
import type { SyncStatus } from '../../shared/domain/seat';
import { useConnectionState, useHotline } from '../api/HotlineContext';

export type SyncNowOutcome = { ok: true; status: SyncStatus } | { ok: false; error: ContractError };

type SyncState = {
  /** Null until the seat has answered once. */
  status: SyncStatus | null;
  /** True from the click on 立即同步 until the seat answers, even before its first status event. */
  running: boolean;
  syncNow: () => Promise<SyncNowOutcome>;
};

const SyncContext = createContext<SyncState | null>(null);

/**
 * One subscription to the seat's sync status shared by the status bar and the 同步 panel, so both
 * always show the same numbers.
 */
export function SyncStatusProvider({ children }: { children: ReactNode }) {
  const api = useHotline();
  const connection = useConnectionState();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [running, setRunning] = useState(false);

  useEffect(() => {
    if (connection !== 'online') return;
    let current = true;
    const refresh = () =>
      void api.sync.status().then((r) => {
        if (current && r.ok) setStatus(r.value);
      });
    refresh();
    const offStatus = api.on['sync:statusChanged']((next) => setStatus(next));
    // A save adds to the unsynced count; ask again in case the seat sends no status event for it.
    const offChanged = api.on['inquiry:changed'](refresh);
    return () => {
      current = false;
      offStatus();
      offChanged();
    };
  }, [api, connection]);

  const syncNow = useCallback(async (): Promise<SyncNowOutcome> => {
    setRunning(true);
    const result = await api.sync.now();
    setRunning(false);
    if (!result.ok) return { ok: false, error: result.error };
    setStatus(result.value);
    return { ok: true, status: result.value };
  }, [api]);

  const value = useMemo<SyncState>(() => ({ status, running, syncNow }), [status, running, syncNow]);
  return <SyncContext.Provider value={value}>{children}</SyncContext.Provider>;
}

export function useSyncStatus(): SyncState {
  const state = useContext(SyncContext);
  if (!state) throw new Error('SyncStatusProvider is missing above this component');
  return state;
}
