import {
  PROTOCOL_VERSION,
  PushRequest,
  type Conflict,
  type MutationResult,
  type PushResponse,
} from '../../../shared/sync/protocol';
import type { SyncContext } from './context';
import { noteEpoch } from './epoch';
import type { HttpOutcome } from './httpClient';

export type Failure = Exclude<HttpOutcome<unknown>, { kind: 'ok' }>;

export type PushStep =
  | { kind: 'idle' }
  /** Some mutations were acknowledged or put back for re-sending: push again at once. */
  | { kind: 'progress' }
  | { kind: 'failed'; failure: Failure }
  /** Retrying cannot help; the operator or an administrator has to act. */
  | { kind: 'stuck'; message: string };

const FIELD_LABELS: Record<string, string> = {
  question: '问题',
  answer: '答复',
  status: '状态',
  callerName: '来电人姓名',
  regionCode: '地区',
  category: '类别',
  subject: '品种',
  priority: '紧急程度',
  expertId: '专家',
  departmentId: '部门',
  kbArticleId: '引用的知识',
  channel: '来电方式',
};

/** Sends the oldest un-acked outbox entries once and records the answer (DESIGN.md §6 rule 1). */
export async function pushOnce(ctx: SyncContext, token: string): Promise<PushStep> {
  const batch = ctx.ledger.oldestPending(ctx.options.pushBatchSize);
  if (batch.length === 0) return { kind: 'idle' };
  const request = PushRequest.safeParse({
    protocol: PROTOCOL_VERSION,
    clientId: ctx.meta.clientId(),
    installNonce: ctx.meta.installNonce(),
    epochSeen: ctx.meta.epoch(),
    mutations: batch.map((m) => ({
      id: m.mutationId,
      name: m.name,
      args: m.args,
      createdAt: m.createdAt,
      operatorId: m.operatorId,
    })),
  });
  if (!request.success) {
    // Sending around a bad entry would leave a gap the server refuses; the queue waits for a fix instead.
    ctx.log.error(
      { from: batch[0]?.mutationId, issues: request.error.issues.slice(0, 3) },
      'outbox entry does not match the protocol',
    );
    return {
      kind: 'stuck',
      message: `本机待上传的第 ${batch[0]?.mutationId} 号修改格式有误，同步已暂停，请联系管理员`,
    };
  }
  const outcome = await ctx.http.push(request.data, token);
  if (outcome.kind === 'ok') {
    ctx.store.transaction(() => recordAnswer(ctx, outcome.value));
    return { kind: 'progress' };
  }
  if (outcome.kind === 'outOfOrder') return serverBehind(ctx, outcome.lastMutationId);
  return { kind: 'failed', failure: outcome };
}

/** The server has not seen the mutation before our oldest pending one: it lost some (restore), re-send them. */
function serverBehind(ctx: SyncContext, lastMutationId: number): PushStep {
  const lowestPending = ctx.store.transaction(() => {
    ctx.ledger.reenqueueAbove(lastMutationId);
    ctx.meta.setAckedThrough(Math.min(ctx.meta.ackedThrough(), lastMutationId));
    return ctx.ledger.oldestPending(1)[0]?.mutationId ?? null;
  });
  if (lowestPending !== null && lowestPending > lastMutationId + 1) {
    ctx.log.error({ lastMutationId, lowestPending }, 'server lost mutations older than the retained outbox');
    return {
      kind: 'stuck',
      message: `服务器缺少本机第 ${lastMutationId + 1}–${lowestPending - 1} 号修改，本机已不再保留，同步已暂停，请联系管理员`,
    };
  }
  ctx.log.warn({ lastMutationId }, 'server is behind this seat: re-sending retained mutations');
  return { kind: 'progress' };
}

/** One transaction: acks, results, issues, and the server copies that waited for these acks. */
function recordAnswer(ctx: SyncContext, answer: PushResponse): void {
  noteEpoch(ctx, answer.epoch);
  if (answer.lastMutationId < ctx.meta.ackedThrough()) {
    ctx.ledger.reenqueueAbove(answer.lastMutationId);
    ctx.meta.setAckedThrough(answer.lastMutationId);
  }
  const at = ctx.now().toISOString();
  const results = new Map(answer.results.map((r) => [r.id, r]));
  const touched = new Set<string>();
  for (const { mutationId, entityId } of ctx.ledger.pendingUpTo(answer.lastMutationId)) {
    const result = results.get(mutationId) ?? null;
    ctx.ledger.ack(mutationId, at, result);
    if (result) {
      ctx.issues.supersede(mutationId, issueKindOf(result), at);
      recordIssue(ctx, result, entityId, at);
    }
    touched.add(entityId);
  }
  ctx.meta.setAckedThrough(Math.max(ctx.meta.ackedThrough(), answer.lastMutationId));
  touched.forEach((id) => ctx.rows.settle(id));
}

function issueKindOf(result: MutationResult): 'rejected' | 'conflict' | null {
  if (result.status === 'rejected') return 'rejected';
  return result.status === 'applied_with_conflict' ? 'conflict' : null;
}

function recordIssue(ctx: SyncContext, result: MutationResult, inquiryId: string, at: string): void {
  const stored = ctx.ledger.mutation(result.id);
  const sent = stored ? { name: stored.name, args: stored.args } : null;
  if (result.status === 'rejected') {
    ctx.issues.record({
      mutationId: result.id,
      inquiryId,
      kind: 'rejected',
      code: result.code,
      message: `服务器退回了这次修改：${result.message}`,
      payload: { mutation: sent },
      createdAt: at,
    });
  } else if (result.status === 'applied_with_conflict') {
    ctx.issues.record({
      mutationId: result.id,
      inquiryId,
      kind: 'conflict',
      code: 'CONFLICT',
      message: `${conflictFields(result.conflicts)}已被其他坐席修改，服务器保留了对方的内容；请在“冲突与退回”中选择保留哪一份`,
      payload: { mutation: sent, conflicts: result.conflicts },
      createdAt: at,
    });
  }
}

function conflictFields(conflicts: Conflict[]): string {
  return [...new Set(conflicts.map((c) => FIELD_LABELS[c.field] ?? c.field))].map((f) => `“${f}”`).join('、');
}
