import { type KbDelta, type KbDeltaPage } from '../../../shared/sync/kbSnapshot';
import { type KbChange } from '../articleFeed';

/** Raw feed changes read per page, as a multiple of the page limit: more room to fold repeated edits together. */
const SCAN_FACTOR = 4;

type Feed = { changesSince(seq: number, limit: number): Promise<{ changes: KbChange[]; lastSeq: number }> };

/**
 * One page of the compacted delta stream after `since`. It reads up to SCAN_FACTOR × limit raw changes,
 * keeps each article's latest op among them, orders those by seq and returns the first `limit`; the
 * cursor `next` is the seq of the last op returned. An article whose latest op lies beyond `next` is
 * left out of this page: its final state comes in a later page, and ops are whole states, so skipping
 * the older one changes nothing once the stream is applied to the end.
 */
export async function compactedDeltaPage(feed: Feed, since: number, limit: number): Promise<KbDeltaPage> {
  const scan = limit * SCAN_FACTOR;
  const { changes } = await feed.changesSince(since, scan);
  const latest = new Map<string, KbChange>();
  for (const change of changes) {
    latest.delete(change.id);
    latest.set(change.id, change);
  }
  const ordered = [...latest.values()];
  const page = ordered.slice(0, limit);
  const scannedTo = changes.length > 0 ? changes[changes.length - 1]!.seq : since;
  const next = page.length < ordered.length ? page[page.length - 1]!.seq : scannedTo;
  return {
    since,
    next,
    deltas: page.map(toDelta),
    more: page.length < ordered.length || changes.length === scan,
  };
}

function toDelta(change: KbChange): KbDelta {
  if (change.op === 'upsert' && change.article) {
    return { op: 'upsert', seq: change.seq, id: change.id, article: change.article };
  }
  return { op: 'remove', seq: change.seq, id: change.id };
}
