import { createHash } from 'node:crypto';
import path from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { type KbLexicon, loadKbLexicon } from './lexicon';
import { isStopword } from './stopwords';
import { codeUnitClass, normalizeText } from './text';

export interface KbAnalyzer {
  /** Changes whenever segmentation/dictionary output changes (an index built with another version must be rebuilt). */
  readonly version: string;
  /** Words for the index: jieba search mode + normalisation (full-width → half-width, lower case, stop punctuation). */
  segment(text: string): string[];
  /**
   * A word cut into dictionary words and single characters, without jieba's guesses at new words
   * (its HMM joins neighbouring characters, such as 防蚊, into one word).
   */
  dictionaryWords(word: string): string[];
  /** The same words joined by single spaces — what FTS5 (server/seat) and PostgreSQL tsvector('simple') index. */
  indexText(text: string): string;
  /** The agricultural vocabulary and synonyms the analyzer was loaded with (query expansion in KbIndex). */
  readonly lexicon: KbLexicon;
}

/** Bump when the code below changes what `segment` returns for the same dictionary. */
const ANALYZER_REVISION = 'jieba-search-2';
/** High enough that jieba keeps a dictionary term whole, as in jieba's own user-dictionary advice. */
const USER_TERM_FREQUENCY = 50_000;
/**
 * An everyday phrase (打蔫, 苞米叶) stays whole only where jieba would cut it into characters: 100 is
 * about the 90th percentile of jieba's own words, so it never outweighs a real word beside it — else
 * 苞米叶 would take 苞米叶子上 from 苞米 / 叶子 / 上.
 */
const EVERYDAY_TERM_FREQUENCY = 100;

const NON_WORD = /[^\p{L}\p{N}]+/u;
const WORD = /^[\p{L}\p{N}]+$/u;
const isWordUnit = codeUnitClass(/[\p{L}\p{N}]/u);

/** `WORD.test(token)`, without running a regex on each of the hundred-odd tokens of an article. */
function isWord(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const unit = token.charCodeAt(i);
    // A character outside the BMP is two code units: the regex judges it whole.
    if (unit >= 0xd800 && unit <= 0xdfff) return WORD.test(token);
    if (!isWordUnit(unit)) return false;
  }
  return token.length > 0;
}

const cache = new Map<string, KbAnalyzer>();

/** Loads jieba + the agricultural user dictionary + synonyms from `<dataDir>/kb/`. Cached per dataDir. */
export function loadKbAnalyzer(dataDir: string): KbAnalyzer {
  const key = path.resolve(dataDir);
  const cached = cache.get(key);
  if (cached) return cached;
  const analyzer = createAnalyzer(loadKbLexicon(key));
  cache.set(key, analyzer);
  return analyzer;
}

function createAnalyzer(lexicon: KbLexicon): KbAnalyzer {
  const jieba = Jieba.withDict(dict);
  // Single characters are already units for jieba; only multi-character terms need to stay whole.
  const userDict = lexicon.terms
    .filter((t) => Array.from(t).length > 1 && !/\s/.test(t))
    .map((t) => `${t} ${lexicon.isEverydayOnly(t) ? EVERYDAY_TERM_FREQUENCY : USER_TERM_FREQUENCY} n`)
    .join('\n');
  jieba.loadDict(Buffer.from(userDict, 'utf8'));

  const version = createHash('sha256')
    .update(ANALYZER_REVISION)
    .update('\u0000')
    .update(lexicon.fingerprint)
    .digest('hex')
    .slice(0, 16);

  const segment = (text: string): string[] => {
    if (!text) return [];
    const out: string[] = [];
    for (const raw of jieba.cutForSearch(normalizeText(text), true)) {
      // Most tokens are whole words: testing costs less than splitting each one.
      if (isWord(raw)) {
        if (!isStopword(raw)) out.push(raw);
        continue;
      }
      // Letters and digits only, so FTS5 unicode61 and PostgreSQL 'simple' see exactly these words.
      for (const word of raw.split(NON_WORD)) {
        if (word && !isStopword(word)) out.push(word);
      }
    }
    return out;
  };
  const dictionaryWords = (word: string): string[] =>
    jieba.cut(normalizeText(word), false).filter((w) => !NON_WORD.test(w) && !isStopword(w));
  return { version, segment, dictionaryWords, indexText: (text) => segment(text).join(' '), lexicon };
}
