import type { KbArticleContent } from '../../../shared/domain/kb';
import type { SearchPeer } from './peer';

/**
 * Plain character-bigram BM25 over title + answer: no segmentation, no synonyms, no field weights.
 * Single characters are indexed next to the bigrams, as CJK bigram analyzers do (Lucene's
 * CJKBigramFilter with outputUnigrams) — this is the reference baseline (recall@5 ≈ 0.91).
 */
const K1 = 1.2;
const B = 0.75;

function bigrams(text: string): string[] {
  const chars = Array.from(
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\s\p{P}\p{S}]+/gu, ' '),
  );
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === ' ') continue;
    out.push(chars[i]!);
    if (i + 1 < chars.length && chars[i + 1] !== ' ') out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}

export function createBigramPeer(): SearchPeer {
  const postings = new Map<string, Map<number, number>>();
  let ids: string[] = [];
  let lens: number[] = [];
  let avg = 1;
  return {
    name: 'bigram',
    build(articles: readonly KbArticleContent[]) {
      ids = articles.map((a) => a.id);
      lens = articles.map((a, doc) => {
        const grams = bigrams(`${a.title} ${a.answer}`);
        for (const g of grams) {
          const p = postings.get(g) ?? new Map<number, number>();
          p.set(doc, (p.get(doc) ?? 0) + 1);
          postings.set(g, p);
        }
        return grams.length;
      });
      avg = lens.reduce((s, n) => s + n, 0) / Math.max(lens.length, 1);
    },
    search(q, limit) {
      const scores = new Map<number, number>();
      for (const g of new Set(bigrams(q))) {
        const p = postings.get(g);
        if (!p) continue;
        const idf = Math.log(1 + (ids.length - p.size + 0.5) / (p.size + 0.5));
        for (const [doc, tf] of p) {
          const norm = tf / (tf + K1 * (1 - B + (B * lens[doc]!) / avg));
          scores.set(doc, (scores.get(doc) ?? 0) + idf * norm * (K1 + 1));
        }
      }
      return [...scores]
        .sort((a, b) => b[1] - a[1])
        .slice(0, limit)
        .map(([doc, score]) => ({ id: ids[doc]!, score }));
    },
  };
}
