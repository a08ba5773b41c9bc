import { z } from 'zod';

/**
 * A change the server did not take as the seat made it: a conflict (another seat changed the same
 * text or status first) or a rejection. Shown in the 冲突与退回 inbox until the operator decides.
 */
export const SyncIssueView = z.object({
  id: z.string(),
  kind: z.enum(['conflict', 'rejected']),
  inquiryId: z.string(),
  /** Null when the case is no longer on this seat. */
  caseNo: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  /** For conflicts: per field, what this seat based its edit on, what it wanted, what the server kept. */
  conflicts: z.array(z.object({ field: z.string(), base: z.unknown(), mine: z.unknown(), theirs: z.unknown() })),
  /** For rejections: the change that did not reach the server, readable (field → value). */
  change: z.record(z.string(), z.unknown()).nullable(),
});
export type SyncIssueView = z.infer<typeof SyncIssueView>;

export const RESOLUTIONS = ['mine', 'theirs', 'merge', 'dismiss'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

/**
 * mine: send this seat's values again on top of the server's (a new update mutation);
 * theirs: keep the server's values; merge: send the operator's merged text per field;
 * dismiss: acknowledge a rejection (its payload stays in the database).
 */
export const ResolveIssueInput = z.strictObject({
  id: z.string().min(1).max(64),
  action: z.enum(RESOLUTIONS),
  merged: z.partialRecord(z.enum(['question', 'answer']), z.string().max(8000)).optional(),
});
export type ResolveIssueInput = z.input<typeof ResolveIssueInput>;
