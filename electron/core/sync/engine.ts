import type { Store } from '../db/store';
import type { Logger } from '../log/logger';
import { backoff } from './backoff';
import { DEFAULT_SYNC_OPTIONS, type SyncContext, type SyncOptions } from './context';
import { noteEpoch } from './epoch';
import { syncHttpClient, type FetchFn } from './httpClient';
import { issueRepo } from './issueRepo';
import { localRows } from './localRows';
import { outboxLedger } from './outboxLedger';
import { pullStream } from './puller';
import { MESSAGES, readStatus, type EngineFlags, type SyncEngineStatus } from './status';
import { syncMeta } from './syncMeta';
import { realTimers, type Timers } from './timers';
import { pushOnce, type Failure } from './uploader';

export type SyncEngineDeps = {
  store: Store;
  /** Read at every cycle, so a changed setting takes effect without a restart; null = not configured. */
  serverUrl: () => string | null;
  seatCode: () => string;
  /** A logged-in operator's session token, used once to register this seat as a device. */
  credentials: { sessionToken: () => string | null };
  now: () => Date;
  log: Logger;
  onStatus?: (status: SyncEngineStatus) => void;
  /** Cases a pull (or a settled ack) changed on this seat, after the cycle that changed them. */
  onRowsChanged?: (ids: string[]) => void;
  fetch?: FetchFn;
  timers?: Timers;
  random?: () => number;
  options?: Partial<SyncOptions>;
};

type CycleEnd = 'ok' | 'failed' | 'halted';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Pushes per cycle before it moves on to pulling; each push is at most pushBatchSize mutations. */
const MAX_PUSHES_PER_CYCLE = 100;

/**
 * The seat's sync engine (DESIGN.md §6). Level-triggered: the timer, a new local write, a reconnect
 * and "立即同步" all ask for a cycle; one cycle runs at a time and covers everything pending when it
 * runs. A cycle pushes the outbox, then pulls. Failures back off exponentially with jitter.
 */
