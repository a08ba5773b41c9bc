import { useCallback, useEffect, useRef, useState } from 'react';
import { useConnectionState, useHotline } from '../api/HotlineContext';
import { isBlankIntake, valuesFromDraft, type IntakeValues } from './intakeValues';

export const INTAKE_DRAFT_KEY = 'intake';
const AUTOSAVE_DELAY_MS = 500;

export type DraftStatus = { kind: 'none' } | { kind: 'saved'; at: string } | { kind: 'failed'; message: string };

/**
 * Keeps the whole intake form in the seat's draft table while the operator types, and brings it
 * back after a crash or restart. Nothing is autosaved until the stored draft has been read, so an
 * empty form at start-up can never overwrite it; a blank form is never saved (clearing is explicit).
 */
export function useIntakeDraft(values: IntakeValues, onRestore: (values: IntakeValues, savedAt: string) => void) {
  const api = useHotline();
  const connection = useConnectionState();
  const [ready, setReady] = useState(false);
  const [status, setStatus] = useState<DraftStatus>({ kind: 'none' });
  const valuesRef = useRef(values);
  const onRestoreRef = useRef(onRestore);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    valuesRef.current = values;
    onRestoreRef.current = onRestore;
  });

  useEffect(() => {
    if (ready || connection !== 'online') return;
    let current = true;
    void api.draft.get({ key: INTAKE_DRAFT_KEY }).then((result) => {
      if (!current || !result.ok) return;
      // If the operator already started typing, what is on screen wins over the stored draft.
      if (result.value && isBlankIntake(valuesRef.current))
        onRestoreRef.current(valuesFromDraft(result.value.data), result.value.savedAt);
      setReady(true);
    });
    return () => {
      current = false;
    };
  }, [api, connection, ready]);

  useEffect(() => {
    if (!ready || isBlankIntake(values)) return;
    const handle = setTimeout(() => {
      timer.current = null;
      void api.draft
        .save({ key: INTAKE_DRAFT_KEY, data: values })
        .then((result) =>
          setStatus(
            result.ok ? { kind: 'saved', at: result.value.savedAt } : { kind: 'failed', message: result.error.message },
          ),
        );
    }, AUTOSAVE_DELAY_MS);
    timer.current = handle;
    return () => clearTimeout(handle);
  }, [api, ready, values]);

  /** Saves at once what the debounce is still holding back (the page is about to close). */
  const flush = useCallback(() => {
    if (!timer.current) return;
    clearTimeout(timer.current);
    timer.current = null;
    void api.draft.save({ key: INTAKE_DRAFT_KEY, data: valuesRef.current });
  }, [api]);

  /** Drops the stored draft (after a save, or when the operator discards the form). */
  const clear = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const result = await api.draft.clear({ key: INTAKE_DRAFT_KEY });
    if (result.ok) setStatus({ kind: 'none' });
    return result;
  }, [api]);

  return { status, clear, flush, ready };
}
