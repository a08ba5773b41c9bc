import type Database from 'better-sqlite3';
import type { MutationResult } from '../../../shared/sync/protocol';
import type { MutationName } from '../db/outboxRepo';

export type OutboxStatus = 'pending' | 'acked' | MutationResult['status'];

export type PendingMutation = {
  mutationId: number;
  name: MutationName;
  entityId: string;
  args: unknown;
  createdAt: string;
  operatorId: string | null;
};

type Row = {
  mutation_id: number;
  name: string;
  entity_id: string;
  args: string;
  created_at: string;
  operator_id: string | null;
};

/** The sync engine's view of `outbox`: what to send next, acknowledging it, and re-sending after a server restore. */
export function outboxLedger(db: Database.Database) {
  const oldestPending = db.prepare<[number], Row>(
    `SELECT mutation_id, name, entity_id, args, created_at, operator_id FROM outbox
     WHERE acked_at IS NULL ORDER BY mutation_id LIMIT ?`,
  );
  const pendingUpTo = db.prepare<[number], { mutation_id: number; entity_id: string }>(
    `SELECT mutation_id, entity_id FROM outbox WHERE acked_at IS NULL AND mutation_id <= ? ORDER BY mutation_id`,
  );
  // An ack without a result (the answer only moved lastMutationId past it) keeps a result stored earlier.
  const ack = db.prepare<[{ at: string; status: string | null; result: string | null; id: number }]>(
    `UPDATE outbox SET acked_at = @at, result = COALESCE(@result, result),
       status = COALESCE(@status, json_extract(result, '$.status'), 'acked')
     WHERE mutation_id = @id AND acked_at IS NULL`,
  );
  const entityOf = db.prepare<[number], { entity_id: string; name: string; args: string }>(
    `SELECT entity_id, name, args FROM outbox WHERE mutation_id = ?`,
  );
  const hasPending = db.prepare<[string], { n: number }>(
    `SELECT count(*) AS n FROM outbox WHERE entity_id = ? AND acked_at IS NULL`,
  );
  const reenqueue = db.prepare<[number]>(
    `UPDATE outbox SET acked_at = NULL, status = 'pending' WHERE acked_at IS NOT NULL AND mutation_id > ?`,
  );
  const prune = db.prepare<[string]>(`DELETE FROM outbox WHERE acked_at IS NOT NULL AND acked_at < ?`);

  return {
    oldestPending(limit: number): PendingMutation[] {
      return oldestPending.all(limit).map((row) => ({
        mutationId: row.mutation_id,
        name: row.name as MutationName,
        entityId: row.entity_id,
        args: JSON.parse(row.args) as unknown,
        createdAt: row.created_at,
        operatorId: row.operator_id,
      }));
    },
    /** Un-acked entries the server has now processed (id ≤ its lastMutationId). */
    pendingUpTo(lastMutationId: number): { mutationId: number; entityId: string }[] {
      return pendingUpTo.all(lastMutationId).map((r) => ({ mutationId: r.mutation_id, entityId: r.entity_id }));
    },
    ack(mutationId: number, at: string, result: MutationResult | null): void {
      ack.run({ at, status: result?.status ?? null, result: result ? JSON.stringify(result) : null, id: mutationId });
    },
    mutation(mutationId: number): { entityId: string; name: string; args: unknown } | null {
      const row = entityOf.get(mutationId);
      return row ? { entityId: row.entity_id, name: row.name, args: JSON.parse(row.args) as unknown } : null;
    },
    hasPending: (entityId: string) => (hasPending.get(entityId)?.n ?? 0) > 0,
    /**
     * After a server restore: make every retained acked mutation above the server's lastMutationId pending
     * again (same ids, same payloads; the server's ledger de-duplicates). Returns how many.
     */
    reenqueueAbove(lastMutationId: number): number {
      return reenqueue.run(lastMutationId).changes;
    },
    pruneAckedBefore: (cutoff: string) => prune.run(cutoff).changes,
  };
}

export type OutboxLedger = ReturnType<typeof outboxLedger>;
