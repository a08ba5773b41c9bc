import { performance } from 'node:perf_hooks';
import { type Mutation, type MutationResult, type PushResponse } from '../../shared/sync/protocol';
import { applyMutation, mutationInquiryId, type ServerRow } from '../../shared/sync/reducer';
import { type ServerContext } from '../http/context';
import { HttpError } from '../http/httpError';
import { type ChunkWrites, chunkWrites } from '../store/chunkWrites';
import { type LedgerEntry, syncRepo } from '../store/syncRepo';
import { type MutationActor } from './actor';

type SyncRepo = ReturnType<typeof syncRepo>;

/** What one transaction did: results in order, the client's last_mutation_id as it leaves it, and why it stopped. */
type ChunkOutcome = { results: MutationResult[]; last: number; stop: 'gap' | 'budget' | null };

const CASE_NO_TAKEN = (m: Mutation) =>
  `工单号 ${m.name === 'inquiry.create' ? m.args.inquiry.caseNo : ''} 已被另一张工单使用（可能两个坐席设置了相同的坐席编号），` +
  '这张工单没有上传；请联系管理员核对各坐席的坐席编号。';

/** What the chunk's mutations are decided against: read once per chunk, then kept current in memory. */
type ChunkState = {
  rows: Map<string, ServerRow>;
  known: Map<string, Set<string>>;
  caseNoHolders: Map<string, string>;
  writes: ChunkWrites;
};

async function readChunkState(repo: SyncRepo, mutations: readonly Mutation[]): Promise<ChunkState> {
  const ids = [...new Set(mutations.map(mutationInquiryId))];
  const caseNos = mutations.flatMap((m) => (m.name === 'inquiry.create' ? [m.args.inquiry.caseNo] : []));
  return {
    rows: await repo.currentRows(ids),
    known: await repo.knownEventIds(ids),
    caseNoHolders: await repo.inquiryIdsByCaseNo(caseNos),
    writes: chunkWrites(await repo.latestSeq()),
  };
}

/** Runs the reducer for the next mutation against the chunk's state and records its effects there. */
function applyNext(state: ChunkState, who: MutationActor, m: Mutation): LedgerEntry {
  const inquiryId = mutationInquiryId(m);
  const current = state.rows.get(inquiryId) ?? null;
  const known = state.known.get(inquiryId) ?? new Set<string>();
  // A new case whose number another case already has (same seat code on two seats).
  const holder = m.name === 'inquiry.create' ? state.caseNoHolders.get(m.args.inquiry.caseNo) : undefined;
  const applied = !who.ok
    ? ({ status: 'rejected', code: 'FORBIDDEN', message: who.message } as const)
    : holder !== undefined && holder !== inquiryId
      ? ({ status: 'rejected', code: 'ID_TAKEN', message: CASE_NO_TAKEN(m) } as const)
      : applyMutation(current, m, who.actor, known);
  if (applied.status === 'rejected') {
    return { result: { id: m.id, status: 'rejected', code: applied.code, message: applied.message }, serverSeq: null };
  }
  const changed = current === null || applied.row.rowVersion !== current.rowVersion || applied.newEvents.length > 0;
  let serverSeq = state.writes.lastSeq;
  if (changed) {
    serverSeq = state.writes.change(applied.row, applied.newEvents, current);
    state.rows.set(inquiryId, applied.row);
    applied.newEvents.forEach((e) => known.add(e.id));
    state.known.set(inquiryId, known);
    if (m.name === 'inquiry.create') state.caseNoHolders.set(m.args.inquiry.caseNo, inquiryId);
  }
  const result: MutationResult =
    applied.status === 'applied'
      ? { id: m.id, status: 'applied', serverSeq }
      : { id: m.id, status: 'applied_with_conflict', serverSeq, conflicts: applied.conflicts };
  return { result, serverSeq };
}

/**
 * Several mutations in one transaction (DESIGN.md §6 rule 1): each one's effects, ledger row and
 * counter commit together, so a chunk is all-or-nothing like a single mutation. A replay returns
 * the stored result, a gap stops. The chunk's cases are read once, decided in memory and written in a
 * few multi-row statements: one commit and a handful of round trips per chunk instead of about ten
 * per mutation is what lets PostgreSQL drain a seat's backlog quickly.
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
    const state = await readChunkState(
      repo,
      chunk.filter((m) => m.id > last),
    );
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
      const entry = applyNext(state, actorOf(m), m);
      done.push(entry);
      results.push(entry.result);
      last = m.id;
    }
    await repo.writeChunk(state.writes);
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
