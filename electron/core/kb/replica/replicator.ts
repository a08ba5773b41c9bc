import { createHash } from 'node:crypto';
import { canonicalManifestText, type KbSnapshotManifest } from '../../../../shared/sync/kbSnapshot';
import { type KbAnalyzer } from '../../../../shared/node/kb/analyzer';
import type { Logger } from '../../log/logger';
import { backoff } from '../../sync/backoff';
import type { FetchFn } from '../../sync/httpClient';
import { type Timers } from '../../sync/timers';
import { type ActiveKb } from './activeKb';
import { deltaSeq, pullDeltas } from './deltas';
import { type ReplicaHooks } from './hooks';
import { installSnapshot } from './installSnapshot';
import { kbHttpClient, type KbHttpClient, type KbOutcome } from './kbHttp';
import { REPLICA_MESSAGES } from './messages';

export type ReplicaOptions = {
  requestTimeoutMs: number;
  deltaPageLimit: number;
  maxDeltaPagesPerStep: number;
  /** A seat further behind the server's snapshot than this many feed changes downloads it instead of replaying deltas. */
  catchUpThreshold: number;
  backoffBaseMs: number;
  backoffCapMs: number;
};

export const DEFAULT_REPLICA_OPTIONS: ReplicaOptions = {
  requestTimeoutMs: 60_000,
  deltaPageLimit: 500,
  maxDeltaPagesPerStep: 200,
  catchUpThreshold: 5_000,
  backoffBaseMs: 5_000,
  backoffCapMs: 15 * 60_000,
};

export type ReplicatorDeps = {
  kbDir: string;
  analyzer: KbAnalyzer;
  log: Logger;
  serverUrl: () => string | null;
  deviceToken: () => string | null;
  fetch: FetchFn;
  active: () => ActiveKb;
  /** Makes `next` the KB searched from now on (pointer first, then memory); the old one is closed. */
  swap: (next: ActiveKb) => void;
  /** A delta page changed the active KB. */
  changed: () => void;
  hooks: ReplicaHooks;
  timers: Timers;
  random: () => number;
  options: ReplicaOptions;
};

/** KbIndex meta key: the epoch of the server database the snapshot and the delta cursor came from. */
const EPOCH_META = 'replica.epoch';

type StepEnd = { ok: true } | { ok: false; message: string; retry: boolean };

/**
 * One replication step at a time: manifest → snapshot if this seat needs one → delta pages. Search
 * never waits for it: the active KB is only replaced by a synchronous swap once the new one is verified.
 * A failed step retries on its own with capped exponential back-off and jitter.
 */
