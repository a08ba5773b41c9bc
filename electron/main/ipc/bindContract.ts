import { BrowserWindow, ipcMain } from 'electron';
import { EVENTS, METHODS, type EventName } from '../../../shared/contract/channels';
import type { Seat } from '../../core/seat';
import { isTrustedUrl } from '../app/origins';
import type { ShellLog } from '../app/shellLog';
import { contractHandler } from './contractHandler';

/** Pushes a seat event to every window that shows our own UI. */
function broadcast(event: EventName, payload: unknown, origins: readonly string[]): void {
  for (const window of BrowserWindow.getAllWindows()) {
    if (window.isDestroyed() || window.webContents.isDestroyed()) continue;
    if (!isTrustedUrl(window.webContents.getURL(), origins)) continue;
    window.webContents.send(event, payload);
  }
}

/**
 * The Electron binding of the contract and the only `ipcMain.handle` site (DESIGN.md §4):
 * one handler per method name, seat events forwarded to the windows. Returns the unbinding.
 */
export function bindContract(seat: Seat, origins: readonly string[], log: ShellLog): () => void {
  for (const method of METHODS) ipcMain.handle(method, contractHandler(method, seat, origins, log));
  const unsubscribes = EVENTS.map((event) => seat.events.on(event, (payload) => broadcast(event, payload, origins)));
  return () => {
    for (const method of METHODS) ipcMain.removeHandler(method);
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
