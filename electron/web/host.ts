import path from 'node:path';
import type { Logger } from '../core/log/logger';
import { openSeat, type Seat, type SettingsBackend } from '../core/seat';
import { openConfBackend } from '../core/settings/confBackend';
import { serveSeat } from './server';

export type WebHostOptions = {
  dataDir: string;
  /** Holds `data/` and the migrations (the repo root when running from source). */
  resourcesDir: string;
  log: Logger;
  appVersion: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default: `<resourcesDir>/out/renderer`, where electron-vite puts the renderer build. */
  rendererDir?: string;
  /** Default: the `conf` backend on `<dataDir>/settings.json`, the file electron-store uses. */
  settingsBackend?: SettingsBackend;
  now?: () => Date;
  checkOutput?: boolean;
};

export type WebHost = {
  url: string;
  port: number;
  token: string;
  seat: Seat;
  /** Stops serving, then stops syncing and closes the database cleanly. */
  close(): Promise<void>;
};

/**
 * Browser mode: opens the same seat the Electron app would and serves it on 127.0.0.1.
 * Throws the seat's AppError (DB_FROM_FUTURE, DB_CORRUPT, DB_READONLY) untouched, files left as they are.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const seat = openSeat({
    dataDir: options.dataDir,
    resourcesDir: options.resourcesDir,
    mode: 'browser',
    appVersion: options.appVersion,
    settingsBackend: options.settingsBackend ?? openConfBackend(options.dataDir, options.log),
    log: options.log,
    now: options.now,
    checkOutput: options.checkOutput,
  });
  const server = await serveSeat(seat, {
    rendererDir: options.rendererDir ?? path.join(options.resourcesDir, 'out', 'renderer'),
    port: options.port ?? 0,
    log: options.log,
  }).catch(async (err: unknown) => {
    // The port could not be bound: release the database before reporting it.
    await seat.close();
    throw err;
  });
  let closing: Promise<void> | null = null;
  return {
    url: server.url,
    port: server.port,
    token: server.token,
    seat,
    close() {
      closing ??= server.close().finally(() => seat.close());
      return closing;
    },
  };
}