export function createReplicator(deps: ReplicatorDeps) {
  const retry = backoff({ baseMs: deps.options.backoffBaseMs, capMs: deps.options.backoffCapMs, random: deps.random });
  let running: Promise<void> | null = null;
  let timer: unknown = null;
  let closed = false;
  let lastError: string | null = null;
  const stillWanted = () => !closed;

  async function run(): Promise<void> {
    let end: StepEnd;
    try {
      end = await step();
    } catch (err) {
      // A bug or a disk error must not take search down: whichever KB is active stays usable; log and retry later.
      deps.log.error(
        { err: err instanceof Error ? { message: err.message, stack: err.stack } : String(err) },
        'KB replication failed',
      );
      end = { ok: false, message: REPLICA_MESSAGES.internal, retry: true };
    }
    if (closed) return;
    lastError = end.ok ? null : end.message;
    if (end.ok) retry.reset();
    else if (end.retry) timer = deps.timers.setTimeout(() => void syncNow(), retry.fail());
  }

  async function step(): Promise<StepEnd> {
    const url = deps.serverUrl();
    if (!url) return { ok: false, message: REPLICA_MESSAGES.noServer, retry: false };
    const token = deps.deviceToken();
    if (!token) return { ok: false, message: REPLICA_MESSAGES.notRegistered, retry: false };
    const http = kbHttpClient({ baseUrl: url, fetch: deps.fetch, token, timeoutMs: deps.options.requestTimeoutMs });

    const got = await http.manifest();
    if (got.kind !== 'ok') return failed(got);
    if (closed) return { ok: true };
    const { manifest, epoch } = got.value;
    if (!manifestIdMatches(manifest)) return { ok: false, message: REPLICA_MESSAGES.corrupt, retry: true };
    if (wantsSnapshot(manifest, epoch)) {
      const installed = await snapshot(http, manifest, epoch);
      if (!installed.ok) return installed;
    }
    if (closed) return { ok: true };
    const pulled = await pullDeltas(() => deps.active().index, http, {
      limit: deps.options.deltaPageLimit,
      maxPages: deps.options.maxDeltaPagesPerStep,
      hooks: deps.hooks,
      stillWanted,
    });
    if (pulled.kind !== 'done') return failed(pulled);
    if (pulled.pages > 0) deps.changed();
    if (pulled.more) timer = deps.timers.setTimeout(() => void syncNow(), 0);
    return { ok: true };
  }

  function wantsSnapshot(manifest: KbSnapshotManifest, epoch: string | null): boolean {
    const { index, pointer } = deps.active();
    // A restored or recreated server counts its feed again from an older seq: this seat's cursor means nothing there.
    const epochChanged = pointer.source === 'server' && epoch !== null && index.getMeta(EPOCH_META) !== epoch;
    if (manifest.snapshotId === pointer.snapshotId && !epochChanged) return false;
    if (manifest.analyzerVersion !== deps.analyzer.version) {
      // Indexed by another dictionary: unusable without re-indexing. Deltas from this seat's cursor
      // (from the start for the bundled KB) are indexed here instead, and nothing is lost.
      deps.log.warn({ server: manifest.analyzerVersion, seat: deps.analyzer.version }, 'KB snapshot analyzer differs');
      return false;
    }
    return (
      pointer.source === 'bundled' ||
      epochChanged ||
      index.analyzerVersion !== deps.analyzer.version ||
      manifest.feedSeq - deltaSeq(index) > deps.options.catchUpThreshold
    );
  }

  async function snapshot(http: KbHttpClient, manifest: KbSnapshotManifest, epoch: string | null): Promise<StepEnd> {
    const started = Date.now();
    const end = await installSnapshot(
      { kbDir: deps.kbDir, analyzer: deps.analyzer, http, hooks: deps.hooks, stillWanted },
      manifest,
    );
    if (end.kind === 'installed') {
      if (closed) {
        end.next.index.close();
        return { ok: true };
      }
      try {
        if (epoch !== null) end.next.index.setMeta(EPOCH_META, epoch);
      } catch (err) {
        end.next.index.close();
        throw err;
      }
      deps.swap(end.next);
      deps.hooks.at?.({ stage: 'swapped' });
      deps.log.info(
        { snapshotId: manifest.snapshotId, articles: manifest.articleCount, ms: Date.now() - started },
        'KB snapshot installed',
      );
      return { ok: true };
    }
    if (end.kind === 'corrupt') {
      deps.log.warn(
        { snapshotId: manifest.snapshotId, reason: 'reason' in end ? end.reason : `chunk ${end.index}` },
        'KB snapshot refused',
      );
      return { ok: false, message: REPLICA_MESSAGES.corrupt, retry: true };
    }
    if (end.kind === 'done') return { ok: true };
    return failed(end);
  }

  function failed(outcome: Exclude<KbOutcome<never>, { kind: 'ok' }>): StepEnd {
    switch (outcome.kind) {
      case 'offline':
        return { ok: false, message: REPLICA_MESSAGES.offline, retry: !closed };
      case 'unauthorized':
        return { ok: false, message: REPLICA_MESSAGES.notRegistered, retry: false };
      case 'gone':
        // The snapshot was replaced while downloading: the next step reads the new manifest.
        return { ok: false, message: REPLICA_MESSAGES.replaced, retry: true };
      case 'failed':
        deps.log.warn({ status: outcome.status }, 'KB server could not serve the request');
        return { ok: false, message: REPLICA_MESSAGES.unavailable(outcome.message), retry: true };
    }
  }

  function syncNow(): Promise<void> {
    if (closed) return Promise.resolve();
    if (timer !== null) deps.timers.clearTimeout(timer);
    timer = null;
    running ??= run().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    syncNow,
    syncing: () => running !== null,
    lastError: () => lastError,
    close(): void {
      closed = true;
      if (timer !== null) deps.timers.clearTimeout(timer);
      timer = null;
    },
  };
}

function manifestIdMatches(manifest: KbSnapshotManifest): boolean {
  const { snapshotId, ...body } = manifest;
  return createHash('sha256').update(canonicalManifestText(body)).digest('hex') === snapshotId;
}
