import type { ParsedIn } from '../../../shared/contract/contract';
import type { Resolution, SyncIssueView } from '../../../shared/domain/syncIssue';
import { ServerInquiry, type Conflict } from '../../../shared/sync/protocol';
import { AppError } from '../../../shared/errors';
import type { Store } from '../db/store';
import type { EditableField, inquiryService, ResendEdits } from '../intake/inquiryService';
import { issueRepo, type SyncIssue } from './issueRepo';
import { issuePayload, issueView } from './issueView';
import { localRows } from './localRows';
import { outboxLedger } from './outboxLedger';
import { EDITABLE_FIELDS } from '../../../shared/domain/inquiry';

type Deps = {
  store: Store;
  inquiries: ReturnType<typeof inquiryService>;
  now: () => Date;
  /** A resolution that wrote no case (the case is gone from this seat) still changes the open count. */
  onResolved: () => void;
};

type Field = EditableField | 'status';
type ResolveInput = ParsedIn<'sync:resolveIssue'>;

const NOTES: Record<Resolution, string> = {
  mine: '同步冲突处理：保留本机的内容，已重新提交服务器',
  theirs: '同步冲突处理：采用服务器（其他坐席）的内容',
  merge: '同步冲突处理：合并双方内容后重新提交服务器',
  dismiss: '同步问题已确认忽略',
};

const MESSAGES = {
  notFound: '找不到这条冲突或退回记录，可能已被处理；请刷新列表',
  alreadyResolved: '这条记录已经处理过了，请刷新列表',
  rejectedOnlyDismiss: '服务器退回的修改只能确认忽略；如仍需修改，请打开工单重新编辑后保存',
  caseGone: '该工单已不在本机（可能已移交其他坐席），无法重新提交；可以选择“忽略”',
  mergeMissing: '请填写合并后的内容（问题或答复）再提交',
  badServerValue: '服务器的内容格式不对，无法采用；请先“立即同步”后再试',
} as const;

/** The 冲突与退回 inbox (DESIGN.md §6 rule 3): listing issues and carrying out the operator's decision. */
export function syncIssues({ store, inquiries, now, onResolved }: Deps) {
  const repo = issueRepo(store.db);
  const ledger = outboxLedger(store.db);
  const rows = localRows(store, ledger);

  function view(issue: SyncIssue): SyncIssueView {
    return issueView(issue, store.inquiries.get(issue.inquiryId)?.caseNo ?? null);
  }

  /**
   * The server's value of a field as best known here: a pulled copy waiting for this seat's edits,
   * else the local row once a pull has brought the server's value, else what the conflict reported.
   */
  function serverValue(inquiryId: string, conflict: Conflict): unknown {
    const field = fieldOf(conflict);
    const waiting = rows.waitingCopy(inquiryId);
    if (waiting) return waiting[field];
    const local = store.inquiries.get(inquiryId);
    if (local && !ledger.hasPending(inquiryId) && local[field] !== conflict.mine) return local[field];
    const checked = ServerInquiry.shape[field].safeParse(conflict.theirs);
    if (!checked.success) throw new AppError('CONFLICT', MESSAGES.badServerValue);
    return checked.data;
  }

  function wanted(input: ResolveInput, conflict: Conflict): unknown {
    if (input.action !== 'merge' || (conflict.field !== 'question' && conflict.field !== 'answer'))
      return conflict.mine;
    const merged = input.merged?.[conflict.field]?.trim();
    if (!merged) throw new AppError('INVALID_INPUT', MESSAGES.mergeMissing);
    return merged;
  }

  function resolve(input: ResolveInput): SyncIssueView {
    const issue = repo.get(input.id);
    if (!issue) throw new AppError('NOT_FOUND', MESSAGES.notFound);
    if (issue.resolvedAt) throw new AppError('CONFLICT', MESSAGES.alreadyResolved);
    if (issue.kind === 'rejected' && input.action !== 'dismiss') {
      throw new AppError('INVALID_INPUT', MESSAGES.rejectedOnlyDismiss);
    }
    const at = now().toISOString();
    const markResolved = () => {
      if (!repo.resolve(issue.id, at)) throw new AppError('CONFLICT', MESSAGES.alreadyResolved);
    };
    const id = issue.inquiryId;
    const local = store.inquiries.get(id);
    const conflicts = issuePayload(issue).conflicts;
    const note = NOTES[input.action];

    if (!local) {
      if (input.action === 'mine' || input.action === 'merge') throw new AppError('NOT_FOUND', MESSAGES.caseGone);
      markResolved();
      onResolved();
    } else if (input.action === 'dismiss') {
      inquiries.adopt(id, {}, note, markResolved);
    } else if (input.action === 'theirs') {
      const values = Object.fromEntries(conflicts.map((c) => [fieldOf(c), serverValue(id, c)]));
      inquiries.adopt(id, values, note, markResolved);
    } else {
      const edits: ResendEdits = Object.fromEntries(
        conflicts.map((c) => [fieldOf(c), { from: serverValue(id, c), to: wanted(input, c) }]),
      );
      inquiries.resend(id, edits, note, markResolved);
    }
    const after = repo.get(issue.id);
    if (!after) throw new Error(`sync_issue ${issue.id} missing right after it was resolved`);
    return view(after);
  }

  return {
    list: (includeResolved: boolean): SyncIssueView[] => (includeResolved ? repo.all() : repo.open()).map(view),
    resolve,
  };
}

const FIELDS: readonly Field[] = [...EDITABLE_FIELDS, 'status'];

/** Conflicts come from the server: a field this seat does not edit is a protocol drift, not something to write. */
function fieldOf(conflict: Conflict): Field {
  const field = FIELDS.find((f) => f === conflict.field);
  if (!field) throw new AppError('CONFLICT', MESSAGES.badServerValue);
  return field;
}
