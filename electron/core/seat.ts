import { dispatch } from './rpc/dispatch';
import type { Handlers } from './rpc/handlers';
import type { Result } from '../../shared/contract/result';
import type { SyncStatus } from '../../shared/domain/seat';
import { accountService } from './account/accountService';
import { createCaseSearchHandlers } from './caseSearch/handlers';
import { caseSearchService } from './caseSearch/caseSearchService';
import { openStore } from './db/open';
import { mapStoreError } from './db/errors';
import { readMigrations } from './db/migrate';
import { createStore } from './db/store';
import { createSeatEvents, type SeatEvents } from './events';
import { createIntakeHandlers } from './intake/handlers';
import { inquiryService } from './intake/inquiryService';
import { announcedKb } from './kb/announcedKb';
import { createKbHandlers } from './kb/handlers';
import { kbEditService } from './kb/kbEditService';
import { kbService } from './kb/kbService';
import { kbSyncTrigger } from './kb/kbSyncTrigger';
import { openSeatKb, type SeatKb } from './kb/seatKb';
import type { Logger } from './log/logger';
import { migrationsDir, seatPaths, type SeatPaths } from './paths';
import { createRefdataHandlers } from './refdata/handlers';
import { loadReferenceData } from './refdata/loader';
import { createSettingsService } from './settings/settingsService';
import type { SyncOptions } from './sync/context';
import { createSyncEngine } from './sync/engine';
import type { FetchFn } from './sync/httpClient';
import { syncIssues } from './sync/issues';
import { createPokeListener } from './sync/poke';
import { syncMeta } from './sync/syncMeta';
import type { SecretBox } from './secrets/secretBox';
import type { SyncEngineStatus } from './sync/status';

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
  /** Tests: the HTTP the sync engine and login use, and the engine's timing. */
  fetch?: FetchFn;
  syncOptions?: Partial<SyncOptions>;
  /** Seals tokens kept in the seat database: the OS keychain in the desktop app; none in browser mode. */
  secretBox?: SecretBox;
};

export type Seat = {
  handlers: Handlers;
  events: SeatEvents;
  paths: SeatPaths;
  call(method: unknown, input: unknown): Promise<Result<unknown>>;
  /** The network came back or the machine woke up: sync at once instead of waiting out the back-off. */
  notifyReconnect(): void;
  /** Stops the poke stream and syncing (a request on the wire finishes and is recorded), then closes the database. */
  close(): Promise<void>;
};

/** Display names are free text on the server; a case record keeps at most what the protocol carries. */
const OPERATOR_MAX = 40;

/**
 * Opens this seat's database (migrating it, loading reference data on first run), wires the
 * services behind every contract method and starts the sync engine. Throws AppError DB_FROM_FUTURE,
 * DB_CORRUPT or DB_READONLY with a message naming the file when the database cannot be used.
 */
