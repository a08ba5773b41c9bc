import { useCallback, useEffect, useRef, useState } from 'react';
import type { HotlineApi } from '../../shared/contract/api';
import type { ContractError, Result } from '../../shared/contract/result';
import { useHotline } from './HotlineContext';

export type QueryState<T> = {
  data: T | undefined;
  error: ContractError | null;
  loading: boolean;
  reload: () => void;
};

type Answer<T> = { data: T | undefined; error: ContractError | null; ticket: string | null };

/**
 * Runs a contract call when `key` changes (or on `reload`) and keeps its latest answer. A slower,
 * older answer never overwrites a newer one; the previous data stays on screen while the next loads.
 */
export function useQuery<T>(key: string | null, load: (api: HotlineApi) => Promise<Result<T>>): QueryState<T> {
  const api = useHotline();
  const [answer, setAnswer] = useState<Answer<T>>({ data: undefined, error: null, ticket: null });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const ticket = key === null ? null : `${generation}:${key}`;

  useEffect(() => {
    if (ticket === null) return;
    let current = true;
    void loadRef.current(api).then((result) => {
      if (!current) return;
      setAnswer((s) =>
        result.ok ? { data: result.value, error: null, ticket } : { data: s.data, error: result.error, ticket },
      );
    });
    return () => {
      current = false;
    };
  }, [api, ticket]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data: answer.data, error: answer.error, loading: ticket !== null && answer.ticket !== ticket, reload };
}
