import { App } from 'antd';
import { type RefObject, useCallback, useEffect, useState } from 'react';
import { useT } from '../i18n/I18nProvider';

/** Set while the open article holds unsaved edits; the shell reads it before replacing the article. */
export type UnsavedRef = RefObject<boolean>;

type Modal = ReturnType<typeof App.useApp>['modal'];
type Translate = ReturnType<typeof useT>;

/** Asks before unsaved edits are dropped; `go` runs only when the user chooses to discard them. */
export function confirmDiscard(modal: Modal, t: Translate, why: 'close' | 'switch', go: () => void) {
  modal.confirm({
    title: t('kbEdit.unsaved.title'),
    content: t(`kbEdit.unsaved.${why}`),
    okText: t('kbEdit.unsaved.discard'),
    okButtonProps: { danger: true, 'data-testid': 'kbedit-discard' },
    cancelText: t('kbEdit.unsaved.keep'),
    onOk: go,
  });
}

/**
 * The editor's unsaved state. Nothing of an article is kept on the seat until the server has it,
 * so closing the editor or the window asks first (Electron turns the window's veto into a dialog).
 * `differs` compares the form with what was loaded; closing asks it afresh rather than trusting
 * state from the last render.
 */
export function useUnsavedEdits(unsavedRef: UnsavedRef | undefined, differs: () => boolean) {
  const t = useT();
  const { modal } = App.useApp();
  const [unsaved, setUnsaved] = useState(false);

  useEffect(() => {
    if (!unsavedRef) return;
    unsavedRef.current = unsaved;
    return () => {
      unsavedRef.current = false;
    };
  }, [unsavedRef, unsaved]);

  useEffect(() => {
    if (!unsaved) return;
    const ask = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [unsaved]);

  const recheck = useCallback(() => setUnsaved(differs()), [differs]);
  const leave = useCallback(
    (go: () => void) => (differs() ? confirmDiscard(modal, t, 'close', go) : go()),
    [differs, modal, t],
  );

  return { recheck, leave };
}
