import { FIELDS, type Field, type FieldNumbers, type Layer } from './fields';
import type { Concept, QueryPlan } from './queryPlan';
import type { Ranking } from './ranking';
import { hanCharsOf } from './text';

/**
 * One ranking for all paths: BM25F over the fields (title > tags/subjects > answer) on three layers —
 * concepts over segmented words (each scoring through the typed word, a synonym or a correction), and
 * character bigrams and single characters, which catch what segmentation and synonyms miss — scaled
 * by how much of the query the article covers and by whether it is about the crop or animal asked for.
 */
const K1 = 1.2;
const B = 0.75;

export interface CorpusStats {
  readonly docs: number;
  readonly avg: Readonly<Record<Layer, FieldNumbers>>;
}

/** A candidate article's counts of the query's terms, per layer and field, and its field lengths. */
export interface CandidateTerms {
  readonly counts: Readonly<Record<Layer, Readonly<Record<Field, ReadonlyMap<string, number>>>>>;
  readonly lens: Readonly<Record<Layer, FieldNumbers>>;
  /** The title's words: how much of the title the query asks for (all of it, for a title typed in full). */
  readonly titleWords: readonly string[];
}

export type DocFrequency = (layer: Layer, term: string) => number;

export interface ScoredCandidate {
  readonly score: number;
  /** The article's words that matched (for highlighting). */
  readonly matched: readonly string[];
  /** It matched a query concept of the agricultural vocabulary / a crop or animal the query names. */
  readonly domainMatched: boolean;
  readonly subjectMatched: boolean;
  /** Share of the query's typed words the article contains (idf-weighted, 0..1). */
  readonly coverage: number;
}

export function idf(docs: number, df: number): number {
  return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
}

/** Saturated, length-normalised, field-weighted frequency of any of `terms` in one layer (BM25F). */
function bm25f(terms: readonly string[], doc: CandidateTerms, layer: Layer, avg: FieldNumbers, r: Ranking): number {
  let tf = 0;
  for (const f of FIELDS) {
    let n = 0;
    for (const t of terms) n += doc.counts[layer][f].get(t) ?? 0;
    if (n > 0) tf += (r.fields[f] * n) / (1 - B + (B * doc.lens[layer][f]) / Math.max(avg[f], 1));
  }
  return tf / (K1 + tf);
}

/**
 * A concept's document frequency is that of its most common alternative (as Lucene's SynonymQuery
 * does): an article saying 苞米 is no rarer a match for "玉米" than one saying 玉米.
 */
function conceptIdf(c: Concept, stats: CorpusStats, df: DocFrequency): number {
  const words = Math.max(...c.alternatives.map((a) => df('words', a.word)));
  // Articles write a lone character (霉, 枯) inside words (霉变, 枯萎): as a word it is rare, yet
  // it tells no more about an article than the character does.
  const single = Array.from(c.source).length === 1 ? df('chars', c.source) : 0;
  return idf(stats.docs, Math.max(words, single));
}

/** A concept's share of the query: less for a word of the story told around the question. */
const told = (c: Concept, r: Ranking) => (c.narrative ? r.narrativeWords : 1);

/**
 * What an article answering every part of the query would score: each typed concept, bigram and
 * character found once in the title. Terms no article contains count too — a query about something
 * the KB does not cover (天麻, 驾照) then reaches only a small share of its strength.
 */
export function queryStrength(plan: QueryPlan, stats: CorpusStats, df: DocFrequency, r: Ranking): number {
  const inTitle = r.fields.title / (K1 + r.fields.title);
  let words = 0;
  for (const c of plan.concepts) if (c.kind === 'typed') words += told(c, r) * conceptIdf(c, stats, df);
  const grams = (layer: 'bigrams' | 'chars', terms: readonly string[]) =>
    terms.reduce((sum, t) => sum + idf(stats.docs, df(layer, t)), 0);
  return (
    inTitle *
    (r.layers.words * words +
      r.layers.bigrams * grams('bigrams', plan.bigrams) +
      r.layers.chars * grams('chars', plan.chars))
  );
}

const hasWord = (doc: CandidateTerms, word: string, fields: readonly Field[] = FIELDS) =>
  fields.some((f) => doc.counts.words[f].has(word));

const overlaps = (a: string, b: string) => a.includes(b) || b.includes(a);

/**
 * The idf-weighted share of the typed words the article contains: as a word or a synonym (1), through
 * a correction or re-reading of the same stretch (its weight), or only as characters (partly).
 */
