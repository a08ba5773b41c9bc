import { useEffect, useRef, useState } from 'react';
import type { ContractError } from '../../shared/contract/result';
import type { CallerHistory } from '../../shared/domain/inquiry';
import { normalizePhone } from '../../shared/domain/phone';
import { useHotline } from '../api/HotlineContext';

export type HistoryState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'loaded'; phone: string; history: CallerHistory }
  | { kind: 'failed'; phone: string; error: ContractError };

/** The complete, normalised number on the form, or null while it is still being typed or withheld. */
export function completePhone(raw: string, hidden: boolean): string | null {
  if (hidden) return null;
  const n = normalizePhone(raw);
  return n.ok && n.phone.kind !== 'unknown' ? n.phone.value : null;
}

/**
 * Looks the caller up as soon as the number is complete; `onLoaded` runs once per number so the
 * form can prefill name and region from the last call.
 */
export function useCallerHistory(phone: string | null, onLoaded: (history: CallerHistory) => void): HistoryState {
  const api = useHotline();
  const [state, setState] = useState<HistoryState>({ kind: 'idle' });
  const onLoadedRef = useRef(onLoaded);
  useEffect(() => {
    onLoadedRef.current = onLoaded;
  });

  useEffect(() => {
    if (phone === null) return;
    let current = true;
    void api.caller.history({ phone, limit: 20 }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setState({ kind: 'loaded', phone, history: result.value });
        onLoadedRef.current(result.value);
      } else {
        setState({ kind: 'failed', phone, error: result.error });
      }
    });
    return () => {
      current = false;
    };
  }, [api, phone]);

  if (phone === null) return { kind: 'idle' };
  // An answer about an earlier number is never shown for the current one.
  if (state.kind === 'idle' || state.kind === 'loading' || state.phone !== phone) return { kind: 'loading' };
  return state;
}
