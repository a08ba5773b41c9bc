/**
 * The case lifecycle (DESIGN.md §1, after 国办发〔2020〕53号): 受理 → 直接答复 or 转专家 / 转部门 →
 * 办理 → 答复 → 待回访 → 办结 → 归档, with 退回 and 重办 paths. Pure: no I/O, no clock.
 */
export const STATUSES = [
  'intake', // 受理
  'answered', // 已答复
  'to_expert', // 转专家
  'to_department', // 转部门 (转办)
  'returned', // 已退回: a department sent the case back with a reason
  'awaiting_callback', // 待回访
  'closed', // 已办结
  'archived', // 已归档
] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS_ZH: Record<Status, string> = {
  intake: '受理',
  answered: '已答复',
  to_expert: '转专家',
  to_department: '转部门',
  returned: '已退回',
  awaiting_callback: '待回访',
  closed: '已办结',
  archived: '已归档',
};

/** Facts about the case and the request that some transitions require. */
export type TransitionContext = {
  answer?: string | null;
  expertId?: string | null;
  departmentId?: string | null;
  note?: string | null;
};

export type TransitionRefusal =
  'same_status' | 'not_allowed' | 'terminal' | 'needs_answer' | 'needs_expert' | 'needs_department' | 'needs_note';

const NEXT: Record<Status, readonly Status[]> = {
  intake: ['answered', 'to_expert', 'to_department', 'closed'],
  to_expert: ['answered', 'to_department', 'returned'],
  to_department: ['answered', 'to_expert', 'returned'],
  returned: ['answered', 'to_expert', 'to_department', 'closed'],
  answered: ['awaiting_callback', 'closed', 'to_expert', 'to_department'],
  awaiting_callback: ['closed', 'to_expert', 'to_department', 'answered'],
  closed: ['archived', 'intake'],
  archived: [],
};

/** Statuses in which the farmer is still waiting for something from the hotline. */
export const OPEN_STATUSES: readonly Status[] = [
  'intake',
  'to_expert',
  'to_department',
  'returned',
  'answered',
  'awaiting_callback',
];

export function isOpen(status: Status): boolean {
  return OPEN_STATUSES.includes(status);
}

export function allowedNext(from: Status): readonly Status[] {
  return NEXT[from];
}

/**
 * Decides whether `from → to` is legal. Closing a case that was never answered, sending it back,
 * reopening a closed case (closed → intake) and redoing after a call-back all need a note saying why.
 */
export function checkTransition(
  from: Status,
  to: Status,
  ctx: TransitionContext = {},
): { ok: true } | { ok: false; reason: TransitionRefusal } {
  if (from === to) return { ok: false, reason: 'same_status' };
  if (NEXT[from].length === 0) return { ok: false, reason: 'terminal' };
  if (!NEXT[from].includes(to)) return { ok: false, reason: 'not_allowed' };
  const has = (v: string | null | undefined) => typeof v === 'string' && v.trim() !== '';
  switch (to) {
    case 'answered':
      return has(ctx.answer) ? { ok: true } : { ok: false, reason: 'needs_answer' };
    case 'to_expert':
      return has(ctx.expertId) ? { ok: true } : { ok: false, reason: 'needs_expert' };
    case 'to_department':
      return has(ctx.departmentId) ? { ok: true } : { ok: false, reason: 'needs_department' };
    case 'returned':
      return has(ctx.note) ? { ok: true } : { ok: false, reason: 'needs_note' };
    case 'closed':
      return from === 'intake' || from === 'returned' ? requireNoteUnlessAnswered(ctx) : { ok: true };
    case 'intake':
      return has(ctx.note) ? { ok: true } : { ok: false, reason: 'needs_note' };
    case 'awaiting_callback':
    case 'archived':
      return { ok: true };
  }
}

/** A case closed without ever being answered (wrong number, duplicate call) must say why. */
function requireNoteUnlessAnswered(ctx: TransitionContext): { ok: true } | { ok: false; reason: TransitionRefusal } {
  const answered = typeof ctx.answer === 'string' && ctx.answer.trim() !== '';
  const noted = typeof ctx.note === 'string' && ctx.note.trim() !== '';
  return answered || noted ? { ok: true } : { ok: false, reason: 'needs_note' };
}

export const TRANSITION_REFUSAL_MESSAGES: Record<TransitionRefusal, string> = {
  same_status: '状态没有变化',
  not_allowed: '当前状态不能直接转到该状态',
  terminal: '已归档的工单不能再更改状态',
  needs_answer: '请先填写答复内容',
  needs_expert: '转专家时请选择专家',
  needs_department: '转部门时请选择承办部门',
  needs_note: '请填写原因说明',
};

/** Statuses a new inquiry can be saved in when the call ends: 受理 itself or one step from it. */
export const INITIAL_STATUSES: readonly Status[] = ['intake', ...NEXT.intake];
