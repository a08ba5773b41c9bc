import type { BrowserWindowConstructorOptions } from 'electron';
import type { WindowState } from './windowState';

const WINDOW_TITLE = '12316 坐席台';

export type MainWindowInput = {
  /** Absolute path of the bundled preload (out/preload/index.cjs). */
  preload: string;
  isPackaged: boolean;
  state: WindowState;
};

/**
 * The main window's options. The webPreferences are the Electron security baseline (DESIGN.md §8):
 * sandboxed, isolated, no Node in the page or its workers, no <webview>, DevTools only from source.
 * `webSecurity`, `allowRunningInsecureContent` and experimental features are deliberately left at
 * their safe defaults, so they are not mentioned at all.
 */
export function mainWindowOptions({ preload, isPackaged, state }: MainWindowInput): BrowserWindowConstructorOptions {
  return {
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 960,
    minHeight: 600,
    title: WINDOW_TITLE,
    // Shown on 'ready-to-show', so the operator never sees an empty white frame.
    show: false,
    backgroundColor: '#f4f7f2',
    webPreferences: {
      preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      devTools: !isPackaged,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}
