import { z } from 'zod';
import type { SyncIssueView } from '../../../shared/domain/syncIssue';
import { Conflict, InquiryCreateArgs, InquiryUpdateArgs } from '../../../shared/sync/protocol';
import type { SyncIssue } from './issueRepo';

/** What the uploader stores with an issue (uploader.ts `recordIssue`). */
export const IssuePayload = z.object({
  mutation: z.object({ name: z.string(), args: z.unknown() }).nullable(),
  conflicts: z.array(Conflict).default([]),
});
export type IssuePayload = z.infer<typeof IssuePayload>;

export function issuePayload(issue: SyncIssue): IssuePayload {
  const parsed = IssuePayload.safeParse(issue.payload);
  return parsed.success ? parsed.data : { mutation: null, conflicts: [] };
}

/** One issue as the 冲突与退回 inbox shows it; `caseNo` is null when the case is no longer on this seat. */
export function issueView(issue: SyncIssue, caseNo: string | null): SyncIssueView {
  const payload = issuePayload(issue);
  return {
    id: issue.id,
    kind: issue.kind,
    inquiryId: issue.inquiryId,
    caseNo,
    code: issue.code,
    message: issue.message,
    createdAt: issue.createdAt,
    resolvedAt: issue.resolvedAt,
    conflicts: payload.conflicts,
    change: issue.kind === 'rejected' ? readableChange(payload.mutation) : null,
  };
}

/** The refused change as field → value: the fields a new case was created with, or an edit's changes and note. */
function readableChange(mutation: IssuePayload['mutation']): Record<string, unknown> | null {
  if (!mutation) return null;
  if (mutation.name === 'inquiry.create') {
    const args = InquiryCreateArgs.safeParse(mutation.args);
    if (!args.success) return null;
    const { caseNo, category, subject, question, answer, status } = args.data.inquiry;
    return { caseNo, category, subject, question, answer, status };
  }
  const args = InquiryUpdateArgs.safeParse(mutation.args);
  if (!args.success) return null;
  const notes = args.data.events.filter((e) => e.type === 'note').map((e) => e.data.text);
  return { ...args.data.changes, ...(notes.length > 0 ? { note: notes.join('\n') } : {}) };
}
