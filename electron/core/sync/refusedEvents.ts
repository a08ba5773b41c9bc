import type Database from 'better-sqlite3';
import { z } from 'zod';

const Payload = z.object({
  mutation: z
    .object({
      args: z.object({
        events: z.array(z.object({ id: z.string(), type: z.string(), data: z.record(z.string(), z.unknown()) })),
      }),
    })
    .nullable(),
  conflicts: z.array(z.object({ field: z.string() })).optional(),
});

/**
 * Timeline entries of a case that the server did not take as this seat recorded them: every event of
 * a refused change, and the status move or field edits a conflict kept the other seat's value for.
 * An issue a later verdict superseded (a re-send after a restore) no longer counts.
 */
export function refusedEventIds(db: Database.Database, inquiryId: string): string[] {
  const rows = db
    .prepare<[string], { kind: string; payload: string }>(
      `SELECT i.kind, i.payload FROM sync_issue i LEFT JOIN outbox o ON o.mutation_id = i.mutation_id
       WHERE i.inquiry_id = ?
         AND (o.mutation_id IS NULL
              OR o.status = CASE i.kind WHEN 'rejected' THEN 'rejected' ELSE 'applied_with_conflict' END)`,
    )
    .all(inquiryId);
  const refused: string[] = [];
  for (const row of rows) {
    const payload = Payload.safeParse(JSON.parse(row.payload));
    if (!payload.success || !payload.data.mutation) continue;
    const lost = new Set((payload.data.conflicts ?? []).map((c) => c.field));
    for (const event of payload.data.mutation.args.events) {
      const refusedWhole = row.kind === 'rejected';
      const lostStatus = event.type === 'status_changed' && lost.has('status');
      const lostEdit = event.type === 'edited' && Object.keys(event.data).every((field) => lost.has(field));
      if (refusedWhole || lostStatus || lostEdit) refused.push(event.id);
    }
  }
  return refused;
}
