/**
 * Text normalisation shared by indexing, querying and highlighting. Everything that compares words
 * goes through `normalizeText`, so full-width letters, upper case and compatibility forms typed by an
 * operator meet the same words the articles were indexed with.
 */

/** Full-width → half-width and compatibility forms (NFKC), then lower case. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Every Han character, in order. */
export function hanCharsOf(text: string): string[] {
  return text.match(/\p{Script=Han}/gu) ?? [];
}

/** Runs of Han characters, in order (the material for bigrams and the pinyin typo path). */
function hanRuns(text: string): string[] {
  return text.match(/\p{Script=Han}+/gu) ?? [];
}

/** Overlapping character pairs of each Han run; a lone character stands for itself. */
export function bigramsOf(text: string): string[] {
  const out: string[] = [];
  for (const run of hanRuns(text)) {
    const chars = Array.from(run);
    if (chars.length === 1) out.push(run);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}
