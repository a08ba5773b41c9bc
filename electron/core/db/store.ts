import type Database from 'better-sqlite3';
import { callerRepo } from './callerRepo';
import { caseCounterRepo } from './caseCounterRepo';
import { draftRepo } from './draftRepo';
import { eventRepo } from './eventRepo';
import { inquiryQueries } from './inquiryQueries';
import { inquiryRepo } from './inquiryRepo';
import { outboxRepo } from './outboxRepo';
import { searchIndex } from './searchIndex';
import type { SecretBox } from '../secrets/secretBox';
import { syncMetaRepo } from './syncMetaRepo';

/** Every repository of an open seat database, prepared once, plus the one way to group writes. */
export function createStore(db: Database.Database, secrets?: SecretBox) {
  const meta = syncMetaRepo(db, secrets);
  return {
    db,
    inquiries: inquiryRepo(db),
    queries: inquiryQueries(db),
    events: eventRepo(db),
    callers: callerRepo(db),
    drafts: draftRepo(db),
    meta,
    outbox: outboxRepo(db, meta),
    counters: caseCounterRepo(db),
    search: searchIndex(db),
    /** Runs `fn` in one transaction: all of its writes commit together or none do. */
    transaction<T>(fn: () => T): T {
      return db.transaction(fn)();
    },
  };
}

export type Store = ReturnType<typeof createStore>;
