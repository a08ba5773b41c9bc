import type { KbAnalyzer } from './analyzer';
import { askingClauses } from './clauses';
import { fitsMixed, initialsKey, pinyinKey } from './pinyin';
import { spokenForms } from './spokenForms';
import { bigramsOf, hanCharsOf, normalizeText } from './text';

/**
 * What a query is understood as: concepts (a word the operator typed, with its synonyms, or a
 * typo/pinyin reading of a stretch of the query) and the character bigrams of the text.
 */
export interface Alternative {
  readonly word: string;
  /** 1 for the word as typed; less for synonyms and corrected typos. */
  readonly weight: number;
}

export interface Concept {
  /** The stretch of the normalised query this concept reads. */
  readonly source: string;
  readonly alternatives: readonly Alternative[];
  /** Typed words define how much a query asks for; corrections only help meet it. */
  readonly kind: 'typed' | 'derived';
  /** Some alternative is a term of the agricultural vocabulary / a crop or animal. */
  readonly domain: boolean;
  readonly subject: boolean;
  /** Read outside the clauses that ask, in a query that tells a story around its question: it counts less. */
  readonly narrative: boolean;
}

export interface QueryPlan {
  readonly concepts: readonly Concept[];
  /** Bigrams and characters of the text as typed. */
  readonly bigrams: readonly string[];
  readonly chars: readonly string[];
  /** Bigrams and characters the canonical re-reading adds (玉米叶 for 苞米叶): answers use standard terms. */
  readonly rewrittenBigrams: readonly string[];
  readonly rewrittenChars: readonly string[];
}

/** Lookups into the index's word list (and the lexicon) for the typo and initials paths. */
export interface TermLookup {
  isKnown(term: string): boolean;
  byPinyin(key: string): readonly string[];
  /** Terms whose characters' initials spell `key`; `dictionaryOnly` keeps to the agricultural lexicon. */
  byInitials(key: string, dictionaryOnly: boolean): readonly { term: string; initials: string }[];
}

/** Long rambling text is still searched, but only this much of it is analysed (bounded work per keystroke). */
const MAX_ANALYSED_CHARS = 400;
const MAX_WORDS = 48;
const MAX_BIGRAMS = 96;
const TYPO_WINDOW = { min: 2, max: 4 } as const;
const MAX_CORRECTIONS_PER_WINDOW = 3;
/** More Latin letters in a row are a word (kcl, mcpa), not initials typed for speed. */
const MAX_INITIALS = 5;
const MIN_BARE_INITIALS = 3;
/** Only a farmer's word's canonical term is substituted into the text (not every other name). */
const CANONICAL_WEIGHT = 0.9;
/** A homophone correction counts less than a word as typed, and less than a synonym. */
const CORRECTION_WEIGHT = 0.8;
/**
 * A spoken form is the written word itself (打完药 says 打药), not a guess like a homophone
 * correction: it counts as typed.
 */
const SPOKEN_WEIGHT = 1;
/** Initials are far more ambiguous than full pinyin. */
const INITIALS_WEIGHT = 0.7;
/** The crop or animal a word starts with stands for the word less well than a synonym does. */
const PART_WEIGHT = 0.5;

export function planQuery(text: string, analyzer: KbAnalyzer, lookup: TermLookup): QueryPlan {
  const norm = normalizeText(text).slice(0, MAX_ANALYSED_CHARS);
  const concepts: Concept[] = [];
  const seen = new Set<string>();
  const words = typedWords(norm, analyzer, lookup);
  for (const word of words) {
    if (seen.has(word) || seen.size >= MAX_WORDS) continue;
    seen.add(word);
    // Search mode also gives the parts of a long word (耕地, 地力, 补贴 of 耕地地力保护补贴): they help
    // an article match, but the operator asked for the word once.
    const kind = words.some((w) => w.length > word.length && w.includes(word)) ? 'derived' : 'typed';
    concepts.push(concept(word, [...withSynonyms(word, 1, analyzer), ...namedPart(word, analyzer)], kind, analyzer));
  }
  const rewritten = canonicalTexts(norm, concepts, analyzer);
  concepts.push(...rewrittenWords(rewritten, analyzer, seen));
  concepts.push(...homophoneCorrections(norm, analyzer, lookup, seen));
  concepts.push(...writtenWords(norm, analyzer, lookup, seen));
  concepts.push(...initialsReadings(norm, analyzer, lookup));
  const bigrams = [...new Set(bigramsOf(norm))].slice(0, MAX_BIGRAMS);
  const chars = [...new Set(hanCharsOf(norm))].slice(0, MAX_BIGRAMS);
  const typedBigrams = new Set(bigrams);
  const typedChars = new Set(chars);
  return {
    concepts: markNarrative(concepts, [norm, ...rewritten]),
    bigrams,
    chars,
    rewrittenBigrams: [...new Set(bigramsOf(rewritten[0]!))].filter((g) => !typedBigrams.has(g)).slice(0, MAX_BIGRAMS),
    rewrittenChars: [...new Set(hanCharsOf(rewritten[0]!))].filter((c) => !typedChars.has(c)).slice(0, MAX_BIGRAMS),
  };
}

