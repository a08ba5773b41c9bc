/**
 * Text search over cases without a Chinese word segmenter: every run of letters/digits is indexed as
 * its overlapping character bigrams (玉米价格 → 玉米 米价 价格), and a query term becomes the phrase of
 * its bigrams. A phrase of consecutive bigrams matches exactly where the term occurs as a substring,
 * so 2-character words (玉米, 猪瘟), names and phone fragments (5678) are found. One-character terms
 * are looked up in a second column holding each distinct character.
 */
const RUN = /[\p{L}\p{N}]+/gu;

/** Full-width forms to ASCII (ＡＢ１２ → ab12) and lower case, the same for indexed text and queries. */
function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function searchTerms(text: string): string[] {
  return normalize(text).match(RUN) ?? [];
}

function bigrams(term: string): string[] {
  const chars = Array.from(term);
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => chars[i] + c);
}

/** The two FTS columns of a case: bigrams of each field, and every distinct character. */
export function indexText(fields: readonly (string | null)[]): { grams: string; chars: string } {
  const terms = fields.flatMap((field) => (field ? searchTerms(field) : []));
  return {
    grams: terms.flatMap(bigrams).join(' '),
    chars: [...new Set(terms.flatMap((t) => Array.from(t)))].join(' '),
  };
}

/**
 * Builds an FTS5 MATCH expression from a user's text, or null when it holds nothing searchable.
 * The user's characters never reach MATCH syntax: terms are letters and digits only, each inside a
 * quoted phrase, so quotes, AND, *, NEAR( or brackets typed by an operator are plain text.
 */
export function buildMatch(text: string): string | null {
  const terms = [...new Set(searchTerms(text))];
  if (terms.length === 0) return null;
  return terms
    .map((t) => (Array.from(t).length >= 2 ? `grams : "${bigrams(t).join(' ')}"` : `chars : "${t}"`))
    .join(' AND ');
}
