import type { FieldNumbers, Layer } from './fields';

/**
 * Every number the ranking and the "nothing fits" decision use, in one place so that
 * `bench/kb/tuneRanking.ts` can search them over the dev queries. The defaults are that search's
 * choice (see shared/node/kb/README.md for the values around them and how flat the optimum is).
 */
export interface Ranking {
  /** BM25F field weights: the title names what an article answers, keys (tags, subjects, category) next. */
  readonly fields: FieldNumbers;
  /** How much each term layer counts: words carry meaning; bigrams and characters back them up. */
  readonly layers: Readonly<Record<Layer, number>>;
  /** How much less bigrams and characters count inside a word the article matched (1: not at all; 0: the same). */
  readonly spentGramDiscount: number;
  /** Bigrams and characters of the query re-read with canonical terms, against those of the text as typed. */
  readonly rewrittenGrams: number;
  /**
   * Share of the score that depends on coverage — the idf-weighted fraction of the query's typed
   * words an article contains: one article meeting every part of a question beats one repeating a part.
   */
  readonly coverage: number;
  /** Bonus for an article whose title the query asks for in full (×(1 + this × share of the title's words)). */
  readonly titleCoverage: number;
  /** A typed word not found as a word, whose characters the article contains, counts this much as covered. */
  readonly charCoverage: number;
  /** How much a word told in the story around the clause that asks counts (1: as much as the question's own). */
  readonly narrativeWords: number;
  /** Factor for an article whose title and keys name none of the crops or animals the query names. */
  readonly subjectMiss: number;
  /** Hits below this share of the best one's score are noise next to it and are not shown. */
  readonly minShareOfTop: number;
  readonly fit: {
    /** Least share of the query's own best possible score (its strength) the best article must reach. */
    readonly minRelative: number;
    /** Least share of the query's typed words (idf-weighted) the best article must contain. */
    readonly minCoverage: number;
    /** The same, when the best article meets the query on no agricultural term. */
    readonly outOfDomainRelative: number;
    /** The same, when the query names a crop or animal the best article does not. */
    readonly missedSubjectRelative: number;
    /** A question with more typed words than this is rambling: a shorter share of it is expected. */
    readonly shortQueryConcepts: number;
  };
}

export const DEFAULT_RANKING: Ranking = {
  fields: { title: 3, keys: 5, answer: 1 },
  layers: { words: 1, bigrams: 0.4, chars: 2 },
  spentGramDiscount: 0.375,
  rewrittenGrams: 0.075,
  coverage: 0.16,
  titleCoverage: 0.375,
  charCoverage: 0.53,
  narrativeWords: 0.4,
  subjectMiss: 0.93,
  minShareOfTop: 0.25,
  fit: {
    minRelative: 0.1,
    minCoverage: 0.1,
    outOfDomainRelative: 0.275,
    missedSubjectRelative: 0.175,
    shortQueryConcepts: 4,
  },
};
