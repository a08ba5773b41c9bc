import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { MethodName } from '../../shared/contract/channels';
import type { In, Out } from '../../shared/contract/contract';
import { openStore } from '../../electron/core/db/open';
import { createStore, type Store } from '../../electron/core/db/store';
import { shippedMigrations } from '../../electron/core/db/tempStore';
import { createSeatEvents } from '../../electron/core/events';
import { createIntakeHandlers } from '../../electron/core/intake/handlers';
import { silentLogger } from '../../electron/core/log/logger';
import { dispatch } from '../../electron/core/rpc/dispatch';
import type { Handlers } from '../../electron/core/rpc/handlers';
import { createSyncEngine, type SyncEngine } from '../../electron/core/sync/engine';
import { manualTimers } from '../../electron/core/sync/testing/manualTimers';
import type { SeatLink } from './network';
import { coverage } from './coverage';
import { copySeatTemplate } from './templates';

const MIGRATIONS = shippedMigrations();
const SERVER_URL = 'http://sync.sim';

export type SeatIdentity = { seatCode: string; operator: string; session: string };

/** The seat's wall clock: wrong by a per-seat offset and jumping as the script says (P11). */
export type SeatClock = { now: Date };

/**
 * One seat on its own database file: the real intake services behind the real dispatcher and the real
 * sync engine on manual timers. `kill` drops everything in memory, as kill -9 would; `reopen` starts
 * again from the file.
 */
export function openSimSeat(dir: string, who: SeatIdentity, link: SeatLink, clock: SeatClock) {
  const file = path.join(dir, `${who.seatCode}.db`);
  if (!fs.existsSync(file)) copySeatTemplate(file);
  let open = boot();

  function boot() {
    const db: Database.Database = openStore(file, MIGRATIONS, silentLogger());
    const store: Store = createStore(db);
    const handlers = createIntakeHandlers({
      store,
      events: createSeatEvents(),
      now: () => clock.now,
      log: silentLogger(),
      actor: () => ({ seatCode: who.seatCode, operator: who.operator }),
      appInfo: {
        version: 'sim',
        mode: 'browser',
        dataDir: dir,
        dbPath: file,
        logFile: path.join(dir, 'core.log'),
        settingsFile: path.join(dir, 'settings.json'),
      },
    }) as Handlers;
    const timers = manualTimers();
    const engine: SyncEngine = createSyncEngine({
      store,
      serverUrl: () => SERVER_URL,
      seatCode: () => who.seatCode,
      credentials: { sessionToken: () => who.session },
      now: () => clock.now,
      log: silentLogger(),
      fetch: link.fetch,
      timers: timers.timers,
      random: () => 0.5,
      options: { pushBatchSize: 3, pullLimit: 2, maxPullPagesPerCycle: 3 },
    });
    engine.start();
    return { db, store, handlers, engine, timers };
  }

  return {
    who,
    link,
    clock,
    store: () => open.store,
    engine: () => open.engine,
    async call<M extends MethodName>(method: M, input: In<M>): Promise<Out<M> | null> {
      const result = await dispatch(open.handlers, method, input, { log: silentLogger(), checkOutput: true });
      if (!result.ok) return null;
      open.engine.notifyLocalWrite();
      return result.value as Out<M>;
    },
    /** Commits like `call` but the seat dies before the engine hears of it (crash between local commit and push). */
    async callThenKill<M extends MethodName>(method: M, input: In<M>): Promise<Out<M> | null> {
      const result = await dispatch(open.handlers, method, input, { log: silentLogger(), checkOutput: true });
      await this.kill();
      return result.ok ? (result.value as Out<M>) : null;
    },
    async idle(): Promise<void> {
      await open.engine.whenIdle();
    },
    /** Lets the engine's back-off and interval timers fire, as time passing would. */
    async tick(ms: number): Promise<void> {
      open.timers.advance(ms);
      await open.engine.whenIdle();
    },
    async kill(): Promise<void> {
      coverage.seatKills += 1;
      link.crashed = true;
      await open.engine.stop();
      open.db.close();
      link.crashed = false;
      open = boot();
      await open.engine.whenIdle();
    },
    async close(): Promise<void> {
      await open.engine.stop();
      open.db.close();
    },
  };
}

export type SimSeat = ReturnType<typeof openSimSeat>;
