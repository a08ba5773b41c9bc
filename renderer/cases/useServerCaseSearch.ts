import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { ContractError } from '../../shared/contract/result';
import type { CaseSearchHit, CaseSearchPage } from '../../shared/domain/kbServer';
import { useHotline } from '../api/HotlineContext';

type Request = { q: string; cursor?: string };

type SearchState = {
  /** The text the hits belong to; null before the first search. */
  q: string | null;
  hits: CaseSearchHit[];
  terms: string[];
  nextCursor: string | null;
  /** `some`: no case holds every word; the hits share the most of them, best first, one page. */
  match: CaseSearchPage['match'];
  /**
   * Whether the last request that finished was answered by the server. Kept while the next one
   * runs, so a notice that the server seems out of reach stays away once it has answered.
   */
  answered: boolean;
  error: ContractError | null;
  /** The request that failed, so 重试 asks for exactly that page again. */
  failed: Request | null;
  loading: boolean;
};

const INITIAL: SearchState = {
  q: null,
  hits: [],
  terms: [],
  nextCursor: null,
  match: 'all',
  answered: false,
  error: null,
  failed: null,
  loading: false,
};

/**
 * The server's full-history search as the operator uses it: a search on Enter, "加载更多" with the
 * server's cursor (only when every hit holds every word; a `some` page comes whole). An answer to an older search never replaces a newer one.
 */
export function useServerCaseSearch() {
  const api = useHotline();
  const [state, setState] = useState<SearchState>(INITIAL);
  const generation = useRef(0);
  const stateRef = useRef(state);
  // Before the browser paints, so a click right after an answer (加载更多, 重试) reads that answer.
  useLayoutEffect(() => {
    stateRef.current = state;
  });

  const run = useCallback(
    async (request: Request) => {
      const ticket = ++generation.current;
      const more = request.cursor !== undefined;
      setState((s) => ({
        ...(more ? s : { ...INITIAL, q: request.q, answered: s.answered }),
        error: null,
        failed: null,
        loading: true,
      }));
      const result = await api.cases.searchServer(request);
      if (ticket !== generation.current) return;
      setState((s) => {
        if (!result.ok) return { ...s, error: result.error, failed: request, answered: false, loading: false };
        const { hits, terms, nextCursor, match } = result.value;
        return {
          ...s,
          hits: more ? [...s.hits, ...hits] : hits,
          terms,
          nextCursor,
          match,
          answered: true,
          loading: false,
        };
      });
    },
    [api],
  );

  const search = useCallback(
    (text: string) => {
      const q = text.trim();
      if (q !== '') void run({ q });
    },
    [run],
  );

  const loadMore = useCallback(() => {
    const { q, nextCursor, loading } = stateRef.current;
    if (q !== null && nextCursor !== null && !loading) void run({ q, cursor: nextCursor });
  }, [run]);

  const retry = useCallback(() => {
    const { failed } = stateRef.current;
    if (failed) void run(failed);
  }, [run]);

  return { ...state, search, loadMore, retry };
}
