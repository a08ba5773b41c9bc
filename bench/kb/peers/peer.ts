import type { KbArticleContent } from '../../../shared/domain/kb';

/** One search engine under comparison (relevance in bench/kbEval.ts, speed in bench/kb.bench.ts). */
export interface SearchPeer {
  name: string;
  build(articles: readonly KbArticleContent[]): void;
  search(q: string, limit: number): { id: string; score: number }[];
}
