import { Charset, Index } from 'flexsearch';
import type { KbArticleContent } from '../../../shared/domain/kb';
import type { SearchPeer } from './peer';

/**
 * FlexSearch 0.8 as its README advises for Chinese: the CJK charset (every character a term),
 * contextual search (neighbouring characters scored together, i.e. bigram-like) and `suggest` so a
 * query word missing from an article does not empty the result. Title counts more by being indexed
 * in its own index whose hits are merged first. FlexSearch returns ranks, not scores.
 */
export function createFlexsearchPeer(): SearchPeer {
  const options = {
    encoder: Charset.CJK,
    tokenize: 'strict' as const,
    resolution: 9,
    context: { depth: 1, bidirectional: true, resolution: 9 },
  };
  let title = new Index(options);
  let body = new Index(options);
  let ids: string[] = [];
  return {
    name: 'flexsearch',
    build(articles: readonly KbArticleContent[]) {
      title = new Index(options);
      body = new Index(options);
      ids = articles.map((a) => a.id);
      articles.forEach((a, i) => {
        title.add(i, a.title);
        body.add(i, `${a.title} ${a.tags.join(' ')} ${a.subjects.join(' ')} ${a.answer}`);
      });
    },
    search(q, limit) {
      const text = q.slice(0, 500);
      const ranked = new Map<number, number>();
      const add = (hits: readonly (string | number)[], weight: number) =>
        hits.forEach((h, rank) => {
          const doc = Number(h);
          ranked.set(doc, (ranked.get(doc) ?? 0) + weight / (rank + 1));
        });
      add(title.search(text, { limit, suggest: true }) as (string | number)[], 2);
      add(body.search(text, { limit, suggest: true }) as (string | number)[], 1);
      return [...ranked]
        .sort((a, b) => b[1] - a[1])
        .slice(0, limit)
        .map(([doc, score]) => ({ id: ids[doc]!, score }));
    },
  };
}
