import { app, dialog, session, type BrowserWindow } from 'electron';
import { defaultDataDir } from '../../core/paths';
import type { Seat } from '../../core/seat';
import { bindContract } from '../ipc/bindContract';
import { registerAppScheme, serveAppProtocol } from '../protocol/appProtocol';
import { openWindowStateStore } from '../settings/windowStateStore';
import { createMainWindow, focusWindow } from '../window/createMainWindow';
import { builtPaths } from './builtPaths';
import { logUncaughtErrors } from './crashLogging';
import { denyAllPermissions, hardenWebContents } from './hardenWebContents';
import { installMenu } from './menu';
import { entryUrl, trustedOrigins } from './origins';
import { createShellLog, shellLogFile, type ShellLog } from './shellLog';
import { startSeat } from './startSeat';
import { startupFailureMessage } from './startupFailure';

/**
 * The Electron app from start to quit. Everything that must happen before `ready` (sandbox,
 * userData, the app:// scheme, the single-instance lock) runs synchronously first. The returned
 * promise settles once the window is open, or startup has been given up.
 */
export function runApp(mainDir: string): Promise<void> {
  const dataDir = defaultDataDir();
  // Electron's userData is the seat's data folder, so browser mode opens the same database.
  app.setPath('userData', dataDir);
  app.enableSandbox();
  registerAppScheme();
  const log = createShellLog(dataDir);
  logUncaughtErrors(process, log);

  if (!app.requestSingleInstanceLock()) {
    // Another console already holds this seat's database: it gets focused through 'second-instance'.
    app.quit();
    return Promise.resolve();
  }

  const origins = trustedOrigins(app.isPackaged, process.env.ELECTRON_RENDERER_URL);
  let mainWindow: BrowserWindow | null = null;
  let seat: Seat | null = null;
  let unbind: (() => void) | null = null;

  app.on('second-instance', () => {
    if (mainWindow && !mainWindow.isDestroyed()) focusWindow(mainWindow);
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, origins, log));
  // One window is the whole app, on macOS too: closing it ends the shift's session.
  app.on('window-all-closed', () => app.quit());
  // Quitting waits for the seat: a sync request on the wire is recorded, then the database closes.
  app.on('will-quit', (event) => {
    unbind?.();
    unbind = null;
    const closing = seat;
    seat = null;
    if (!closing) return;
    event.preventDefault();
    void closing
      .close()
      .catch((err: unknown) => log.error('closing the seat failed', err))
      .finally(() => app.quit());
  });

  return app
    .whenReady()
    .then(async () => {
      const paths = builtPaths(mainDir);
      denyAllPermissions(session.defaultSession);
      serveAppProtocol(paths.rendererDir);
      installMenu({ isPackaged: app.isPackaged, platform: process.platform });
      seat = await startSeat(dataDir, log);
      if (!seat) {
        app.quit();
        return;
      }
      unbind = bindContract(seat, origins, log);
      mainWindow = createMainWindow({
        preload: paths.preload,
        isPackaged: app.isPackaged,
        url: entryUrl(app.isPackaged, process.env.ELECTRON_RENDERER_URL),
        stateStore: openWindowStateStore(dataDir),
        log,
      });
      log.info('console started', { version: app.getVersion(), packaged: app.isPackaged });
    })
    .catch((err: unknown) => failStartup(err, dataDir, log));
}

/** A bug during startup: the operator still gets a message saying what to do, then the app exits. */
function failStartup(err: unknown, dataDir: string, log: ShellLog): void {
  log.error('startup failed', err);
  const { title, message, detail } = startupFailureMessage(err, shellLogFile(dataDir));
  dialog.showErrorBox(title, `${message}\n${detail}`);
  app.exit(1);
}
