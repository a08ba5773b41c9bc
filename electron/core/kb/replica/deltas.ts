import { type KbArticle } from '../../../../shared/domain/kb';
import { KB_DELTA_SEQ_META, type KbDeltaPage } from '../../../../shared/sync/kbSnapshot';
import { type KbIndex } from '../../../../shared/node/kb/kbIndex';
import { type ReplicaHooks } from './hooks';
import { type KbHttpClient, type KbOutcome } from './kbHttp';

export type DeltasEnd = { kind: 'done'; pages: number; more: boolean } | Exclude<KbOutcome<never>, { kind: 'ok' }>;

/** The feed seq the KB file reflects: deltas continue after it. */
export function deltaSeq(index: KbIndex): number {
  const stored = index.getMeta(KB_DELTA_SEQ_META);
  return stored === null ? 0 : Number(stored);
}

/**
 * Pulls delta pages from the cursor kept in the KB file and applies each with its cursor in one
 * transaction, so a crash or a cut between pages resumes exactly where the last commit left off.
 */
export async function pullDeltas(
  index: () => KbIndex,
  http: KbHttpClient,
  opts: { limit: number; maxPages: number; hooks: ReplicaHooks; stillWanted: () => boolean },
): Promise<DeltasEnd> {
  for (let pages = 0; pages < opts.maxPages;) {
    if (!opts.stillWanted()) return { kind: 'offline', reason: 'closed' };
    const since = deltaSeq(index());
    const got = await http.deltas(since, opts.limit);
    if (got.kind !== 'ok') return got;
    if (!opts.stillWanted()) return { kind: 'offline', reason: 'closed' };
    const page = got.value;
    if (page.since !== since || page.next < since) return { kind: 'failed', status: 200, message: '增量页的游标不符' };
    if (page.deltas.length === 0 && page.next === since && !page.more) return { kind: 'done', pages, more: false };
    applyDeltaPage(index(), page, opts.hooks);
    pages += 1;
    if (!page.more) return { kind: 'done', pages, more: false };
  }
  return { kind: 'done', pages: opts.maxPages, more: true };
}

/** Applies the page's ops in order (runs of upserts and removes batched) and moves the cursor, atomically. */
export function applyDeltaPage(index: KbIndex, page: KbDeltaPage, hooks: ReplicaHooks = {}): void {
  index.transaction(() => {
    let upserts: KbArticle[] = [];
    let removes: string[] = [];
    const flush = () => {
      if (upserts.length > 0) index.upsert(upserts);
      if (removes.length > 0) index.remove(removes);
      upserts = [];
      removes = [];
    };
    for (const delta of page.deltas) {
      // The index holds published articles only; anything else leaves search.
      const publish = delta.op === 'upsert' && delta.article.status === 'published' ? delta.article : null;
      if (publish ? removes.length > 0 : upserts.length > 0) flush();
      if (publish) upserts.push(publish);
      else removes.push(delta.id);
    }
    flush();
    index.setMeta(KB_DELTA_SEQ_META, String(page.next));
    hooks.at?.({ stage: 'deltaPageApplying', since: page.since });
  });
}
