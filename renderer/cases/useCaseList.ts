import { useCallback, useEffect, useRef, useState } from 'react';
import type { ContractError } from '../../shared/contract/result';
import type { InquiryListQuery, InquirySummary } from '../../shared/domain/inquiry';
import { useHotline } from '../api/HotlineContext';

export const PAGE_SIZE = 100;
const MAX_REFRESH = 500;

export type CaseFilter = Omit<InquiryListQuery, 'offset' | 'limit'>;

type ListState = {
  items: InquirySummary[];
  total: number;
  error: ContractError | null;
  /** The filter the items belong to; a different current filter means its first page is loading. */
  answeredFor: CaseFilter | null;
  busy: boolean;
};

/**
 * The case list as the operator scrolls: pages of 100 fetched on demand, restarted when the filter
 * changes, and re-read in place when the seat says cases changed.
 */
export function useCaseList(filter: CaseFilter) {
  const api = useHotline();
  const [state, setState] = useState<ListState>({ items: [], total: 0, error: null, answeredFor: null, busy: false });
  const generation = useRef(0);
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  });

  const request = useCallback(
    async (offset: number, limit: number, replace: boolean) => {
      const ticket = ++generation.current;
      const result = await api.inquiry.list({ ...filter, offset, limit });
      if (ticket !== generation.current) return;
      setState((s) => {
        if (!result.ok) return { ...s, error: result.error, answeredFor: filter, busy: false };
        const items = replace ? result.value.items : [...s.items.slice(0, offset), ...result.value.items];
        return { items, total: result.value.total, error: null, answeredFor: filter, busy: false };
      });
    },
    [api, filter],
  );

  useEffect(() => {
    void request(0, PAGE_SIZE, true);
  }, [request]);

  useEffect(
    () =>
      api.on['inquiry:changed'](() => {
        const shown = Math.min(MAX_REFRESH, Math.max(PAGE_SIZE, stateRef.current.items.length));
        void request(0, shown, true);
      }),
    [api, request],
  );

  const loadMore = useCallback(() => {
    const { items, total, error, busy, answeredFor } = stateRef.current;
    if (busy || error || answeredFor !== filter || items.length >= total) return;
    stateRef.current = { ...stateRef.current, busy: true };
    setState((s) => ({ ...s, busy: true }));
    void request(items.length, PAGE_SIZE, false);
  }, [filter, request]);

  const reload = useCallback(() => {
    setState((s) => ({ ...s, error: null, answeredFor: null }));
    void request(0, PAGE_SIZE, true);
  }, [request]);

  const loading = state.answeredFor !== filter || state.busy;
  return { items: state.items, total: state.total, error: state.error, loading, loadMore, reload };
}
