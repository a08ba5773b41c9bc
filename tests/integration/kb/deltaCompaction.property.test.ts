import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type KbArticle } from '../../../shared/domain/kb';
import { type KbDeltaPage } from '../../../shared/sync/kbSnapshot';
import { type KbChange } from '../../../server/kb/articleFeed';
import { compactedDeltaPage } from '../../../server/kb/snapshot/deltaPages';

/** A feed held in memory: what `articleFeed(db).changesSince` returns, over a scripted raw change list. */
function memoryFeed(changes: readonly KbChange[]) {
  return {
    changesSince: async (seq: number, limit: number) => {
      const page = changes.filter((c) => c.seq > seq).slice(0, limit);
      return { changes: page, lastSeq: page.length > 0 ? page[page.length - 1]!.seq : seq };
    },
  };
}

const article = (id: string, version: number): KbArticle => ({
  id,
  title: `${id} v${version}`,
  answer: 'a',
  category: 'c',
  tags: [],
  subjects: [],
  season: '全年',
  regions: [],
  version,
  status: 'published',
  validUntil: null,
  reviewEachSeason: false,
  updatedAt: '2026-11-28T06:00:00.000Z',
  usageCount: 0,
});

/** Raw publish/retire sequences over a handful of articles, so the same article changes many times. */
const rawChanges = fc
  .array(fc.record({ id: fc.constantFrom('kb-a', 'kb-b', 'kb-c', 'kb-d', 'kb-e'), upsert: fc.boolean() }), {
    maxLength: 60,
  })
  .map((ops) =>
    ops.map(({ id, upsert }, i): KbChange => {
      const seq = i + 1;
      return upsert ? { seq, id, op: 'upsert', article: article(id, seq) } : { seq, id, op: 'remove', article: null };
    }),
  );

type State = Map<string, string>;

function applyRaw(state: State, changes: readonly KbChange[]): State {
  for (const c of changes) {
    if (c.op === 'upsert' && c.article) state.set(c.id, c.article.title);
    else state.delete(c.id);
  }
  return state;
}

function applyPage(state: State, page: KbDeltaPage): State {
  for (const d of page.deltas) {
    if (d.op === 'upsert') state.set(d.id, d.article.title);
    else state.delete(d.id);
  }
  return state;
}

/** Pulls pages from `since` to the end with changing page sizes, as a seat does across restarts. */
async function pullAll(changes: readonly KbChange[], since: number, limits: readonly number[], state: State) {
  const feed = memoryFeed(changes);
  let cursor = since;
  let pages = 0;
  for (;;) {
    const page = await compactedDeltaPage(feed, cursor, limits[pages % limits.length]!);
    expect(page.since).toBe(cursor);
    expect(new Set(page.deltas.map((d) => d.id)).size).toBe(page.deltas.length);
    applyPage(state, page);
    cursor = page.next;
    pages += 1;
    if (!page.more) return { state, cursor, pages };
  }
}

describe('compacted KB delta pages', () => {
  it('applying compacted pages from any cursor gives what applying the raw changes gives', async () => {
    await fc.assert(
      fc.asyncProperty(
        rawChanges,
        fc.nat(),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 4 }),
        async (changes, at, limits) => {
          const cursor = changes.length === 0 ? 0 : at % (changes.length + 1);
          // The seat's KB as of `cursor`: what a snapshot or earlier pages left it with.
          const before = applyRaw(new Map(), changes.slice(0, cursor));
          const { state, cursor: end } = await pullAll(changes, cursor, limits, before);
          expect(state).toEqual(applyRaw(new Map(), changes));
          expect(end).toBe(changes.length === 0 ? cursor : Math.max(cursor, changes.length));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('sends each article once when the changes fit in one page, in the order of their latest change', async () => {
    const changes: KbChange[] = [
      { seq: 1, id: 'kb-a', op: 'upsert', article: article('kb-a', 1) },
      { seq: 2, id: 'kb-b', op: 'upsert', article: article('kb-b', 2) },
      { seq: 3, id: 'kb-a', op: 'upsert', article: article('kb-a', 3) },
      { seq: 4, id: 'kb-b', op: 'remove', article: null },
      { seq: 5, id: 'kb-a', op: 'upsert', article: article('kb-a', 5) },
    ];
    const page = await compactedDeltaPage(memoryFeed(changes), 0, 10);
    expect(page.deltas.map((d) => [d.seq, d.id, d.op])).toEqual([
      [4, 'kb-b', 'remove'],
      [5, 'kb-a', 'upsert'],
    ]);
    expect(page).toMatchObject({ since: 0, next: 5, more: false });
  });
});
