import { performance } from 'node:perf_hooks';
import { type Mutation, type MutationResult, type PushResponse } from '../../shared/sync/protocol';
import { applyMutation, mutationInquiryId } from '../../shared/sync/reducer';
import { type ServerContext } from '../http/context';
import { HttpError } from '../http/httpError';
import { type LedgerEntry, syncRepo } from '../store/syncRepo';
import { type MutationActor } from './actor';

type SyncRepo = ReturnType<typeof syncRepo>;

/** What one transaction did: results in order, the client's last_mutation_id as it leaves it, and why it stopped. */
type ChunkOutcome = { results: MutationResult[]; last: number; stop: 'gap' | 'budget' | null };

const CASE_NO_TAKEN = (m: Mutation) =>
  `工单号 ${m.name === 'inquiry.create' ? m.args.inquiry.caseNo : ''} 已被另一张工单使用（可能两个坐席设置了相同的坐席编号），` +
  '这张工单没有上传；请联系管理员核对各坐席的坐席编号。';

/** A new case whose number another case already has (same seat code on two seats). */
async function caseNumberTaken(repo: SyncRepo, m: Mutation, inquiryId: string): Promise<boolean> {
  if (m.name !== 'inquiry.create') return false;
  const holder = await repo.inquiryIdByCaseNo(m.args.inquiry.caseNo);
  return holder !== null && holder !== inquiryId;
}

/**
 * Runs the reducer for the next mutation and writes its effects after `lastSeq`; returns its result
 * and the change-log seq it leaves (the caller records the ledger row with the rest of the chunk).
 */
async function applyNext(
  repo: SyncRepo,
  who: MutationActor,
  m: Mutation,
  lastSeq: number,
): Promise<{ entry: LedgerEntry; lastSeq: number }> {
  const inquiryId = mutationInquiryId(m);
  const current = await repo.currentRow(inquiryId);
  const applied = !who.ok
    ? ({ status: 'rejected', code: 'FORBIDDEN', message: who.message } as const)
    : (await caseNumberTaken(repo, m, inquiryId))
      ? ({ status: 'rejected', code: 'ID_TAKEN', message: CASE_NO_TAKEN(m) } as const)
      : applyMutation(current, m, who.actor, await repo.knownEventIds(inquiryId));
  if (applied.status === 'rejected') {
    const result: MutationResult = { id: m.id, status: 'rejected', code: applied.code, message: applied.message };
    return { entry: { result, serverSeq: null }, lastSeq };
  }
  const changed = current === null || applied.row.rowVersion !== current.rowVersion || applied.newEvents.length > 0;
  const serverSeq = changed ? await repo.writeChange(applied.row, applied.newEvents, current, lastSeq) : lastSeq;
  const result: MutationResult =
    applied.status === 'applied'
      ? { id: m.id, status: 'applied', serverSeq }
      : { id: m.id, status: 'applied_with_conflict', serverSeq, conflicts: applied.conflicts };
  return { entry: { result, serverSeq }, lastSeq: serverSeq };
}

/**
 * Several mutations in one transaction (DESIGN.md §6 rule 1): each one's effects, ledger row and
 * counter commit together, so a chunk is all-or-nothing like a single mutation. A replay returns
 * the stored result, a gap stops. One commit, one ledger insert and one counter update per chunk
 * instead of per mutation is what lets PostgreSQL, where every commit waits for its WAL flush,
 * drain a seat's backlog quickly.
 */
async function applyChunk(
  ctx: ServerContext,
  clientId: string,
  actorOf: (m: Mutation) => MutationActor,
  chunk: readonly Mutation[],
  overBudget: () => boolean,
): Promise<ChunkOutcome> {
  return ctx.store.db.transaction().execute(async (trx): Promise<ChunkOutcome> => {
    const repo = syncRepo(trx, ctx.store.dialect);
    await repo.lockChangeLog();
    let last = await repo.lastMutationId(clientId);
    let lastSeq = await repo.latestSeq();
    const results: MutationResult[] = [];
    const done: LedgerEntry[] = [];
    let stop: ChunkOutcome['stop'] = null;
    for (const m of chunk) {
      if (results.length > 0 && overBudget()) {
        stop = 'budget';
        break;
      }
      if (m.id <= last) {
        results.push(await repo.storedResult(clientId, m.id));
        continue;
      }
      if (m.id > last + 1) {
        stop = 'gap';
        break;
      }
      const next = await applyNext(repo, actorOf(m), m, lastSeq);
      lastSeq = next.lastSeq;
      done.push(next.entry);
      results.push(next.entry.result);
      last = m.id;
    }
    await repo.flushDigests();
    await repo.recordMutations(clientId, done, new Date(ctx.now()).toISOString());
    return { results, last, stop };
  });
}

/**
 * Applies a contiguous batch in order and stops early at a gap, a transient failure or the time
 * budget; the seat pushes the rest in its next request.
 */
export async function pushMutations(
  ctx: ServerContext,
  clientId: string,
  actorOf: (m: Mutation) => MutationActor,
  mutations: readonly Mutation[],
): Promise<Omit<PushResponse, 'epoch'>> {
  const started = performance.now();
  const overBudget = () => performance.now() - started > ctx.pushBudgetMs;
  const results: MutationResult[] = [];
  let lastMutationId = 0;
  for (let at = 0; at < mutations.length; at += ctx.pushChunkSize) {
    if (results.length > 0 && overBudget()) break;
    let outcome: ChunkOutcome;
    try {
      outcome = await applyChunk(ctx, clientId, actorOf, mutations.slice(at, at + ctx.pushChunkSize), overBudget);
    } catch (err) {
      ctx.log.error({ err, clientId, mutationId: mutations[at]!.id }, 'push stopped without advancing');
      if (results.length === 0) throw new HttpError(503, 'UNAVAILABLE', '服务器暂时无法保存，稍后会自动重试');
      break;
    }
    if (outcome.stop === 'gap' && results.length === 0 && outcome.results.length === 0) {
      throw new HttpError(409, 'OUT_OF_ORDER', '上传顺序不连续，请从服务器已收到的位置重新上传', outcome.last);
    }
    results.push(...outcome.results);
    if (outcome.results.length > 0) lastMutationId = outcome.last;
    if (outcome.stop !== null) break;
  }
  return { lastMutationId, results };
}
