import { STREAMS } from '../../../shared/sync/protocol';
import type { SyncContext } from './context';

/**
 * Records the server epoch seen in an answer. A different epoch means the server's database was
 * restored or recreated (DESIGN.md §6 rule 5): pull cursors restart at 0 and local row versions are
 * forgotten, so everything is pulled again; the newest retained
 * acked mutation is sent again as a probe — the server either replays it (it lost nothing) or
 * answers OUT_OF_ORDER with the id it reached, and the uploader re-sends everything above that.
 * Must run inside the transaction that applies the answer.
 */
export function noteEpoch(ctx: SyncContext, epoch: string): boolean {
  const seen = ctx.meta.epoch();
  if (seen === epoch) return false;
  ctx.meta.setEpoch(epoch);
  if (seen === null) return false;
  for (const stream of STREAMS) ctx.meta.setCursor(stream, 0);
  ctx.rows.forgetServerVersions();
  const probe = ctx.meta.ackedThrough() - 1;
  const resent = probe >= 0 ? ctx.ledger.reenqueueAbove(probe) : 0;
  ctx.log.warn({ resent }, 'server epoch changed: pulling again from the start and re-sending the last acked mutation');
  return true;
}
