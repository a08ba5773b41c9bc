import { type Kysely, sql } from 'kysely';
import { type Scope } from '../../shared/sync/auth';
import { MutationResult, ServerInquiry } from '../../shared/sync/protocol';
import { type ServerRow } from '../../shared/sync/reducer';
import { indexCaseWords, indexedFacts } from '../kb/caseSearch/caseIndex';
import { type Dialect } from './openStore';
import { type ChunkWrites } from './chunkWrites';
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

    /** The current image of each of these cases (absent: no such case yet). */
    async currentRows(ids: readonly string[]): Promise<Map<string, ServerRow>> {
      if (ids.length === 0) return new Map();
      const rows = await trx
        .selectFrom('inquiry')
        .select(['id', 'data', 'row_version'])
        .where('id', 'in', ids)
        .execute();
      return new Map(rows.map((r) => [r.id, toServerRow(r)]));
    },

    /** Which case already carries each of these case numbers. */
    async inquiryIdsByCaseNo(caseNos: readonly string[]): Promise<Map<string, string>> {
      if (caseNos.length === 0) return new Map();
      const rows = await trx.selectFrom('inquiry').select(['id', 'case_no']).where('case_no', 'in', caseNos).execute();
      return new Map(rows.map((r) => [r.case_no!, r.id]));
    },

    /** The timeline event ids each of these cases already has. */
    async knownEventIds(ids: readonly string[]): Promise<Map<string, Set<string>>> {
      const known = new Map(ids.map((id) => [id, new Set<string>()]));
      if (ids.length === 0) return known;
      const rows = await trx
        .selectFrom('inquiry_event')
        .select(['id', 'inquiry_id'])
        .where('inquiry_id', 'in', ids)
        .execute();
      for (const r of rows) known.get(r.inquiry_id)?.add(r.id);
      return known;
    },

    async latestSeq(): Promise<number> {
      const row = await trx
        .selectFrom('change_log')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .executeTakeFirst();
      return Number(row?.seq ?? 0);
    },

    /** A chunk's effects (chunkWrites) in a few multi-row statements, in the chunk's transaction. */
    async writeChunk(writes: ChunkWrites): Promise<void> {
      const images = [...writes.rows.values()];
      if (images.length > 0) {
        await trx
          .insertInto('inquiry')
          .values(
            images.map(({ row }) => {
              const { rowVersion, ...data } = row;
              return {
                id: row.id,
                data: JSON.stringify(data),
                row_version: rowVersion,
                seat_code: row.seatCode,
                case_no: row.caseNo,
                expert_id: row.expertId,
                department_id: row.departmentId,
                kb_article_id: row.kbArticleId,
                updated_at: row.updatedAt,
              };
            }),
          )
          .onConflict((oc) =>
            oc.column('id').doUpdateSet((eb) => ({
              data: eb.ref('excluded.data'),
              row_version: eb.ref('excluded.row_version'),
              seat_code: eb.ref('excluded.seat_code'),
              case_no: eb.ref('excluded.case_no'),
              expert_id: eb.ref('excluded.expert_id'),
              department_id: eb.ref('excluded.department_id'),
              kb_article_id: eb.ref('excluded.kb_article_id'),
              updated_at: eb.ref('excluded.updated_at'),
            })),
          )
          .execute();
      }
      for (const { row, before } of images) {
        if (!before || indexedFacts(before) !== indexedFacts(row)) await indexCaseWords(trx, dialect, row);
      }
      if (writes.events.length > 0) {
        await trx
          .insertInto('inquiry_event')
          .values(
            writes.events.map(({ event, inquiryId, seq }) => ({
              id: event.id,
              inquiry_id: inquiryId,
              data: JSON.stringify(event),
              server_seq: seq,
            })),
          )
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
      }
      if (writes.log.length > 0) {
        await trx
          .insertInto('change_log')
          .values(
            writes.log.map(({ seq, id, rowVersion, scope }) => ({
              seq,
              stream: 'inquiries',
              entity_id: id,
              op: 'PUT',
              row_version: rowVersion,
              seat_code: scope.seatCode,
              expert_id: scope.expertId,
              department_id: scope.departmentId,
            })),
          )
          .execute();
      }
      await writes.digests.flush(trx);
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
