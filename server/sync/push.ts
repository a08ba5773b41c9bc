import { performance } from 'node:perf_hooks';
import { type Mutation, type MutationResult, type PushResponse } from '../../shared/sync/protocol';
import { type Actor, applyMutation, mutationInquiryId } from '../../shared/sync/reducer';
import { type ServerContext } from '../http/context';
import { HttpError } from '../http/httpError';
import { syncRepo } from '../store/syncRepo';

/** `last`: the client's last_mutation_id as this transaction leaves it. */
type Outcome = { kind: 'done'; result: MutationResult; last: number } | { kind: 'gap'; last: number };

const CASE_NO_TAKEN = (m: Mutation) =>
  `工单号 ${m.name === 'inquiry.create' ? m.args.inquiry.caseNo : ''} 已被另一张工单使用（可能两个坐席设置了相同的坐席编号），` +
  '这张工单没有上传；请联系管理员核对各坐席的坐席编号。';

/** A new case whose number another case already has (same seat code on two seats). */
async function caseNumberTaken(repo: ReturnType<typeof syncRepo>, m: Mutation, inquiryId: string): Promise<boolean> {
  if (m.name !== 'inquiry.create') return false;
  const holder = await repo.inquiryIdByCaseNo(m.args.inquiry.caseNo);
  return holder !== null && holder !== inquiryId;
}

/**
 * One mutation in one transaction (DESIGN.md §6 rule 1): a replay returns the stored result, a gap
 * stops, anything else runs the reducer and commits effects, ledger row and counter together.
 */
async function applyOne(ctx: ServerContext, clientId: string, actor: Actor, m: Mutation): Promise<Outcome> {
  return ctx.store.db.transaction().execute(async (trx): Promise<Outcome> => {
    const repo = syncRepo(trx, ctx.store.dialect);
    await repo.lockChangeLog();
    const last = await repo.lastMutationId(clientId);
    if (m.id <= last) return { kind: 'done', result: await repo.storedResult(clientId, m.id), last };
    if (m.id > last + 1) return { kind: 'gap', last };

    const inquiryId = mutationInquiryId(m);
    const current = await repo.currentRow(inquiryId);
    const applied = (await caseNumberTaken(repo, m, inquiryId))
      ? ({ status: 'rejected', code: 'ID_TAKEN', message: CASE_NO_TAKEN(m) } as const)
      : applyMutation(current, m, actor, await repo.knownEventIds(inquiryId));
    let result: MutationResult;
    let serverSeq: number | null = null;
    if (applied.status === 'rejected') {
      result = { id: m.id, status: 'rejected', code: applied.code, message: applied.message };
    } else {
      const changed = current === null || applied.row.rowVersion !== current.rowVersion || applied.newEvents.length > 0;
      serverSeq = changed ? await repo.writeChange(applied.row, applied.newEvents) : await repo.latestSeq();
      result =
        applied.status === 'applied'
          ? { id: m.id, status: 'applied', serverSeq }
          : { id: m.id, status: 'applied_with_conflict', serverSeq, conflicts: applied.conflicts };
    }
    await repo.recordMutation(clientId, result, serverSeq, new Date(ctx.now()).toISOString());
    return { kind: 'done', result, last: m.id };
  });
}

/**
 * Applies a contiguous batch in order and stops early at a gap, a transient failure or the time
 * budget; the seat pushes the rest in its next request.
 */
export async function pushMutations(
  ctx: ServerContext,
  clientId: string,
  actor: Actor,
  mutations: readonly Mutation[],
): Promise<Omit<PushResponse, 'epoch'>> {
  const started = performance.now();
  const results: MutationResult[] = [];
  let lastMutationId = 0;
  for (const m of mutations) {
    if (results.length > 0 && performance.now() - started > ctx.pushBudgetMs) break;
    let outcome: Outcome;
    try {
      outcome = await applyOne(ctx, clientId, actor, m);
    } catch (err) {
      ctx.log.error({ err, clientId, mutationId: m.id }, 'push stopped without advancing');
      if (results.length === 0) throw new HttpError(503, 'UNAVAILABLE', '服务器暂时无法保存，稍后会自动重试');
      break;
    }
    if (outcome.kind === 'gap') {
      if (results.length === 0) {
        throw new HttpError(409, 'OUT_OF_ORDER', '上传顺序不连续，请从服务器已收到的位置重新上传', outcome.last);
      }
      break;
    }
    results.push(outcome.result);
    lastMutationId = outcome.last;
  }
  return { lastMutationId, results };
}
