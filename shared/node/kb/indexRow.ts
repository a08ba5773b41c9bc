import type { KbArticle } from '../../domain/kb';
import type { KbAnalyzer } from './analyzer';
import { packBody } from './articleBody';
import { FIELDS, normalizedFields } from './fields';
import { hanCounts } from './hanCounts';
import { termKeys } from './termLookup';
import { bigramsOf } from './text';
import { packWords } from './wordOffsets';

/** A new Han word of a title or keys, with the pinyin keys the typo path looks it up by. */
export interface TermRow {
  readonly term: string;
  readonly pinyin: string;
  readonly initials: string;
}

/**
 * Everything one article writes into the KB file, computed apart from the database so that a bulk
 * build can segment in worker threads while the main thread only inserts (`rowBatch.ts` carries
 * rows across threads).
 */
export interface IndexRow {
  readonly id: string;
  readonly category: string;
  readonly season: string;
  readonly regionless: number;
  /** Term counts per layer (words, bigrams, characters) and field, as `kb_article.lens` stores them. */
  readonly lens: readonly number[];
  /** Segmented words of title, keys, answer, space-separated: what the words FTS table indexes. */
  readonly words: readonly [string, string, string];
  /** The same words as places in the normalised fields (`wordOffsets.ts`): stored for re-scoring. */
  readonly packedWords: Uint8Array;
  /** Character bigrams of title and keys. */
  readonly bigrams: readonly [string, string];
  /** The rest of the article (`articleBody.ts`). */
  readonly body: Uint8Array;
  readonly subjects: readonly string[];
  readonly regions: readonly string[];
  /** Distinct Han characters, as one string (their document frequencies are scored; one string crosses threads cheaply). */
  readonly chars: string;
  /** Title and keys words and bigrams not yet offered by this producer — the words an operator mistypes. */
  readonly terms: readonly TermRow[];
}

const HAN = /\p{Script=Han}/u;

/** Computes an article's row; `seen` holds the terms this producer already offered (pinyin is costly). */
export function indexRow(article: KbArticle, analyzer: KbAnalyzer, seen: Set<string>): IndexRow {
  const norm = normalizedFields(article);
  const texts = FIELDS.map((f) => norm[f]);
  const words = texts.map((t) => analyzer.segment(t));
  const [title = [], keys = [], answer = []] = words;
  // The answer's bigrams and characters are only counted: its words are what the index holds of it.
  const bigrams = [bigramsOf(norm.title), bigramsOf(norm.keys)] as const;
  const han = hanCounts(texts);
  const terms: TermRow[] = [];
  for (const list of [title, keys, ...bigrams]) {
    for (const t of list) {
      if (seen.has(t)) continue;
      seen.add(t);
      if (!HAN.test(t) || Array.from(t).length < 2) continue;
      terms.push({ term: t, ...termKeys(t) });
    }
  }
  return {
    id: article.id,
    category: article.category,
    season: article.season,
    regionless: article.regions.length === 0 ? 1 : 0,
    lens: [...words.map((w) => w.length), ...han.bigrams, ...han.chars],
    words: [title.join(' '), keys.join(' '), answer.join(' ')],
    packedWords: packWords(texts, words),
    bigrams: [bigrams[0].join(' '), bigrams[1].join(' ')],
    body: packBody(article),
    subjects: [...new Set(article.subjects)],
    regions: [...new Set(article.regions)],
    chars: han.distinct,
    terms,
  };
}
