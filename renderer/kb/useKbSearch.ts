import { useEffect, useRef, useState } from 'react';
import type { KbSearchContext } from '../../shared/contract/kbMethods';
import type { ContractError, Result } from '../../shared/contract/result';
import type { KbFilters, KbSearchResult } from '../../shared/domain/kb';
import { useHotline } from '../api/HotlineContext';

/**
 * At most one search per this interval while the text keeps changing; the first change after a
 * pause searches at once, so the panel answers a typed character in the search's own time.
 */
export const KB_SEARCH_INTERVAL_MS = 50;

export type KbSearchState =
  | { kind: 'idle' }
  | { kind: 'loading'; previous: KbSearchResult | null }
  | { kind: 'done'; result: KbSearchResult }
  | { kind: 'failed'; error: ContractError };

type Request = {
  q: string;
  limit: number;
  filters?: KbFilters;
  context?: KbSearchContext;
  /** With nothing typed, list what the filters select (the 知识库 screen) instead of waiting for text. */
  browse?: boolean;
};
type Answer = { key: string; outcome: Result<KbSearchResult> };

/**
 * Searches the seat's KB as the text changes, throttled (leading and trailing). An answer counts
 * only for the request it was sent for: one that arrives after the text changed again is dropped,
 * so a slow early query never replaces a later one.
 */
export function useKbSearch(request: Request): KbSearchState {
  const api = useHotline();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const lastSentAt = useRef(Number.NEGATIVE_INFINITY);
  const requestRef = useRef(request);
  useEffect(() => {
    requestRef.current = request;
  });
  const text = request.q.trim();
  const idle = text === '' && !(request.browse && Object.keys(request.filters ?? {}).length > 0);
  // Objects arrive new on every render; the query runs again only when what it asks for changes.
  const key = JSON.stringify([text, request.limit, request.filters ?? {}, request.context ?? {}]);

  useEffect(() => {
    if (idle) return;
    let current = true;
    const wait = Math.max(0, lastSentAt.current + KB_SEARCH_INTERVAL_MS - performance.now());
    const timer = setTimeout(() => {
      lastSentAt.current = performance.now();
      const { limit, filters, context } = requestRef.current;
      void api.kb.search({ q: text, limit, filters, context }).then((outcome) => {
        if (current) setAnswer({ key, outcome });
      });
    }, wait);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, key, text, idle]);

  if (idle) return { kind: 'idle' };
  if (answer?.key === key) {
    return answer.outcome.ok
      ? { kind: 'done', result: answer.outcome.value }
      : { kind: 'failed', error: answer.outcome.error };
  }
  return { kind: 'loading', previous: answer?.outcome.ok ? answer.outcome.value : null };
}

/** The hits on screen right now: the last answer stays visible while the next one loads, so the list does not flash. */
export function shownResult(state: KbSearchState): KbSearchResult | null {
  if (state.kind === 'done') return state.result;
  if (state.kind === 'loading') return state.previous;
  return null;
}
