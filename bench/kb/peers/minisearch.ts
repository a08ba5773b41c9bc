import MiniSearch from 'minisearch';
import type { KbArticleContent } from '../../../shared/domain/kb';
import type { SearchPeer } from './peer';

/**
 * MiniSearch 7 with the custom tokenizer its README describes for languages without spaces: the
 * ICU word segmenter built into Node (`Intl.Segmenter('zh', { granularity: 'word' })`). Title boosted
 * over tags/subjects over answer, OR semantics (BM25+ ranking).
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(text.normalize('NFKC'))) if (s.isWordLike) out.push(s.segment);
  return out;
}

interface Doc {
  id: string;
  title: string;
  keys: string;
  answer: string;
}

export function createMinisearchPeer(): SearchPeer {
  const create = () =>
    new MiniSearch<Doc>({
      fields: ['title', 'keys', 'answer'],
      tokenize,
      processTerm: (t) => t.toLowerCase(),
      searchOptions: { boost: { title: 3, keys: 2 }, combineWith: 'OR' },
    });
  let index = create();
  return {
    name: 'minisearch',
    build(articles: readonly KbArticleContent[]) {
      index = create();
      index.addAll(
        articles.map((a) => ({
          id: a.id,
          title: a.title,
          keys: [...a.tags, ...a.subjects].join(' '),
          answer: a.answer,
        })),
      );
    },
    search(q, limit) {
      return index
        .search(q.slice(0, 500))
        .slice(0, limit)
        .map((r) => ({ id: String(r.id), score: r.score }));
    },
  };
}
