import fs from 'node:fs';
import Conf from 'conf';
import type { Logger } from '../log/logger';
import { seatPaths } from '../paths';
import type { SettingsBackend } from '../seat';

/** Same folder and file name electron-store uses in the Electron app: `<dataDir>/settings.json`. */
const CONFIG_NAME = 'settings';

/**
 * The settings backend outside Electron (browser mode, tests): a `conf` store with the file format
 * electron-store writes, so both modes share one settings file.
 */
export function openConfBackend(dataDir: string, log?: Logger): SettingsBackend {
  setAsideIfUnreadable(seatPaths(dataDir).settingsFile, log);
  return new Conf<Record<string, unknown>>({ cwd: dataDir, configName: CONFIG_NAME });
}

/**
 * conf and electron-store refuse to start on a file that is not JSON. Such a file is moved aside
 * (kept for whoever edited it) so the seat starts on default settings instead of not starting at all.
 * The Electron shell should call this before creating its electron-store on the same file.
 */
export function setAsideIfUnreadable(file: string, log: Logger | undefined): void {
  if (!fs.existsSync(file)) return;
  try {
    JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    // Not JSON: recoverable by design, reported below.
    const aside = `${file}.damaged-${Date.now()}`;
    fs.renameSync(file, aside);
    const message = `settings file was not valid JSON; moved to ${aside}, using default settings`;
    if (log) log.warn({ file, aside }, message);
    else process.emitWarning(message);
  }
}
