import { useLayoutEffect, useRef } from 'react';

/** A keyboard shortcut. `code` is the physical key, so Alt+1 works whatever the keyboard layout or IME state. */
export type Hotkey = { code: string; key: string; label: string; ctrl?: boolean; alt?: boolean };

export const HOTKEYS = {
  navIntake: { code: 'Digit1', key: '1', alt: true, label: 'Alt+1' },
  navCases: { code: 'Digit2', key: '2', alt: true, label: 'Alt+2' },
  navSettings: { code: 'Digit3', key: '3', alt: true, label: 'Alt+3' },
  navSync: { code: 'Digit4', key: '4', alt: true, label: 'Alt+4' },
  navKb: { code: 'Digit5', key: '5', alt: true, label: 'Alt+5' },
  navKbEdit: { code: 'Digit6', key: '6', alt: true, label: 'Alt+6' },
  newInquiry: { code: 'F2', key: 'F2', label: 'F2' },
  save: { code: 'KeyS', key: 's', ctrl: true, label: 'Ctrl+S' },
  saveAndNew: { code: 'Enter', key: 'Enter', ctrl: true, label: 'Ctrl+Enter' },
  focusSearch: { code: 'KeyF', key: 'f', ctrl: true, label: 'Ctrl+F' },
  /** From the question field into the knowledge suggestions (then ↑/↓, Enter opens, Esc goes back). */
  kbSuggestions: { code: 'ArrowDown', key: 'ArrowDown', alt: true, label: 'Alt+↓' },
  /** Puts the selected suggestion's answer into the case's answer field. */
  kbInsert: { code: 'KeyI', key: 'i', ctrl: true, label: 'Ctrl+I' },
} satisfies Record<string, Hotkey>;

export function matchesHotkey(e: KeyboardEvent, h: Hotkey): boolean {
  const ctrl = e.ctrlKey || e.metaKey;
  if (ctrl !== Boolean(h.ctrl) || e.altKey !== Boolean(h.alt)) return false;
  return (
    e.code === h.code || (h.code === 'Enter' && e.code === 'NumpadEnter') || e.key.toLowerCase() === h.key.toLowerCase()
  );
}

/**
 * Runs `handler` on the shortcut anywhere in the window, even while typing in a field, and stops
 * the browser's own meaning of the keys (Ctrl+S would otherwise save the web page).
 */
export function useHotkey(hotkey: Hotkey, handler: () => void, enabled = true): void {
  const handlerRef = useRef(handler);
  // Layout effects, so the key works from the moment what it acts on is on screen: a passive effect
  // could still be pending when a quick operator presses it (Ctrl+I as the suggestions appear).
  useLayoutEffect(() => {
    handlerRef.current = handler;
  });
  useLayoutEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || !matchesHotkey(e, hotkey)) return;
      e.preventDefault();
      handlerRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [hotkey, enabled]);
}
