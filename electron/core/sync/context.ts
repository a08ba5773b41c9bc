import { MAX_PUSH_MUTATIONS } from '../../../shared/sync/protocol';
import type { Store } from '../db/store';
import type { Logger } from '../log/logger';
import type { SyncHttpClient } from './httpClient';
import type { IssueRepo } from './issueRepo';
import type { localRows } from './localRows';
import type { OutboxLedger } from './outboxLedger';
import type { SyncMeta } from './syncMeta';

export type SyncOptions = {
  /** Regular cycle when all is well. */
  intervalMs: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  requestTimeoutMs: number;
  pushBatchSize: number;
  pullLimit: number;
  /** Bounds one cycle's pulling so a huge backlog cannot starve pushes of new writes. */
  maxPullPagesPerCycle: number;
  /** Acked mutations are kept this long, to re-send them to a server restored from an older backup. */
  retentionDays: number;
};

export const DEFAULT_SYNC_OPTIONS: SyncOptions = {
  intervalMs: 30_000,
  backoffBaseMs: 2_000,
  backoffCapMs: 5 * 60_000,
  requestTimeoutMs: 20_000,
  pushBatchSize: MAX_PUSH_MUTATIONS,
  pullLimit: 1000,
  maxPullPagesPerCycle: 50,
  retentionDays: 30,
};

/** Everything one push or pull step works with. */
export type SyncContext = {
  store: Store;
  meta: SyncMeta;
  ledger: OutboxLedger;
  issues: IssueRepo;
  rows: ReturnType<typeof localRows>;
  http: SyncHttpClient;
  now: () => Date;
  log: Logger;
  options: SyncOptions;
};
