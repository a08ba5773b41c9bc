import { app, dialog, net, powerMonitor, safeStorage } from 'electron';
import { createLogger, type Logger } from '../../core/log/logger';
import { seatPaths, sourceResourcesDir } from '../../core/paths';
import { setAsideIfUnreadable } from '../../core/settings/confBackend';
import { openSeat, type Seat, type SettingsBackend } from '../../core/seat';
import { initialSettingsPatch } from '../../core/settings/initialSettings';
import { createSettingsService } from '../../core/settings/settingsService';
import { openSettingsBackend } from '../settings/settingsStore';
import { osSecretBox } from './osSecretBox';
import { watchReconnect } from './reconnectWatch';
import { shellLogFile, type ShellLog } from './shellLog';
import { startupFailureMessage } from './startupFailure';

/** The seat core for the Electron app; the packaged app ships data/ and migrations in resources/. */
function openElectronSeat(dataDir: string): Seat {
  const log = createLogger(seatPaths(dataDir).logFile);
  // electron-store refuses to start on a settings file that is not JSON; keep it aside and start on defaults.
  setAsideIfUnreadable(seatPaths(dataDir).settingsFile, log);
  const settingsBackend = openSettingsBackend(dataDir);
  applyLaunchSettings(settingsBackend, log);
  const secretBox = osSecretBox(safeStorage);
  if (!secretBox) log.warn('no OS keychain: server tokens are kept in clear in the seat database');
  return openSeat({
    dataDir,
    resourcesDir: app.isPackaged ? process.resourcesPath : sourceResourcesDir(),
    mode: 'electron',
    appVersion: app.getVersion(),
    settingsBackend,
    log,
    checkOutput: !app.isPackaged,
    ...(secretBox ? { secretBox } : {}),
  });
}

/** `npm start` names the server it started (HOTLINE_SERVER_URL); a seat with no server configured takes it. */
function applyLaunchSettings(backend: SettingsBackend, log: Logger): void {
  const patch = initialSettingsPatch(backend.store, { seat: null, server: process.env.HOTLINE_SERVER_URL ?? null });
  if (!patch) return;
  try {
    createSettingsService(backend, log).update(patch);
  } catch (err) {
    // A malformed URL in the environment must not stop the console: the operator can set it in 设置.
    log.warn({ err: err instanceof Error ? err.message : String(err) }, 'HOTLINE_SERVER_URL ignored');
  }
}

/** Syncs at once after sleep or when the network returns, instead of waiting out the back-off. */
function withReconnect(seat: Seat): Seat {
  const stop = watchReconnect(
    {
      powerMonitor,
      isOnline: () => net.isOnline(),
      setInterval: (fn, ms) => setInterval(fn, ms),
      clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
    },
    () => seat.notifyReconnect(),
  );
  return {
    ...seat,
    close() {
      stop();
      return seat.close();
    },
  };
}

/**
 * Opens the seat, or explains in a dialog why it cannot (database from a newer version, corrupt,
 * read-only, or a bug) and returns null so the caller quits. The database file is never touched here.
 */
export async function startSeat(dataDir: string, log: ShellLog): Promise<Seat | null> {
  try {
    return withReconnect(openElectronSeat(dataDir));
  } catch (err) {
    log.error('the seat could not be opened', err);
    const { title, message, detail } = startupFailureMessage(err, shellLogFile(dataDir));
    await dialog.showMessageBox({ type: 'error', title, message, detail, buttons: ['退出'], noLink: true });
    return null;
  }
}
