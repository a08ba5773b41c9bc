import type { Stream } from '../../../shared/sync/protocol';
import type { SyncContext } from './context';
import { noteEpoch } from './epoch';
import type { Failure } from './uploader';

/**
 * `epochChanged`: the server was restored meanwhile, so the uploader has mutations to send again;
 * `more`: the page budget ran out before the stream did.
 */
export type PullStep =
  { kind: 'done'; applied: number; epochChanged: boolean; more: boolean } | { kind: 'failed'; failure: Failure };

/**
 * Pulls a stream page by page from its cursor (DESIGN.md §6 rule 2). Each page and the cursor it
 * leads to are applied in one transaction, so a crash between pages resumes where the last commit left off.
 */
export async function pullStream(ctx: SyncContext, stream: Stream, token: string): Promise<PullStep> {
  let applied = 0;
  let epochChanged = false;
  let more = true;
  for (let page = 0; page < ctx.options.maxPullPagesPerCycle; page++) {
    const cursor = ctx.meta.cursor(stream);
    const outcome = await ctx.http.pull(stream, cursor, ctx.options.pullLimit, token);
    if (outcome.kind !== 'ok') return { kind: 'failed', failure: outcome };
    const answer = outcome.value;
    const restarted = ctx.store.transaction((): boolean | 'ok' | 'repull' => {
      // A page from a restored server was cut with a cursor it no longer means: drop it and start over from 0.
      if (noteEpoch(ctx, answer.epoch)) return true;
      const at = ctx.now().toISOString();
      for (const change of answer.changes) ctx.rows.apply(change, at);
      ctx.meta.setCursor(stream, answer.nextCursor);
      return answer.hasMore ? 'ok' : checkDrift(ctx, stream, answer.checksum);
    });
    if (restarted === true) {
      epochChanged = true;
      continue;
    }
    if (restarted === 'repull') continue;
    applied += answer.changes.length;
    more = answer.hasMore;
    if (!more) break;
  }
  return { kind: 'done', applied, epochChanged, more };
}

/**
 * At the end of a stream, compares this seat's copy with the server's count and hash of the scope
 * (DESIGN.md §6 rule 2). One mismatch can be a change that committed while the page was read; a
 * second in a row means the copy drifted (a bug, a restored seat file), so the stream is pulled
 * again from the start.
 */
function checkDrift(ctx: SyncContext, stream: Stream, server: { count: number; hash: string }): 'ok' | 'repull' {
  const local = ctx.rows.checksum();
  if (local === null || (local.count === server.count && local.hash === server.hash)) {
    ctx.meta.setDriftStrikes(stream, 0);
    return 'ok';
  }
  const strikes = ctx.meta.driftStrikes(stream) + 1;
  if (strikes < 2) {
    ctx.meta.setDriftStrikes(stream, strikes);
    return 'ok';
  }
  ctx.log.warn(
    { stream, local: local.count, server: server.count },
    'local copy drifted from the server: pulling again',
  );
  ctx.rows.forgetServerVersions();
  ctx.meta.setCursor(stream, 0);
  ctx.meta.setDriftStrikes(stream, 0);
  return 'repull';
}
