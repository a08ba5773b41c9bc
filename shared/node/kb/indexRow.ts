import type { KbArticle } from '../../domain/kb';
import type { KbAnalyzer } from './analyzer';
import { FIELDS, fieldLengths, indexFields } from './fields';
import { termKeys } from './termLookup';

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
  /** Segmented words of title, keys, answer: stored for re-scoring and fed to the words FTS table. */
  readonly words: readonly [string, string, string];
  /** Character bigrams of title and keys. */
  readonly bigrams: readonly [string, string];
  readonly body: string;
  readonly subjects: readonly string[];
  readonly regions: readonly string[];
  /** Distinct Han characters, as one string (their document frequencies are scored; one string crosses threads cheaply). */
  readonly chars: string;
  /** Title and keys words and bigrams not yet offered by this producer — the words an operator mistypes. */
  readonly terms: readonly TermRow[];
}

/** Computes an article's row; `seen` holds the terms this producer already offered (pinyin is costly). */
export function indexRow(article: KbArticle, analyzer: KbAnalyzer, seen: Set<string>): IndexRow {
  const fields = indexFields(article, analyzer);
  const terms: TermRow[] = [];
  for (const t of [...fields.words.title, ...fields.words.keys, ...fields.bigrams.title, ...fields.bigrams.keys]) {
    if (seen.has(t)) continue;
    seen.add(t);
    if (!/\p{Script=Han}/u.test(t) || Array.from(t).length < 2) continue;
    terms.push({ term: t, ...termKeys(t) });
  }
  return {
    id: article.id,
    category: article.category,
    season: article.season,
    regionless: article.regions.length === 0 ? 1 : 0,
    lens: fieldLengths(fields),
    words: [fields.words.title.join(' '), fields.words.keys.join(' '), fields.words.answer.join(' ')],
    bigrams: [fields.bigrams.title.join(' '), fields.bigrams.keys.join(' ')],
    body: JSON.stringify(article),
    subjects: [...new Set(article.subjects)],
    regions: [...new Set(article.regions)],
    chars: [...new Set(FIELDS.flatMap((f) => fields.chars[f]))].join(''),
    terms,
  };
}