/**
 * The query's words. A word jieba guessed (防蚊: characters its HMM joined) that neither the index
 * nor the lexicon knows can match nothing and, being unknown, would weigh most in the query: it is
 * read as the dictionary words and characters it is made of (防, 蚊).
 */
function typedWords(norm: string, analyzer: KbAnalyzer, lookup: TermLookup): string[] {
  return analyzer.segment(norm).flatMap((word) => {
    if (Array.from(word).length < 2 || lookup.isKnown(word)) return [word];
    const parts = analyzer.dictionaryWords(word);
    return parts.length > 1 || parts[0] !== word ? parts : [word];
  });
}

/**
 * A word that starts with a crop or animal (羊圈, 鸭棚) is about it: articles name the crop or animal
 * with their own word for the rest (羊舍, 禽舍).
 */
function namedPart(word: string, analyzer: KbAnalyzer): Alternative[] {
  const lex = analyzer.lexicon;
  if (lex.isTerm(word)) return [];
  const chars = Array.from(word);
  for (let len = chars.length - 1; len >= 1; len--) {
    const head = chars.slice(0, len).join('');
    if (lex.isSubject(head)) return withSynonyms(head, PART_WEIGHT, analyzer);
  }
  return [];
}

function concept(source: string, alternatives: Alternative[], kind: Concept['kind'], analyzer: KbAnalyzer): Concept {
  const lex = analyzer.lexicon;
  return {
    source,
    alternatives,
    kind,
    domain: alternatives.some((a) => lex.isTerm(a.word)),
    subject: alternatives.some((a) => lex.isSubject(a.word)),
    narrative: false,
  };
}

/**
 * A clause asking with fewer of the query's own words is a tag question (……，划算不): it asks about
 * the story, which then is the question.
 */
const MIN_ASKED_WORDS = 2;

/** Concepts read from outside the clauses that ask (in the text as typed or re-read) are narrative. */
function markNarrative(concepts: Concept[], texts: readonly string[]): Concept[] {
  const clauses = texts.flatMap((t) => askingClauses(t) ?? []);
  const inQuestion = (c: Concept) => clauses.some((cl) => cl.includes(c.source));
  if (concepts.filter((c) => c.kind === 'typed' && inQuestion(c)).length < MIN_ASKED_WORDS) return concepts;
  return concepts.map((c) => (inQuestion(c) ? c : { ...c, narrative: true }));
}

function withSynonyms(word: string, weight: number, analyzer: KbAnalyzer): Alternative[] {
  const out: Alternative[] = [{ word, weight }];
  for (const s of analyzer.lexicon.synonymsOf(word)) out.push({ word: s.word, weight: weight * s.weight });
  return out;
}

/**
 * The query re-read with each farmer's word replaced by its canonical term (苞米螟 → 玉米螟, a word
 * of its own that neither 苞米 nor 玉米 would find), longest words first. A word with several
 * canonical terms (钻心虫: 玉米螟 or 二化螟) gives one more reading per further term.
 */
function canonicalTexts(norm: string, typed: readonly Concept[], analyzer: KbAnalyzer): string[] {
  const replacements = [...typed]
    .sort((a, b) => b.source.length - a.source.length)
    .map((c) => ({
      source: c.source,
      canonical: analyzer.lexicon
        .synonymsOf(c.source)
        .filter((s) => s.weight >= CANONICAL_WEIGHT)
        .map((s) => s.word),
    }))
    .filter((r) => r.canonical.length > 0);
  let primary = norm;
  for (const r of replacements) primary = primary.replaceAll(r.source, r.canonical[0]!);
  const others = replacements.flatMap((r) =>
    r.canonical.slice(1).map((word) => primary.replaceAll(r.canonical[0]!, word)),
  );
  return [primary, ...others];
}

function rewrittenWords(texts: readonly string[], analyzer: KbAnalyzer, seen: Set<string>): Concept[] {
  const out: Concept[] = [];
  for (const word of texts.flatMap((t) => analyzer.segment(t))) {
    if (seen.has(word)) continue;
    seen.add(word);
    out.push(concept(word, withSynonyms(word, CANONICAL_WEIGHT, analyzer), 'derived', analyzer));
  }
  return out;
}

/**
 * Spoken forms read as the written words articles use (打完药 → 打药, 租俺地 → 租地, 黄了 → 发黄):
 * the stretch holds the typed words, so an article with the written word covers them.
 */
