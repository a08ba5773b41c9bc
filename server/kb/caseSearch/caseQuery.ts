import { type KbAnalyzer } from '../../../shared/node/kb/analyzer';

/** Bounds the work one query can cause, whatever was typed. */
const MAX_WORDS = 12;
const MAX_SYNONYMS = 6;

/**
 * A query as groups of alternatives: every group must match (AND); within a group any alternative
 * (OR); an alternative is one or more words that must all occur. Built only from analyzer words,
 * which hold letters and digits alone, so nothing the user typed reaches MATCH or tsquery syntax.
 */
export interface CaseQuery {
  words: string[];
  groups: string[][][];
}

export function buildCaseQuery(analyzer: KbAnalyzer, text: string): CaseQuery {
  const words = [...new Set(analyzer.segment(text))].slice(0, MAX_WORDS);
  const groups = words.map((word) => {
    const alternatives: string[][] = [[word]];
    const seen = new Set([word]);
    for (const link of analyzer.lexicon.synonymsOf(word)) {
      if (alternatives.length > MAX_SYNONYMS) break;
      const synWords = [...new Set(analyzer.segment(link.word))];
      const key = synWords.join(' ');
      if (synWords.length === 0 || seen.has(key)) continue;
      seen.add(key);
      alternatives.push(synWords);
    }
    return alternatives;
  });
  return { words, groups };
}

/** FTS5 MATCH text: every word double-quoted (a string, never an operator), AND of OR groups. */
export function fts5Match(q: CaseQuery): string {
  const quote = (w: string) => `"${w.replace(/"/g, '""')}"`;
  return q.groups
    .map(
      (alts) =>
        `(${alts.map((words) => (words.length === 1 ? quote(words[0]!) : `(${words.map(quote).join(' AND ')})`)).join(' OR ')})`,
    )
    .join(' AND ');
}
