import type Database from 'better-sqlite3';
import type { IndexRow } from './indexRow';

/** What writes change in the corpus statistics, applied once at the end of a transaction or build. */
export class StatsDelta {
  docs = 0;
  readonly lens = new Array<number>(9).fill(0);
  /**
   * Document-frequency changes of characters: of BMP ones by code unit (a Map update per character of
   * every article was a tenth of a build's main thread), of others by the character.
   */
  private readonly bmpDf = new Int32Array(0x10000);
  private readonly astralDf = new Map<string, number>();

  /** Counts one article in (`sign` 1) or out (-1); `chars` are its distinct Han characters as one string. */
  add(sign: 1 | -1, lens: readonly number[], chars: string): void {
    this.docs += sign;
    lens.forEach((n, i) => (this.lens[i]! += sign * n));
    for (let i = 0; i < chars.length; i++) {
      const unit = chars.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < chars.length) {
        const ch = chars.slice(i, i + 2);
        this.astralDf.set(ch, (this.astralDf.get(ch) ?? 0) + sign);
        i++;
      } else {
        this.bmpDf[unit]! += sign;
      }
    }
  }

  /** Each character whose document frequency changed, with the change. */
  *charDf(): Generator<[string, number]> {
    for (let unit = 0; unit < this.bmpDf.length; unit++) {
      const n = this.bmpDf[unit]!;
      if (n !== 0) yield [String.fromCharCode(unit), n];
    }
    for (const [ch, n] of this.astralDf) if (n !== 0) yield [ch, n];
  }
}

export type WriteStatements = ReturnType<typeof prepareWrites>;

export function prepareWrites(db: Database.Database) {
  return {
    insertArticle: db.prepare<[number | null, string, string, string, number, string, Uint8Array, Uint8Array]>(
      'INSERT INTO kb_article (rid, id, category, season, regionless, lens, words, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    insertWords: db.prepare<[number, string, string, string]>(
      'INSERT INTO kb_words (rowid, title, keys, answer) VALUES (?, ?, ?, ?)',
    ),
    insertBigrams: db.prepare<[number, string, string]>('INSERT INTO kb_bigrams (rowid, title, keys) VALUES (?, ?, ?)'),
    insertSubject: db.prepare<[number, string]>('INSERT INTO kb_article_subject (rid, subject) VALUES (?, ?)'),
    insertRegion: db.prepare<[number, string]>('INSERT INTO kb_article_region (rid, region) VALUES (?, ?)'),
    insertTerm: db.prepare<[string, string, string]>(
      'INSERT OR IGNORE INTO kb_term (term, pinyin, initials) VALUES (?, ?, ?)',
    ),
    setMeta: db.prepare<[string, string]>(
      'INSERT INTO kb_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    stats: db.prepare<[], { docs: number; lens: string }>('SELECT docs, lens FROM kb_stats WHERE id = 1'),
    setStats: db.prepare<[number, string]>('UPDATE kb_stats SET docs = ?, lens = ? WHERE id = 1'),
    addCharDf: db.prepare<[string, number]>(
      'INSERT INTO kb_char_df (ch, df) VALUES (?, ?) ON CONFLICT (ch) DO UPDATE SET df = df + excluded.df',
    ),
    dropUnusedChars: db.prepare('DELETE FROM kb_char_df WHERE df <= 0'),
    deleteWords: db.prepare<[number]>('DELETE FROM kb_words WHERE rowid = ?'),
    deleteBigrams: db.prepare<[number]>('DELETE FROM kb_bigrams WHERE rowid = ?'),
    deleteSubjects: db.prepare<[number]>('DELETE FROM kb_article_subject WHERE rid = ?'),
    deleteRegions: db.prepare<[number]>('DELETE FROM kb_article_region WHERE rid = ?'),
    deleteArticle: db.prepare<[number]>('DELETE FROM kb_article WHERE rid = ?'),
  };
}

/** Inserts one article row into every structure (keeping `rid` when it replaces an article); returns its rid. */
export function writeRow(w: WriteStatements, row: IndexRow, rid: number | null): number {
  const [title, keys, answer] = row.words;
  const id = Number(
    w.insertArticle.run(
      rid,
      row.id,
      row.category,
      row.season,
      row.regionless,
      JSON.stringify(row.lens),
      row.packedWords,
      row.body,
    ).lastInsertRowid,
  );
  w.insertWords.run(id, title, keys, answer);
  w.insertBigrams.run(id, row.bigrams[0], row.bigrams[1]);
  for (const s of row.subjects) w.insertSubject.run(id, s);
  for (const r of row.regions) w.insertRegion.run(id, r);
  return id;
}

/** Adds `delta` to the stored corpus statistics. */
export function applyStats(w: WriteStatements, delta: StatsDelta): void {
  const current = w.stats.get();
  const lens = (JSON.parse(current?.lens ?? '[]') as number[]).map((n, i) => n + (delta.lens[i] ?? 0));
  w.setStats.run((current?.docs ?? 0) + delta.docs, JSON.stringify(lens));
  for (const [ch, n] of delta.charDf()) w.addCharDf.run(ch, n);
  w.dropUnusedChars.run();
}
