import type { IndexRow, TermRow } from './indexRow';

/**
 * A batch of index rows as three flat arrays, the way a segment worker hands it to the writer:
 * structured clone of an array of row objects (keys, nested arrays, a buffer per row) cost the two
 * threads ~20 µs a row, this ~5 — and the two buffers are moved, not copied (`transferList`).
 */
export interface PackedRows {
  /** Per row: id, category, season, the 3 words and 2 bigram texts, chars, subjects, regions, then term, pinyin, initials per term. */
  readonly strings: string[];
  /** Per row: regionless, the lens, how many subjects, regions and terms, and the byte lengths of packedWords and body. */
  readonly numbers: Int32Array;
  /** Per row: packedWords, then body. */
  readonly bytes: Uint8Array;
}

const LENS = 9;
const NUMBERS_PER_ROW = 1 + LENS + 5;

export function packRows(rows: readonly IndexRow[]): PackedRows {
  const strings: string[] = [];
  const numbers = new Int32Array(rows.length * NUMBERS_PER_ROW);
  let size = 0;
  for (const r of rows) size += r.packedWords.length + r.body.length;
  const bytes = new Uint8Array(size);
  let n = 0;
  let at = 0;
  for (const r of rows) {
    strings.push(r.id, r.category, r.season, ...r.words, ...r.bigrams, r.chars, ...r.subjects, ...r.regions);
    for (const t of r.terms) strings.push(t.term, t.pinyin, t.initials);
    numbers[n++] = r.regionless;
    for (let i = 0; i < LENS; i++) numbers[n++] = r.lens[i] ?? 0;
    numbers[n++] = r.subjects.length;
    numbers[n++] = r.regions.length;
    numbers[n++] = r.terms.length;
    numbers[n++] = r.packedWords.length;
    numbers[n++] = r.body.length;
    bytes.set(r.packedWords, at);
    at += r.packedWords.length;
    bytes.set(r.body, at);
    at += r.body.length;
  }
  return { strings, numbers, bytes };
}

/** The buffers `postMessage` may move instead of copying (the packed rows are unusable to the sender afterwards). */
export function transferList(p: PackedRows): ArrayBuffer[] {
  return [p.numbers.buffer as ArrayBuffer, p.bytes.buffer as ArrayBuffer];
}

/** The rows again; their byte fields are views into `p.bytes`. */
export function unpackRows(p: PackedRows): IndexRow[] {
  const rows: IndexRow[] = [];
  const s = p.strings;
  const num = p.numbers;
  let k = 0;
  let at = 0;
  for (let n = 0; n < num.length; n += NUMBERS_PER_ROW) {
    const subjects = num[n + 1 + LENS]!;
    const regions = num[n + 2 + LENS]!;
    const termCount = num[n + 3 + LENS]!;
    const wordBytes = num[n + 4 + LENS]!;
    const bodyBytes = num[n + 5 + LENS]!;
    const id = s[k++]!;
    const category = s[k++]!;
    const season = s[k++]!;
    const words = [s[k++]!, s[k++]!, s[k++]!] as const;
    const bigrams = [s[k++]!, s[k++]!] as const;
    const chars = s[k++]!;
    const subjectList = s.slice(k, (k += subjects));
    const regionList = s.slice(k, (k += regions));
    const terms: TermRow[] = [];
    for (let t = 0; t < termCount; t++) terms.push({ term: s[k++]!, pinyin: s[k++]!, initials: s[k++]! });
    rows.push({
      id,
      category,
      season,
      regionless: num[n]!,
      lens: Array.from(num.subarray(n + 1, n + 1 + LENS)),
      words,
      packedWords: p.bytes.subarray(at, (at += wordBytes)),
      bigrams,
      body: p.bytes.subarray(at, (at += bodyBytes)),
      subjects: subjectList,
      regions: regionList,
      chars,
      terms,
    });
  }
  return rows;
}
