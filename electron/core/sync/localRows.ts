import { scopeChecksum } from '../../../shared/sync/checksum';
import { ServerInquiry, type Change } from '../../../shared/sync/protocol';
import type { StoredInquiry } from '../db/inquiryRepo';
import type { Store } from '../db/store';
import type { OutboxLedger } from './outboxLedger';

type BaseRow = { id: string; op: Change['op']; row_version: number; data: string | null };

/** Pull changes that carry a row, as opposed to tombstones. */
type Put = Extract<Change, { op: 'PUT' }>;

/**
 * Applies pulled server changes to the seat's cases (DESIGN.md §6 rule 2). Must run inside the
 * transaction that also moves the pull cursor or acknowledges mutations.
 */
export function localRows(store: Store, ledger: OutboxLedger) {
  const { db } = store;
  const local = db.prepare<[string], { rowid: number; version: number; server_version: number | null }>(
    `SELECT rowid, version, server_version FROM inquiry WHERE id = ?`,
  );
  const setServerVersion = db.prepare<[number, string]>(`UPDATE inquiry SET server_version = ? WHERE id = ?`);
  const removeSearch = db.prepare<[number]>(`DELETE FROM inquiry_fts WHERE rowid = ?`);
  const removeRow = db.prepare<[string]>(`DELETE FROM inquiry WHERE id = ?`);
  const removeEvents = db.prepare<[string]>(`DELETE FROM inquiry_event WHERE inquiry_id = ?`);
  const base = db.prepare<[string], BaseRow>(`SELECT id, op, row_version, data FROM inquiry_base WHERE id = ?`);
  const putBase = db.prepare<[string, string, number, string | null, string]>(
    `INSERT INTO inquiry_base (id, op, row_version, data, pulled_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET op = excluded.op, row_version = excluded.row_version, data = excluded.data,
       pulled_at = excluded.pulled_at
     WHERE excluded.row_version > inquiry_base.row_version`,
  );
  const dropBase = db.prepare<[string]>(`DELETE FROM inquiry_base WHERE id = ?`);
  const forgetVersions = db.prepare(`UPDATE inquiry SET server_version = NULL WHERE server_version IS NOT NULL`);
  const dropAllBases = db.prepare(`DELETE FROM inquiry_base`);
  const serverVersions = db.prepare<[], { id: string; rowVersion: number }>(
    `SELECT id, server_version AS rowVersion FROM inquiry WHERE server_version IS NOT NULL`,
  );
  const waitingCount = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM inquiry_base`);
  const pendingCount = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM outbox WHERE acked_at IS NULL`);
  /** Cases whose visible row changed since the last `drainChanged`, so the windows can refresh them. */
  const changed = new Set<string>();

  function upsert(change: Put): void {
    const row = local.get(change.id);
    if (row?.server_version != null && change.rowVersion <= row.server_version) return;
    const pulled: StoredInquiry = { ...change.data };
    if (!row) {
      store.search.put(store.inquiries.insert(pulled), pulled);
      changed.add(change.id);
    } else {
      const current = store.inquiries.get(change.id);
      // An echo of what this seat already shows keeps its version, so an edit form open on it stays valid.
      if (current && !sameContent(current, pulled)) {
        const next = { ...pulled, version: row.version + 1 };
        store.inquiries.update(next, row.version);
        store.search.put(row.rowid, next);
        changed.add(change.id);
      }
    }
    setServerVersion.run(change.rowVersion, change.id);
  }

  function remove(id: string): void {
    const row = local.get(id);
    if (!row) return;
    // The row goes first so the timeline's append-only trigger lets its events follow; the foreign
    // key from inquiry_event is checked at commit, when both are gone.
    db.pragma('defer_foreign_keys = ON');
    removeSearch.run(row.rowid);
    removeRow.run(id);
    removeEvents.run(id);
    changed.add(id);
  }

  function applyNow(change: Change): void {
    if (change.op === 'PUT') upsert(change);
    else remove(change.id);
  }

  /** Events the case has on the server and not here yet (the row must exist: events reference it). */
  function addTimeline(change: Put): void {
    if (!local.get(change.id)) return;
    let added = false;
    for (const e of change.events) if (e.inquiryId === change.id && store.events.addPulled(e)) added = true;
    if (added) changed.add(change.id);
  }

  return {
    /**
     * A row with un-acked local mutations is never overwritten: the server copy waits in
     * inquiry_base until they are acked (see `settle`).
     */
    apply(change: Change, pulledAt: string): void {
      if (ledger.hasPending(change.id)) {
        putBase.run(
          change.id,
          change.op,
          change.rowVersion,
          change.op === 'PUT' ? JSON.stringify(change.data) : null,
          pulledAt,
        );
        if (change.op === 'PUT') addTimeline(change);
        return;
      }
      dropBase.run(change.id);
      applyNow(change);
      if (change.op === 'PUT') addTimeline(change);
    },
    /**
     * Row versions from before a server restore mean nothing to the restored server: forget them,
     * so the re-pull from cursor 0 brings every row back, whatever version it now has.
     */
    forgetServerVersions(): void {
      forgetVersions.run();
      dropAllBases.run();
    },
    /** The newest server copy of a case that waits for this seat's un-acked edits of it, if any. */
    waitingCopy(id: string): ServerInquiry | null {
      const waiting = base.get(id);
      if (waiting?.op !== 'PUT' || !waiting.data) return null;
      return ServerInquiry.parse(JSON.parse(waiting.data));
    },
    /**
     * This seat's copy of the server's rows as the pull checksum counts them (shared/sync/checksum),
     * or null while un-acked edits or waiting server copies make a difference expected.
     */
    checksum(): { count: number; hash: string } | null {
      if (pendingCount.get()!.n > 0 || waitingCount.get()!.n > 0) return null;
      return scopeChecksum(serverVersions.iterate());
    },
    drainChanged(): string[] {
      const ids = [...changed];
      changed.clear();
      return ids;
    },
    /** Once a case has no un-acked mutations left, the newest server copy that waited for it is applied. */
    settle(id: string): void {
      const waiting = base.get(id);
      if (!waiting || ledger.hasPending(id)) return;
      dropBase.run(id);
      applyNow(toChange(waiting));
    },
  };
}

function toChange(row: BaseRow): Change {
  if (row.op === 'PUT') {
    const data = ServerInquiry.parse(JSON.parse(row.data ?? 'null'));
    return { seq: 0, op: 'PUT', id: row.id, rowVersion: row.row_version, data, events: [] };
  }
  return { seq: 0, op: row.op, id: row.id, rowVersion: row.row_version };
}

function sameContent(a: StoredInquiry, b: StoredInquiry): boolean {
  const keys = Object.keys(b) as (keyof StoredInquiry)[];
  return keys.every((k) => k === 'version' || a[k] === b[k]);
}
