import path from 'node:path';
import { loadKbAnalyzer } from '../../../shared/node/kb/analyzer';
import { type KbIndex } from '../../../shared/node/kb/kbIndex';
import type { Logger } from '../log/logger';
import type { FetchFn } from '../sync/httpClient';
import { realTimers, type Timers } from '../sync/timers';
import { openActiveKb, removeUnreferencedFiles, type ActiveKb } from './replica/activeKb';
import { deltaSeq } from './replica/deltas';
import { type ReplicaHooks } from './replica/hooks';
import { writePointer } from './replica/pointer';
import { createReplicator, DEFAULT_REPLICA_OPTIONS, type ReplicaOptions } from './replica/replicator';
import { removeStaging } from './replica/staging';

/** What the rest of the seat uses of the knowledge base. */
export interface SeatKb {
  /** The KB searched right now (the old one stays until a new snapshot is verified and swapped in). */
  current(): KbIndex;
  status(): {
    articleCount: number;
    snapshotId: string | null;
    deltaSeq: number;
    source: 'bundled' | 'server';
    syncing: boolean;
    lastError: string | null;
  };
  /** One replication step now (snapshot if needed, then deltas); resolves when done or failed (status().lastError). */
  syncNow(): Promise<void>;
  close(): void;
}

export type SeatKbOptions = {
  dataDir: string;
  resourcesDir: string;
  log: Logger;
  serverUrl: () => string | null;
  deviceToken: () => string | null;
  fetch?: FetchFn;
};

/** Tests: stop points, timing and thresholds of the replica. */
export type SeatKbTestOptions = {
  hooks?: ReplicaHooks;
  timers?: Timers;
  random?: () => number;
  replica?: Partial<ReplicaOptions>;
};

/** Opens `<dataDir>/kb/` — the active KB file, or builds the bundled demo KB from `<resourcesDir>/data/kb/kb.jsonl` on first start. */
export function openSeatKb(opts: SeatKbOptions, test: SeatKbTestOptions = {}): SeatKb {
  const kbDir = path.join(opts.dataDir, 'kb');
  const analyzer = loadKbAnalyzer(path.join(opts.resourcesDir, 'data'));
  let active: ActiveKb = openActiveKb({ kbDir, resourcesDir: opts.resourcesDir, analyzer, log: opts.log });
  let articleCount = active.index.count();

  const replicator = createReplicator({
    kbDir,
    analyzer,
    log: opts.log,
    serverUrl: opts.serverUrl,
    deviceToken: opts.deviceToken,
    fetch: opts.fetch ?? ((input, init) => fetch(input, init)),
    active: () => active,
    swap(next) {
      // The pointer is the commit point: once it is on disk a restart opens the new KB.
      try {
        writePointer(kbDir, next.pointer);
      } catch (err) {
        next.index.close();
        throw err;
      }
      const old = active;
      active = next;
      articleCount = next.index.count();
      old.index.close();
      removeUnreferencedFiles(kbDir, next.pointer.file);
      removeStaging(kbDir);
    },
    changed: () => {
      articleCount = active.index.count();
    },
    hooks: test.hooks ?? {},
    timers: test.timers ?? realTimers,
    random: test.random ?? Math.random,
    options: { ...DEFAULT_REPLICA_OPTIONS, ...test.replica },
  });

  return {
    current: () => active.index,
    status: () => ({
      articleCount,
      snapshotId: active.pointer.snapshotId,
      deltaSeq: deltaSeq(active.index),
      source: active.pointer.source,
      syncing: replicator.syncing(),
      lastError: replicator.lastError(),
    }),
    syncNow: () => replicator.syncNow(),
    close() {
      replicator.close();
      active.index.close();
    },
  };
}
