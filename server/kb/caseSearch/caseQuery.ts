import { sql } from 'kysely';
import { type KbAnalyzer } from '../../../shared/node/kb/analyzer';
import { isScopeWord } from './scopeWords';

/** Bounds the work one query can cause, whatever was typed. */
const MAX_WORDS = 12;
const MAX_SYNONYMS = 6;

/** One word of the query: any alternative (the word, or a synonym cut into words that must all occur). */
export type WordGroup = string[][];

/**
 * A query as groups of alternatives: every group must match (AND); within a group any alternative
 * (OR); an alternative is one or more words that must all occur. Built only from analyzer words,
 * which hold letters and digits alone, so nothing the user typed reaches MATCH or tsquery syntax.
 */
export interface CaseQuery {
  words: string[];
  groups: WordGroup[];
}

export function buildCaseQuery(analyzer: KbAnalyzer, text: string): CaseQuery {
  // A typed word shaped like a scope word would find cases by who may see them, not by what they say.
  const words = [...new Set(analyzer.segment(text))].filter((w) => !isScopeWord(w)).slice(0, MAX_WORDS);
  const groups = words.map((word) => {
    const alternatives: WordGroup = [[word]];
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

/** Every word searched for, synonyms included: what a hit may show marked. */
export function markedTerms(q: CaseQuery): string[] {
  return [...new Set(q.groups.flat(2))];
}

/** FTS5 MATCH text: every word double-quoted (a string, never an operator), AND of OR groups. */
export function fts5Match(groups: readonly WordGroup[]): string {
  const quote = (w: string) => `"${w.replace(/"/g, '""')}"`;
  return groups
    .map(
      (alts) =>
        `(${alts.map((words) => (words.length === 1 ? quote(words[0]!) : `(${words.map(quote).join(' AND ')})`)).join(' OR ')})`,
    )
    .join(' AND ');
}

/** tsquery from analyzer words only: each word through plainto_tsquery, so no operator can be injected. */
export function tsQuery(groups: readonly WordGroup[]) {
  const alt = (words: string[]) => sql`plainto_tsquery('simple', ${words.join(' ')})`;
  const group = (alts: WordGroup) => sql`(${sql.join(alts.map(alt), sql` || `)})`;
  return sql`(${sql.join(groups.map(group), sql` && `)})`;
}
