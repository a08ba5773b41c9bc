import { FIELDS, type Field, type FieldNumbers, type Layer } from './fields';
import type { Concept, QueryPlan } from './queryPlan';

/**
 * One ranking for all paths: BM25F over the fields (title > tags/subjects > answer) on three layers —
 * concepts over segmented words (each scoring through the typed word, a synonym or a correction), and
 * character bigrams and single characters, which catch what segmentation and synonyms miss.
 */
export const FIELD_WEIGHTS: FieldNumbers = { title: 4, keys: 2.5, answer: 1 };
const K1 = 1.2;
const B = 0.75;
/** How much each layer counts: words carry meaning; characters back them up. */
export const LAYER_WEIGHTS: Readonly<Record<Layer, number>> = { words: 1, bigrams: 0.3, chars: 1 };

export interface CorpusStats {
  readonly docs: number;
  readonly avg: Readonly<Record<Layer, FieldNumbers>>;
}

/** A candidate article's counts of the query's terms, per layer and field, and its field lengths. */
export interface CandidateTerms {
  readonly counts: Readonly<Record<Layer, Readonly<Record<Field, ReadonlyMap<string, number>>>>>;
  readonly lens: Readonly<Record<Layer, FieldNumbers>>;
}

export type DocFrequency = (layer: Layer, term: string) => number;

export interface ScoredCandidate {
  readonly score: number;
  /** The article's words that matched (for highlighting). */
  readonly matched: readonly string[];
  /** It matched a query concept of the agricultural vocabulary / a crop or animal the query names. */
  readonly domainMatched: boolean;
  readonly subjectMatched: boolean;
}

export function idf(docs: number, df: number): number {
  return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
}

/** Saturated, length-normalised, field-weighted frequency of any of `terms` in one layer (BM25F). */
function bm25f(terms: readonly string[], doc: CandidateTerms, layer: Layer, avg: FieldNumbers): number {
  let tf = 0;
  for (const f of FIELDS) {
    let n = 0;
    for (const t of terms) n += doc.counts[layer][f].get(t) ?? 0;
    if (n > 0) tf += (FIELD_WEIGHTS[f] * n) / (1 - B + (B * doc.lens[layer][f]) / Math.max(avg[f], 1));
  }
  return tf / (K1 + tf);
}

/**
 * A concept's document frequency is that of its most common alternative (as Lucene's SynonymQuery
 * does): an article saying 苞米 is no rarer a match for "玉米" than one saying 玉米.
 */
function conceptIdf(c: Concept, stats: CorpusStats, df: DocFrequency): number {
  return idf(stats.docs, Math.max(...c.alternatives.map((a) => df('words', a.word))));
}

/**
 * What an article answering every part of the query would score: each typed concept, bigram and
 * character found once in the title. Terms no article contains count too — a query about something
 * the KB does not cover (天麻, 驾照) then reaches only a small share of its strength.
 */
export function queryStrength(plan: QueryPlan, stats: CorpusStats, df: DocFrequency): number {
  const inTitle = FIELD_WEIGHTS.title / (K1 + FIELD_WEIGHTS.title);
  let words = 0;
  for (const c of plan.concepts) if (c.kind === 'typed') words += conceptIdf(c, stats, df);
  const grams = (layer: 'bigrams' | 'chars', terms: readonly string[]) =>
    terms.reduce((sum, t) => sum + idf(stats.docs, df(layer, t)), 0);
  return (
    inTitle *
    (LAYER_WEIGHTS.words * words +
      LAYER_WEIGHTS.bigrams * grams('bigrams', plan.bigrams) +
      LAYER_WEIGHTS.chars * grams('chars', plan.chars))
  );
}

export function scoreCandidate(
  plan: QueryPlan,
  doc: CandidateTerms,
  stats: CorpusStats,
  df: DocFrequency,
): ScoredCandidate {
  let words = 0;
  const matched: string[] = [];
  let domainMatched = false;
  let subjectMatched = false;
  for (const c of plan.concepts) {
    const present = c.alternatives.filter((a) => FIELDS.some((f) => doc.counts.words[f].has(a.word)));
    if (present.length === 0) continue;
    domainMatched ||= c.domain;
    subjectMatched ||= c.subject;
    const weight = Math.max(...present.map((a) => a.weight));
    const terms = present.map((a) => a.word);
    words += weight * conceptIdf(c, stats, df) * bm25f(terms, doc, 'words', stats.avg.words);
    matched.push(...terms);
  }
  const grams = (layer: 'bigrams' | 'chars', terms: readonly string[]) => {
    let s = 0;
    for (const t of terms) {
      const v = bm25f([t], doc, layer, stats.avg[layer]);
      if (v > 0) s += idf(stats.docs, df(layer, t)) * v;
    }
    return s;
  };
  const score =
    LAYER_WEIGHTS.words * words +
    LAYER_WEIGHTS.bigrams * grams('bigrams', plan.bigrams) +
    LAYER_WEIGHTS.chars * grams('chars', plan.chars);
  return { score, matched, domainMatched, subjectMatched };
}
