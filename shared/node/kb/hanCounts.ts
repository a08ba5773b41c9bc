import { hanLength } from './text';

/** What an article's row needs of its fields' Han characters besides the title and keys bigrams. */
export interface HanCounts {
  /** Per text, how many characters `hanCharsOf` returns. */
  readonly chars: number[];
  /** Per text, how many pairs `bigramsOf` returns. */
  readonly bigrams: number[];
  /** The distinct Han characters of all the texts, in first-seen order, as one string. */
  readonly distinct: string;
}

/** Per BMP character, the last call of `hanCounts` that took it (0 = none yet). */
const takenIn = new Uint32Array(0x10000);
let call = 0;

/**
 * Counts without cutting: the answer's bigrams and characters are only counted and its characters'
 * document frequencies kept, and making a string of each (then hashing it into a Set) was a large
 * share of a row's cost. Distinct characters are marked in a table for the same reason.
 */
export function hanCounts(texts: readonly string[]): HanCounts {
  call++;
  if (call === 0xffffffff) {
    takenIn.fill(0);
    call = 1;
  }
  const chars: number[] = [];
  const bigrams: number[] = [];
  const distinct: string[] = [];
  let outsideBmp: Set<string> | null = null;
  for (const text of texts) {
    let count = 0;
    let pairs = 0;
    let run = 0;
    for (let i = 0; i < text.length;) {
      const n = hanLength(text, i);
      if (n === 0) {
        // A run of one character stands for itself among the bigrams.
        pairs += run === 1 ? 1 : 0;
        run = 0;
        i++;
        continue;
      }
      count++;
      pairs += run > 0 ? 1 : 0;
      run++;
      if (n === 1) {
        const unit = text.charCodeAt(i);
        if (takenIn[unit] !== call) {
          takenIn[unit] = call;
          distinct.push(text[i]!);
        }
      } else {
        const ch = text.slice(i, i + n);
        outsideBmp ??= new Set();
        if (!outsideBmp.has(ch)) {
          outsideBmp.add(ch);
          distinct.push(ch);
        }
      }
      i += n;
    }
    chars.push(count);
    bigrams.push(pairs + (run === 1 ? 1 : 0));
  }
  return { chars, bigrams, distinct: distinct.join('') };
}
