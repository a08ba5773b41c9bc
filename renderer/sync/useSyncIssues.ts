import { useEffect, useState } from 'react';
import type { SyncIssueView } from '../../shared/domain/syncIssue';
import { useHotline } from '../api/HotlineContext';
import { useQuery, type QueryState } from '../api/useQuery';

/** The 冲突与退回 list, read again whenever the seat reports a sync status change. */
export function useSyncIssues(includeResolved: boolean): QueryState<SyncIssueView[]> {
  const api = useHotline();
  const [round, setRound] = useState(0);
  useEffect(() => api.on['sync:statusChanged'](() => setRound((r) => r + 1)), [api]);
  return useQuery(`issues:${includeResolved}:${round}`, (a) => a.sync.issues({ includeResolved }));
}
