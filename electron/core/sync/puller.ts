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
    const restarted = ctx.store.transaction(() => {
      // A page from a restored server was cut with a cursor it no longer means: drop it and start over from 0.
      if (noteEpoch(ctx, answer.epoch)) return true;
      const at = ctx.now().toISOString();
      for (const change of answer.changes) ctx.rows.apply(change, at);
      ctx.meta.setCursor(stream, answer.nextCursor);
      return false;
    });
    if (restarted) {
      epochChanged = true;
      continue;
    }
    applied += answer.changes.length;
    more = answer.hasMore;
    if (!more) break;
  }
  return { kind: 'done', applied, epochChanged, more };
}