function writtenWords(norm: string, analyzer: KbAnalyzer, lookup: TermLookup, seen: Set<string>): Concept[] {
  const out: Concept[] = [];
  // The index also knows pairs jieba's HMM made up in some article (紫是): only a dictionary word is written.
  const isWord = (w: string) =>
    lookup.isKnown(w) && (analyzer.lexicon.isTerm(w) || analyzer.dictionaryWords(w).join(' ') === w);
  for (const { source, word } of spokenForms(norm, isWord)) {
    if (seen.has(word)) continue;
    seen.add(word);
    out.push(concept(source, withSynonyms(word, SPOKEN_WEIGHT, analyzer), 'derived', analyzer));
  }
  return out;
}

/** Stretches of Han text that are not words of the index but sound exactly like one. */
function homophoneCorrections(
  norm: string,
  analyzer: KbAnalyzer,
  lookup: TermLookup,
  typedWords: ReadonlySet<string>,
): Concept[] {
  const out: Concept[] = [];
  const done = new Set<string>();
  const known = [...typedWords].filter((w) => Array.from(w).length > 1 && lookup.isKnown(w));
  for (const run of norm.match(/\p{Script=Han}+/gu) ?? []) {
    const chars = Array.from(run);
    // Characters inside a word the index knows were typed right; only stretches touching the rest can hold a typo.
    const covered = chars.map(() => false);
    for (const w of known) {
      const wl = Array.from(w).length;
      for (let at = run.indexOf(w); at >= 0; at = run.indexOf(w, at + 1)) {
        const start = Array.from(run.slice(0, at)).length;
        for (let k = start; k < start + wl; k++) covered[k] = true;
      }
    }
    for (let len = TYPO_WINDOW.max; len >= TYPO_WINDOW.min; len--) {
      for (let i = 0; i + len <= chars.length; i++) {
        if (covered.slice(i, i + len).every(Boolean)) continue;
        const window = chars.slice(i, i + len).join('');
        if (done.has(window) || lookup.isKnown(window)) continue;
        done.add(window);
        const fixes = lookup
          .byPinyin(pinyinKey(window))
          .filter((t) => t !== window)
          .slice(0, MAX_CORRECTIONS_PER_WINDOW);
        for (const fix of fixes) {
          out.push(concept(window, withSynonyms(fix, CORRECTION_WEIGHT, analyzer), 'derived', analyzer));
        }
      }
    }
  }
  return out;
}

/** `dl补贴`, `非洲zw`, `gbz`: Latin letters read as the initials of a dictionary term's characters. */
function initialsReadings(norm: string, analyzer: KbAnalyzer, lookup: TermLookup): Concept[] {
  const out: Concept[] = [];
  for (const run of norm.match(/[\p{Script=Han}a-z]*[a-z][\p{Script=Han}a-z]*/gu) ?? []) {
    const slots = Array.from(run);
    for (let start = 0; start < slots.length; start++) {
      for (let end = start + 2; end <= Math.min(slots.length, start + 8); end++) {
        const pattern = slots.slice(start, end);
        const letters = pattern.filter((c) => /[a-z]/.test(c)).length;
        if (letters === 0 || letters > MAX_INITIALS) continue;
        // Initials are typed a word at a time: a window must not cut a run of letters (zzzz holds no zz).
        if (cutsLetters(slots, start, end)) continue;
        const window = pattern.join('');
        if (lookup.isKnown(window)) continue;
        // Bare letters (zw) are too ambiguous for the whole word list, and two of them fit some
        // dictionary term whatever they are (26² pairs); with a Han anchor (非洲zw) they are not.
        const dictionaryOnly = !pattern.some((c) => !/[a-z]/.test(c));
        if (dictionaryOnly && letters < MIN_BARE_INITIALS) continue;
        for (const { term, initials } of lookup.byInitials(initialsKey(window), dictionaryOnly)) {
          if (!fitsMixed(pattern, term, initials)) continue;
          out.push(concept(window, withSynonyms(term, INITIALS_WEIGHT, analyzer), 'derived', analyzer));
        }
        // Pinyin spelled out next to characters (zhu + a character): a term sounding so that holds them.
        if (!dictionaryOnly && letters > 1) {
          const han = pattern.filter((c) => !/[a-z]/.test(c));
          for (const term of lookup.byPinyin(pinyinKey(window)).slice(0, MAX_CORRECTIONS_PER_WINDOW)) {
            if (!han.every((c) => term.includes(c))) continue;
            out.push(concept(window, withSynonyms(term, CORRECTION_WEIGHT, analyzer), 'derived', analyzer));
          }
        }
      }
    }
  }
  return out;
}

function cutsLetters(slots: readonly string[], start: number, end: number): boolean {
  const letter = (i: number) => /[a-z]/.test(slots[i] ?? '');
  return (letter(start) && letter(start - 1)) || (letter(end - 1) && letter(end));
}
