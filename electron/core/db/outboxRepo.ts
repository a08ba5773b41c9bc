import type Database from 'better-sqlite3';
import type { SyncMetaRepo } from './syncMetaRepo';

/** What the server will be asked to do: named intents, not row images (DESIGN.md §6). */
export type MutationName = 'inquiry.create' | 'inquiry.update';

export type OutboxEntry = {
  mutationId: number;
  clientId: string;
  name: MutationName;
  entityId: string;
  args: unknown;
  createdAt: string;
  ackedAt: string | null;
  operatorId: string | null;
};

type OutboxRow = {
  mutation_id: number;
  client_id: string;
  name: string;
  entity_id: string;
  args: string;
  created_at: string;
  acked_at: string | null;
  operator_id: string | null;
};

const NEXT_ID_KEY = 'next_mutation_id';

/**
 * Mutations waiting for the server (`outbox`). Ids come from a counter in sync_meta bumped in the
 * same transaction as the change, so they are gap-free and increasing even after acked entries are pruned.
 */
export function outboxRepo(db: Database.Database, meta: SyncMetaRepo) {
  const insert = db.prepare<[OutboxRow]>(
    `INSERT INTO outbox (mutation_id, client_id, name, entity_id, args, created_at, acked_at, operator_id)
     VALUES (@mutation_id, @client_id, @name, @entity_id, @args, @created_at, @acked_at, @operator_id)`,
  );
  const pending = db.prepare<[], { count: number; oldest: string | null }>(
    `SELECT count(*) AS count, min(created_at) AS oldest FROM outbox WHERE acked_at IS NULL`,
  );
  const all = db.prepare<[], OutboxRow>(`SELECT * FROM outbox ORDER BY mutation_id`);

  return {
    /** Must run inside the transaction that makes the change it describes. */
    append(entry: {
      name: MutationName;
      entityId: string;
      args: unknown;
      createdAt: string;
      operatorId?: string | null;
    }): number {
      if (!db.inTransaction) throw new Error('outbox.append outside a transaction would break gap-free ids');
      const mutationId = Number(meta.get(NEXT_ID_KEY) ?? '1');
      insert.run({
        mutation_id: mutationId,
        client_id: meta.clientId(),
        name: entry.name,
        entity_id: entry.entityId,
        args: JSON.stringify(entry.args),
        created_at: entry.createdAt,
        acked_at: null,
        operator_id: entry.operatorId ?? null,
      });
      meta.set(NEXT_ID_KEY, String(mutationId + 1));
      return mutationId;
    },
    pending(): { count: number; oldestCreatedAt: string | null } {
      const row = pending.get() ?? { count: 0, oldest: null };
      return { count: row.count, oldestCreatedAt: row.oldest };
    },
    /** Everything, oldest first: for the sync engine and for tests. */
    all(): OutboxEntry[] {
      return all.all().map((row) => ({
        mutationId: row.mutation_id,
        clientId: row.client_id,
        name: row.name as MutationName,
        entityId: row.entity_id,
        args: JSON.parse(row.args) as unknown,
        createdAt: row.created_at,
        ackedAt: row.acked_at,
        operatorId: row.operator_id,
      }));
    },
  };
}
