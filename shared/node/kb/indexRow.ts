import type { KbArticle } from '../../domain/kb';
import type { KbAnalyzer } from './analyzer';
import { packBody } from './articleBody';
import { FIELDS, fieldLengths, indexFields, normalizedFields } from './fields';
import { termKeys } from './termLookup';
import { packWords } from './wordOffsets';

/** A new Han word of a title or keys, with the pinyin keys the typo path looks it up by. */
export interface TermRow {
  readonly term: string;
  readonly pinyin: string;
  readonly initials: string;
}

/**
 * Everything one article writes into the KB file, computed apart from the database so that a bulk
 * build can segment in worker threads while the main thread only inserts (plain data: it crosses
 * `postMessage`).
 */
export interface IndexRow {
  readonly id: string;
  readonly category: string;
  readonly season: string;
  readonly regionless: number;
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

/** Computes an article's row; `seen` holds the terms this producer already offered (pinyin is costly). */
export function indexRow(article: KbArticle, analyzer: KbAnalyzer, seen: Set<string>): IndexRow {
  const norm = normalizedFields(article);
  const fields = indexFields(norm, analyzer);
  const terms: TermRow[] = [];
  for (const list of [fields.words.title, fields.words.keys, fields.bigrams.title, fields.bigrams.keys]) {
    for (const t of list) {
      if (seen.has(t)) continue;
      seen.add(t);
      if (!/\p{Script=Han}/u.test(t) || Array.from(t).length < 2) continue;
      terms.push({ term: t, ...termKeys(t) });
    }
  }
  // A loop, not flatMap + spread: this set is a large share of a row's cost otherwise.
  const chars = new Set<string>();
  for (const f of FIELDS) for (const ch of fields.chars[f]) chars.add(ch);
  const words = FIELDS.map((f) => fields.words[f]);
  return {
    id: article.id,
    category: article.category,
    season: article.season,
    regionless: article.regions.length === 0 ? 1 : 0,
    lens: fieldLengths(fields),
    words: [words[0]!.join(' '), words[1]!.join(' '), words[2]!.join(' ')],
    packedWords: packWords(
      FIELDS.map((f) => norm[f]),
      words,
    ),
    bigrams: [fields.bigrams.title.join(' '), fields.bigrams.keys.join(' ')],
    body: packBody(article),
    subjects: [...new Set(article.subjects)],
    regions: [...new Set(article.regions)],
    chars: [...chars].join(''),
    terms,
  };
}
