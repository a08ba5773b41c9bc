/**
 * Text normalisation shared by indexing, querying and highlighting. Everything that compares words
 * goes through `normalizeText`, so full-width letters, upper case and compatibility forms typed by an
 * operator meet the same words the articles were indexed with.
 */

/** Full-width → half-width and compatibility forms (NFKC), then lower case. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

const HAN = /\p{Script=Han}/u;

/**
 * Whether a code unit outside the surrogates is in `re` (a class of one code point, with the u flag),
 * asked of the regex once per code unit and remembered: indexing and re-scoring look at every
 * character of every article, and a table lookup there costs less than a regex step and the string
 * it matches. A lone surrogate is in no such class, as for the regex.
 */
export function codeUnitClass(re: RegExp): (unit: number) => boolean {
  // 0 not asked yet, 1 no, 2 yes.
  const known = new Uint8Array(0x10000);
  return (unit) => {
    let v = known[unit]!;
    if (v === 0) {
      v = re.test(String.fromCharCode(unit)) ? 2 : 1;
      known[unit] = v;
    }
    return v === 2;
  };
}

const isHanUnit = codeUnitClass(HAN);

/** Code units of the Han character at `i` of `text`: 0 if there is none, 2 for one outside the BMP. */
export function hanLength(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit >= 0xd800 && unit <= 0xdbff) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return HAN.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  return isHanUnit(unit) ? 1 : 0;
}

/** Every Han character, in order. */
export function hanCharsOf(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const n = hanLength(text, i);
    if (n === 0) continue;
    out.push(n === 1 ? text[i]! : text.slice(i, i + n));
    i += n - 1;
  }
  return out;
}

/** Overlapping character pairs of each run of Han characters; a lone character stands for itself. */
export function bigramsOf(text: string): string[] {
  const out: string[] = [];
  // Start of the run's previous character (-1 outside a run) and how many characters the run has.
  let previous = -1;
  let runLength = 0;
  for (let i = 0; i < text.length;) {
    const n = hanLength(text, i);
    if (n === 0) {
      if (runLength === 1) out.push(text.slice(previous, i));
      previous = -1;
      runLength = 0;
      i++;
      continue;
    }
    if (previous >= 0) out.push(text.slice(previous, i + n));
    previous = i;
    runLength++;
    i += n;
  }
  if (runLength === 1) out.push(text.slice(previous));
  return out;
}
