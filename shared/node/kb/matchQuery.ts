/**
 * FTS5 MATCH strings built only from our own tokens: every token is a quoted string (a `"` inside is
 * doubled; with `prefix`, followed by FTS5's prefix star), joined with OR. Nothing the operator types (quotes, AND/OR/NOT/NEAR, `*`, brackets,
 * column filters) reaches FTS5 as syntax, and an empty token list means "no query" rather than "all".
 */
const MAX_TOKENS = 128;

export function matchAny(tokens: readonly string[], prefix = false): string | null {
  const clean = [...new Set(tokens.filter((t) => t.length > 0))].slice(0, MAX_TOKENS);
  if (clean.length === 0) return null;
  return clean.map((t) => `"${t.replaceAll('"', '""')}"${prefix ? '*' : ''}`).join(' OR ');
}