export function openSeat(options: SeatOptions): Seat {
  const { log } = options;
  const now = options.now ?? (() => new Date());
  const paths = seatPaths(options.dataDir);
  const db = openStore(paths.db, readMigrations(migrationsDir(options.resourcesDir)), log);
  let kb: SeatKb | null = null;
  const kbSync = kbSyncTrigger({ syncNow: () => void kb?.syncNow() });
  try {
    loadReferenceData(db, options.resourcesDir, log);
    const store = createStore(db, options.secretBox);
    // The seat's sync identity is fixed on first open, before any outbox entry can need it.
    store.transaction(() => store.meta.clientId());
    const events = createSeatEvents();
    const settings = createSettingsService(options.settingsBackend, log);
    const serverUrl = () => settings.get().serverUrl || null;
    const toStatus = (status: SyncEngineStatus): SyncStatus => ({ ...status, serverConfigured: serverUrl() !== null });

    /** Pulled changes are announced like local saves, but must not ask for another sync cycle. */
    let announcingPulled = false;
    const account = accountService({
      store,
      serverUrl,
      now,
      log,
      fetch: options.fetch,
      onOnlineLogin: () => engine.notifyReconnect(),
      onChange: (state) => events.emit('auth:changed', state),
    });
    const engine = createSyncEngine({
      store,
      serverUrl,
      seatCode: () => settings.get().seatCode,
      credentials: { sessionToken: account.sessionToken },
      now,
      log,
      fetch: options.fetch,
      options: options.syncOptions,
      onStatus: (status) => {
        events.emit('sync:statusChanged', toStatus(status));
        kbSync.caseSyncStatus(status);
      },
      onRowsChanged: (ids) => {
        announcingPulled = true;
        try {
          events.emit('inquiry:changed', { ids });
        } finally {
          announcingPulled = false;
        }
      },
    });
    events.on('inquiry:changed', () => {
      if (!announcingPulled) engine.notifyLocalWrite();
    });
    const deviceToken = () => syncMeta(store.meta).deviceToken();
    const poke = createPokeListener({
      serverUrl,
      deviceToken,
      // The server proved reachable and has something new for this seat: run a cycle now, past any back-off.
      onPoke: () => engine.notifyReconnect(),
      // Right after the first login registers this seat, live updates should start within moments;
      // looking again is one sync_meta read.
      idleMs: 2_000,
      log,
      fetch: options.fetch,
    });

    const intakeDeps = {
      store,
      events,
      now,
      log,
      // A logged-in operator signs new cases with their own name; otherwise the name set in settings.
      actor: () => {
        const current = settings.get();
        const user = account.user();
        return {
          seatCode: current.seatCode,
          operator: user?.displayName.slice(0, OPERATOR_MAX) ?? current.operatorName,
          userId: user?.id ?? null,
          role: user?.role ?? null,
        };
      },
      appInfo: {
        version: options.appVersion,
        mode: options.mode,
        dataDir: paths.dataDir,
        dbPath: paths.db,
        logFile: paths.logFile,
        settingsFile: settings.path,
      },
    };
    kb = announcedKb(
      openSeatKb({
        dataDir: paths.dataDir,
        resourcesDir: options.resourcesDir,
        log,
        serverUrl,
        deviceToken,
        fetch: options.fetch,
      }),
      (status) => events.emit('kb:statusChanged', status),
    );
    const serverSession = { serverUrl, sessionToken: account.sessionToken, log, fetch: options.fetch };
    const knowledge = kbService({ kb, ...serverSession });
    const articleWork = kbEditService(serverSession);
    const inquiries = inquiryService(intakeDeps);
    const caseSearch = caseSearchService(serverSession);
    const issues = syncIssues({ store, inquiries, now, onResolved: () => engine.refresh() });
    const handlers: Handlers = {
      ...createIntakeHandlers(intakeDeps, inquiries),
      ...createRefdataHandlers(db),
      ...createKbHandlers(knowledge, articleWork),
      ...createCaseSearchHandlers(caseSearch),
      'settings:get': () => settings.get(),
      'settings:update': (patch) => {
        const before = serverUrl();
        const next = settings.update(patch);
        if (serverUrl() !== before) engine.notifyReconnect();
        return next;
      },
      'sync:status': () => toStatus(engine.status()),
      'sync:now': async () => toStatus(await engine.syncNow()),
      'sync:issues': ({ includeResolved }) => issues.list(includeResolved),
      'sync:resolveIssue': (input) => issues.resolve(input),
      'auth:session': () => account.state(),
      'auth:login': (input) => account.login(input),
      'auth:logout': () => account.logout(),
    };
    engine.start();
    poke.start();

    const mapError = (err: unknown) => mapStoreError(err, paths.db);
    let closing: Promise<void> | null = null;
    return {
      handlers,
      events,
      paths,
      call: (method, input) =>
        dispatch(handlers, method, input, { log, mapError, checkOutput: options.checkOutput ?? false }),
      notifyReconnect: () => engine.notifyReconnect(),
      close() {
        closing ??= Promise.all([poke.stop(), engine.stop()])
          .then(() => undefined)
          .finally(() => {
            kb?.close();
            db.close();
          });
        return closing;
      },
    };
  } catch (err) {
    kb?.close();
    db.close();
    throw mapStoreError(err, paths.db) ?? err;
  }
}
