const SINGLE = 1;
const PAIR_START = 2;

/**
 * Counts of a query's character pairs (overlapping, as the query's pairs are cut) and single
 * characters in a text — a candidate's field, when search re-scores it. Every candidate's whole
 * text is read (a hundred-odd a query): the text is scanned by code units against a table of what
 * the terms start with, instead of making a string of every character and pair in it and looking
 * that up, which was a tenth of a search.
 */
export function gramCounter(terms: Iterable<string>): (text: string) => Map<string, number> {
  const wanted = new Set(terms);
  // A term outside the BMP is not two code units of one table: such queries take the plain way.
  if ([...wanted].some((t) => /[\ud800-\udfff]/.test(t))) return (text) => countByCodePoint(text, wanted);
  const marks = new Uint8Array(0x10000);
  const singles = new Map<number, string>();
  const pairs = new Map<number, string>();
  for (const t of wanted) {
    const first = t.charCodeAt(0);
    if (t.length === 1) {
      singles.set(first, t);
      marks[first]! |= SINGLE;
    } else if (t.length === 2) {
      pairs.set(first * 0x10000 + t.charCodeAt(1), t);
      marks[first]! |= PAIR_START;
    }
  }
  return (text) => {
    const m = new Map<string, number>();
    // The code unit before, when a wanted pair starts with it.
    let previous = -1;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (previous >= 0) add(m, pairs.get(previous * 0x10000 + unit));
      const mark = marks[unit]!;
      if (mark & SINGLE) add(m, singles.get(unit));
      previous = mark & PAIR_START ? unit : -1;
    }
    return m;
  };
}

function add(m: Map<string, number>, term: string | undefined): void {
  if (term !== undefined) m.set(term, (m.get(term) ?? 0) + 1);
}

function countByCodePoint(text: string, wanted: ReadonlySet<string>): Map<string, number> {
  const m = new Map<string, number>();
  const chars = Array.from(text);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    if (wanted.has(g)) add(m, g);
  }
  for (const ch of chars) if (wanted.has(ch)) add(m, ch);
  return m;
}
