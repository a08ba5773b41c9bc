import type { KbArticleContent } from '../../../shared/domain/kb';
import type { SearchPeer } from './peer';

/**
 * The naive baseline: the query's pieces (split at spaces and punctuation) as `LIKE '%piece%'` on
 * title and answer; a title hit counts double. What a first attempt without any tokenizer does.
 */
export function createLikePeer(): SearchPeer {
  let docs: { id: string; title: string; answer: string }[] = [];
  return {
    name: 'like',
    build(articles: readonly KbArticleContent[]) {
      docs = articles.map((a) => ({ id: a.id, title: a.title, answer: a.answer }));
    },
    search(q, limit) {
      const pieces = q.split(/[\s\p{P}\p{S}]+/u).filter((p) => p.length > 0);
      if (pieces.length === 0) return [];
      return docs
        .map((d) => ({
          id: d.id,
          score: pieces.reduce((s, p) => s + (d.title.includes(p) ? 2 : 0) + (d.answer.includes(p) ? 1 : 0), 0),
        }))
        .filter((r) => r.score > 0)
        .sort((a, b) => b.score - a.score)
        .slice(0, limit);
    },
  };
}
