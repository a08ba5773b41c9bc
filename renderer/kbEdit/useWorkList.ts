import { useCallback, useEffect, useRef, useState } from 'react';
import type { KbWorkListInput } from '../../shared/contract/kbEditMethods';
import type { ContractError } from '../../shared/contract/result';
import type { KbArticleListItem } from '../../shared/domain/kbServer';
import { useHotline } from '../api/HotlineContext';

export const WORK_VIEWS = ['mine', 'review', 'due', 'all'] as const;
export type WorkView = (typeof WORK_VIEWS)[number];

/** A row of the work list; re-check items carry the date they lapsed on. */
export type WorkRow = KbArticleListItem & { validUntil?: string | null };

type ListState = {
  /** The view and search the rows answer; another current one means its first page is loading. */
  key: string;
  rows: WorkRow[];
  nextCursor: string | null;
  error: ContractError | null;
  loading: boolean;
};

const QUERIES: Record<Exclude<WorkView, 'due'>, KbWorkListInput> = {
  mine: { mine: true, status: 'draft' },
  review: { status: 'in_review' },
  all: {},
};

/**
 * One view of the work list from the server: pages by cursor (加载更多), the re-check list in one
 * go. A slower answer for a view or search the user has already left is dropped.
 */
export function useWorkList(view: WorkView, q: string) {
  const api = useHotline();
  const key = `${view}|${view === 'all' ? q.trim() : ''}`;
  const [state, setState] = useState<ListState>({ key: '', rows: [], nextCursor: null, error: null, loading: true });
  const ticket = useRef(0);

  const load = useCallback(
    async (cursor: string | null) => {
      const mine = ++ticket.current;
      if (view === 'due') {
        const result = await api.kbEdit.reviewDue();
        if (mine !== ticket.current) return;
        setState((s) =>
          result.ok
            ? {
                key,
                rows: result.value.map((i) => ({
                  ...i,
                  updatedAt: i.lastReviewedAt,
                  usageCount: 0,
                  reviewDue: i.reason,
                })),
                nextCursor: null,
                error: null,
                loading: false,
              }
            : { ...s, key, error: result.error, loading: false },
        );
        return;
      }
      const text = q.trim();
      const result = await api.kbEdit.list({
        ...QUERIES[view],
        ...(view === 'all' && text ? { q: text } : {}),
        ...(cursor ? { cursor } : {}),
      });
      if (mine !== ticket.current) return;
      setState((s) =>
        result.ok
          ? {
              key,
              rows: cursor ? [...s.rows, ...result.value.items] : result.value.items,
              nextCursor: result.value.nextCursor,
              error: null,
              loading: false,
            }
          : { ...s, key, error: result.error, loading: false },
      );
    },
    [api, view, q, key],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  const reload = useCallback(() => {
    setState((s) => ({ ...s, loading: true }));
    void load(null);
  }, [load]);
  const loadMore = useCallback(() => {
    if (!state.nextCursor) return;
    setState((s) => ({ ...s, loading: true }));
    void load(state.nextCursor);
  }, [load, state.nextCursor]);
  const current = state.key === key;
  return {
    rows: current ? state.rows : [],
    nextCursor: current ? state.nextCursor : null,
    error: current ? state.error : null,
    loading: !current || state.loading,
    reload,
    loadMore,
  };
}
