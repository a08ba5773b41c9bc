import { type Kysely, sql } from 'kysely';
import { type Scope } from '../../shared/sync/auth';
import { type InquiryEvent } from '../../shared/domain/inquiry';
import { MutationResult, ServerInquiry } from '../../shared/sync/protocol';
import { type ServerRow } from '../../shared/sync/reducer';
import { caseText, indexCaseWords } from '../kb/caseSearch/caseIndex';
import { type Dialect } from './openStore';
import { digestChanges } from './scopeDigests';
import { type ServerDatabase } from './schema';

/** A processed mutation waiting to be written to the ledger with the rest of its chunk. */
export type LedgerEntry = { result: MutationResult; serverSeq: number | null };

/** Any key works as long as every writer of change_log takes the same one. */
const CHANGE_LOG_LOCK = 12316;

/** SQL condition "row is in this scope" over the scope columns shared by inquiry and change_log. */
export function scopeCondition(scope: Scope) {
  switch (scope.kind) {
    case 'all':
      return sql<boolean>`1 = 1`;
    case 'seats':
      return scope.seatCodes.length === 0
        ? sql<boolean>`1 = 0`
        : sql<boolean>`seat_code in (${sql.join(scope.seatCodes)})`;
    case 'expert':
      return sql<boolean>`expert_id = ${scope.expertId}`;
    case 'department':
      return sql<boolean>`department_id = ${scope.departmentId}`;
  }
}

function toServerRow(row: { data: string; row_version: number }): ServerRow {
  return { ...ServerInquiry.parse(JSON.parse(row.data)), rowVersion: Number(row.row_version) };
}

/** Reads and writes of one push transaction (ledger, cases, timeline, change log). */
export function syncRepo(trx: Kysely<ServerDatabase>, dialect: Dialect) {
  const digests = digestChanges();
  return {
    /**
     * Serialises change_log appends so seq order is commit order (DESIGN.md §6 rule 2). SQLite already
     * has one writer at a time; PostgreSQL holds this lock until the transaction ends.
     */
    async lockChangeLog(): Promise<void> {
      if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(${CHANGE_LOG_LOCK})`.execute(trx);
    },

    async lastMutationId(clientId: string): Promise<number> {
      const row = await trx
        .selectFrom('sync_client')
        .select('last_mutation_id')
        .where('client_id', '=', clientId)
        .executeTakeFirst();
      return row ? Number(row.last_mutation_id) : 0;
    },

    async storedResult(clientId: string, mutationId: number): Promise<MutationResult> {
      const row = await trx
        .selectFrom('mutation_ledger')
        .select('result')
        .where('client_id', '=', clientId)
        .where('mutation_id', '=', mutationId)
        .executeTakeFirstOrThrow();
      return MutationResult.parse(JSON.parse(row.result));
    },

    async currentRow(id: string): Promise<ServerRow | null> {
      const row = await trx
        .selectFrom('inquiry')
        .select(['data', 'row_version'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toServerRow(row) : null;
    },

    /** The case that already carries this case number, if any. */
    async inquiryIdByCaseNo(caseNo: string): Promise<string | null> {
      const row = await trx.selectFrom('inquiry').select('id').where('case_no', '=', caseNo).executeTakeFirst();
      return row?.id ?? null;
    },

    async knownEventIds(inquiryId: string): Promise<Set<string>> {
      const rows = await trx.selectFrom('inquiry_event').select('id').where('inquiry_id', '=', inquiryId).execute();
      return new Set(rows.map((r) => r.id));
    },

    async latestSeq(): Promise<number> {
      const row = await trx
        .selectFrom('change_log')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .executeTakeFirst();
      return Number(row?.seq ?? 0);
    },

    /**
     * Writes the new row image and its new events and appends its change after `lastSeq` (the caller
     * holds the change-log lock and tracks the sequence); returns the change's seq. A case handed to
     * another expert or department gets one more change, under its old expert and department, so
     * seats that saw it through them are told it left their scope (SCOPE_OUT on pull).
     */
    async writeChange(
      row: ServerRow,
      events: readonly InquiryEvent[],
      previous: ServerRow | null,
      lastSeq: number,
    ): Promise<number> {
      let seq = lastSeq + 1;
      if (previous && (previous.expertId !== row.expertId || previous.departmentId !== row.departmentId)) {
        await trx
          .insertInto('change_log')
          .values({
            seq,
            stream: 'inquiries',
            entity_id: row.id,
            op: 'PUT',
            row_version: row.rowVersion,
            seat_code: previous.seatCode,
            expert_id: previous.expertId,
            department_id: previous.departmentId,
          })
          .execute();
        seq += 1;
      }
      const { rowVersion, ...data } = row;
      const columns = {
        data: JSON.stringify(data),
        row_version: rowVersion,
        seat_code: row.seatCode,
        case_no: row.caseNo,
        expert_id: row.expertId,
        department_id: row.departmentId,
        kb_article_id: row.kbArticleId,
        updated_at: row.updatedAt,
      };
      await trx
        .insertInto('inquiry')
        .values({ id: row.id, ...columns })
        .onConflict((oc) => oc.column('id').doUpdateSet(columns))
        .execute();
      if (!previous || caseText(previous) !== caseText(row)) await indexCaseWords(trx, dialect, row);
      digests.replaced(previous, row);
      if (events.length > 0) {
        await trx
          .insertInto('inquiry_event')
          .values(events.map((e) => ({ id: e.id, inquiry_id: row.id, data: JSON.stringify(e), server_seq: seq })))
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
      }
      await trx
        .insertInto('change_log')
        .values({
          seq,
          stream: 'inquiries',
          entity_id: row.id,
          op: 'PUT',
          row_version: rowVersion,
          seat_code: row.seatCode,
          expert_id: row.expertId,
          department_id: row.departmentId,
        })
        .execute();
      return seq;
    },

    /** The scope digests of the rows written so far (once per transaction, before it commits). */
    async flushDigests(): Promise<void> {
      await digests.flush(trx);
    },

    /** Ledger rows and the client's counter, in the same transaction as the effects (one statement each). */
    async recordMutations(clientId: string, done: readonly LedgerEntry[], at: string) {
      const last = done.at(-1);
      if (!last) return;
      await trx
        .insertInto('mutation_ledger')
        .values(
          done.map(({ result, serverSeq }) => ({
            client_id: clientId,
            mutation_id: result.id,
            server_seq: serverSeq,
            status: result.status,
            result: JSON.stringify(result),
            received_at: at,
          })),
        )
        .execute();
      await trx
        .insertInto('sync_client')
        .values({ client_id: clientId, last_mutation_id: last.result.id })
        .onConflict((oc) => oc.column('client_id').doUpdateSet({ last_mutation_id: last.result.id }))
        .execute();
    },
  };
}
