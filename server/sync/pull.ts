import { type Scope } from '../../shared/sync/auth';
import { type InquiryEvent } from '../../shared/domain/inquiry';
import { type Change, MAX_EVENTS_PER_CASE, type PullResponse, ServerInquiry } from '../../shared/sync/protocol';
import { inScope } from '../../shared/sync/reducer';
import { type Store } from '../store/openStore';
import { scopeChecksumOf } from '../store/scopeDigests';
import { scopeCondition } from '../store/syncRepo';

export interface PullPage {
  cursor: number;
  limit: number;
}

/**
 * Changes after `cursor` in the caller's scope, in commit order (DESIGN.md §6 rule 2). Each carries
 * the row as it is now, so re-applying a page is idempotent; a row that has since left the scope is
 * sent as SCOPE_OUT instead of its data.
 */
export async function pullInquiries(store: Store, scope: Scope, page: PullPage): Promise<Omit<PullResponse, 'epoch'>> {
  const { db } = store;
  // Read the high-water mark first: every change at or below it has committed (appends are serialised),
  // so a seat whose scope had nothing new can move its cursor past other seats' changes instead of
  // scanning them again on every poll.
  const latest = Number(
    (
      await db
        .selectFrom('change_log')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .executeTakeFirst()
    )?.seq ?? 0,
  );
  const log = await db
    .selectFrom('change_log')
    .select(['seq', 'entity_id'])
    .where('stream', '=', 'inquiries')
    .where('seq', '>', page.cursor)
    .where('seq', '<=', latest)
    .where(scopeCondition(scope))
    .orderBy('seq')
    .limit(page.limit + 1)
    .execute();
  const hasMore = log.length > page.limit;
  const entries = log.slice(0, page.limit);
  const nextCursor = hasMore ? Number(entries[entries.length - 1]!.seq) : Math.max(page.cursor, latest);

  // Only the last change per case in a page matters: each carries the current row anyway.
  const lastSeqOf = new Map<string, number>();
  for (const e of entries) lastSeqOf.set(e.entity_id, Number(e.seq));
  const ids = [...lastSeqOf.keys()];
  const rows =
    ids.length === 0
      ? []
      : await db.selectFrom('inquiry').select(['id', 'data', 'row_version']).where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const timelines = await timelinesOf(store, ids);
  const changes: Change[] = [];
  for (const [id, seq] of [...lastSeqOf].sort((x, y) => x[1] - y[1])) {
    const row = byId.get(id);
    const rowVersion = Number(row?.row_version ?? 0);
    const data = row && ServerInquiry.parse(JSON.parse(row.data));
    if (!data) changes.push({ seq, op: 'DELETE', id, rowVersion });
    else if (!inScope(data, scope)) changes.push({ seq, op: 'SCOPE_OUT', id, rowVersion });
    else changes.push({ seq, op: 'PUT', id, rowVersion, data, events: timelines.get(id) ?? [] });
  }

  const checksum = await scopeChecksumOf(db, scope);
  return { stream: 'inquiries', changes, nextCursor, hasMore, checksum };
}

/** Each case's timeline in the order the server stored it, at most the newest MAX_EVENTS_PER_CASE. */
async function timelinesOf(store: Store, ids: readonly string[]): Promise<Map<string, InquiryEvent[]>> {
  const out = new Map<string, InquiryEvent[]>();
  if (ids.length === 0) return out;
  const rows = await store.db
    .selectFrom('inquiry_event')
    .select(['inquiry_id', 'data'])
    .where('inquiry_id', 'in', ids)
    .orderBy('server_seq')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const list = out.get(row.inquiry_id) ?? [];
    list.push(JSON.parse(row.data) as InquiryEvent);
    out.set(row.inquiry_id, list);
  }
  for (const [id, list] of out) if (list.length > MAX_EVENTS_PER_CASE) out.set(id, list.slice(-MAX_EVENTS_PER_CASE));
  return out;
}
