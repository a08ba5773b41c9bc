import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type SeatPaths = { dataDir: string; db: string; logFile: string; settingsFile: string };

const APP_FOLDER = '12316-seat';

/**
 * Where the seat keeps its data: `HOTLINE_DATA_DIR` if set, else the per-OS app-data folder.
 * It is the folder Electron's userData is set to, so Electron and browser mode open the same database.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const override = env.HOTLINE_DATA_DIR?.trim();
  if (override) return path.resolve(override);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_FOLDER);
}

export function seatPaths(dataDir: string): SeatPaths {
  return {
    dataDir,
    db: path.join(dataDir, 'seat.db'),
    logFile: path.join(dataDir, 'logs', 'core.log'),
    settingsFile: path.join(dataDir, 'settings.json'),
  };
}

/** The repo root when running from source: it holds `data/` and `electron/core/db/migrations/` like a packaged resources dir. */
export function sourceResourcesDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above electron/core/paths.ts');
    dir = parent;
  }
}

/** The migrations folder inside a resources dir. */
export function migrationsDir(resourcesDir: string): string {
  return path.join(resourcesDir, 'electron', 'core', 'db', 'migrations');
}
