import { sql } from 'kysely';
import type { InquiryEvent } from '../../shared/domain/inquiry';
import { MutationResult } from '../../shared/sync/protocol';
import type { ServerRow } from '../../shared/sync/reducer';
import type { SimServer } from './simServer';

export type LedgerRow = { clientId: string; mutationId: number; result: MutationResult };

/** What the server's database holds, read directly (not through the API) for the checks. */
export async function serverView(server: SimServer) {
  const db = server.store().db;
  // rowid is the ledger's commit order on SQLite, including no-ops that share a server_seq.
  const ledger = await sql<{ client_id: string; mutation_id: number; result: string }>`
    SELECT client_id, mutation_id, result FROM mutation_ledger ORDER BY rowid`.execute(db);
  const counters = await db.selectFrom('sync_client').selectAll().execute();
  const rows = await db.selectFrom('inquiry').select(['id', 'data', 'row_version']).orderBy('id').execute();
  const events = await db
    .selectFrom('inquiry_event')
    .select(['inquiry_id', 'data'])
    .orderBy('server_seq')
    .orderBy('id')
    .execute();
  const timeline = new Map<string, InquiryEvent[]>();
  for (const e of events)
    timeline.set(e.inquiry_id, [...(timeline.get(e.inquiry_id) ?? []), JSON.parse(e.data) as InquiryEvent]);
  return {
    ledger: ledger.rows.map((r): LedgerRow => ({
      clientId: r.client_id,
      mutationId: Number(r.mutation_id),
      result: MutationResult.parse(JSON.parse(r.result)),
    })),
    lastMutationIds: new Map(counters.map((c) => [c.client_id, Number(c.last_mutation_id)])),
    rows: new Map(
      rows.map((r) => [r.id, { ...(JSON.parse(r.data) as object), rowVersion: Number(r.row_version) } as ServerRow]),
    ),
    timeline,
  };
}

export type ServerView = Awaited<ReturnType<typeof serverView>>;