function coverage(
  plan: QueryPlan,
  doc: CandidateTerms,
  present: ReadonlyMap<Concept, number>,
  idfOf: (c: Concept) => number,
  r: Ranking,
): number {
  let total = 0;
  let covered = 0;
  for (const c of plan.concepts) {
    if (c.kind !== 'typed') continue;
    const w = told(c, r) * idfOf(c);
    total += w;
    let best = present.has(c) ? 1 : 0;
    if (best < 1) {
      for (const [d, weight] of present)
        if (d.kind === 'derived' && overlaps(d.source, c.source)) best = Math.max(best, weight);
    }
    // A term of the agricultural vocabulary is met as itself, a synonym or a correction — never by
    // its characters (the 瘟 of 稻瘟病 is not 猪瘟); other words may be (猪圈 → 猪舍).
    if (best === 0 && !c.domain) {
      const chars = hanCharsOf(c.source);
      const found = chars.filter((ch) => FIELDS.some((f) => doc.counts.chars[f].has(ch))).length;
      if (chars.length > 0) best = (r.charCoverage * found) / chars.length;
    }
    covered += w * best;
  }
  return total > 0 ? covered / total : 1;
}

/** The idf-weighted share of the title's words the query reads (as typed, as a synonym or a correction). */
function titleCoverage(doc: CandidateTerms, asked: ReadonlySet<string>, wordIdf: (w: string) => number): number {
  let total = 0;
  let covered = 0;
  for (const w of new Set(doc.titleWords)) {
    const v = wordIdf(w);
    total += v;
    if (asked.has(w)) covered += v;
  }
  return total > 0 ? covered / total : 0;
}

const asked = new WeakMap<QueryPlan, ReadonlySet<string>>();

/** Every word the query reads, computed once per query rather than per candidate. */
function askedWords(plan: QueryPlan): ReadonlySet<string> {
  let words = asked.get(plan);
  if (!words) {
    words = new Set(plan.concepts.flatMap((c) => c.alternatives.map((a) => a.word)));
    asked.set(plan, words);
  }
  return words;
}

export function scoreCandidate(
  plan: QueryPlan,
  doc: CandidateTerms,
  stats: CorpusStats,
  df: DocFrequency,
  r: Ranking,
): ScoredCandidate {
  let words = 0;
  const matched: string[] = [];
  const present = new Map<Concept, number>();
  const idfs = new Map<Concept, number>();
  const idfOf = (c: Concept) => {
    let v = idfs.get(c);
    if (v === undefined) idfs.set(c, (v = conceptIdf(c, stats, df)));
    return v;
  };
  let domainMatched = false;
  let subjectMatched = false;
  let subjectNamed = false;
  const asksSubject = plan.concepts.some((c) => c.subject);
  for (const c of plan.concepts) {
    const found = c.alternatives.filter((a) => hasWord(doc, a.word));
    if (found.length === 0) continue;
    domainMatched ||= c.domain;
    subjectMatched ||= c.subject;
    if (c.subject) subjectNamed ||= found.some((a) => hasWord(doc, a.word, ['title', 'keys']));
    const weight = Math.max(...found.map((a) => a.weight));
    present.set(c, weight);
    const terms = found.map((a) => a.word);
    words += told(c, r) * weight * idfOf(c) * bm25f(terms, doc, 'words', stats.avg.words, r);
    matched.push(...terms);
  }
  // Characters and pairs stand in for words the article does not have (叶子 → 叶片, 保暖 → 保温);
  // inside a word it matched they would count that word again.
  const spent = new Set<string>();
  for (const [c] of present) for (const ch of hanCharsOf(c.source)) spent.add(ch);
  for (const w of matched) for (const ch of hanCharsOf(w)) spent.add(ch);
  const weightOf = (g: string) => (hanCharsOf(g).some((ch) => !spent.has(ch)) ? 1 : 1 - r.spentGramDiscount);
  const grams = (layer: 'bigrams' | 'chars', terms: readonly string[]) => {
    let s = 0;
    for (const t of terms) {
      const v = bm25f([t], doc, layer, stats.avg[layer], r);
      if (v > 0) s += weightOf(t) * idf(stats.docs, df(layer, t)) * v;
    }
    return s;
  };
  const base =
    r.layers.words * words +
    r.layers.bigrams * (grams('bigrams', plan.bigrams) + r.rewrittenGrams * grams('bigrams', plan.rewrittenBigrams)) +
    r.layers.chars * (grams('chars', plan.chars) + r.rewrittenGrams * grams('chars', plan.rewrittenChars));
  const share = coverage(plan, doc, present, idfOf, r);
  const aboutSubject = !asksSubject || subjectNamed ? 1 : r.subjectMiss;
  const title = titleCoverage(doc, askedWords(plan), (w) => idf(stats.docs, df('words', w)));
  const score = base * (1 - r.coverage + r.coverage * share) * (1 + r.titleCoverage * title) * aboutSubject;
  return { score, matched, domainMatched, subjectMatched, coverage: share };
}
