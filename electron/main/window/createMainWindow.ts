import { BrowserWindow, dialog, screen } from 'electron';
import type { WindowStateStore } from '../settings/windowStateStore';
import type { ShellLog } from '../app/shellLog';
import { CONFIRM_LEAVE_DIALOG, operatorChoseToLeave } from './confirmLeave';
import { mainWindowOptions } from './windowOptions';

export type MainWindowDeps = {
  preload: string;
  isPackaged: boolean;
  url: string;
  stateStore: WindowStateStore;
  log: ShellLog;
};

/** Opens the console window where the operator left it, shows it once painted, remembers its bounds on close. */
export function createMainWindow({ preload, isPackaged, url, stateStore, log }: MainWindowDeps): BrowserWindow {
  const state = stateStore.load(screen.getAllDisplays().map((d) => d.workArea));
  const window = new BrowserWindow(mainWindowOptions({ preload, isPackaged, state }));

  window.once('ready-to-show', () => {
    if (state.isMaximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    stateStore.save({ ...bounds, isMaximized: window.isMaximized() });
  });
  window.webContents.on('will-prevent-unload', (event) => {
    // preventDefault here overrides the page's beforeunload veto, i.e. lets the window close.
    if (operatorChoseToLeave(dialog.showMessageBoxSync(window, CONFIRM_LEAVE_DIALOG))) event.preventDefault();
  });
  window.webContents.on('did-fail-load', (_event, code, description, failedUrl) => {
    log.error('window failed to load', { code, description, url: failedUrl });
  });
  window.loadURL(url).catch((err: unknown) => log.error('window load rejected', err));
  return window;
}

/** Brings the existing window to the front (second launch, dock click). */
export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
