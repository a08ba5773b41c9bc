import Store from 'electron-store';
import { restoreWindowState, type Rect, type WindowState } from '../window/windowState';

export type WindowStateStore = {
  /** The remembered bounds, made valid for the given screens' work areas. */
  load(workAreas: readonly Rect[]): WindowState;
  save(state: WindowState): void;
};

/**
 * Window geometry lives in its own file (<dataDir>/window-state.json), apart from the seat settings:
 * it is per machine, and a damaged file only costs the window its last position.
 */
export function openWindowStateStore(dataDir: string): WindowStateStore {
  const store = new Store<Record<string, unknown>>({ cwd: dataDir, name: 'window-state', clearInvalidConfig: true });
  return {
    load: (workAreas) => restoreWindowState(store.store, workAreas),
    save: (state) => {
      store.store = { ...state };
    },
  };
}
