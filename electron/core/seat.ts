import { dispatch } from './rpc/dispatch';
import type { Handlers } from './rpc/handlers';
import type { Result } from '../../shared/contract/result';
import { openStore } from './db/open';
import { mapStoreError } from './db/errors';
import { readMigrations } from './db/migrate';
import { createStore } from './db/store';
import { createSeatEvents, type SeatEvents } from './events';
import { createIntakeHandlers } from './intake/handlers';
import type { Logger } from './log/logger';
import { migrationsDir, seatPaths, type SeatPaths } from './paths';
import { createRefdataHandlers } from './refdata/handlers';
import { loadReferenceData } from './refdata/loader';
import { createSettingsService } from './settings/settingsService';

/** An electron-store or a `conf` instance; both write `<dataDir>/settings.json`. */
export type SettingsBackend = { store: Record<string, unknown>; readonly path: string };

export type SeatOptions = {
  dataDir: string;
  /** Holds `data/…` and `electron/core/db/migrations/*.sql`: the repo root from source, process.resourcesPath when packaged. */
  resourcesDir: string;
  mode: 'electron' | 'browser';
  appVersion: string;
  settingsBackend: SettingsBackend;
  log: Logger;
  now?: () => Date;
  checkOutput?: boolean;
};

export type Seat = {
  handlers: Handlers;
  events: SeatEvents;
  paths: SeatPaths;
  call(method: unknown, input: unknown): Promise<Result<unknown>>;
  close(): void;
};

/**
 * Opens this seat's database (migrating it, loading reference data on first run) and wires the
 * services behind every contract method. Throws AppError DB_FROM_FUTURE, DB_CORRUPT or DB_READONLY
 * with a message naming the file when the database cannot be used.
 */
export function openSeat(options: SeatOptions): Seat {
  const { log } = options;
  const now = options.now ?? (() => new Date());
  const paths = seatPaths(options.dataDir);
  const db = openStore(paths.db, readMigrations(migrationsDir(options.resourcesDir)), log);
  try {
    loadReferenceData(db, options.resourcesDir, log);
    const store = createStore(db);
    // The seat's sync identity is fixed on first open, before any outbox entry can need it.
    store.transaction(() => store.meta.clientId());
    const events = createSeatEvents();
    const settings = createSettingsService(options.settingsBackend, log);
    const handlers: Handlers = {
      ...createIntakeHandlers({
        store,
        events,
        now,
        log,
        actor: () => {
          const current = settings.get();
          return { seatCode: current.seatCode, operator: current.operatorName };
        },
        appInfo: {
          version: options.appVersion,
          mode: options.mode,
          dataDir: paths.dataDir,
          dbPath: paths.db,
          logFile: paths.logFile,
          settingsFile: settings.path,
        },
      }),
      ...createRefdataHandlers(db),
      'settings:get': () => settings.get(),
      'settings:update': (patch) => settings.update(patch),
    };
    const mapError = (err: unknown) => mapStoreError(err, paths.db);
    return {
      handlers,
      events,
      paths,
      call: (method, input) =>
        dispatch(handlers, method, input, { log, mapError, checkOutput: options.checkOutput ?? false }),
      close: () => db.close(),
    };
  } catch (err) {
    db.close();
    throw mapStoreError(err, paths.db) ?? err;
  }
}
