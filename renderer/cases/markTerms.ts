import type { Marked } from '../../shared/domain/kb';

/**
 * Splits a server excerpt into pieces with the query's words marked. The server sends plain text
 * and the words it matched (`terms`), so marking happens here; longer words win over their parts.
 */
export function markTerms(text: string, terms: readonly string[]): Marked {
  const words = [...new Set(terms.filter((w) => w.trim() !== ''))].sort((a, b) => b.length - a.length);
  if (words.length === 0) return [{ text, hit: false }];
  const pattern = new RegExp(`(${words.map(escapeRegExp).join('|')})`, 'iu');
  // With one capturing group, split puts every match at an odd index.
  return text
    .split(pattern)
    .map((piece, index) => ({ text: piece, hit: index % 2 === 1 }))
    .filter((piece) => piece.text !== '');
}

function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