export function createSyncEngine(deps: SyncEngineDeps) {
  const options = { ...DEFAULT_SYNC_OPTIONS, ...deps.options };
  const timers = deps.timers ?? realTimers;
  const fetchFn = deps.fetch ?? ((input: string, init: RequestInit) => fetch(input, init));
  const meta = syncMeta(deps.store.meta);
  const ledger = outboxLedger(deps.store.db);
  const issues = issueRepo(deps.store.db);
  const rows = localRows(deps.store, ledger);
  const retry = backoff({
    baseMs: options.backoffBaseMs,
    capMs: options.backoffCapMs,
    random: deps.random ?? Math.random,
  });

  const flags: EngineFlags = { online: false, syncing: false, lastError: null, needsUpgrade: false, needsLogin: false };
  let started = false;
  let wanted = false;
  /** Asked for by the operator or a reconnect while a cycle ran: one more try even if that cycle failed. */
  let urgent = false;
  let draining: Promise<void> | null = null;
  let timer: unknown = null;
  let lastEmitted = '';

  function status(): SyncEngineStatus {
    return readStatus(deps.store, meta, issues, flags);
  }

  function emit(): void {
    const next = status();
    const key = JSON.stringify(next);
    if (key === lastEmitted) return;
    lastEmitted = key;
    try {
      deps.onStatus?.(next);
    } catch (err) {
      // A listener's bug must not stop syncing; it is logged and the next change is emitted again.
      deps.log.error({ err: err instanceof Error ? err.message : String(err) }, 'sync status listener failed');
    }
  }

  function schedule(ms: number): void {
    if (timer !== null) timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      timer = null;
      request();
    }, ms);
  }

  function request(now = false): void {
    if (!started || flags.needsUpgrade) return;
    wanted = true;
    urgent ||= now;
    draining ??= drain().finally(() => {
      draining = null;
      // Asked for between the loop's last check and here: nobody else would pick it up.
      if (wanted) request();
    });
  }

  async function drain(): Promise<void> {
    while (wanted && started) {
      wanted = false;
      urgent = false;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      const end = await cycle();
      if (!started) return;
      if (end === 'failed' && !urgent) {
        // New writes wait for the back-off timer, which asks again.
        wanted = false;
        schedule(retry.fail());
        return;
      }
      if (end === 'ok') retry.reset();
      if (end === 'failed') retry.fail();
      if (flags.needsUpgrade) {
        wanted = false;
        return;
      }
    }
    if (started) schedule(options.intervalMs);
  }

  async function cycle(): Promise<CycleEnd> {
    flags.syncing = true;
    emit();
    try {
      return await runCycle();
    } catch (err) {
      // A bug (or a storage error) in one cycle must not kill the engine: log it and retry later.
      deps.log.error(
        { err: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err) },
        'sync cycle failed',
      );
      flags.lastError = '同步时发生内部错误，已记录日志，稍后会自动重试';
      return 'failed';
    } finally {
      flags.syncing = false;
      announceRows();
      emit();
    }
  }

  function announceRows(): void {
    const ids = rows.drainChanged();
    if (ids.length === 0) return;
    try {
      deps.onRowsChanged?.(ids);
    } catch (err) {
      // The rows are committed; a window that failed to hear of it refreshes on its next read.
      deps.log.error({ err: err instanceof Error ? err.message : String(err) }, 'rows-changed listener failed');
    }
  }

  async function runCycle(): Promise<CycleEnd> {
    const url = deps.serverUrl();
    if (!url) {
      flags.lastError = MESSAGES.noServer;
      return 'halted';
    }
    const ctx: SyncContext = {
      store: deps.store,
      meta,
      ledger,
      issues,
      rows,
      http: syncHttpClient({ baseUrl: url, fetch: fetchFn, timeoutMs: options.requestTimeoutMs }),
      now: deps.now,
      log: deps.log,
      options,
    };
    const device = await deviceToken(ctx);
    if ('end' in device) return device.end;
    const { token } = device;
    const pushed = await pushAll(ctx, token);
    // Other seats' changes keep flowing while this seat's queue is refused or stuck; only an
    // unreachable server, a refused login or a required upgrade ends the cycle before pulling.
    if (pushed === 'halted' || (pushed === 'failed' && !flags.online)) return pushed;
    const pulled = await pullStream(ctx, 'inquiries', token);
    if (pulled.kind === 'failed') return failed(pulled.failure);
    if (pulled.epochChanged || pulled.more) wanted = true;
    if (pushed !== 'ok') return pushed;
    succeeded();
    return 'ok';
  }

  async function pushAll(ctx: SyncContext, token: string): Promise<CycleEnd> {
    for (let i = 0; i < MAX_PUSHES_PER_CYCLE; i++) {
      const step = await pushOnce(ctx, token);
      if (step.kind === 'idle') break;
      if (step.kind === 'failed') return failed(step.failure);
      flags.online = true;
      if (step.kind === 'stuck') {
        flags.lastError = step.message;
        return 'failed';
      }
      emit();
    }
    return 'ok';
  }

  /** The stored device token, or a new one from registering with the logged-in operator's session. */
  async function deviceToken(ctx: SyncContext): Promise<{ token: string } | { end: CycleEnd }> {
    const stored = meta.deviceToken();
    if (stored) return { token: stored };
    const session = deps.credentials.sessionToken();
    if (!session) {
      flags.needsLogin = true;
      flags.lastError = MESSAGES.needsLogin;
      return { end: 'halted' };
    }
    const outcome = await ctx.http.registerDevice(
      { clientId: meta.clientId(), installNonce: meta.installNonce(), seatCode: deps.seatCode() },
      session,
    );
    if (outcome.kind !== 'ok') return { end: failed(outcome) };
    deps.store.transaction(() => {
      meta.setDeviceToken(outcome.value.deviceToken);
      noteEpoch(ctx, outcome.value.epoch);
    });
    flags.needsLogin = false;
    return { token: outcome.value.deviceToken };
  }

  function failed(failure: Failure): CycleEnd {
    switch (failure.kind) {
      case 'offline':
        flags.online = false;
        flags.lastError = MESSAGES.offline;
        deps.log.info({ reason: failure.reason }, 'sync server unreachable');
        return 'failed';
      case 'unauthorized':
        // The device token is no longer valid; the next login registers the seat again.
        meta.setDeviceToken(null);
        flags.online = true;
        flags.needsLogin = true;
        flags.lastError = MESSAGES.needsLogin;
        return 'halted';
      case 'upgrade':
        flags.online = true;
        flags.needsUpgrade = true;
        flags.lastError = MESSAGES.needsUpgrade;
        deps.log.warn('server does not support this seat protocol version: syncing stopped, outbox kept');
        return 'halted';
      case 'outOfOrder':
      case 'unavailable':
        flags.online = true;
        flags.lastError = MESSAGES.unavailable(failure.kind === 'unavailable' ? failure.message : 'OUT_OF_ORDER');
        deps.log.warn({ failure: failure.kind }, 'sync server could not serve the request');
        return 'failed';
      case 'refused':
        flags.online = true;
        flags.lastError = MESSAGES.refused(failure.code, failure.message);
        deps.log.warn({ status: failure.status, code: failure.code }, 'sync request refused');
        return 'failed';
    }
  }

  function succeeded(): void {
    const now = deps.now();
    deps.store.transaction(() => {
      meta.setLastSyncAt(now.toISOString());
      ledger.pruneAckedBefore(new Date(now.getTime() - options.retentionDays * DAY_MS).toISOString());
    });
    flags.online = true;
    flags.needsLogin = false;
    flags.lastError = null;
  }

  return {
    start(): void {
      if (started) return;
      started = true;
      emit();
      request();
    },
    /** Stops scheduling; a request already on the wire finishes (its answer is still recorded) and nothing follows it. */
    async stop(): Promise<void> {
      started = false;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      await draining;
    },
    /** "立即同步": runs a cycle now, past any back-off, and resolves with the status after it. */
    async syncNow(): Promise<SyncEngineStatus> {
      if (started && !flags.needsUpgrade) {
        flags.needsLogin = false;
        request(true);
        await draining;
      }
      return status();
    },
    /** A save committed a new outbox entry. During back-off it waits for the retry timer. */
    notifyLocalWrite(): void {
      emit();
      if (retry.failures === 0) request();
    },
    /** The network came back (or changed): forget the back-off and try at once. */
    notifyReconnect(): void {
      retry.reset();
      request(true);
    },
    /** Something outside the engine changed what the status shows (e.g. an issue was resolved). */
    refresh(): void {
      emit();
    },
    /** Resolves when no cycle is running (tests, and the shell before it closes the database). */
    async whenIdle(): Promise<void> {
      while (draining) await draining;
    },
    status,
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
