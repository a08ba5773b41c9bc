import { app, dialog } from 'electron';
import { createLogger } from '../../core/log/logger';
import { seatPaths, sourceResourcesDir } from '../../core/paths';
import { setAsideIfUnreadable } from '../../core/settings/confBackend';
import { openSeat, type Seat } from '../../core/seat';
import { openSettingsBackend } from '../settings/settingsStore';
import { shellLogFile, type ShellLog } from './shellLog';
import { startupFailureMessage } from './startupFailure';

/** The seat core for the Electron app; the packaged app ships data/ and migrations in resources/. */
function openElectronSeat(dataDir: string): Seat {
  const log = createLogger(seatPaths(dataDir).logFile);
  // electron-store refuses to start on a settings file that is not JSON; keep it aside and start on defaults.
  setAsideIfUnreadable(seatPaths(dataDir).settingsFile, log);
  return openSeat({
    dataDir,
    resourcesDir: app.isPackaged ? process.resourcesPath : sourceResourcesDir(),
    mode: 'electron',
    appVersion: app.getVersion(),
    settingsBackend: openSettingsBackend(dataDir),
    log,
    checkOutput: !app.isPackaged,
  });
}

/**
 * Opens the seat, or explains in a dialog why it cannot (database from a newer version, corrupt,
 * read-only, or a bug) and returns null so the caller quits. The database file is never touched here.
 */
export async function startSeat(dataDir: string, log: ShellLog): Promise<Seat | null> {
  try {
    return openElectronSeat(dataDir);
  } catch (err) {
    log.error('the seat could not be opened', err);
    const { title, message, detail } = startupFailureMessage(err, shellLogFile(dataDir));
    await dialog.showMessageBox({ type: 'error', title, message, detail, buttons: ['退出'], noLink: true });
    return null;
  }
}
